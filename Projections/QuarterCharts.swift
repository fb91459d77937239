import JournalDomain

/// The series a quarter's charts draw, week by week: milestones planned against milestones done (a burn-up),
/// minutes linked to a goal or to none, each goal's minutes, and each numeric goal's progress against its road.
///
/// Figures are counted up to `through` (the quarter's last day for a report, today for a running sprint): weeks
/// after it carry the plan only. The burn-up and the roads follow the goals still standing in the quarter at the
/// cut-off (active or completed): a dropped goal, or one moved to another quarter, has left the plan. Effort
/// counts every activity of the counted days, whatever it served.
public struct QuarterCharts: Equatable, Sendable {
    public let quarter: Quarter
    /// The last day counted.
    public let through: LocalDate
    /// Always weeks 1 to 13; figures that lie after `through` are nil.
    public let weeks: [Week]
    /// The standing goals' milestones: where the burn-up's plan ends.
    public let milestoneTotal: Int
    /// The standing goals with a numeric target, in the order they were set.
    public let roads: [Road]
    /// The keys of the standing goals without a numeric target: they have no road.
    public let withoutTarget: [String]
    /// Every goal of the quarter at the cut-off (dropped ones too), with its minutes in each counted week.
    public let goalMinutes: [GoalMinutes]

    public struct Week: Equatable, Sendable {
        public let week: Int
        /// The week's days (the last week runs to the quarter's last day).
        public let days: ClosedRange<LocalDate>
        /// Milestones planned to be done by the end of this week, counted from the quarter's start.
        public let milestonesPlanned: Int
        /// Milestones done by the end of this week (by `through` in the week it falls in), counted from the start.
        public let milestonesDone: Int?
        public let minutesLinked: Int?
        public let minutesUnlinked: Int?

        /// Whether the week began by `through`: it has figures.
        public var counted: Bool { milestonesDone != nil }
    }

    /// A numeric goal's straight road, from 0 on the quarter's first day to its target on its due date (or the
    /// quarter's last day), and where its progress stood at the end of each counted week.
    public struct Road: Equatable, Sendable {
        public let key: String
        public let title: String
        public let unit: String?
        public let target: Double
        /// The day the road reaches the target.
        public let reaches: LocalDate
        public let points: [RoadPoint]
        /// The progress at the cut-off.
        public let current: Double
    }

    public struct RoadPoint: Equatable, Sendable {
        public let week: Int
        /// The day measured: the week's last day, or `through` in the week it falls in.
        public let day: LocalDate
        public let actual: Double
        /// Where the road was that day.
        public let expected: Double
    }

    public struct GoalMinutes: Equatable, Sendable {
        public let key: String
        /// Minutes in weeks 1... of the counted weeks.
        public let minutes: [Int]
        public var total: Int { minutes.reduce(0, +) }
    }

    /// The whole quarter, as a report sees it: everything that occurred by its last day, as known now or at the
    /// end of `asKnownAt`.
    public static func report(ledger: Ledger, quarter: Quarter, asKnownAt: LocalDate? = nil, time: TimeContext) -> QuarterCharts {
        QuarterCharts(ledger: ledger, quarter: quarter, through: quarter.lastDay, cutoff: endOf(quarter.lastDay, time),
                      knowledge: Knowledge(asKnownAt: asKnownAt.map { endOf($0, time) }), time: time)
    }

    /// The quarter up to now, as the sprint board sees it: what had occurred and been recorded by `time.now`.
    public static func sprint(ledger: Ledger, quarter: Quarter, time: TimeContext) -> QuarterCharts {
        let through = min(time.today, quarter.lastDay)
        return QuarterCharts(ledger: ledger, quarter: quarter, through: through, cutoff: min(time.now, endOf(quarter.lastDay, time)),
                             knowledge: Knowledge(asKnownAt: time.now), time: time)
    }

