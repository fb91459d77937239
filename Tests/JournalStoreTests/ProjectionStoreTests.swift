import Foundation
import JournalDomain
@testable import JournalStore
import Testing

/// Projection state in the journal file: partitions and a checkpoint, caught up in one transaction.
@Suite("Projection state")
struct ProjectionStoreTests {
    /// Routes an event to its partner's partition, and every third one also to "every-third".
    func route(_ event: RoutableEvent) -> [String] {
        guard case .partnerNamed(let partner) = event.event else { return [] }
        return ["partner:" + partner.name] + (event.position % 3 == 0 ? ["every-third"] : [])
    }

    /// Appends `count` events to `stream`, each naming the stream's letter as partner (so routing can tell them apart).
    func append(_ store: SQLiteEventStore, _ stream: String, count: Int, at: Instant = t0) throws {
        for _ in 0..<count {
            _ = try store.append([batch(stream, .any, [newEvent(#"{"name":"\#(stream)"}"#, type: "partner-named", at: at)])], recordedAt: at)
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
        #expect(incremental["partner:b"]?.map(\.position) == [5, 6, 7, 8, 9])
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

    @Test func partitionsComeBackWholeOnceAndInLogOrder() throws {
        let journal = try TemporaryJournal()
        let store = try journal.open()
        let unicode = #"{"name":"Ünïcödé ✓ \"quoted\" \\ back"}"#
        _ = try store.append([batch("u", .any, [newEvent(unicode, type: "partner-named", at: t0)])], recordedAt: Instant(millisecondsSinceEpoch: t0.millisecondsSinceEpoch + 5))
        try append(store, "b", count: 2)
        try append(store, "a", count: 1)
        try append(store, "b", count: 40)   // far enough apart that reading partner:a seeks twice
        try append(store, "a", count: 1)
        _ = try store.catchUpProjection("p", codeVersion: 1) { event in
            guard case .partnerNamed(let partner) = event.event else { return [] }
            return [partner.name.hasPrefix("Ü") ? "partner:a" : "partner:" + partner.name] + (event.position % 3 == 0 ? ["every-third"] : [])
        }
        // The partitions' events merged: each once, in log order; a missing partition adds nothing.
        let envelopes = try store.partitionEnvelopes(["partner:a", "partner:b", "missing"])
        var stored: [Envelope] = []
        try store.forEachEnvelope { stored.append($0) }
        #expect(envelopes == stored)
        #expect(envelopes.first?.event == .partnerNamed(PartnerNamed(name: "Ünïcödé ✓ \"quoted\" \\ back")))
        #expect(envelopes.first?.streamId == "u")
        #expect(envelopes.first?.recordedAt.millisecondsSinceEpoch == t0.millisecondsSinceEpoch + 5)
        #expect(try store.partitionEnvelopes(["partner:a"]).map(\.position) == [1, 4, 45])
        #expect(try store.partitionEnvelopes(["partner:a", "every-third"]).map(\.position) == [1, 3, 4, 6, 9, 12, 15, 18, 21, 24, 27, 30, 33, 36, 39, 42, 45])
    }

    @Test func aPartitionNamingAnEventTheLogLacksIsReported() throws {
        let journal = try TemporaryJournal()
        let store = try journal.open()
        try append(store, "a", count: 2)
        _ = try store.catchUpProjection("p", codeVersion: 1, route: route)
        // Positions 1, 2 and 9: strictly increasing, so well formed, but the log ends at 2.
        try journal.raw().execute("UPDATE projection_partitions SET events = x'010000000000000002000000000000000900000000000000' WHERE key = 'partner:a'")
        #expect(throws: StoreError.corrupt(path: journal.path, detail: "a projection partition names event 9, which the log does not hold; run journal rebuild")) {
            _ = try store.partitionEnvelopes(["partner:a"])
        }
    }

    @Test func aPartitionNamedTwiceForOneEventHoldsItOnce() throws {
        let journal = try TemporaryJournal()
        let store = try journal.open()
        try append(store, "a", count: 3)
        // Five partitions in turn, more than the catch-up remembers between events, each named twice.
        _ = try store.catchUpProjection("p", codeVersion: 1) { event in
            let key = "k\(event.position % 5)"
            return [key, "all", key, "all"]
        }
        try append(store, "a", count: 6)
        _ = try store.catchUpProjection("p", codeVersion: 1) { event in
            let key = "k\(event.position % 5)"
            return [key, "all", key, "all"]
        }
        #expect(try store.partitionEnvelopes(["all"]).map(\.position) == Array(1...9))
        #expect(try store.partitionEnvelopes(["k1"]).map(\.position) == [1, 6])
        #expect(try store.partitionKeys(prefix: "k") == ["k0", "k1", "k2", "k3", "k4"])
    }

    @Test func aLongReadComesBackWholeAndInOrder() throws {
        let journal = try TemporaryJournal()
        let store = try journal.open()
        let count = 5_001
        // Interleaved streams, so the partition's positions have gaps the range scans step over.
        for start in stride(from: 0, to: count, by: 500) {
            let events = (start..<min(count, start + 500)).map { i in
                newEvent(#"{"name":"\#(i % 3 == 0 ? "b" : "a")"}"#, type: "partner-named", at: t0)
            }
            _ = try store.append([batch("s\(start)", .any, events)], recordedAt: t0)
        }
        _ = try store.catchUpProjection("p", codeVersion: 1, route: route)
        let batches = try store.partitionEnvelopeBatches(["partner:a", "partner:b"])
        var stored: [Envelope] = []
        try store.forEachEnvelope { stored.append($0) }
        #expect(Array(batches.joined()) == stored)
        let onlyA = try store.partitionEnvelopes(["partner:a"])
        #expect(onlyA == stored.filter { $0.event == .partnerNamed(PartnerNamed(name: "a")) })
        // A position past the log's end is reported, not skipped.
        try journal.raw().execute("UPDATE projection_partitions SET events = events || x'\(String(format: "%016llx", UInt64(count + 50).byteSwapped))' WHERE key = 'partner:a'")
        #expect(throws: StoreError.corrupt(path: journal.path, detail: "a projection partition names event \(count + 50), which the log does not hold; run journal rebuild")) {
            _ = try store.partitionEnvelopeBatches(["partner:a"])
        }
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
                return ["partner:a"]
            }
        }
        #expect(try store.projectionCheckpoint("p")?.position == 3, "state and checkpoint move together or not at all")
        #expect(try store.partitionEnvelopes(["partner:a"]).map(\.position) == [1, 2, 3])
    }

    @Test func aDamagedPartitionIsReportedNotMisread() throws {
        let journal = try TemporaryJournal()
        let store = try journal.open()
        try append(store, "a", count: 2)
        _ = try store.catchUpProjection("p", codeVersion: 1, route: route)
        // Not a whole number of positions, and positions out of order.
        for damage in ["x'0102030405'", "x'02000000000000000100000000000000'"] {
            try journal.raw().execute("UPDATE projection_partitions SET events = \(damage) WHERE key = 'partner:a'")
            #expect(throws: StoreError.corrupt(path: journal.path, detail: "projection partition partner:a cannot be read; run journal rebuild")) {
                _ = try store.partitionEnvelopes(["partner:a"])
            }
        }
    }
}
