/// Which stream an event belongs to. A stream is the consistency boundary a decision reads:
/// one per goal (its milestones, progress and revisions), one per direction, one per reviewed quarter,
/// one for the partner, and one per local day for activities, so no stream grows with the journal.
/// A retraction is appended to its target's stream.
public enum StreamName {
    public static func goal(_ key: String) -> String { "goal-" + key }
    public static func direction(_ key: String) -> String { "direction-" + key }
    public static func review(_ quarter: Quarter) -> String { "review-" + quarter.description }
    public static func activities(_ day: LocalDate) -> String { "activities-" + day.description }
    public static let partner = "partner"
    /// The running timer's starts, stops and cancellations: one small stream, read by start, stop and cancel.
    public static let timer = "timer"
}
