import CSQLite
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import JournalDomain

/// What an import's rows are made from, fixed before the first row is stored.
final class ImportSource {
    let streams: [String]
    /// The stream each event goes to (its batch's).
    let batchStreams: [Int32]
    /// Rows come from events before this index...
    let end: Int
    /// ...that are not stored already (empty: none is).
    let existing: [Bool]
    let event: (Int) -> ImportedEvent

    init(streams: [String], batchStreams: [Int32], end: Int, existing: [Bool], event: @escaping (Int) -> ImportedEvent) {
        self.streams = streams
        self.batchStreams = batchStreams
        self.end = end
        self.existing = existing
        self.event = event
    }

    func isFresh(_ index: Int) -> Bool { existing.isEmpty || !existing[index] }
}

/// The rows an import stores, one after the other: each new event gets the next position, its stream's next
/// version and the hash chained from the row before, as `appendInTransaction` gives them. A value: whoever
/// walks the rows again (to name the event SQLite refused) starts from a copy.
struct ImportPlan {
    /// The log as the import finds it, and the streams it writes to.
    struct Start {
        var position: Int64 = 0
        var previous = ChainHash.genesis
        /// The last stored hash when it is not 32 bytes (a damaged log): the chain goes on from it as it is.
        var oddPrevious: [UInt8]?
        var logWasEmpty = true
        var streamRowIDs: [Int64?]
        var versions: [Int]

        /// Room for streams up to `count`.
        mutating func extend(to count: Int) {
            if streamRowIDs.count < count {
                streamRowIDs += Array(repeating: nil, count: count - streamRowIDs.count)
                versions += Array(repeating: 0, count: count - versions.count)
            }
        }

        static func tail(of db: SQLiteDatabase, streamCount: Int) throws -> Start {
            var start = Start(streamRowIDs: Array(repeating: nil, count: streamCount), versions: Array(repeating: 0, count: streamCount))
            let tail = try db.statement("SELECT position, hash FROM events ORDER BY position DESC LIMIT 1")
            defer { tail.reset() }
            if try tail.step() {
                start.position = tail.int64(0)
                let hash = tail.blob(1)
                if let regular = ChainHash(hash) { start.previous = regular } else { start.oddPrevious = hash }
                start.logWasEmpty = false
            }
            tail.reset()
            // AUTOINCREMENT's high-water mark: a position is never reused, even after a truncated tail.
            start.position = max(start.position, try db.integer("SELECT seq FROM sqlite_sequence WHERE name = 'events'") ?? 0)
            return start
        }
    }

    struct Row {
        var index: Int
        var event: ImportedEvent
        var position: Int64
        var streamRowID: Int64
        var streamVersion: Int
        var previous: ChainHash
        var oddPrevious: [UInt8]?
        var hash: ChainHash

        func withPreviousHash<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
            if let oddPrevious { return try oddPrevious.withUnsafeBytes(body) }
            return try previous.withUnsafeBytes(body)
        }
    }

    let source: ImportSource
    /// Where the rows so far leave the log: after the last row, the start of whatever comes next.
    private(set) var state: Start
    private var next = 0
    private var scratch: [UInt8] = []
    /// The current row; nil before `advance` and after the last.
    private(set) var row: Row?

    init(source: ImportSource, start: Start) {
        self.source = source
        state = start
    }

    mutating func advance() {
        while next < source.end, !source.isFresh(next) { next += 1 }
        guard next < source.end else {
            row = nil
            return
        }
        let index = next
        next += 1
        let event = source.event(index)
        let stream = Int(source.batchStreams[index])
        state.position += 1
        state.versions[stream] += 1
        let version = state.versions[stream]
        let hash: ChainHash
        if state.oddPrevious == nil, stream == event.stream, let verified = event.verified, verified.position == state.position,
           verified.streamVersion == version, verified.previous == state.previous {
            // The same bytes after the same hash: SHA-256 would give the caller's hash again.
            hash = verified.hash
        } else {
            hash = computeHash(event, stream: stream, version: version)
        }
        row = Row(index: index, event: event, position: state.position, streamRowID: state.streamRowIDs[stream] ?? 0,
                  streamVersion: version, previous: state.previous, oddPrevious: state.oddPrevious, hash: hash)
        state.previous = hash
        state.oddPrevious = nil
    }

    private mutating func computeHash(_ event: ImportedEvent, stream: Int, version: Int) -> ChainHash {
        var name = source.streams[stream]
        var scratch = self.scratch
        defer { self.scratch = scratch }
        let position = state.position
        let previous = state.oddPrevious ?? state.previous.bytes
        return name.withUTF8 { name in
            previous.withUnsafeBytes { previous in
                HashChain.hash(previous: previous, position: position, eventId: event.eventId, streamId: name,
                               streamVersion: version, type: event.type, schemaVersion: event.schemaVersion,
                               payload: event.payload, metadata: event.metadata, occurredAt: event.occurredAt,
                               recordedAt: event.recordedAt, scratch: &scratch)
            }
        }
    }
}

/// Whether an imported event is stored already, as `appendInTransaction` decides it: an id stored with the
/// same content is, one stored with other content is an `eventIdConflict`.
struct ImportLookup {
    let store: SQLiteEventStore
    let streams: [String]
    private let statement: PreparedStatement

    init(store: SQLiteEventStore, streams: [String]) throws {
        self.store = store
        self.streams = streams
        // event(withId:)'s statement: an event whose stream row is missing is not found there either.
        statement = try store.db.statement(SQLiteEventStore.selectColumns + " WHERE e.event_id = ?")
    }

    func isStored(_ event: ImportedEvent, batchStream: Int) throws -> Bool {
        // One lock of the connection for the lookup rather than one per call (see `collect`).
        let mutex = sqlite3_db_mutex(store.db.handle)
        sqlite3_mutex_enter(mutex)
        defer { sqlite3_mutex_leave(mutex) }
        statement.reset()
        defer { statement.reset() }
        try statement.bind(1, utf8: event.eventId)
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
