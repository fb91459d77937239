import Foundation
import JournalDomain

/// Inside one BEGIN IMMEDIATE transaction: read what a decision needs, append. Holding the write lock from the
/// first read to the commit means concurrent commands never decide on stale state. The goal index is the
/// store's to keep: the goal streams appended to are noted, and their rows remade just before the commit.
public struct SQLiteWriteSession: WriteSession {
    let store: SQLiteEventStore
    let transaction: OpenTransaction
    public let recordedAt: Instant

    /// The store, while the transaction that made this session is open: a session kept past it would read and
    /// write outside any transaction.
    func live() throws(StoreError) -> SQLiteEventStore {
        guard transaction.isOpen else { throw StoreError.sessionEnded }
        return store
    }

    public func readStream(_ stream: String) throws(StoreError) -> [RecordedEvent] { try live().readStream(stream) }
    public func streamVersion(_ stream: String) throws(StoreError) -> Int { try live().streamVersion(stream) }
    public func event(atPosition position: Int64) throws(StoreError) -> RecordedEvent? { try live().event(atPosition: position) }
    public func event(withId id: String) throws(StoreError) -> RecordedEvent? { try live().event(withId: id) }
    public func goalKeys(in quarter: Quarter) throws(StoreError) -> [String] { try live().goalKeys(in: quarter) }
    public func goalHolding(key: String) throws(StoreError) -> KeyHolder? { try live().goalHolding(key: key) }
    public func count() throws(StoreError) -> Int64 { try live().count() }

    public func append(_ batches: [AppendBatch]) throws(StoreError) -> [RecordedEvent] {
        let recorded = try live().appendInTransaction(batches, recordedAt: recordedAt, noting: transaction)
        try store.settleGoalIndex(transaction)
        return recorded
    }

    /// (A large import would hold everything it stored in memory: nothing is collected.)
    public func appendCounting(_ batches: [AppendBatch]) throws(StoreError) -> Int {
        var added = 0
        _ = try live().appendInTransaction(batches, recordedAt: recordedAt, noting: transaction) { _ in added += 1 }
        try store.settleGoalIndex(transaction)
        return added
    }
}

/// One write transaction's bookkeeping: whether it is still open, and the goal streams it appended to.
final class OpenTransaction {
    var isOpen = true
    var goalStreams = GoalStreamsTouched()
}

extension SQLiteEventStore {
    /// Runs `body` in one write transaction; nothing it appended survives if it throws.
    // Never specialized: Swift 6.3's generic specializer crashed on this closure in -O builds (one call per command: no cost).
    @_semantics("optimize.sil.specialize.generic.never")
    public func write<T>(recordedAt: Instant, _ body: (SQLiteWriteSession) throws -> T) throws -> T {
        let transaction = OpenTransaction()
        defer { transaction.isOpen = false }
        do {
            return try db.writeTransaction {
                let result = try body(SQLiteWriteSession(store: self, transaction: transaction, recordedAt: recordedAt))
                try settleGoalIndex(transaction)
                return result
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
    func appendInTransaction(_ batches: [AppendBatch], recordedAt: Instant, noting transaction: OpenTransaction,
                             onAppended: ((RecordedEvent) -> Void)? = nil) throws(StoreError) -> [RecordedEvent] {
        try AppendRules.validate(batches)
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

                transaction.goalStreams.note(batch.stream)
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

    /// Remakes the goal index rows of the goal streams the transaction appended to since this last ran.
    func settleGoalIndex(_ transaction: OpenTransaction) throws(StoreError) {
        let names = transaction.goalStreams.take()
        try wrap { try updateGoalIndex(names) }
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
}
