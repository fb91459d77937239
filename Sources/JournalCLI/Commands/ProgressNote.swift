import JournalApp
import JournalDomain

/// The note `log progress` adds when the measured progress reaches or passes the goal's target: the
/// progress is recorded as given (overshooting happens), and completing the goal is the next step.
enum ProgressNote {
    static func note(_ recorded: Recorded) -> String? {
        guard case .progressMeasured = recorded.change, let goal = recorded.goal, goal.status == .active,
              CarriedTarget.reached(goal) else { return nil }
        return "\(CarriedTarget.standing(goal)): complete it with journal log complete \(goal.key)"
    }
}
