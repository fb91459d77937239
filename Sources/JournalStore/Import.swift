import CSQLite
import JournalDomain

/// One event of an import (`BulkImport.importCounting`). Its text is valid UTF-8 in the caller's memory,
/// which must stay put for the whole call; nothing is copied out of it until SQLite stores the row.
public struct ImportedEvent {
    public var eventId: UnsafeBufferPointer<UInt8>
    /// An index into the call's stream names, no two of which are the same bytes.
    public var stream: Int
    public var type: UnsafeBufferPointer<UInt8>
    public var schemaVersion: Int
    public var payload: UnsafeBufferPointer<UInt8>
    public var metadata: UnsafeBufferPointer<UInt8>
    /// Both times in the stored form (what `Instant.description` writes), as they are stored and hashed.
    public var occurredAt: UnsafeBufferPointer<UInt8>
    public var recordedAt: UnsafeBufferPointer<UInt8>
    /// A hash the caller has already computed over exactly these fields (and this stream name) at a place:
    /// when the event lands at that same place, it is that hash, and SHA-256 need not run again.
    public var verified: VerifiedHash?

    public init(eventId: UnsafeBufferPointer<UInt8>, stream: Int, type: UnsafeBufferPointer<UInt8>, schemaVersion: Int,
                payload: UnsafeBufferPointer<UInt8>, metadata: UnsafeBufferPointer<UInt8>,
                occurredAt: UnsafeBufferPointer<UInt8>, recordedAt: UnsafeBufferPointer<UInt8>, verified: VerifiedHash?) {
        self.eventId = eventId
        self.stream = stream
        self.type = type
        self.schemaVersion = schemaVersion
        self.payload = payload
        self.metadata = metadata
        self.occurredAt = occurredAt
        self.recordedAt = recordedAt
        self.verified = verified
    }
}

/// Where a hash was computed: the position, stream version and previous hash it covers.
public struct VerifiedHash {
    public var position: Int64
    public var streamVersion: Int
    public var previous: ChainHash
    public var hash: ChainHash

    public init(position: Int64, streamVersion: Int, previous: ChainHash, hash: ChainHash) {
        self.position = position
        self.streamVersion = streamVersion
        self.previous = previous
        self.hash = hash
    }
}

extension SQLiteWriteSession {
    /// Appends `count` events exactly as `appendCounting` appends them in batches of consecutive events of one
    /// stream, each batch `.any` version, with the recorded times they carry: the same checks, the same
    /// errors, the same positions, versions and hashes. Built for imports of millions of events: no strings
    /// are made per event, ids are looked up only when the log held events before, and the rows go to SQLite
    /// in one statement. Returns how many events were new.
    /// `progress` hears of the events stored so far (of `count`) while the rows go in, every `progressChunk`.
    public func importCounting(streams: [String], count: Int, progress: ProgressHandler?,
                               _ event: (Int) -> ImportedEvent) throws(StoreError) -> Int {
        let importing = try EventImport(store: try live(), transaction: transaction)
        importing.progress = progress
        let batchStreams = try importing.validate(streams: streams, count: count, event: event)
        let pending = try importing.store(streams: streams, batchStreams: batchStreams, event: event)
        let added = try importing.finish()
        if let pending { throw pending }
        try store.settleGoalIndex(transaction)
        return added
    }

    /// An import that comes in parts, for a caller that has the next events only later: each part is checked
    /// and stored when it comes (`EventImport.append`), so an error in a later part comes after earlier parts
    /// were stored, unlike `importCounting`'s all-or-nothing order of checks; the transaction still keeps all or
    /// nothing of the whole. For use inside this session only.
    public func beginImport() throws(StoreError) -> EventImport {
        try EventImport(store: try live(), transaction: transaction)
    }
}

/// The state of an import between its parts: where the log ends, which ids and streams it has met.
public final class EventImport {
    private let store: SQLiteEventStore
    private let transaction: OpenTransaction
    private var start: ImportPlan.Start
    private var canonicalIds = Set<EventIdSyntax.Bits>()
    private var otherIds = Set<String>()
    /// The stream of the batch the last event joined (-1: none yet).
    private var currentBatch = -1
    /// Told of the rows stored so far while they go in (the checks and lookups before are not counted).
    var progress: ProgressHandler?
    /// Whether each stream name is ASCII.
    private var asciiStreams: [Bool] = []
    /// Streams with new events, in the order their first came.
    private var touched: [Int] = []
    private var added = 0

    init(store: SQLiteEventStore, transaction: OpenTransaction) throws(StoreError) {
        self.store = store
        self.transaction = transaction
        start = try store.wrap { try ImportPlan.Start.tail(of: store.db, streamCount: 0) }
    }

    /// Checks and stores the next events; `streams` are all stream names so far (the parts' indexes into it).
    public func append(streams: [String], count: Int, _ event: (Int) -> ImportedEvent) throws(StoreError) {
        let batchStreams = try validate(streams: streams, count: count, event: event)
        if let pending = try store(streams: streams, batchStreams: batchStreams, event: event) { throw pending }
    }

    /// Writes each stream's version; returns how many events were new.
    public func finish() throws(StoreError) -> Int {
        // A stream's version is written once, after its last event: no one else sees the steps between.
        try store.wrap {
            for stream in touched {
                guard let rowID = start.streamRowIDs[stream] else { continue }
                try store.db.run("UPDATE streams SET version = ? WHERE id = ?", [.integer(Int64(start.versions[stream])), .integer(rowID)])
            }
        }
        touched = []
        return added
    }

