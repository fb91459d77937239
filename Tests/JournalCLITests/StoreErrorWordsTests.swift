import JournalDomain
@testable import JournalStore
import JournalWords
import Testing
@testable import JournalCLI

/// The line and exit status the CLI gives each way the store refuses or fails: as the store's own description
/// said them before the words moved to the CLI (issue 14, item 5).
@Suite("The words of each store error")
struct StoreErrorWordsTests {
    static let samples: [(StoreError, String, JournalCLI.ExitStatus)] = [
        (.wrongExpectedVersion(stream: "goal-aws", expected: .exact(2), actual: 3),
         "stream goal-aws is at version 3, not version 2; read it again and retry", .tempFail),
        (.eventIdConflict(eventId: "e1"), "event id e1 is already in the journal with different content; use a new id", .data),
        (.invalidEvent("it is late"), "invalid event: it is late", .data),
        (.noJournal(path: "/j.db"), "no journal at /j.db; record something first with journal log, or pass --db PATH", .noJournal),
        (.notAJournal(path: "/j.db", reason: "file is not a database"),
         "/j.db is not a journal (file is not a database); pass --db with a journal file or a new path", .noJournal),
        (.newerSchema(path: "/j.db", found: 9, supported: 8),
         "/j.db has journal schema version 9, but this journal understands up to version 8; upgrade journal", .noJournal),
        (.busy(path: "/j.db"), "the journal /j.db is busy in another process; try again in a moment", .tempFail),
        (.readOnly(path: "/j.db", detail: "attempt to write a readonly database"),
         "cannot write to /j.db (attempt to write a readonly database); check the file's and its folder's permissions", .io),
        (.diskFull(path: "/j.db"), "the disk holding /j.db is full; free some space and run the command again (nothing was recorded)", .io),
        (.corrupt(path: "/j.db", detail: "malformed"), "/j.db is damaged (malformed); restore it from a backup or an export", .io),
        (.io(path: "/j.db", detail: "gone"), "cannot read or write /j.db (gone); check the disk and permissions", .io),
        (.sqlite(SQLiteError(code: 1, message: "no such table")),
         "the journal database failed: SQLite error 1: no such table", .software),
        (.sessionEnded, "a write session was used after its transaction ended; nothing was recorded by it: report this bug", .software),
    ]

    /// Which case an error is; no `default`, so a new case does not compile until it is listed and sampled.
    static func caseNumber(_ error: StoreError) -> Int {
        switch error {
        case .wrongExpectedVersion: 0
        case .eventIdConflict: 1
        case .invalidEvent: 2
        case .noJournal: 3
        case .notAJournal: 4
        case .newerSchema: 5
        case .busy: 6
        case .readOnly: 7
        case .diskFull: 8
        case .corrupt: 9
        case .io: 10
        case .sqlite: 11
        case .sessionEnded: 12
        }
    }

    @Test func everyCaseHasASample() {
        #expect(Set(Self.samples.map { Self.caseNumber($0.0) }) == Set(0..<13))
    }

    @Test func eachErrorReadsAsItDidWhenTheStoreDescribedIt() {
        for (error, line, status) in Self.samples {
            let shown = CLIError.from(error)
            #expect(shown.message == line, "\(error)")
            #expect(shown.status == status, "\(error)")
        }
    }
}
