/// A sprint goal's deadline falls in its quarter or after it, never before its first day: a goal due before
/// its sprint starts would be late from the first day, and is nearly always a date read the wrong way.
/// A deadline after the quarter's last day is allowed, with advice (SmartAdvice); a move to a later quarter
/// carries a deadline it would leave behind to that quarter's last day (SprintPlan.carriedDue).
public enum DeadlineRule {
    /// Refuses `due` when it is before `quarter` begins, naming the quarter's days.
    public static func check(_ due: LocalDate?, in quarter: Quarter, goal: String) throws(DomainError) {
        guard let due, due < quarter.firstDay else { return }
        throw .deadlineBeforeQuarter(goal: goal, due: due, quarter: quarter)
    }
}
