import JournalStore

/// The one line the CLI shows for each way the store refuses or fails, naming the fix: the flag to pass, the
/// command to run. The switch has no `default`, so a new case cannot reach a user without its words.
extension StoreError {
    public var message: String {
        switch self {
        case .wrongExpectedVersion(let stream, let expected, let actual):
            return "stream \(stream) is at version \(actual), not \(expected); read it again and retry"
        case .eventIdConflict(let id):
            return "event id \(id) is already in the journal with different content; use a new id"
        case .invalidEvent(let reason):
            return "invalid event: \(reason)"
        case .noJournal(let path):
            return "no journal at \(path); record something first with journal log, or pass --db PATH"
        case .notAJournal(let path, let reason):
            return "\(path) is not a journal (\(reason)); pass --db with a journal file or a new path"
        case .newerSchema(let path, let found, let supported):
            return "\(path) has journal schema version \(found), but this journal understands up to version \(supported); upgrade journal"
        case .busy(let path):
            return "the journal \(path) is busy in another process; try again in a moment"
        case .readOnly(let path, let detail):
            return "cannot write to \(path) (\(detail)); check the file's and its folder's permissions"
        case .diskFull(let path):
            return "the disk holding \(path) is full; free some space and run the command again (nothing was recorded)"
        case .corrupt(let path, let detail):
            return "\(path) is damaged (\(detail)); restore it from a backup or an export"
        case .io(let path, let detail):
            return "cannot read or write \(path) (\(detail)); check the disk and permissions"
        case .sqlite(let error):
            return "the journal database failed: \(error)"
        case .sessionEnded:
            return "a write session was used after its transaction ended; nothing was recorded by it: report this bug"
        }
    }
}
