import JournalDomain

/// How far a numeric goal's progress trails its road (0 on the quarter's first day to the target on the deadline,
/// then the target), counted in whole weeks of the goal's weekly rate: target / (weeks from the quarter's first
/// day to the deadline). Half a week short is not a week behind, so the count is rounded down; in week 1 no
/// whole week can have been lost yet.
public struct RoadLag: Equatable, Sendable {
    /// Milestones judge a goal whose target is at most this (one unit a week or less): two case studies are
    /// "behind" by the calendar only when a case study is late, not a few days after the quarter starts.
    public static let smallTarget = 13.0

    /// Where the road says the progress should be today.
    public let expected: Double
    /// Whole weeks behind the road. After the deadline the road stays at the target while the days go on,
    /// so an unreached target falls a week further behind every week.
    public let weeks: Int
    /// Whether the road judges the goal. A small target with milestones planned is judged by its milestones;
    /// the road only informs (the board still shows where it stands).
    public let judges: Bool

    /// Nil for a goal without a positive target.
    public init?(goal: GoalState, today: LocalDate) {
        guard let target = goal.target, target > 0 else { return nil }
        let start = goal.quarter.firstDay
        let end = max(Deadline.of(goal), start)
        let span = start.days(until: end)
        expected = Pace.road(target: target, from: start, to: end, on: today)
        judges = !(target <= RoadLag.smallTarget && !goal.milestones.isEmpty)
        guard today >= start.adding(days: 7), goal.current + 1e-9 < expected else {
            weeks = 0
            return
        }
        // The day the road passed the current value, and the days since: not capped at the deadline.
        // Clamped: a reading below zero (an earlier build let -1e300 in) is as far behind as none at all.
        let reachedOn = Double(span) * min(max(goal.current / target, 0), 1)
        let daysBehind = Double(start.days(until: today)) - reachedOn
        // The small allowance keeps 14 days computed as 13.999... from counting as one week.
        weeks = max(0, Int(saturating: (daysBehind / 7 + 1e-9).rounded(.down)))
    }

    /// The weeks that count against the goal's standing.
    public var judgedWeeks: Int { judges ? weeks : 0 }
}
