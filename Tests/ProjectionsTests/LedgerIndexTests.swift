import JournalDomain
import JournalTestSupport
import Projections
import Testing

/// The shortcuts a long read takes (activities by goal, progress at many instants) give what the plain folds give.
@Suite("Ledger shortcuts")
struct LedgerIndexTests {
    @Test("a goal's linked activities, by index, are the whole list filtered", arguments: [1, 7, 42] as [UInt64])
    func linkedActivities(seed: UInt64) {
        let ledger = Ledger.fold(GeneratedLog.make(seed: seed, count: 700))
        let time = LogBuilder.time("2025-08-15T12:00")
        let days = LogBuilder.q2.firstDay...LogBuilder.q2.next.lastDay
        for key in ledger.goals.keys {
            #expect(ledger.activities(linkedTo: key) == ledger.activities.filter { $0.goal == key })
            var linked: [ActivityFact] = []
            ledger.forEachActivity(in: days, time: time, linkedTo: key) { linked.append($0) }
            #expect(linked == ledger.activities(in: days, time: time).filter { $0.goal == key })
            #expect(!linked.isEmpty || ledger.activities.allSatisfy { $0.goal != key })
        }
    }

    @Test("progress at many instants is the goal's fold at each", arguments: [1, 7, 42] as [UInt64])
    func progressAtInstants(seed: UInt64) {
        var log = LogBuilder()
        for event in GeneratedLog.make(seed: seed, count: 500) { log.add(event.event, at: event.recordedAt.description, on: event.occurredAt.description) }
        // Readings that replace the total, a retracted one, and a goal set again (its total starts over).
        log.goal("g1", target: 20, at: "2025-05-01T09:00")
        log.add(.progressMeasured(ProgressMeasured(goal: "g1", value: 7)), at: "2025-05-02T09:00")
        let wrong = log.add(.progressMeasured(ProgressMeasured(goal: "g1", amount: 100)), at: "2025-05-03T09:00")
        log.retract(wrong, at: "2025-05-04T09:00")
        log.add(.progressMeasured(ProgressMeasured(goal: "g2", amount: 2)), at: "2025-05-05T09:00", on: "2025-04-20T09:00")
        let ledger = Ledger.fold(log.envelopes)
        let instants = (0..<30).map { LogBuilder.instant("2025-04-01T23:59").adding(days: 6 * $0) }
        for knowledge in [Knowledge.now, Knowledge(asKnownAt: LogBuilder.instant("2025-05-03T12:00"))] {
            for key in ledger.goals.keys.sorted() {
                let expected = instants.map { ledger.goal(key, at: $0, knowledge)?.current }
                #expect(ledger.progress(ofGoal: key, at: instants, knowledge) == expected, "\(key)")
            }
        }
        #expect(ledger.progress(ofGoal: "g1", at: [LogBuilder.instant("2025-05-10T00:00")]) == [7])
    }
}

private extension Instant {
    func adding(days: Int) -> Instant { Instant(millisecondsSinceEpoch: millisecondsSinceEpoch + Int64(days) * 86_400_000) }
}