    /// - Parameters:
    ///   - through: the last day with figures.
    ///   - cutoff: events that occurred after this instant are left out.
    public init(ledger: Ledger, quarter: Quarter, through: LocalDate, cutoff: Instant, knowledge: Knowledge, time: TimeContext) {
        self.quarter = quarter
        self.through = through
        let goals = ledger.goals(in: quarter, at: cutoff, knowledge)
        let standing = goals.filter { $0.status != .dropped }
        let weekDays = (1...Quarter.weekCount).compactMap { quarter.days(ofWeek: $0) }
        let counted = weekDays.filter { $0.lowerBound <= through }.count

        // A milestone done before the quarter began is an earlier sprint's (its goal was carried over): it is neither
        // planned nor done in this one.
        let milestones = standing.flatMap { $0.milestones.values }.filter { milestone in
            milestone.doneAt.map { time.localDate(of: $0) >= quarter.firstDay } ?? true
        }
        milestoneTotal = milestones.count
        var plannedIn = [Int](repeating: 0, count: Quarter.weekCount + 1)
        var doneIn = [Int](repeating: 0, count: Quarter.weekCount + 1)
        for milestone in milestones {
            plannedIn[Self.plannedWeek(milestone, quarter: quarter)] += 1
            if let doneAt = milestone.doneAt {
                let day = time.localDate(of: doneAt)
                doneIn[quarter.week(of: day) ?? Quarter.weekCount] += 1
            }
        }

        let activities = ledger.activities(in: quarter.firstDay...max(through, quarter.firstDay), time: time, knowledge,
                                           occurredBy: cutoff)
        var linked = [Int](repeating: 0, count: Quarter.weekCount + 1)
        var unlinked = [Int](repeating: 0, count: Quarter.weekCount + 1)
        var perGoal: [String: [Int]] = [:]
        for activity in activities {
            guard let week = quarter.week(of: time.localDate(of: activity.occurredAt)), week <= counted else { continue }
            if let goal = activity.goal {
                linked[week] += activity.minutes
                perGoal[goal, default: [Int](repeating: 0, count: counted)][week - 1] += activity.minutes
            } else {
                unlinked[week] += activity.minutes
            }
        }

        var planned = 0, done = 0
        weeks = weekDays.enumerated().map { index, days in
            let week = index + 1
            planned += plannedIn[week]
            done += doneIn[week]
            let isCounted = week <= counted
            return Week(week: week, days: days, milestonesPlanned: planned, milestonesDone: isCounted ? done : nil,
                        minutesLinked: isCounted ? linked[week] : nil, minutesUnlinked: isCounted ? unlinked[week] : nil)
        }
        goalMinutes = goals.map { GoalMinutes(key: $0.shownKey, minutes: perGoal[$0.id] ?? [Int](repeating: 0, count: counted)) }

        withoutTarget = standing.filter { ($0.target ?? 0) <= 0 }.map(\.shownKey)
        roads = standing.compactMap { goal in
            guard let target = goal.target, target > 0 else { return nil }
            let reaches = max(goal.due ?? quarter.lastDay, quarter.firstDay)
            let days = weekDays.prefix(counted).map { min($0.upperBound, through) }
            let actual = ledger.progress(ofGoal: goal.id, at: days.map { min(Self.endOf($0, time), cutoff) }, knowledge)
            let points = zip(days, actual).enumerated().map { index, point in
                RoadPoint(week: index + 1, day: point.0, actual: point.1 ?? 0,
                          expected: Pace.road(target: target, from: quarter.firstDay, to: reaches, on: point.0))
            }
            return Road(key: goal.shownKey, title: goal.title, unit: goal.unit, target: target, reaches: reaches, points: points,
                        current: goal.current)
        }
    }

    /// The week a milestone is planned to be done by: the week its planned end falls in (its last week, in the
    /// quarter those weeks belong to, or its due date); week 1 for an end before the quarter (a milestone carried
    /// over late), week 13 for one after it or for a milestone with neither.
    static func plannedWeek(_ milestone: MilestoneState, quarter: Quarter) -> Int {
        guard let end = milestone.plannedEnd else { return Quarter.weekCount }
        if end < quarter.firstDay { return 1 }
        return quarter.week(of: end) ?? Quarter.weekCount
    }

    /// The last millisecond of a local day.
    static func endOf(_ date: LocalDate, _ time: TimeContext) -> Instant {
        Instant(millisecondsSinceEpoch: time.startOfDay(date.adding(days: 1)).millisecondsSinceEpoch - 1)
    }
}
