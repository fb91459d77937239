import Foundation
import JournalDomain

/// Stored payloads in the proportions a journal holds them (activities are most of every log), as the encoder
/// writes them, with the reference that reads them: JSONDecoder on the payload's type.
struct PayloadSamples {
    struct Sample {
        let type: String
        let schemaVersion: Int
        let payload: String
    }

    let samples: [Sample]

    init(count: Int, seed: UInt64) throws {
        var random = SplitMix(seed: seed)
        var samples: [Sample] = []
        samples.reserveCapacity(count)
        guard let quarter = Quarter(year: 2025, number: 2) else { throw SampleError.noQuarter }
        for index in 0..<count {
            let goal = "goal-\(random.below(40))"
            let event: JournalEvent
            switch random.below(20) {
            case 0:
                event = .goalSet(GoalSet(key: goal, title: "Complete the certification number \(index)", quarter: quarter, metric: "sections", target: Double(random.below(30) + 1)))
            case 1:
                event = .milestonePlanned(MilestonePlanned(goal: goal, number: random.below(12) + 1, title: "Sections \(index) to \(index + 4)",
                                                           weeks: WeekSpan(first: 1, last: random.below(13) + 1)))
            case 2, 3:
                event = .milestoneDone(MilestoneDone(goal: goal, number: random.below(12) + 1))
            case 4, 5:
                event = .progressMeasured(ProgressMeasured(goal: goal, amount: Double(random.below(500)) / 4, note: "practice exam"))
            default:
                event = .activityLogged(ActivityLogged(text: "Studied chapter \(random.below(30)) and took notes", goal: random.below(3) == 0 ? nil : goal,
                                                       milestone: random.below(2) == 0 ? nil : random.below(12) + 1,
                                                       minutes: random.below(240) + 10, tags: random.below(4) == 0 ? ["deep-work"] : []))
            }
            samples.append(Sample(type: event.type, schemaVersion: event.schemaVersion, payload: try event.payloadJSON()))
        }
        self.samples = samples
    }

    /// What the log's reader does: the fast reader, JSONDecoder only for a payload it does not take.
    static func fast(_ sample: Sample) throws -> JournalEvent {
        try JournalEvent(type: sample.type, schemaVersion: sample.schemaVersion, payload: sample.payload)
    }

    /// The reference the fast reader is held to (Tests/JournalDomainTests/FastDecodingTests.swift).
    static func reference(_ sample: Sample, _ decoder: JSONDecoder) throws -> JournalEvent {
        let data = Data(sample.payload.utf8)
        switch sample.type {
        case "goal-set": return .goalSet(try decoder.decode(GoalSet.self, from: data))
        case "milestone-planned": return .milestonePlanned(try decoder.decode(MilestonePlanned.self, from: data))
        case "milestone-done": return .milestoneDone(try decoder.decode(MilestoneDone.self, from: data))
        case "progress-measured": return .progressMeasured(try decoder.decode(ProgressMeasured.self, from: data))
        default: return .activityLogged(try decoder.decode(ActivityLogged.self, from: data))
        }
    }
}

enum SampleError: Error {
    case noQuarter
}

/// A small seeded generator, so that every run measures the same inputs.
struct SplitMix: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
}
