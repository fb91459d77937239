import CSQLite
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
