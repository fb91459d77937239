/// Why the store refused or failed. Each case carries the values a front end needs to say the problem and its
/// fix in one line (JournalWords has the CLI's words: the flags to pass, the commands to run).
public enum StoreError: Error, Equatable, Sendable {
    case wrongExpectedVersion(stream: String, expected: ExpectedVersion, actual: Int)
    case eventIdConflict(eventId: String)
    case invalidEvent(String)
    case noJournal(path: String)
    case notAJournal(path: String, reason: String)
    case newerSchema(path: String, found: Int, supported: Int)
    case busy(path: String)
    case readOnly(path: String, detail: String)
    case diskFull(path: String)
    case corrupt(path: String, detail: String)
    case io(path: String, detail: String)
    case sqlite(SQLiteError)
    /// A write session used after the `write` that made it returned (a programming error).
    case sessionEnded
}
