import CSQLite
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import JournalDomain

/// Whether imported events are stored already, as `appendInTransaction` decides it with `event(withId:)` for
/// each: an id stored with the same content is, one stored with other content is an `eventIdConflict`.
struct ImportLookup {
    let store: SQLiteEventStore
    let streams: [String]
    private let byId: PreparedStatement
    private let byPosition: PreparedStatement
    /// Where each stored event whose id is canonical is, when the import is large next to the log: one pass
    /// over the id index then spares a search of it for every event.
    private let positions: [EventIdSyntax.Bits: Int64]?

    init(store: SQLiteEventStore, streams: [String], importing count: Int, logEnd: Int64) throws {
        self.store = store
        self.streams = streams
        // event(withId:)'s statement: an event whose stream row is missing is not found there either.
        byId = try store.db.statement(SQLiteEventStore.selectColumns + " WHERE e.event_id = ?")
        byPosition = try store.db.statement(SQLiteEventStore.selectColumns + " WHERE e.position = ?")
        let large = count >= Self.largeImport && Int64(count) * 4 >= logEnd
        positions = large ? try Self.positions(store.db, expected: Int(logEnd)) : nil
    }

    /// From how many events an import reads the whole id index (when it is at least a quarter of the log).
    /// Either way gives the same answers; tests lower it to see that.
    nonisolated(unsafe) static var largeImport = 50_000

    private static func positions(_ db: SQLiteDatabase, expected: Int) throws -> [EventIdSyntax.Bits: Int64] {
        var positions = [EventIdSyntax.Bits: Int64](minimumCapacity: expected)
        let scan = try db.statement("SELECT event_id, position FROM events")
        defer { scan.reset() }
        let mutex = sqlite3_db_mutex(db.handle)
        sqlite3_mutex_enter(mutex)
        defer { sqlite3_mutex_leave(mutex) }
        while try scan.step() {
            let row = RowColumns(scan)
            guard let id = row.utf8(0), let bits = EventIdSyntax.Bits(id) else { continue }
            positions[bits] = row.int64(1)
        }
        return positions
    }

    func isStored(_ event: ImportedEvent, batchStream: Int) throws -> Bool {
        // One lock of the connection for the lookup rather than one per call (see `collect`).
        let mutex = sqlite3_db_mutex(store.db.handle)
        sqlite3_mutex_enter(mutex)
        defer { sqlite3_mutex_leave(mutex) }
        let statement: PreparedStatement
        if let positions, let bits = EventIdSyntax.Bits(event.eventId) {
            // A canonical id is stored under these very bytes exactly when the index has its bits.
            guard let position = positions[bits] else { return false }
            statement = byPosition
            statement.reset()
            try statement.bind(1, integer: position)
        } else {
            statement = byId
            statement.reset()
            try statement.bind(1, utf8: event.eventId)
        }
        defer { statement.reset() }
        guard try statement.step() else { return false }
        let row = RowColumns(statement)
        func text(_ column: Int32) -> UnsafeBufferPointer<UInt8> { row.utf8(column) ?? UnsafeBufferPointer(start: nil, count: 0) }
        // Reading the row parses both times first: one that cannot be read is damage, whatever else matches.
        guard let occurred = Self.sameTime(text(8), event.occurredAt), let recorded = Self.sameTime(text(9), event.recordedAt) else {
            throw StoreError.corrupt(path: store.path, detail: "event \(row.int64(0)) has an unreadable time")
        }
        var stream = streams[batchStream]
        let same = stream.withUTF8 { Self.sameText(text(2), $0) } && Self.sameText(text(4), event.type)
            && row.int64(5) == Int64(event.schemaVersion) && Self.sameText(text(6), event.payload)
            && Self.sameText(text(7), event.metadata) && occurred && recorded
        guard same else { throw StoreError.eventIdConflict(eventId: String(decoding: event.eventId, as: UTF8.self)) }
        return true
    }

    static func sameBytes(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard a.count == b.count else { return false }
        guard let x = a.baseAddress, let y = b.baseAddress else { return true }
        return memcmp(x, y, a.count) == 0
    }

    /// `String(decoding: a) == String(decoding: b)`, Swift's comparison (canonical equivalence), which
    /// `hasSameContent` makes; equal bytes, or different ASCII, settle it without strings.
    static func sameText(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        if sameBytes(a, b) { return true }
        if a.allSatisfy({ $0 < 0x80 }), b.allSatisfy({ $0 < 0x80 }) { return false }
        return String(decoding: a, as: UTF8.self) == String(decoding: b, as: UTF8.self)
    }

    /// Whether a stored time is the instant of `mine` (in the stored form); nil when it cannot be read.
    static func sameTime(_ stored: UnsafeBufferPointer<UInt8>, _ mine: UnsafeBufferPointer<UInt8>) -> Bool? {
        if sameBytes(stored, mine) { return true }
        guard let instant = Instant(isoUTF8: stored) else { return nil }
        return instant == Instant.storedForm(mine)
    }
}
