import JournalDomain

/// When a goal's time is up. The log only knows active, completed and dropped; "overdue" is a judgement made on
/// a day, so it lives here and never in the events.
public enum Deadline {
    /// The goal's due date; without one, its quarter's last day (a sprint is the quarter, so that is when it ends).
    public static func of(_ goal: GoalState) -> LocalDate { goal.due ?? goal.quarter.lastDay }

    /// Days since the deadline, for a goal neither completed nor dropped whose deadline is before `day`; nil
    /// otherwise. The deadline day itself is still in time: a goal becomes overdue the day after it.
    public static func daysOverdue(_ goal: GoalState, on day: LocalDate) -> Int? {
        guard goal.status == .active else { return nil }
        let deadline = of(goal)
        guard deadline < day else { return nil }
        return deadline.days(until: day)
    }
}

/// A goal's status as the board, the shared document and the report show it: the log's status, with an active
/// goal past its deadline shown as overdue. The raw values are the json `status` values.
public enum Standing: String, Equatable, Sendable {
    case active, overdue, completed, dropped

    public init(_ status: GoalStatus, daysOverdue: Int?) {
        switch status {
        case .active: self = daysOverdue == nil ? .active : .overdue
        case .completed: self = .completed
        case .dropped: self = .dropped
        }
    }
}
