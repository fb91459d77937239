import Foundation
import JournalDomain
@testable import JournalStore
import Testing

/// The ports beyond the event log, held to one contract for every store: the goal index the store keeps, write
/// sessions, bulk import, projection checkpoints, and verification of the log and of every derived table.
@Suite("The store ports' contract")
struct StorePortsTests {
    /// Every event in one partition, goal events also in their goal's.
    static let projection = ProjectionDefinition(name: "p", codeVersion: 1) { event in
        ["all"] + (event.event.goalKey.map { ["goal:" + $0] } ?? [])
    }

    func retraction(of event: RecordedEvent, type: String) -> (stream: String, event: JournalEvent) {
        (event.streamId, .eventRetracted(EventRetracted(target: event.eventId, targetType: type, reason: "mistake")))
    }

    @Test(arguments: StoreKind.allCases) func theStoreKeepsTheGoalIndexFromEachGoalStream(kind: StoreKind) throws {
        let store = try kind.make().store
        let set = try record([goalSet("a"), goalSet("b"), (StreamName.partner, .partnerNamed(PartnerNamed(name: "Sam")))], in: store)
        #expect(try store.goalKeys(in: q2) == ["a", "b"])
        #expect(try store.goalKeys(status: .active) == ["a", "b"])

        _ = try record([(StreamName.goal("b"), .goalDropped(GoalDropped(goal: "b", reason: "wrong goal")))], in: store)
        #expect(try store.goalKeys(in: q2) == ["a"], "a dropped goal frees its place")
        #expect(try store.goalKeys(status: .dropped) == ["b"])

        let move = FieldChange(field: .quarter, from: .text("2025-Q2"), to: .text("2025-Q3"))
        _ = try record([(StreamName.goal("a"), .goalRevised(GoalRevised(goal: "a", changes: [move], reason: "later")))], in: store)
        #expect(try store.goalKeys(in: q2).isEmpty)
        #expect(try store.goalKeys(in: q3) == ["a"])

        _ = try record([retraction(of: set[0], type: "goal-set")], in: store)
        #expect(try store.goalKeys(status: nil) == ["b"], "a goal whose setting was retracted has no row")
        #expect(try DerivedStateCheck.differences(in: store, projection: Self.projection).isEmpty)
    }

