import Foundation
import JournalDomain

/// Events of every type with hostile payload values: control characters, escapes, JSON punctuation, long texts,
/// extreme integers and doubles (subnormals, -0.0, 19 digits), dates and quarters far from today. For the tests that
/// hold the fast payload reader equal to JSONDecoder, so a new event type must be made here.
public struct HostileEventGenerator {
    public var rng: SplitMix64
    /// Set when a value was drawn that the fast reader leaves to JSONDecoder (subnormals, 19-digit integers).
    public var exotic = false

    public init(seed: UInt64) { rng = SplitMix64(seed: seed) }

    public static let pieces: [String] = [
        "a", "Z", " ", "read", "chapter", "\"", "\\", "/", "\n", "\t", "\r", "\u{0}", "\u{8}", "\u{C}", "\u{1F}", "\u{7F}",
        "é", "ü", "東京", "🚀", "🙂", "👩‍💻", "e\u{301}", "\u{2028}", "\u{FEFF}", "{", "}", "[", "]", ":", ",", "null", "true",
        "\\u0041", "12.5", "-", "'", "\u{10FFFF}", "\u{FFFD}",
    ]

    public mutating func text(max: Int = 12) -> String {
        if Int.random(in: 0..<50, using: &rng) == 0 {
            return String(repeating: HostileEventGenerator.pieces.randomElement(using: &rng) ?? "x", count: Int.random(in: 100...2000, using: &rng))
        }
        let count = Int.random(in: 0...max, using: &rng)
        return (0..<count).map { _ in HostileEventGenerator.pieces.randomElement(using: &rng) ?? "" }.joined()
    }

    public mutating func optionalText() -> String? { Bool.random(using: &rng) ? text() : nil }

    public mutating func int() -> Int {
        switch Int.random(in: 0..<10, using: &rng) {
        case 0: return 0
        case 1: return -Int.random(in: 1...1000, using: &rng)
        case 2:
            exotic = true
            return [Int.max, Int.min, 1_000_000_000_000_000_000][Int.random(in: 0..<3, using: &rng)]
        case 3: return Int.random(in: 1...999_999_999_999_999_999, using: &rng)
        default: return Int.random(in: 1...500, using: &rng)
        }
    }

    public mutating func optionalInt() -> Int? { Bool.random(using: &rng) ? int() : nil }

    public mutating func double() -> Double {
        let notable: [Double] = [0, -0.0, 1, 15, 2.5, 0.1, 0.3, 1e12, 1e-7, 1e20, 1e16, 1e15, 123.456, 42.75, -3.25, 1e300,
                                 -1e-300, 0.30000000000000004, .ulpOfOne, .leastNormalMagnitude, .greatestFiniteMagnitude]
        switch Int.random(in: 0..<6, using: &rng) {
        case 0, 1: return notable.randomElement(using: &rng) ?? 0
        case 2: return Double(Int.random(in: -100_000...100_000, using: &rng)) / 100
        case 3:
            let value = Double(bitPattern: rng.next())
            guard value.isFinite else { return 7 }
            if value.isSubnormal { exotic = true }
            return value
        case 4:
            exotic = true
            return [Double.leastNonzeroMagnitude, -Double.leastNonzeroMagnitude, Double(bitPattern: 0x0000_1000_0000_0000)][Int.random(in: 0..<3, using: &rng)]
        default: return Double(Int.random(in: 0...1000, using: &rng))
        }
    }

    public mutating func optionalDouble() -> Double? { Bool.random(using: &rng) ? double() : nil }

    public mutating func date() -> LocalDate { LocalDate(dayNumber: Int.random(in: -25_000...2_900_000, using: &rng)) }

    public mutating func quarter() -> Quarter {
        Quarter(year: Int.random(in: 1900...9999, using: &rng), number: Int.random(in: 1...4, using: &rng)) ?? date().quarter
    }

    public mutating func fieldValue() -> FieldValue? {
        switch Int.random(in: 0..<3, using: &rng) {
        case 0: return nil
        case 1: return .number(double())
        default: return .text(text())
        }
    }

