import Foundation
import JournalDomain

/// Inside one BEGIN IMMEDIATE transaction: read what a decision needs, append, keep the goal index current.
/// Holding the write lock from the first read to the commit means concurrent commands never decide on stale state.
public struct WriteSession: ~Copyable {
    let store: SQLiteEventStore
    public let recordedAt: Instant

    public func readStream(_ stream: String) throws(StoreError) -> [RecordedEvent] { try store.readStream(stream) }
    public func streamVersion(_ stream: String) throws(StoreError) -> Int { try store.streamVersion(stream) }
    public func event(atPosition position: Int64) throws(StoreError) -> RecordedEvent? { try store.event(atPosition: position) }
    public func event(withId id: String) throws(StoreError) -> RecordedEvent? { try store.event(withId: id) }
    public func goalKeys(in quarter: Quarter) throws(StoreError) -> [String] { try store.goalKeys(in: quarter) }
    /// The last position of the log (0 when it is empty).
    public func count() throws(StoreError) -> Int64 { try store.count() }

    public func append(_ batches: [AppendBatch]) throws(StoreError) -> [RecordedEvent] {
        try store.appendInTransaction(batches, recordedAt: recordedAt)
    }

    /// Appends like `append` without collecting what it stored (a large import would hold it all in memory);
    /// returns how many events were new (the rest were already stored with the same content).
    public func appendCounting(_ batches: [AppendBatch]) throws(StoreError) -> Int {
        var added = 0
        _ = try store.appendInTransaction(batches, recordedAt: recordedAt) { _ in added += 1 }
        return added
    }

    /// Records where a goal now stands (nil removes it, e.g. when its creation was retracted).
    public func setGoalIndex(key: String, entry: (quarter: Quarter, status: GoalStatus)?) throws(StoreError) {
        _ = try store.wrap {
            if let entry {
                try store.db.run("INSERT INTO goal_index (key, quarter, status) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET quarter = excluded.quarter, status = excluded.status",
                                 [.text(key), .text(entry.quarter.description), .text(entry.status.rawValue)])
            } else {
                try store.db.run("DELETE FROM goal_index WHERE key = ?", [.text(key)])
            }
        }
    }
}

extension SQLiteEventStore {
    /// Runs `body` in one write transaction; nothing it appended survives if it throws.
    // Never specialized: Swift 6.3's generic specializer crashes on this noncopyable-borrowing closure in -O builds.
    @_semantics("optimize.sil.specialize.generic.never")
    public func write<T>(recordedAt: Instant, _ body: (borrowing WriteSession) throws -> T) throws -> T {
        do {
            return try db.writeTransaction {
                try body(WriteSession(store: self, recordedAt: recordedAt))
            }
        } catch let error as SQLiteError {
            throw StoreError(error, path: path)
        }
    }

    public func append(_ batches: [AppendBatch], recordedAt: Instant) throws(StoreError) -> [RecordedEvent] {
        do {
            return try write(recordedAt: recordedAt) { session in try session.append(batches) }
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError.io(path: path, detail: "\(error)")
        }
    }