    @Test(arguments: StoreKind.allCases) func aSessionSeesItsOwnAppendsAndAFailedOneKeepsNothing(kind: StoreKind) throws {
        let store = try kind.make().store
        struct Refused: Error {}
        #expect(throws: Refused.self) {
            try store.write(recordedAt: t0) { session in
                _ = try session.append([batch(goalSet("a").stream, .noStream, [newEvent(try goalSet("a").event.payloadJSON(), type: "goal-set")])])
                #expect(try session.readStream(StreamName.goal("a")).count == 1)
                #expect(try session.streamVersion(StreamName.goal("a")) == 1)
                #expect(try session.count() == 1)
                #expect(try session.goalKeys(in: q2) == ["a"], "the next decision in the same transaction counts it (a plan's goals)")
                throw Refused()
            }
        }
        #expect(try store.count() == 0)
        #expect(try store.streamVersion(StreamName.goal("a")) == 0)
        #expect(try store.goalKeys(status: nil).isEmpty)
    }

    @Test(arguments: StoreKind.allCases) func aSessionKeptPastItsWriteIsRefused(kind: StoreKind) throws {
        let store = try kind.make().store
        try keepSession(store)
    }

    private func keepSession<Store: JournalStorage>(_ store: Store) throws {
        let kept = try store.write(recordedAt: t0) { $0 }
        #expect(throws: StoreError.sessionEnded) { try kept.append([batch("s", .any, [newEvent()])]) }
        #expect(throws: StoreError.sessionEnded) { try kept.readStream("s") }
        #expect(try store.count() == 0)
    }

    @Test(arguments: StoreKind.allCases) func aGoalStreamEventTheJournalCannotReadFailsTheWrite(kind: StoreKind) throws {
        let store = try kind.make().store
        let error = #expect(throws: StoreError.self) { try store.append([batch("goal-x", .noStream, [newEvent()])], recordedAt: t0) }
        guard case .invalidEvent(let reason)? = error else {
            Issue.record("refused as \(String(describing: error)), not as an invalid event")
            return
        }
        #expect(reason.contains("goal stream goal-x holds an event this journal cannot read"), "\(reason)")
        #expect(try store.count() == 0, "nothing of a refused write is kept")
        // Other streams hold whatever their writers put there.
        _ = try store.append([batch("stream-x", .noStream, [newEvent()])], recordedAt: t0)
        #expect(try store.count() == 1)
    }

    @Test(arguments: StoreKind.allCases) func bulkImportAppendsWhatAppendCountingAppends(kind: StoreKind) throws {
        var events = ImportFixture.random(count: 60, streams: 5, seed: 14)
        let goal = try goalSet("imported").event.payloadJSON()
        events.insert(ImportFixture.Event(id: UUID().uuidString.lowercased(), stream: StreamName.goal("imported"), type: "goal-set", payload: goal), at: 7)
        let fixture = ImportFixture(events)
        let appended = try kind.make().store, imported = try kind.make().store
        let now = Instant(millisecondsSinceEpoch: t0.millisecondsSinceEpoch + 1)
        #expect(try appendCounting(fixture.batches, to: appended, at: now) == 61)
        #expect(try importCounting(fixture, to: imported, at: now) == 61)
        #expect(try imported.read(from: 1, limit: .max) == (try appended.read(from: 1, limit: .max)))
        #expect(try imported.goalKeys(in: q2) == ["imported"], "an import keeps the goal index too")
        #expect(try importCounting(fixture, to: imported, at: now) == 0, "an import again adds nothing")
        var conflicting = events
        conflicting[3].payload = #"{"n":"other"}"#
        #expect(throws: StoreError.eventIdConflict(eventId: events[3].id)) { try importCounting(ImportFixture(conflicting), to: imported, at: now) }
        #expect(try imported.count() == 61)
    }

    private func appendCounting<Store: JournalStorage>(_ batches: [AppendBatch], to store: Store, at: Instant) throws -> Int {
        try store.write(recordedAt: at) { try $0.appendCounting(batches) }
    }

    private func importCounting<Store: JournalStorage>(_ fixture: ImportFixture, to store: Store, at: Instant) throws -> Int {
        try store.write(recordedAt: at) { try $0.importCounting(streams: fixture.streams, count: fixture.events.count, fixture.event) }
    }

    @Test func bothStoresGiveTheSameLogForTheSameAppends() throws {
        let fixture = ImportFixture(ImportFixture.random(count: 40, streams: 4, seed: 41))
        let logs = try StoreKind.allCases.map { kind in
            let store = try kind.make().store
            _ = try store.append(fixture.batches, recordedAt: t0)
            return (try store.read(from: 1, limit: .max), try store.verify())
        }
        #expect(logs[0].0 == logs[1].0, "positions, versions, times and hashes alike")
        #expect(logs[0].1 == logs[1].1)
    }

    @Test(arguments: StoreKind.allCases) func projectionsCatchUpIncrementallyAsARebuildWould(kind: StoreKind) throws {
        let store = try kind.make().store
        _ = try record([goalSet("a"), goalSet("b")], in: store)
        let route = Self.projection.route
        #expect(try store.projectionCheckpoint("p") == nil)
        #expect(try store.catchUpProjection("p", codeVersion: 1, route: route) == ProjectionUpdate(applied: 2, position: 2, rebuilt: true))
        #expect(try store.catchUpProjection("p", codeVersion: 1, route: route) == ProjectionUpdate(applied: 0, position: 2, rebuilt: false))
        _ = try record([(StreamName.goal("a"), .milestonePlanned(MilestonePlanned(goal: "a", number: 1, title: "One")))], in: store)
        #expect(try store.catchUpProjection("p", codeVersion: 1, route: route) == ProjectionUpdate(applied: 1, position: 3, rebuilt: false))
        #expect(try store.projectionCheckpoint("p") == ProjectionCheckpoint(position: 3, codeVersion: 1))
        let incremental = try store.partitionKeys(prefix: "").map { try store.partitionEnvelopes([$0]) }
        #expect(try store.partitionKeys(prefix: "goal:") == ["goal:a", "goal:b"])
        #expect(try store.partitionEnvelopes(["goal:a", "missing"]).map(\.position) == [1, 3])
        #expect(try store.catchUpProjection("p", codeVersion: 1, rebuild: true, route: route) == ProjectionUpdate(applied: 3, position: 3, rebuilt: true))
        #expect(try store.partitionKeys(prefix: "").map { try store.partitionEnvelopes([$0]) } == incremental)
        let newCode = try store.catchUpProjection("p", codeVersion: 2) { _ in ["new"] }
        #expect(newCode == ProjectionUpdate(applied: 3, position: 3, rebuilt: true))
        #expect(try store.partitionKeys(prefix: "") == ["new"])
    }

    @Test(arguments: StoreKind.allCases) func verifyNamesTheChainsHeadAndEarlierHeads(kind: StoreKind) throws {
        let store = try kind.make().store
        let recorded = try record([goalSet("a"), goalSet("b")], in: store)
        #expect(try store.verify() == .ok(count: 2, head: recorded[1].hash))
        #expect(try store.position(ofChainHash: recorded[0].hash) == 1)
        #expect(try store.position(ofChainHash: [UInt8](repeating: 7, count: 32)) == nil)
    }

    static let tables = StoreKind.allCases.flatMap { kind in DerivedTable.allCases.map { (kind, $0) } }

    @Test(arguments: tables)
    func aDeepCheckNamesEachEditedDerivedTableAndARebuildMendsIt(kind: StoreKind, table: DerivedTable) throws {
        let subject = try kind.make()
        let store = subject.store
        _ = try record([goalSet("a"), goalSet("b"), (StreamName.partner, .partnerNamed(PartnerNamed(name: "Sam")))], in: store)
        _ = try store.catchUpProjection(Self.projection.name, codeVersion: 1, route: Self.projection.route)
        #expect(try DerivedStateCheck.differences(in: store, projection: Self.projection).isEmpty)
        // A log that moved on since the last catch-up is no damage.
        _ = try record([(StreamName.goal("a"), .milestonePlanned(MilestonePlanned(goal: "a", number: 1, title: "One")))], in: store)
        #expect(try DerivedStateCheck.differences(in: store, projection: Self.projection).isEmpty)

        try subject.tamper(table)
        let found = try DerivedStateCheck.differences(in: store, projection: Self.projection)
        #expect(found.map(\.table) == [table], "\(found)")
        _ = try store.catchUpProjection(Self.projection.name, codeVersion: 1, rebuild: true, route: Self.projection.route)
        #expect(try DerivedStateCheck.differences(in: store, projection: Self.projection).isEmpty)
        #expect(try store.goalKeys(in: q2) == ["a", "b"])
        #expect(try store.streamVersion(StreamName.goal("a")) == 2)
    }
}