    public mutating func event(kindIndex: Int) -> (event: JournalEvent, exotic: Bool) {
        exotic = false
        let kind = JournalEvent.Kind.allCases[kindIndex]
        let event: JournalEvent
        switch kind {
        case .directionSet:
            event = .directionSet(DirectionSet(key: text(), title: text(), by: optionalText()))
        case .goalSet:
            event = .goalSet(GoalSet(key: text(), title: text(), quarter: quarter(), metric: optionalText(), target: optionalDouble(),
                                     unit: optionalText(), due: Bool.random(using: &rng) ? date() : nil,
                                     direction: optionalText(), confidence: optionalInt(),
                                     forced: Bool.random(using: &rng) ? Bool.random(using: &rng) : nil))
        case .milestonePlanned:
            event = .milestonePlanned(MilestonePlanned(goal: text(), number: int(), title: text(),
                                                       weeks: Bool.random(using: &rng) ? WeekSpan(first: int(), last: int()) : nil,
                                                       due: Bool.random(using: &rng) ? date() : nil))
        case .milestoneDone:
            event = .milestoneDone(MilestoneDone(goal: text(), number: int()))
        case .milestoneRevised:
            func when() -> MilestoneWhen {
                Bool.random(using: &rng)
                    ? MilestoneWhen(quarter: quarter(), weeks: WeekSpan(first: int(), last: int()))
                    : MilestoneWhen(due: date())
            }
            let title = Bool.random(using: &rng) ? TitleChange(from: text(), to: text()) : nil
            let schedule = Bool.random(using: &rng) ? ScheduleChange(from: Bool.random(using: &rng) ? when() : nil, to: when()) : nil
            event = .milestoneRevised(MilestoneRevised(goal: text(), number: int(), title: title, schedule: schedule, reason: text()))
        case .progressMeasured:
            event = .progressMeasured(ProgressMeasured(goal: text(), amount: optionalDouble(), value: optionalDouble(), note: optionalText()))
        case .activityLogged:
            let tags = Bool.random(using: &rng) ? [] : (0..<Int.random(in: 1...3, using: &rng)).map { _ in text(max: 12) }
            event = .activityLogged(ActivityLogged(text: text(max: 30), goal: optionalText(), milestone: optionalInt(), minutes: optionalInt(), tags: tags, amends: optionalText()))
        case .goalRevised:
            let changes = (0..<Int.random(in: 0...4, using: &rng)).map { _ in
                FieldChange(field: GoalField.allCases.randomElement(using: &rng) ?? .title, from: fieldValue(), to: fieldValue())
            }
            event = .goalRevised(GoalRevised(goal: text(), changes: changes, reason: text(),
                                             forced: Bool.random(using: &rng) ? Bool.random(using: &rng) : nil))
        case .goalCompleted:
            event = .goalCompleted(GoalCompleted(goal: text(), outcome: optionalText()))
        case .goalDropped:
            event = .goalDropped(GoalDropped(goal: text(), reason: text()))
        case .reviewRecorded:
            let blockers = (0..<Int.random(in: 0...5, using: &rng)).map { _ in Blocker.allCases.randomElement(using: &rng) ?? .other }
            event = .reviewRecorded(ReviewRecorded(quarter: quarter(), planned: text(), accomplished: text(), obstacles: text(),
                                                   learned: text(), next: text(), blockers: blockers))
        case .partnerNamed:
            event = .partnerNamed(PartnerNamed(name: text()))
        case .eventRetracted:
            let last = UInt8.random(in: 0...255, using: &rng)
            event = .eventRetracted(EventRetracted(target: UUID(uuid: (0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, last)).uuidString.lowercased(),
                                                   targetType: JournalEvent.Kind.allCases.randomElement(using: &rng)?.rawValue ?? "",
                                                   reason: text()))
        case .timerStarted:
            let tags = Bool.random(using: &rng) ? [] : (0..<Int.random(in: 1...3, using: &rng)).map { _ in text(max: 12) }
            let at = Instant(millisecondsSinceEpoch: Int64.random(in: -2_000_000_000_000...250_000_000_000_000, using: &rng))
            event = .timerStarted(TimerStarted(text: text(max: 30), goal: optionalText(), milestone: optionalInt(), tags: tags, startedAt: at))
        case .timerStopped:
            let activities = (0..<Int.random(in: 0...3, using: &rng)).map { _ in text(max: 36) }
            event = .timerStopped(TimerStopped(timer: text(max: 36), activities: activities))
        case .timerCancelled:
            event = .timerCancelled(TimerCancelled(timer: text(max: 36)))
        }
        return (event, exotic)
    }
}