    /// The stream each event goes to, checking what `validate` checks, in its order: consecutive events whose
    /// stream names are equal strings form one batch, named by its first event's stream.
    func validate(streams: [String], count: Int, event: (Int) -> ImportedEvent) throws(StoreError) -> [Int32] {
        var batchStreams = [Int32](repeating: 0, count: count)
        // Room for the part's ids, growing by doubling: reserving a little more for each part would rehash
        // the whole set every time.
        if canonicalIds.capacity < canonicalIds.count + count {
            canonicalIds.reserveCapacity(max(canonicalIds.capacity * 2, canonicalIds.count + count))
        }
        while asciiStreams.count < streams.count { asciiStreams.append(streams[asciiStreams.count].utf8.allSatisfy { $0 < 0x80 }) }
        for index in 0..<count {
            let e = event(index)
            guard streams.indices.contains(e.stream) else { throw StoreError.invalidEvent("an imported event names no stream") }
            // Names that differ in bytes can be equal strings only when one is not ASCII.
            if currentBatch < 0 || (e.stream != currentBatch && (asciiStreams[e.stream] && asciiStreams[currentBatch]
                                                                 || streams[e.stream] != streams[currentBatch])) {
                currentBatch = e.stream
                guard !streams[currentBatch].isEmpty, streams[currentBatch].utf8.count <= 200 else {
                    throw StoreError.invalidEvent("a stream name must have 1 to 200 bytes")
                }
            }
            batchStreams[index] = Int32(currentBatch)
            let repeated: Bool
            if let bits = EventIdSyntax.Bits(e.eventId) {
                repeated = !canonicalIds.insert(bits).inserted
            } else {
                let id = String(decoding: e.eventId, as: UTF8.self)
                guard EventIdSyntax.isLowercaseUUID(id) else { throw StoreError.invalidEvent("event id '\(id)' is not a lowercase UUID") }
                repeated = !otherIds.insert(id).inserted
            }
            guard !repeated else {
                throw StoreError.invalidEvent("event id \(String(decoding: e.eventId, as: UTF8.self)) appears twice in one append")
            }
            guard !e.type.isEmpty, e.schemaVersion >= 1 else {
                throw StoreError.invalidEvent("event \(String(decoding: e.eventId, as: UTF8.self)) needs a type and a schema version of 1 or more")
            }
            guard Instant.storedForm(e.occurredAt) != nil, Instant.storedForm(e.recordedAt) != nil else {
                throw StoreError.invalidEvent("event \(String(decoding: e.eventId, as: UTF8.self)) has a time not in the stored form")
            }
        }
        return batchStreams
    }

    /// Stores the validated events the log lacks. An error met looking one up is returned, not thrown: like
    /// appendCounting, which goes batch by batch, the batches before that event's are stored first (and an
    /// error they meet comes first).
    func store(streams: [String], batchStreams: [Int32], event: (Int) -> ImportedEvent) throws(StoreError) -> StoreError? {
        do {
            return try withoutActuallyEscaping(event) { event in
                try storeRows(streams: streams, batchStreams: batchStreams, event: event)
            }
        } catch {
            throw store.storeError(error)
        }
    }

    private func storeRows(streams: [String], batchStreams: [Int32], event: @escaping (Int) -> ImportedEvent) throws -> StoreError? {
        let count = batchStreams.count
        start.extend(to: streams.count)

        // Lookups find only events stored before the import (an id twice in it was refused already), so an
        // import into an empty log needs none.
        var existing: [Bool] = []
        var pending: (index: Int, error: StoreError)?
        if !start.logWasEmpty {
            existing = [Bool](repeating: false, count: count)
            let lookup = try ImportLookup(store: store, streams: streams, importing: count, logEnd: start.position)
            for index in 0..<count {
                do {
                    existing[index] = try lookup.isStored(event(index), batchStream: Int(batchStreams[index]))
                } catch {
                    pending = (index, store.storeError(error))
                    break
                }
            }
        }
        var end = count
        if let pending {
            end = pending.index
            while end > 0, batchStreams[end - 1] == batchStreams[pending.index] { end -= 1 }
        }
        // The rows go in as the insert statement asks for them, in order: the progress line counts those asks.
        let stored: (Int) -> ImportedEvent = progress.map { progress in
            { index in
                if Int64(index) % progressChunk == 0 { progress(Int64(index), Int64(count)) }
                return event(index)
            }
        } ?? event
        let source = ImportSource(streams: streams, batchStreams: batchStreams, end: end, existing: existing, event: stored)

        // Stream rows in the order their first new event comes, as appendCounting creates them.
        for index in 0..<end where source.isFresh(index) {
            let stream = Int(batchStreams[index])
            guard start.streamRowIDs[stream] == nil else { continue }
            let (rowID, version) = try store.streamRow(streams[stream])
            start.streamRowIDs[stream] = rowID
            start.versions[stream] = version
            touched.append(stream)
            transaction.goalStreams.note(streams[stream])
        }
        let fresh = (0..<end).count { source.isFresh($0) }
        // (No statement at all without a row: even an empty INSERT would write AUTOINCREMENT's sqlite_sequence.)
        if fresh > 0 { start = try store.insertRows(ImportPlan(source: source, start: start)) }
        added += fresh
        return pending?.error
    }
}
