import JournalApp
import JournalDomain
import JournalStore
import JournalWords

extension CLIError {
    init(_ error: DomainError) {
        self.init(error.isUsageError ? .usage : .data, error.message)
    }

    init(_ error: StoreError) {
        let status: ExitStatus
        switch error {
        case .wrongExpectedVersion: status = .tempFail
        case .eventIdConflict, .invalidEvent: status = .data
        case .noJournal, .notAJournal, .newerSchema: status = .noJournal
        case .busy: status = .tempFail
        case .readOnly, .diskFull, .corrupt, .io: status = .io
        case .sqlite, .sessionEnded: status = .software
        }
        self.init(status, error.message)
    }

    init(_ error: AppError) {
        let status: ExitStatus
        switch error.kind {
        case .usage: status = .usage
        case .data: status = .data
        case .noJournal: status = .noJournal
        case .software: status = .software
        }
        self.init(status, error.message)
    }

    /// Any error a command can raise, as the one line and exit code the user sees.
    static func from(_ error: Error) -> CLIError {
        switch error {
        case let e as CLIError: return e
        case let e as AppError: return CLIError(e)
        case let e as DomainError: return CLIError(e)
        case let e as StoreError: return CLIError(e)
        case let e as JournalEvent.DecodingFailure:
            return CLIError(.data, "\(e.description); the journal may have been written by a newer version of journal: upgrade journal to read it")
        default: return CLIError(.software, "unexpected failure: \(error)")
        }
    }
}
