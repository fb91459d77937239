import CSQLite
import Foundation
import JournalDomain
@testable import JournalStore
import JournalTestSupport
import Testing

/// A temporary folder holding one journal file, removed when released.
final class TemporaryJournal {
    private let temporary: TemporaryFolder
    var folder: URL { temporary.url }
    var path: String { folder.appendingPathComponent("journal.sqlite").path }

    init() throws { temporary = try TemporaryFolder(prefix: "journal-store-") }

    func open(_ mode: SQLiteEventStore.OpenMode = .createIfMissing) throws -> SQLiteEventStore {
        try SQLiteEventStore(path: path, mode: mode)
    }

    /// A plain connection that plays another program, or an attacker with the file.
    func raw() throws -> SQLiteDatabase {
        try SQLiteDatabase(path: path, flags: SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)
    }
}

let t0 = Instant(millisecondsSinceEpoch: 1_744_275_600_000) // 2025-04-10T09:00:00.000Z

func newEvent(_ payload: String = #"{"n":1}"#, type: String = "test-happened", id: String = UUID().uuidString.lowercased(),
              metadata: String = "{}", at: Instant = t0) -> NewEvent {
    NewEvent(eventId: id, type: type, schemaVersion: 1, payload: payload, metadata: metadata, occurredAt: at)
}

func batch(_ stream: String, _ expected: ExpectedVersion, _ events: [NewEvent]) -> AppendBatch {
    AppendBatch(stream: stream, expected: expected, events: events)
}

/// Collects values from several threads.
final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value

    init(_ value: Value) { stored = value }

    func update(_ body: (inout Value) -> Void) {
        lock.lock()
        body(&stored)
        lock.unlock()
    }

    var value: Value {
        lock.lock()
        defer { lock.unlock() }
        return stored
    }
}