    /// With `onAppended`, each new event goes to it instead of the returned list.
    func appendInTransaction(_ batches: [AppendBatch], recordedAt: Instant,
                             onAppended: ((RecordedEvent) -> Void)? = nil) throws(StoreError) -> [RecordedEvent] {
        try validate(batches)
        return try wrap {
            let tail = try db.statement("SELECT position, hash FROM events ORDER BY position DESC LIMIT 1")
            defer { tail.reset() }
            var lastPosition: Int64 = 0
            var previousHash = HashChain.genesis
            if try tail.step() {
                lastPosition = tail.int64(0)
                previousHash = tail.blob(1)
            }
            tail.reset()
            // AUTOINCREMENT's high-water mark: a position is never reused, even after a truncated tail.
            lastPosition = max(lastPosition, try db.integer("SELECT seq FROM sqlite_sequence WHERE name = 'events'") ?? 0)

            var recorded: [RecordedEvent] = []
            let batchRecordedText = recordedAt.description
            for batch in batches {
                var fresh: [NewEvent] = []
                for event in batch.events {
                    if let existing = try self.event(withId: event.eventId) {
                        guard existing.hasSameContent(as: event, stream: batch.stream) else {
                            throw StoreError.eventIdConflict(eventId: event.eventId)
                        }
                        if onAppended == nil { recorded.append(existing) }
                    } else {
                        fresh.append(event)
                    }
                }
                // A batch whose every event is already stored is a retry that already succeeded.
                guard !fresh.isEmpty else { continue }

                let (streamRowID, version) = try streamRow(batch.stream)
                guard batch.expected.accepts(version) else {
                    throw StoreError.wrongExpectedVersion(stream: batch.stream, expected: batch.expected, actual: version)
                }
                var streamVersion = version
                let insert = try db.statement(SQLiteEventStore.insertEvent)
                for event in fresh {
                    lastPosition += 1
                    streamVersion += 1
                    let occurredText = event.occurredAt.description
                    let eventRecordedAt = event.recordedAt ?? recordedAt
                    let recordedText = event.recordedAt?.description ?? batchRecordedText
                    let hash = HashChain.hash(previous: previousHash, position: lastPosition, eventId: event.eventId,
                                              streamId: batch.stream, streamVersion: streamVersion, type: event.type,
                                              schemaVersion: event.schemaVersion, payload: event.payload,
                                              metadata: event.metadata, occurredAt: occurredText, recordedAt: recordedText)
                    insert.reset()
                    try insert.bind([.integer(lastPosition), .text(event.eventId), .integer(streamRowID),
                                     .integer(Int64(streamVersion)), .text(event.type), .integer(Int64(event.schemaVersion)),
                                     .text(event.payload), .text(event.metadata), .text(occurredText), .text(recordedText),
                                     .blob(previousHash), .blob(hash)])
                    do {
                        while try insert.step() {}
                    } catch let error as SQLiteError where error.isConstraint {
                        throw StoreError.invalidEvent("event \(event.eventId) was refused by the log's constraints (\(error.message))")
                    }
                    let stored = RecordedEvent(position: lastPosition, eventId: event.eventId, streamId: batch.stream,
                                               streamVersion: streamVersion, type: event.type,
                                               schemaVersion: event.schemaVersion, payload: event.payload,
                                               metadata: event.metadata, occurredAt: event.occurredAt,
                                               recordedAt: eventRecordedAt, previousHash: previousHash, hash: hash)
                    if let onAppended { onAppended(stored) } else { recorded.append(stored) }
                    previousHash = hash
                }
                insert.reset()
                try db.run("UPDATE streams SET version = ? WHERE id = ?", [.integer(Int64(streamVersion)), .integer(streamRowID)])
            }
            return recorded
        }
    }

    static let insertEvent = """
        INSERT INTO events (position, event_id, stream, stream_version, event_type, schema_version, payload,
                            metadata, occurred_at, recorded_at, previous_hash, hash)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """

    /// The stream's row id and current version, creating the row for a new stream.
    func streamRow(_ name: String) throws -> (Int64, Int) {
        let select = try db.statement("SELECT id, version FROM streams WHERE name = ?")
        defer { select.reset() }
        try select.bind([.text(name)])
        if try select.step() { return (select.int64(0), Int(select.int64(1))) }
        select.reset()
        try db.run("INSERT INTO streams (name, version) VALUES (?, 0)", [.text(name)])
        return (sqlite3LastInsertRowID(), 0)
    }

    private func sqlite3LastInsertRowID() -> Int64 { lastInsertRowID(db) }

    private func validate(_ batches: [AppendBatch]) throws(StoreError) {
        var ids = Set<String>()
        for batch in batches {
            guard !batch.stream.isEmpty, batch.stream.utf8.count <= 200 else {
                throw StoreError.invalidEvent("a stream name must have 1 to 200 bytes")
            }
            for event in batch.events {
                guard EventIdSyntax.isLowercaseUUID(event.eventId) else {
                    throw StoreError.invalidEvent("event id '\(event.eventId)' is not a lowercase UUID")
                }
                guard ids.insert(event.eventId).inserted else {
                    throw StoreError.invalidEvent("event id \(event.eventId) appears twice in one append")
                }
                guard !event.type.isEmpty, event.schemaVersion >= 1 else {
                    throw StoreError.invalidEvent("event \(event.eventId) needs a type and a schema version of 1 or more")
                }
            }
        }
    }
}
