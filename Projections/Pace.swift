import JournalDomain

/// Where a goal stands against the calendar on a given day: which milestones are late, where the straight
/// road from 0 on the quarter's first day to the target on the due date says progress should be, how many
/// weeks behind that leaves the goal, and whether its deadline has passed. Shared by the sprint board, the
/// warnings, the report and the insights.
public struct Pace: Equatable, Sendable {
    /// Milestone numbers whose planned last week or due date has passed while they are not done.
    public let late: Set<Int>
    /// Where the road says the numeric progress should be today (nil without a target).
    public let expected: Double?
    /// No milestone late, the road (where it judges) less than a week ahead, and the deadline not passed.
    public let onTrack: Bool
    /// The larger of the latest milestone's lag (started weeks) and the road's (whole weeks); an overdue goal's
    /// time past its deadline is `daysOverdue`, not counted here.
    public let weeksBehind: Int
    /// Days since the deadline for a goal still active after it (nil when not overdue).
    public let daysOverdue: Int?

    public init(goal: GoalState, today: LocalDate) {
        guard goal.status == .active else {
            late = []
            expected = nil
            onTrack = goal.status == .completed
            weeksBehind = 0
            daysOverdue = nil
            return
        }
        var late = Set<Int>()
        var daysBehind = 0
        for milestone in goal.milestones.values where milestone.doneAt == nil {
            guard let end = Pace.plannedEnd(milestone), end < today else { continue }
            late.insert(milestone.number)
            daysBehind = max(daysBehind, end.days(until: today))
        }
        self.late = late
        let road = RoadLag(goal: goal, today: today)
        expected = road?.expected
        daysOverdue = Deadline.daysOverdue(goal, on: today)
        // A late milestone is a week behind from its first late day: rounded up without adding first, so no
        // count of days can overflow. The road counts whole weeks only (RoadLag).
        let milestoneWeeks = daysBehind / 7 + (daysBehind % 7 > 0 ? 1 : 0)
        let roadWeeks = road?.judgedWeeks ?? 0
        onTrack = late.isEmpty && roadWeeks == 0 && daysOverdue == nil
        weeksBehind = max(milestoneWeeks, roadWeeks)
    }

    /// Where the straight road from 0 on `start` to `target` on `end` stands on `day`: 0 until it starts, the
    /// target from `end` on (the sprint board's "by today" and the charts' road).
    public static func road(target: Double, from start: LocalDate, to end: LocalDate, on day: LocalDate) -> Double {
        let span = start.days(until: end)
        let elapsed = min(max(start.days(until: day), 0), max(span, 0))
        let fraction = span > 0 ? Double(elapsed) / Double(span) : (day >= end ? 1 : 0)
        return target * fraction
    }

    /// The last day a milestone was planned for: its last week's last day in the quarter those weeks belong to
    /// (so a milestone carried to another quarter stays late), or its due date.
    public static func plannedEnd(_ milestone: MilestoneState) -> LocalDate? {
        milestone.plannedEnd
    }
}

/// Work crammed into a goal's last two weeks: the last 14 days up to its due date (or its quarter's last day).
public struct Cramming: Equatable, Sendable {
    public let milestonesDone: Int
    public let doneInLastTwoWeeks: Int
    public let milestoneCount: Int

    /// Milestones done before the goal's quarter began were another sprint's work (the goal was carried over):
    /// they count in none of this one's figures.
    public init(goal: GoalState, time: TimeContext) {
        let end = goal.due ?? goal.quarter.lastDay
        let window = end.adding(days: -13)...end
        let start = goal.quarter.firstDay
        let doneDays = goal.milestones.values.compactMap { $0.doneAt.map(time.localDate(of:)) }
        let doneHere = doneDays.filter { $0 >= start }
        milestonesDone = doneHere.count
        doneInLastTwoWeeks = doneHere.filter { window.contains($0) }.count
        milestoneCount = goal.milestones.count - (doneDays.count - doneHere.count)
    }

    /// Of the milestones done, the share done in the last two weeks (0 when none is done).
    public var share: Double {
        milestonesDone == 0 ? 0 : Double(doneInLastTwoWeeks) / Double(milestonesDone)
    }

    /// Half or more of the goal's milestones done in its last two weeks (and at least two of them:
    /// finishing a single "take the exam" on the day is the plan, not cramming).
    public var isCramming: Bool {
        doneInLastTwoWeeks >= 2 && doneInLastTwoWeeks * 2 >= milestoneCount
    }
}
