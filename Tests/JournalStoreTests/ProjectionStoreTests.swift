import Foundation
import JournalDomain
@testable import JournalStore
import Testing

/// Projection state in the journal file: partitions and a checkpoint, caught up in one transaction.
@Suite("Projection state")
struct ProjectionStoreTests {
    /// Routes an event to its stream's partition, and every third one also to "every-third".
    func route(_ event: Envelope) -> [String] {
        ["stream:" + event.streamId] + (event.position % 3 == 0 ? ["every-third"] : [])
    }

    func append(_ store: SQLiteEventStore, _ stream: String, count: Int, at: Instant = t0) throws {
        for _ in 0..<count {
            _ = try store.append([batch(stream, .any, [newEvent(#"{"name":"P"}"#, type: "partner-named", at: at)])], recordedAt: at)
        }
    }

    func allBytes(_ store: SQLiteEventStore) throws -> [String: [Envelope]] {
        var result: [String: [Envelope]] = [:]
        for key in try store.partitionKeys(prefix: "") { result[key] = try store.partitionEnvelopes([key]) }
        return result
    }

    @Test func catchingUpAppliesOnlyWhatIsNewAndEqualsARebuild() throws {
        let journal = try TemporaryJournal()
        let store = try journal.open()
        #expect(try store.projectionCheckpoint("p") == nil)
        try append(store, "a", count: 4)
        try append(store, "b", count: 2)
        let first = try store.catchUpProjection("p", codeVersion: 1, route: route)
        #expect(first == ProjectionUpdate(applied: 6, position: 6, rebuilt: true))
        #expect(try store.projectionCheckpoint("p") == ProjectionCheckpoint(position: 6, codeVersion: 1))

        let idle = try store.catchUpProjection("p", codeVersion: 1, route: route)
        #expect(idle == ProjectionUpdate(applied: 0, position: 6, rebuilt: false))

        try append(store, "b", count: 3)
        try append(store, "c", count: 1)
        let next = try store.catchUpProjection("p", codeVersion: 1, route: route)
        #expect(next == ProjectionUpdate(applied: 4, position: 10, rebuilt: false))
        let incremental = try allBytes(store)
        #expect(incremental["stream:b"]?.map(\.position) == [5, 6, 7, 8, 9])
        #expect(incremental["every-third"]?.map(\.position) == [3, 6, 9])

        let rebuilt = try store.catchUpProjection("p", codeVersion: 1, rebuild: true, route: route)
        #expect(rebuilt == ProjectionUpdate(applied: 10, position: 10, rebuilt: true))
        #expect(try allBytes(store) == incremental)
    }

    @Test func aNewCodeVersionRebuildsFromTheStart() throws {
        let journal = try TemporaryJournal()
        let store = try journal.open()
        try append(store, "a", count: 3)
        _ = try store.catchUpProjection("p", codeVersion: 1) { _ in ["old"] }
        let update = try store.catchUpProjection("p", codeVersion: 2) { _ in ["new"] }
        #expect(update == ProjectionUpdate(applied: 3, position: 3, rebuilt: true))
        #expect(try store.partitionKeys(prefix: "") == ["new"], "the old version's partitions are gone")
        #expect(try store.projectionCheckpoint("p")?.codeVersion == 2)
    }

    @Test func partitionsComeBackWholeAndInLogOrder() throws {
        let journal = try TemporaryJournal()
        let store = try journal.open()
        let unicode = #"{"name":"Ünïcödé ✓ \"quoted\" \\ back"}"#
        _ = try store.append([batch("a", .any, [newEvent(unicode, type: "partner-named", at: t0)])], recordedAt: Instant(millisecondsSinceEpoch: t0.millisecondsSinceEpoch + 5))
        try append(store, "b", count: 2)
        try append(store, "a", count: 1)
        _ = try store.catchUpProjection("p", codeVersion: 1, route: route)
        // Partition after partition, each in log order; a missing one adds nothing.
        let envelopes = try store.partitionEnvelopes(["stream:a", "stream:b", "missing"])
        #expect(envelopes.map(\.position) == [1, 4, 2, 3])
        var stored: [Envelope] = []
        try store.forEachEnvelope { stored.append($0) }
        #expect(envelopes.sorted { $0.position < $1.position } == stored)
        #expect(envelopes.first?.event == .partnerNamed(PartnerNamed(name: "Ünïcödé ✓ \"quoted\" \\ back")))
        #expect(envelopes.first?.recordedAt.millisecondsSinceEpoch == t0.millisecondsSinceEpoch + 5)
        // An event routed to several partitions comes once for each: merging is the reader's (LedgerSlices).
        #expect(try store.partitionEnvelopes(["stream:a", "every-third"]).map(\.position) == [1, 4, 3])
    }

    @Test func aRefusedRouteWritesNothing() throws {
        struct Refused: Error {}
        let journal = try TemporaryJournal()
        let store = try journal.open()
        try append(store, "a", count: 3)
        _ = try store.catchUpProjection("p", codeVersion: 1, route: route)
        try append(store, "a", count: 2)
        #expect(throws: Refused.self) {
            _ = try store.catchUpProjection("p", codeVersion: 1) { event in
                if event.position == 5 { throw Refused() }
                return ["stream:a"]
            }
        }
        #expect(try store.projectionCheckpoint("p")?.position == 3, "state and checkpoint move together or not at all")
        #expect(try store.partitionEnvelopes(["stream:a"]).map(\.position) == [1, 2, 3])
    }

    @Test func aDamagedPartitionIsReportedNotMisread() throws {
        let journal = try TemporaryJournal()
        let store = try journal.open()
        try append(store, "a", count: 2)
        _ = try store.catchUpProjection("p", codeVersion: 1, route: route)
        try journal.raw().execute("UPDATE projection_partitions SET events = x'0102030405' WHERE key = 'stream:a'")
        do {
            _ = try store.partitionEnvelopes(["stream:a"])
            Issue.record("a damaged partition was read")
        } catch let error as StoreError {
            #expect(error == .corrupt(path: journal.path, detail: "projection partition stream:a cannot be read; run journal rebuild"))
        }
    }
}
