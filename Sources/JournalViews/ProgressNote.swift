import JournalDomain

/// The note `log progress` adds when the measured progress reaches or passes the goal's target: the
/// progress is recorded as given (overshooting happens), and completing the goal is the next step.
public enum ProgressNote {
    /// `goal` is the goal as it stands after `change`.
    public static func note(_ change: JournalEvent, goal: GoalState?) -> String? {
        guard case .progressMeasured = change, let goal, goal.status == .active,
              CarriedTarget.reached(goal) else { return nil }
        return "\(CarriedTarget.standing(goal)): complete it with journal log complete \(goal.shownKey)"
    }
}
