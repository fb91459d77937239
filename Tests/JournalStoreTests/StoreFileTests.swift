import Foundation
import JournalDomain
@testable import JournalStore
import Testing

@Suite("The journal file")
struct StoreFileTests {
    func mode(_ path: String) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        return try #require(attributes[.posixPermissions] as? NSNumber).intValue & 0o777
    }

    @Test func aNewJournalIsPrivateInPrivateFolders() throws {
        let j = try TemporaryJournal()
        let path = j.folder.appendingPathComponent("a/b/journal.sqlite").path
        _ = try SQLiteEventStore(path: path, mode: .createIfMissing)
        #expect(try mode(path) == 0o600)
        #expect(try mode(j.folder.appendingPathComponent("a").path) == 0o700)
        #expect(try mode(j.folder.appendingPathComponent("a/b").path) == 0o700)
    }

    @Test func walWithFullSynchronousAndABusyTimeout() throws {
        let j = try TemporaryJournal()
        let store = try j.open()
        guard case .text(let journalMode)? = try store.db.run("PRAGMA journal_mode") else {
            Issue.record("PRAGMA journal_mode returned no text")
            return
        }
        #expect(journalMode == "wal")
        #expect(try store.db.integer("PRAGMA synchronous") == 2, "2 is FULL")
        #expect(try store.db.integer("PRAGMA user_version") == Int64(Schema.currentVersion))
        #expect(try store.db.integer("PRAGMA application_id") == Schema.applicationID)
        // Reopening keeps FULL: synchronous is per connection, so every open must set it.
        let again = try j.open(.mustExist)
        #expect(try again.db.integer("PRAGMA synchronous") == 2)
        #expect(try again.db.integer("PRAGMA busy_timeout") == Int64(SQLiteEventStore.busyTimeoutMilliseconds))
    }

    @Test func readingNeverCreatesAJournal() throws {
        let j = try TemporaryJournal()
        #expect(throws: StoreError.noJournal(path: j.path)) { try j.open(.mustExist) }
        #expect(!FileManager.default.fileExists(atPath: j.path))
    }

    @Test func aNewerSchemaIsRefusedNamingBothVersions() throws {
        let j = try TemporaryJournal()
        _ = try j.open()
        let newer = Schema.currentVersion + 1
        try j.raw().execute("PRAGMA user_version=\(newer)")
        // The refusal carries both versions (its words are the CLI's: StoreErrorWordsTests).
        #expect(throws: StoreError.newerSchema(path: j.path, found: newer, supported: Schema.currentVersion)) {
            try j.open(.mustExist)
        }
        // Refusing did not touch it.
        #expect(try j.raw().integer("PRAGMA user_version") == Int64(newer))
    }

    @Test("an older journal is migrated when opened, keeping its events", arguments: 0..<Schema.currentVersion)
    func anOlderSchemaIsMigrated(from version: Int) throws {
        let j = try TemporaryJournal()
        let raw = try j.raw()
        try raw.execute("PRAGMA journal_mode=WAL")
        if version > 0 {
            try raw.execute("PRAGMA application_id=\(Schema.applicationID)")
            for step in 0..<version { try raw.execute(Schema.migrations[step]) }
            try raw.execute("PRAGMA user_version=\(version)")
        }
        let store = try j.open()
        #expect(try store.db.integer("PRAGMA user_version") == Int64(Schema.currentVersion))
        let recorded = try store.append([batch("s", .noStream, [newEvent()])], recordedAt: t0)
        #expect(recorded.map(\.position) == [1])
    }

    @Test func anotherProgramsDatabaseIsLeftUntouched() throws {
        let j = try TemporaryJournal()
        try j.raw().execute("CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('mine')")
        let before = try Data(contentsOf: URL(fileURLWithPath: j.path))
        for mode in [SQLiteEventStore.OpenMode.createIfMissing, .mustExist] {
            let error = #expect(throws: StoreError.self) { try j.open(mode) }
            guard case .notAJournal? = error else {
                Issue.record("expected notAJournal, got \(String(describing: error))")
                continue
            }
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: j.path)) == before)
        #expect(try j.raw().integer("SELECT count(*) FROM sqlite_schema") == 1)
    }

    @Test func aFileThatIsNotSQLiteIsNotAJournal() throws {
        let j = try TemporaryJournal()
        let text = Data(String(repeating: "just some notes\n", count: 100).utf8)
        try text.write(to: URL(fileURLWithPath: j.path))
        let error = #expect(throws: StoreError.self) { try j.open(.createIfMissing) }
        guard case .notAJournal? = error else {
            Issue.record("expected notAJournal, got \(String(describing: error))")
            return
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: j.path)) == text)
    }

    @Test func sqliteErrorsCarryExtendedResultCodes() throws {
        let j = try TemporaryJournal()
        let store = try j.open()
        _ = try store.append([batch("s", .noStream, [newEvent()])], recordedAt: t0)
        let error = #expect(throws: SQLiteError.self) { try j.raw().execute("DELETE FROM events") }
        // SQLITE_CONSTRAINT_TRIGGER (1811): the extended code, not just SQLITE_CONSTRAINT (19).
        #expect(error?.code == 1811)
        #expect(error?.primaryCode == 19)
    }
}
