import JournalDomain

/// Generates a plausible journal: goals over two quarters with milestones, progress, effort on and off
/// goals, revisions, completions, drops, backdated events, reviews, and retractions of earlier events.
public enum GeneratedLog {
    public static func make(seed: UInt64, count: Int) -> [Envelope] {
        var rng = SplitMix64(seed: seed)
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
