import Foundation
import JournalDomain
@testable import JournalStore
import Testing

@Suite("The event store's contract")
struct StoreConformanceTests {
    @Test(arguments: StoreKind.allCases) func anEmptyJournalReadsEmpty(kind: StoreKind) throws {
        let subject = try kind.make()
        let store = subject.store
        #expect(try store.read(from: 1, limit: 100).isEmpty)
        #expect(try store.read(from: 0, limit: 100).isEmpty)
        #expect(try store.readStream("goal-aws", from: 1).isEmpty)
        #expect(try store.streamVersion("goal-aws") == 0)
        #expect(try store.count() == 0)
        #expect(try store.event(atPosition: 1) == nil)
        #expect(try store.event(withId: UUID().uuidString.lowercased()) == nil)
        #expect(try store.verify() == .ok(count: 0, head: HashChain.genesis))
    }

    @Test(arguments: StoreKind.allCases) func appendAssignsPositionsVersionsAndChainsHashes(kind: StoreKind) throws {
        let subject = try kind.make()
        let store = subject.store
        let first = try store.append([batch("a", .noStream, [newEvent(), newEvent()])], recordedAt: t0)
        let second = try store.append([batch("b", .noStream, [newEvent()]), batch("a", .exact(2), [newEvent()])],
                                      recordedAt: Instant(millisecondsSinceEpoch: t0.millisecondsSinceEpoch + 1))
        let all = first + second
        #expect(all.map(\.position) == [1, 2, 3, 4])
        #expect(all.map(\.streamId) == ["a", "a", "b", "a"])
        #expect(all.map(\.streamVersion) == [1, 2, 1, 3])
        #expect(all[0].previousHash == HashChain.genesis)
        for (previous, event) in zip(all, all.dropFirst()) {
            #expect(event.previousHash == previous.hash)
        }
        for event in all { #expect(HashChain.hash(of: event) == event.hash) }
        // What was returned is what is read back.
        #expect(try store.read(from: 1, limit: 10) == all)
        #expect(try store.readStream("a", from: 1) == [all[0], all[1], all[3]])
        #expect(try store.readStream("a", from: 3) == [all[3]])
        #expect(try store.read(from: 3, limit: 1) == [all[2]])
        #expect(try store.streamVersion("a") == 3)
        #expect(try store.verify() == .ok(count: 4, head: all[3].hash))
    }

    @Test(arguments: StoreKind.allCases) func unicodeAndOneMegabytePayloadsRoundTripByteExact(kind: StoreKind) throws {
        let subject = try kind.make()
        let store = subject.store
        let unicode = #"{"text":"Zürich — 東京 🚀 e\u0301 \"quoted\" \\ back","z":"\u0000 nul"}"#
        let bigText = String(repeating: "ab€🙂", count: 1_048_576 / 9 + 1)
        let big = #"{"text":""# + bigText + #""}"#
        #expect(big.utf8.count > 1_048_576)
        let metadata = #"{"command":"log activity","note":"ünïcödé"}"#
        _ = try store.append([batch("s", .noStream, [newEvent(unicode, metadata: metadata), newEvent(big)])], recordedAt: t0)

        // A fresh connection reads exactly the bytes written.
        let reopened = try subject.reopened()
        let events = try reopened.read(from: 1, limit: 10)
        try #require(events.count == 2)
        #expect(Array(events[0].payload.utf8) == Array(unicode.utf8))
        #expect(Array(events[0].metadata.utf8) == Array(metadata.utf8))
        #expect(Array(events[1].payload.utf8) == Array(big.utf8))
        #expect(try reopened.verify() == .ok(count: 2, head: events[1].hash))
    }

    @Test(arguments: StoreKind.allCases) func expectedVersionsAreCheckedPerStream(kind: StoreKind) throws {
        let subject = try kind.make()
        let store = subject.store
        _ = try store.append([batch("s", .noStream, [newEvent()])], recordedAt: t0)
        _ = try store.append([batch("s", .exact(1), [newEvent()])], recordedAt: t0)
        _ = try store.append([batch("s", .streamExists, [newEvent()])], recordedAt: t0)
        _ = try store.append([batch("s", .any, [newEvent()])], recordedAt: t0)
        _ = try store.append([batch("t", .any, [newEvent()])], recordedAt: t0)
        #expect(try store.streamVersion("s") == 4)

        #expect(throws: StoreError.wrongExpectedVersion(stream: "s", expected: .exact(3), actual: 4)) {
            try store.append([batch("s", .exact(3), [newEvent()])], recordedAt: t0)
        }
        #expect(throws: StoreError.wrongExpectedVersion(stream: "s", expected: .noStream, actual: 4)) {
            try store.append([batch("s", .noStream, [newEvent()])], recordedAt: t0)
        }
        #expect(throws: StoreError.wrongExpectedVersion(stream: "u", expected: .streamExists, actual: 0)) {
            try store.append([batch("u", .streamExists, [newEvent()])], recordedAt: t0)
        }
        #expect(throws: StoreError.wrongExpectedVersion(stream: "u", expected: .exact(1), actual: 0)) {
            try store.append([batch("u", .exact(1), [newEvent()])], recordedAt: t0)
        }
        #expect(try store.count() == 5)
        #expect(try store.streamVersion("u") == 0)
    }

    @Test(arguments: StoreKind.allCases) func retryingAnEventIdIsANoOpButReusingItForOtherContentFails(kind: StoreKind) throws {
        let subject = try kind.make()
        let store = subject.store
        let event = newEvent(#"{"n":1}"#)
        let first = try store.append([batch("s", .noStream, [event])], recordedAt: t0)
        // The same append again (a retry after a lost reply): nothing new, the stored event comes back.
        let retry = try store.append([batch("s", .noStream, [event])], recordedAt: Instant(millisecondsSinceEpoch: t0.millisecondsSinceEpoch + 5000))
        #expect(retry == first)
        #expect(try store.count() == 1)
        #expect(try store.streamVersion("s") == 1)

        // A retry of a batch whose first event is stored appends only the rest.
        let next = newEvent(#"{"n":2}"#)
        let partial = try store.append([batch("s", .exact(1), [event, next])], recordedAt: t0)
        #expect(partial.map(\.position) == [1, 2])
        #expect(try store.count() == 2)

        for conflicting in [
            newEvent(#"{"n":99}"#, id: event.eventId),
            newEvent(#"{"n":1}"#, type: "other-type", id: event.eventId),
            newEvent(#"{"n":1}"#, id: event.eventId, metadata: #"{"x":1}"#),
            newEvent(#"{"n":1}"#, id: event.eventId, at: Instant(millisecondsSinceEpoch: 0)),
        ] {
            #expect(throws: StoreError.eventIdConflict(eventId: event.eventId)) {
                try store.append([batch("s", .any, [conflicting])], recordedAt: t0)
            }
        }
        // The same id and content in another stream is other content too.
        #expect(throws: StoreError.eventIdConflict(eventId: event.eventId)) {
            try store.append([batch("elsewhere", .any, [event])], recordedAt: t0)
        }
        // A conflict anywhere in an append keeps the whole append out.
        #expect(throws: StoreError.eventIdConflict(eventId: event.eventId)) {
            try store.append([batch("t", .noStream, [newEvent()]), batch("s", .any, [newEvent(#"{"n":7}"#, id: event.eventId)])],
                             recordedAt: t0)
        }
        #expect(try store.count() == 2)
        #expect(try store.streamVersion("t") == 0)
    }

    @Test(arguments: StoreKind.allCases) func aBatchWithOneBadEventWritesNothing(kind: StoreKind) throws {
        let subject = try kind.make()
        let store = subject.store
        _ = try store.append([batch("s", .noStream, [newEvent()])], recordedAt: t0)
        let before = try store.read(from: 1, limit: 10)

        // Payload that is not JSON: refused by the table's CHECK, after two good events were inserted.
        #expect(throws: StoreError.self) {
            try store.append([batch("s", .exact(1), [newEvent(), newEvent(), newEvent("not json")])], recordedAt: t0)
        }
        // A bad id, a duplicate id within the append, an empty stream name, an empty type.
        let id = UUID().uuidString.lowercased()
        let bad: [[AppendBatch]] = [
            [batch("s", .exact(1), [newEvent(), newEvent(id: "not-a-uuid")])],
            [batch("s", .exact(1), [newEvent(), newEvent(id: UUID().uuidString)])],
            [batch("s", .exact(1), [newEvent(id: id)]), batch("t", .any, [newEvent(id: id)])],
            [batch("", .any, [newEvent()])],
            [batch("s", .exact(1), [newEvent(type: "")])],
        ]
        for append in bad {
            #expect(throws: StoreError.self) { try store.append(append, recordedAt: t0) }
        }
        // A second batch with a stale expected version undoes the first batch.
        #expect(throws: StoreError.wrongExpectedVersion(stream: "s", expected: .exact(7), actual: 1)) {
            try store.append([batch("new", .noStream, [newEvent(), newEvent()]), batch("s", .exact(7), [newEvent()])], recordedAt: t0)
        }
        #expect(try store.read(from: 1, limit: 10) == before)
        #expect(try store.streamVersion("new") == 0)
        #expect(try store.streamVersion("s") == 1)
        // The next good append takes the next position: nothing was half-written.
        let next = try store.append([batch("s", .exact(1), [newEvent()])], recordedAt: t0)
        #expect(next.map(\.position) == [2])
        #expect(next.first?.previousHash == before.first?.hash)
        #expect(try store.verify() == .ok(count: 2, head: next[0].hash))
    }

}

/// What only the journal file can be asked: another program writing to it.
@Suite("The journal file's own guarantees")
struct JournalFileGuaranteeTests {
    @Test func updateAndDeleteAreRefusedByTriggers() throws {
        let j = try TemporaryJournal()
        let store = try j.open()
        _ = try store.append([batch("s", .noStream, [newEvent(), newEvent()])], recordedAt: t0)
        let attacker = try j.raw()
        for sql in ["UPDATE events SET payload = '{}' WHERE position = 1",
                    "UPDATE events SET hash = x'00' WHERE position = 2",
                    "DELETE FROM events WHERE position = 2",
                    "DELETE FROM events"] {
            let error = #expect(throws: SQLiteError.self) { try attacker.execute(sql) }
            #expect(error?.isConstraint == true, "\(sql): \(String(describing: error))")
            #expect(error?.message.contains("events are immutable") == true)
        }
        #expect(try store.count() == 2)
        if case .broken = try store.verify() { Issue.record("a refused edit must leave the chain intact") }
    }

    @Test func aPositionIsNeverReusedAfterTheTailWasCut() throws {
        let j = try TemporaryJournal()
        let store = try j.open()
        _ = try store.append([batch("s", .noStream, [newEvent(), newEvent(), newEvent()])], recordedAt: t0)
        let attacker = try j.raw()
        try attacker.execute("DROP TRIGGER events_are_immutable_delete; DELETE FROM events WHERE position = 3")
        let next = try store.append([batch("t", .noStream, [newEvent()])], recordedAt: t0)
        #expect(next.map(\.position) == [4])
    }
}
