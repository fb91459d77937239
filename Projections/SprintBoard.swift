import JournalDomain

/// Where a quarter's sprint stands on a day: each goal with its milestones against the calendar, numeric
/// progress against its road, and the warnings. "Now" (`time.now`) is a parameter: the board shows what had
/// occurred and been recorded by then.
public struct SprintBoard: Equatable, Sendable {
    public let quarter: Quarter
    public let today: LocalDate
    /// The sprint week today falls in: 1-13 inside the quarter, 0 before it, 13 after it.
    public let week: Int
    public let weeks: Int
    /// Days left in the quarter, today included (0 once it is over).
    public let daysLeft: Int
    public let partner: String?
    public let goals: [Card]
    public let warnings: [Warning]

    public struct Card: Equatable, Sendable {
        /// The goal's identity, to look it up by (`key` is the key it is shown by).
        public let id: String
        public let key: String
        public let title: String
        public let status: GoalStatus
        public let metric: String?
        public let due: LocalDate?
        public let direction: String?
        public let target: Double?
        public let current: Double?
        public let unit: String?
        /// Where the straight road from 0 to the target says the progress should be today.
        public let expected: Double?
        public let milestones: [Milestone]
        public let done: Int
        public let total: Int
        public let onTrack: Bool
        public let weeksBehind: Int
        /// Days since the deadline (its due date, or its quarter's last day) of a goal still active after it.
        public let daysOverdue: Int?

        /// The status as shown: `status`, or overdue.
        public var standing: Standing { Standing(status, daysOverdue: daysOverdue) }
    }

    public struct Milestone: Equatable, Sendable {
        public let ref: String
        public let title: String
        /// Its sprint weeks, as weeks of `weeksQuarter`.
        public let weeks: WeekSpan?
        /// The quarter its weeks are weeks of: the board's quarter, or the one it was planned in before its goal
        /// moved (until it is rescheduled); nil without weeks.
        public let weeksQuarter: Quarter?
        /// The calendar days it is planned for (its weeks' days, or its due date); nil when unscheduled.
        public let plannedDays: ClosedRange<LocalDate>?
        public let due: LocalDate?
        public let doneOn: LocalDate?
        public let late: Bool

        public init(ref: String, title: String, weeks: WeekSpan?, weeksQuarter: Quarter? = nil,
                    plannedDays: ClosedRange<LocalDate>? = nil, due: LocalDate?, doneOn: LocalDate?, late: Bool) {
            self.ref = ref
            self.title = title
            self.weeks = weeks
            self.weeksQuarter = weeksQuarter
            self.plannedDays = plannedDays
            self.due = due
            self.doneOn = doneOn
            self.late = late
        }

        /// Its weeks when they are weeks of `quarter`; nil when they belong to another quarter (show its days then).
        public func weeks(in quarter: Quarter) -> WeekSpan? {
            weeksQuarter == quarter ? weeks : nil
        }
    }

    public init(ledger: Ledger, quarter: Quarter, time: TimeContext) {
        let today = time.today
        self.quarter = quarter
        self.today = today
        weeks = Quarter.weekCount
        if today < quarter.firstDay {
            week = 0
            daysLeft = quarter.firstDay.days(until: quarter.lastDay) + 1
        } else if today > quarter.lastDay {
            week = Quarter.weekCount
            daysLeft = 0
        } else {
            week = quarter.week(of: today) ?? Quarter.weekCount
            daysLeft = today.days(until: quarter.lastDay) + 1
        }
        let known = Knowledge(asKnownAt: time.now)
        partner = ledger.partner(known)
        goals = Self.cards(ledger: ledger, quarter: quarter, time: time)
        warnings = Warnings.forSprint(quarter: quarter, ledger: ledger, time: time)
    }

    /// The quarter's goals as the board shows them, without the board's warnings (the goal list shows every
    /// quarter's cards and needs no warnings).
    public static func cards(ledger: Ledger, quarter: Quarter, time: TimeContext) -> [Card] {
        let today = time.today
        let known = Knowledge(asKnownAt: time.now)
        return ledger.goals(in: quarter, at: time.now, known).map { goal in
            let pace = Pace(goal: goal, today: today)
            let milestones = goal.milestones.values.sorted { $0.number < $1.number }.map { m in
                Milestone(ref: "\(goal.shownKey)/\(m.number)", title: m.title, weeks: m.weeks, weeksQuarter: m.weeks.map { _ in m.quarter },
                          plannedDays: m.plannedDays, due: m.due, doneOn: m.doneAt.map(time.localDate(of:)),
                          late: pace.late.contains(m.number))
            }
            return Card(id: goal.id, key: goal.shownKey, title: goal.title, status: goal.status, metric: goal.metric, due: goal.due,
                        direction: goal.direction, target: goal.target, current: goal.target == nil ? nil : goal.current,
                        unit: goal.unit, expected: pace.expected, milestones: milestones,
                        done: milestones.filter { $0.doneOn != nil }.count, total: milestones.count,
                        onTrack: pace.onTrack, weeksBehind: pace.weeksBehind, daysOverdue: pace.daysOverdue)
        }
    }
}
