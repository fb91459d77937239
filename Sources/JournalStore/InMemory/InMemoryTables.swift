import Foundation
import JournalDomain

/// Everything an in-memory journal holds: the log, and the same derived tables a journal file keeps beside it.
/// A value: a write transaction works on a copy and keeps it only when it succeeds.
struct InMemoryTables {
    var events: [RecordedEvent] = []
    var indexByPosition: [Int64: Int] = [:]
    var indexById: [String: Int] = [:]
    var streamEvents: [String: [Int]] = [:]
    /// The highest position ever given (a position is never reused).
    var highWater: Int64 = 0
    // Derived tables, named as the SQLite file names them (DerivedTable).
    var streamVersions: [String: Int] = [:]
    var goalIndex: [String: StoredGoalIndexRow] = [:]
    /// The goal_keys table: each goal's other keys, by identity.
    var goalKeys: [String: [StoredGoalKeyRow]] = [:]
    var checkpoints: [String: ProjectionCheckpoint] = [:]
    var partitions: [String: [Int64]] = [:]

    static let name = "the in-memory journal"

    func readStream(_ stream: String, from version: Int) -> [RecordedEvent] {
        (streamEvents[stream] ?? []).map { events[$0] }.filter { $0.streamVersion >= version }
    }

    func event(atPosition position: Int64) -> RecordedEvent? { indexByPosition[position].map { events[$0] } }
    func event(withId id: String) -> RecordedEvent? { indexById[id].map { events[$0] } }
    var head: Int64 { events.last?.position ?? 0 }

    func goalKeys(in quarter: Quarter) -> [String] {
        goalIndex.values.filter { $0.quarter == quarter.description && $0.status != GoalStatus.dropped.rawValue }.map(\.key).sorted()
    }

    /// As SQLiteEventStore.goalHolding(key:).
    func goalHolding(key: String) -> KeyHolder? {
        if let own = goalIndex[key] { return KeyHolder(goal: own.key, shownKey: own.shown) }
        let holders = goalKeys.values.joined().filter { $0.alias == key }.map(\.goal).sorted()
        return holders.lazy.compactMap { goalIndex[$0] }.first.map { KeyHolder(goal: $0.key, shownKey: $0.shown) }
    }

    /// Appends as SQLiteEventStore.appendInTransaction does: the same checks in the same order, the same errors,
    /// positions, versions and hashes; all or nothing.
    mutating func append(_ batches: [AppendBatch], recordedAt: Instant, touched: inout GoalStreamsTouched,
                         onAppended: ((RecordedEvent) -> Void)? = nil) throws(StoreError) -> [RecordedEvent] {
        try AppendRules.validate(batches)
        var next = self
        var noted = touched
        var recorded: [RecordedEvent] = []
        var previousHash = events.last?.hash ?? HashChain.genesis
        for batch in batches {
            var fresh: [NewEvent] = []
            for event in batch.events {
                if let existing = next.event(withId: event.eventId) {
                    guard existing.hasSameContent(as: event, stream: batch.stream) else {
                        throw StoreError.eventIdConflict(eventId: event.eventId)
                    }
                    if onAppended == nil { recorded.append(existing) }
                } else {
                    fresh.append(event)
                }
            }
            guard !fresh.isEmpty else { continue }
            noted.note(batch.stream)
            let version = next.streamVersions[batch.stream] ?? 0
            guard batch.expected.accepts(version) else {
                throw StoreError.wrongExpectedVersion(stream: batch.stream, expected: batch.expected, actual: version)
            }
            var streamVersion = version
            for event in fresh {
                // What the journal file's CHECK constraints refuse.
                for (column, text) in [("payload", event.payload), ("metadata", event.metadata)] where !InMemoryTables.isJSON(text) {
                    throw StoreError.invalidEvent("event \(event.eventId) was refused by the log's constraints (CHECK constraint failed: json_valid(\(column)))")
                }
                next.highWater += 1
                streamVersion += 1
                var stored = RecordedEvent(position: next.highWater, eventId: event.eventId, streamId: batch.stream,
                                           streamVersion: streamVersion, type: event.type, schemaVersion: event.schemaVersion,
                                           payload: event.payload, metadata: event.metadata, occurredAt: event.occurredAt,
                                           recordedAt: event.recordedAt ?? recordedAt, previousHash: previousHash, hash: [])
                stored.hash = HashChain.hash(of: stored)
                previousHash = stored.hash
                next.indexByPosition[stored.position] = next.events.count
                next.indexById[stored.eventId] = next.events.count
                next.streamEvents[batch.stream, default: []].append(next.events.count)
                next.events.append(stored)
                if let onAppended { onAppended(stored) } else { recorded.append(stored) }
            }
            next.streamVersions[batch.stream] = streamVersion
        }
        self = next
        touched = noted
        return recorded
    }

    static func isJSON(_ text: String) -> Bool {
        (try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])) != nil
    }

    /// Remakes the goal index rows of the goal streams `names` from their events.
    mutating func updateGoalIndex(_ names: [String]) throws {
        for name in names {
            guard let key = GoalIndexEntry.key(ofStream: name) else { continue }
            let entry = try GoalIndexUpkeep.entry(of: readStream(name, from: 1))
            goalIndex[key] = entry.map(StoredGoalIndexRow.init)
            goalKeys[key] = entry.map(StoredGoalKeyRow.rows)
        }
    }

    /// What `journal rebuild` remakes besides the projections: the goal index and every stream's version.
    mutating func remakeGoalIndexAndVersions() throws {
        goalIndex = [:]
        goalKeys = [:]
        try updateGoalIndex(streamEvents.keys.sorted())
        for name in Set(streamVersions.keys).union(streamEvents.keys) {
            streamVersions[name] = streamEvents[name]?.last.map { events[$0].streamVersion } ?? 0
        }
    }

    func envelope(at index: Int) throws -> Envelope { try events[index].envelope() }
}
