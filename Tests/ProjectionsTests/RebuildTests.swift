import JournalDomain
import JournalTestSupport
import Projections
import Testing

@Suite("Rebuilding equals catching up")
struct RebuildTests {
    @Test("a generated log folded whole or in random pieces gives the same read models", arguments: [1, 2, 3, 42] as [UInt64])
    func rebuildEqualsIncremental(seed: UInt64) {
        let events = GeneratedLog.make(seed: seed, count: 600)
        let whole = Ledger.fold(events)
        #expect(whole.position == 600)
        var rng = SplitMix64(seed: seed &* 7919)
        for _ in 0..<5 {
            // Catch up in 1 to 6 pieces cut at random positions.
            let cuts = (0..<Int.random(in: 0...5, using: &rng)).map { _ in Int.random(in: 0...events.count, using: &rng) }.sorted()
            var incremental = Ledger()
            var start = 0
            for cut in cuts + [events.count] {
                for event in events[start..<cut] { incremental.apply(event) }
                start = max(start, cut)
            }
            #expect(incremental == whole, "cut at \(cuts)")
        }
        // The read models drawn from a ledger that caught up after a pause equal those of a full rebuild.
        var paused = Ledger.fold(events.prefix(250))
        for event in events.dropFirst(250) { paused.apply(event) }
        for now in ["2025-05-10T12:00", "2025-06-30T20:00", "2025-08-15T12:00", "2025-10-02T12:00"] {
            let time = LogBuilder.time(now)
            for quarter in [LogBuilder.q2, LogBuilder.q2.next] {
                #expect(SprintBoard(ledger: paused, quarter: quarter, time: time) == SprintBoard(ledger: whole, quarter: quarter, time: time))
                #expect(QuarterReport(ledger: paused, quarter: quarter, time: time)
                        == QuarterReport(ledger: whole, quarter: quarter, time: time))
                #expect(QuarterReport(ledger: paused, quarter: quarter, asKnownAt: time.today.adding(days: -20), time: time)
                        == QuarterReport(ledger: whole, quarter: quarter, asKnownAt: time.today.adding(days: -20), time: time))
            }
        }
        // The generator exercised what it should: retractions, backdating, goals in both quarters.
        #expect(!whole.retractions.isEmpty)
        #expect(events.contains { $0.occurredAt < $0.recordedAt })
        #expect(Set(whole.goals.keys.compactMap { whole.goal($0)?.quarter }).count == 2)
    }

    @Test func retractedEventsAreIgnoredWhateverTheOrder() {
        // A retraction that arrives (after a merge) before the event it names still hides it.
        var log = LogBuilder()
        log.goal("a", at: "2025-04-01T10:00")
        log.retract("e3", at: "2025-04-02T10:00")
        log.activity(goal: "a", minutes: 60, at: "2025-04-01T12:00")
        let ledger = Ledger.fold(log.envelopes)
        let effort = Effort(ledger.activities(in: LogBuilder.q2.firstDay...LogBuilder.q2.lastDay, time: LogBuilder.time("2025-05-01T00:00")))
        #expect(effort.totalMinutes == 0)
    }
}
