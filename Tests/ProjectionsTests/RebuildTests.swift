import JournalDomain
import Projections
import Testing

/// A small deterministic random source, so a failing seed can be replayed.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Generates a plausible journal: goals over two quarters with milestones, progress, effort on and off
/// goals, revisions, completions, drops, backdated events, reviews, and retractions of earlier events.
enum GeneratedLog {
    static func make(seed: UInt64, count: Int) -> [Envelope] {
        var rng = SplitMix64(state: seed)
        var log = LogBuilder()
        let quarters = [LogBuilder.q2, LogBuilder.q2.next]
        var goals: [(key: String, quarter: Quarter, milestones: Int)] = []
        var clock = LogBuilder.instant("2025-03-30T08:00").millisecondsSinceEpoch
        func stamp(_ ms: Int64) -> String { Instant(millisecondsSinceEpoch: ms).description }
        while log.envelopes.count < count {
            clock += Int64.random(in: 1...(36 * 3_600_000), using: &rng)
            let at = stamp(clock)
            let on = Int.random(in: 0..<6, using: &rng) == 0 ? stamp(clock - Int64.random(in: 1...(5 * 86_400_000), using: &rng)) : nil
            let roll = Int.random(in: 0..<100, using: &rng)
            if goals.count < 2 || (roll < 4 && goals.count < 8) {
                let key = "g\(goals.count + 1)"
                let quarter = quarters[goals.count % 2]
                let numeric = Bool.random(using: &rng)
                log.goal(key, quarter: quarter, metric: Bool.random(using: &rng) ? "metric" : nil, target: numeric ? 20 : nil,
                         unit: numeric ? "things" : nil, due: Bool.random(using: &rng) ? quarter.lastDay.description : nil, at: at)
                goals.append((key, quarter, 0))
                continue
            }
            let g = Int.random(in: 0..<goals.count, using: &rng)
            let key = goals[g].key
            switch roll {
            case ..<15:
                goals[g].milestones += 1
                let first = Int.random(in: 1...13, using: &rng)
                log.milestone(key, goals[g].milestones, weeks: (first, min(13, first + Int.random(in: 0...3, using: &rng))), at: at)
            case ..<25 where goals[g].milestones > 0:
                log.done(key, Int.random(in: 1...goals[g].milestones, using: &rng), at: at, on: on)
            case ..<32:
                log.add(.progressMeasured(ProgressMeasured(goal: key, amount: Double(Int.random(in: 1...4, using: &rng)))), at: at, on: on)
            case ..<70:
                log.activity(goal: Bool.random(using: &rng) ? key : nil, minutes: Int.random(in: 5...240, using: &rng), at: at, on: on)
            case ..<76:
                let due = goals[g].quarter.firstDay.adding(days: Int.random(in: 30...90, using: &rng))
                log.add(.goalRevised(GoalRevised(goal: key, changes: [FieldChange(field: .due, from: nil, to: .text(due.description))],
                                                 reason: "replanned")), at: at)
            case ..<78:
                log.add(.goalCompleted(GoalCompleted(goal: key, outcome: "done")), at: at, on: on)
            case ..<79:
                log.add(.goalDropped(GoalDropped(goal: key, reason: "changed course")), at: at)
            case ..<81:
                log.add(.reviewRecorded(ReviewRecorded(quarter: goals[g].quarter, planned: "p", accomplished: "a", obstacles: "o",
                                                       learned: "l", next: "n", blockers: [.other])), at: at)
            case ..<83:
                log.add(.partnerNamed(PartnerNamed(name: "P\(roll)")), at: at)
            default:
                let candidates = log.envelopes.filter { if case .eventRetracted = $0.event { return false } else { return true } }
                if let target = candidates.randomElement(using: &rng) { log.retract(target.eventId, at: at) }
            }
        }
        return log.envelopes
    }
}

@Suite("Rebuilding equals catching up")
struct RebuildTests {
    @Test("a generated log folded whole or in random pieces gives the same read models", arguments: [1, 2, 3, 42] as [UInt64])
    func rebuildEqualsIncremental(seed: UInt64) {
        let events = GeneratedLog.make(seed: seed, count: 600)
        let whole = Ledger.fold(events)
        #expect(whole.position == 600)
        var rng = SplitMix64(state: seed &* 7919)
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
