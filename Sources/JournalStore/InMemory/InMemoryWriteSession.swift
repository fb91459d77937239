import JournalDomain

/// A write session of an InMemoryEventStore: reads see what the session appended so far; the store keeps it all
/// only when the `write` body returns.
public struct InMemoryWriteSession: WriteSession {
    let transaction: InMemoryTransaction
    public let recordedAt: Instant

    private func live() throws(StoreError) -> InMemoryTransaction {
        guard transaction.isOpen else { throw StoreError.sessionEnded }
        return transaction
    }

    public func readStream(_ stream: String) throws(StoreError) -> [RecordedEvent] { try live().tables.readStream(stream, from: 1) }
    public func streamVersion(_ stream: String) throws(StoreError) -> Int { try live().tables.streamVersions[stream] ?? 0 }
    public func event(atPosition position: Int64) throws(StoreError) -> RecordedEvent? { try live().tables.event(atPosition: position) }
    public func event(withId id: String) throws(StoreError) -> RecordedEvent? { try live().tables.event(withId: id) }
    public func goalKeys(in quarter: Quarter) throws(StoreError) -> [String] { try live().tables.goalKeys(in: quarter) }
    public func goalHolding(key: String) throws(StoreError) -> KeyHolder? { try live().tables.goalHolding(key: key) }
    public func count() throws(StoreError) -> Int64 { Int64(try live().tables.events.count) }

    public func append(_ batches: [AppendBatch]) throws(StoreError) -> [RecordedEvent] {
        let transaction = try live()
        let recorded = try transaction.tables.append(batches, recordedAt: recordedAt, touched: &transaction.goalStreams)
        try transaction.settleGoalIndex()
        return recorded
    }

    public func appendCounting(_ batches: [AppendBatch]) throws(StoreError) -> Int {
        let transaction = try live()
        var added = 0
        _ = try transaction.tables.append(batches, recordedAt: recordedAt, touched: &transaction.goalStreams) { _ in added += 1 }
        try transaction.settleGoalIndex()
        return added
    }

    /// The events as SQLite's importCounting checks them (each event in turn: its batch's stream name, its id,
    /// its type and schema version, its times), then appended as `appendCounting` appends them.
    public func importCounting(streams: [String], count: Int, progress: ProgressHandler?,
                               _ event: (Int) -> ImportedEvent) throws(StoreError) -> Int {
        var batches: [AppendBatch] = []
        var ids = Set<String>()
        for index in 0..<count {
            if let progress, Int64(index) % progressChunk == 0 { progress(Int64(index), Int64(count)) }
            let e = event(index)
            guard streams.indices.contains(e.stream) else { throw StoreError.invalidEvent("an imported event names no stream") }
            let stream = streams[e.stream]
            if batches.last?.stream != stream {
                guard !stream.isEmpty, stream.utf8.count <= 200 else { throw StoreError.invalidEvent("a stream name must have 1 to 200 bytes") }
                batches.append(AppendBatch(stream: stream, expected: .any, events: []))
            }
            let id = String(decoding: e.eventId, as: UTF8.self)
            guard EventIdSyntax.isLowercaseUUID(id) else { throw StoreError.invalidEvent("event id '\(id)' is not a lowercase UUID") }
            guard ids.insert(id).inserted else { throw StoreError.invalidEvent("event id \(id) appears twice in one append") }
            guard !e.type.isEmpty, e.schemaVersion >= 1 else {
                throw StoreError.invalidEvent("event \(id) needs a type and a schema version of 1 or more")
            }
            guard let occurredAt = Instant.storedForm(e.occurredAt), let recordedAt = Instant.storedForm(e.recordedAt) else {
                throw StoreError.invalidEvent("event \(id) has a time not in the stored form")
            }
            batches[batches.count - 1].events.append(NewEvent(
                eventId: id, type: String(decoding: e.type, as: UTF8.self), schemaVersion: e.schemaVersion,
                payload: String(decoding: e.payload, as: UTF8.self), metadata: String(decoding: e.metadata, as: UTF8.self),
                occurredAt: occurredAt, recordedAt: recordedAt))
        }
        return try appendCounting(batches)
    }
}
