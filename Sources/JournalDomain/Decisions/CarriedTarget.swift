/// What a new numeric target typed for a carried-over goal means. A goal's progress is a running total that
/// carries into the new quarter with it, so "40 more" stored as a target of 40 would show 52/40 after 40 more
/// were done on top of 12: the plan asks, and the stored target is always the total to reach.
public enum CarriedTarget: String, Equatable, Sendable, CaseIterable {
    /// The number is the total to reach, progress so far included.
    case total
    /// The number is what is left to do on top of the progress so far.
    case left

    /// The total target the goal gets.
    public func total(_ typed: Double, current: Double, option: String) throws(DomainError) -> Double {
        switch self {
        case .total: return try Validate.amount(typed, option: option)
        case .left: return try Validate.amount(current + (try Validate.amount(typed, option: option)), option: option)
        }
    }

    /// The question only matters once progress has been measured.
    public static func needsAsking(_ goal: GoalState, newTarget: Double?) -> Bool {
        guard let newTarget else { return false }
        return goal.current > 0 && newTarget != goal.target
    }

    /// Whether the measured progress has reached the goal's numeric target.
    public static func reached(_ goal: GoalState) -> Bool {
        guard let target = goal.target else { return false }
        return goal.current >= target
    }

    /// "65 of 60 applications", as notes and questions about a reached target say it.
    public static func standing(_ goal: GoalState) -> String {
        let unit = goal.unit.map { " " + $0 } ?? ""
        return "\(NumberText.format(goal.current)) of \(NumberText.format(goal.target ?? 0))\(unit)"
    }
}
