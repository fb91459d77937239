import Foundation
import JournalDomain
@testable import JournalStore
import Testing

/// Each store the contract holds for; `make()` gives a new, empty one.
enum StoreKind: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case sqlite, memory

    var testDescription: String { rawValue }

    func make() throws -> StoreUnderTest {
        switch self {
        case .sqlite:
            let journal = try TemporaryJournal()
            return StoreUnderTest(store: try journal.open(), journal: journal)
        case .memory:
            return StoreUnderTest(store: InMemoryEventStore(), journal: nil)
        }
    }
}

/// A store under test, with what a test does to it from outside the contract: open it again, edit a derived table.
final class StoreUnderTest {
    let store: any JournalStorage
    private let journal: TemporaryJournal?

    init(store: any JournalStorage, journal: TemporaryJournal?) {
        self.store = store
        self.journal = journal
    }

    /// The same journal through a new connection (the in-memory store is its only connection).
    func reopened() throws -> any JournalStorage {
        guard let journal else { return store }
        return try journal.open(.mustExist)
    }

    /// Edits `table` the way a bad tool could: rows wrong, missing or extra.
    func tamper(_ table: DerivedTable) throws {
        if let journal {
            let sql: String
            switch table {
            case .goalIndex: sql = "UPDATE goal_index SET status = 'dropped'"
            case .goalKeys: sql = "INSERT INTO goal_keys (alias, goal) VALUES ('stray', 'a')"
            case .streams: sql = "UPDATE streams SET version = version + 5"
            case .projectionState: sql = "UPDATE projection_state SET position = position + 1000"
            case .projectionPartitions: sql = "DELETE FROM projection_partitions WHERE rowid = (SELECT min(rowid) FROM projection_partitions)"
            }
            try journal.raw().execute(sql)
        } else if let memory = store as? InMemoryEventStore {
            switch table {
            case .goalIndex:
                for (key, row) in memory.tables.goalIndex { memory.tables.goalIndex[key] = StoredGoalIndexRow(key: row.key, quarter: row.quarter, status: "dropped") }
            case .goalKeys:
                memory.tables.goalKeys["a", default: []].append(StoredGoalKeyRow(alias: "stray", goal: "a"))
            case .streams:
                for (name, version) in memory.tables.streamVersions { memory.tables.streamVersions[name] = version + 5 }
            case .projectionState:
                for (name, checkpoint) in memory.tables.checkpoints {
                    memory.tables.checkpoints[name] = ProjectionCheckpoint(position: checkpoint.position + 1000, codeVersion: checkpoint.codeVersion)
                }
            case .projectionPartitions:
                if let key = memory.tables.partitions.keys.sorted().first { memory.tables.partitions[key] = nil }
            }
        }
    }
}

/// Writes `events` (domain events) to their streams in one write session, each stream at its expected version.
func record(_ events: [(stream: String, event: JournalEvent)], in store: some JournalStorage, at: Instant = t0) throws -> [RecordedEvent] {
    try store.write(recordedAt: at) { session in
        try events.flatMap { item in
            let new = NewEvent(eventId: UUID().uuidString.lowercased(), type: item.event.type, schemaVersion: item.event.schemaVersion,
                               payload: try item.event.payloadJSON(), occurredAt: at)
            return try session.append([batch(item.stream, .exact(try session.streamVersion(item.stream)), [new])])
        }
    }
}

let q2 = Quarter(year: 2025, number: 2)!, q3 = Quarter(year: 2025, number: 3)!

func goalSet(_ key: String, _ quarter: Quarter = q2) -> (stream: String, event: JournalEvent) {
    (StreamName.goal(key), .goalSet(GoalSet(key: key, title: "Goal \(key)", quarter: quarter, metric: "m", due: quarter.lastDay)))
}
