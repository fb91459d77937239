import Foundation
import JournalDomain

/// One event of a realistic mix as it would be stored: its stream, the event, the command's metadata and when it
/// occurred. The stored form (ids, payload) is the caller's, so the store's tests wrap it in their own types.
public struct MixedEvent {
    public let stream: String
    public let event: JournalEvent
    public let metadata: String
    public let occurredAt: Instant
}

/// A realistic mix of events for the read path: mostly activities, then milestones, progress, goals, revisions,
/// retractions, reviews, a direction and a partner, with texts that need escaping.
public enum RealisticEventMix {
    static let words = ["read", "chapter", "wrote", "notes", "ran", "5k", "café", "Übung", "東京", "🎸", "\"quoted\"",
                        "path/to/file", "back\\slash", "tab\there", "line\nbreak", "\u{1}"]

    /// The `index`th event of a journal whose first event occurred at `start`. Its day (a new one every 150 events)
    /// and when it occurred (three events a minute) come from `index`, so a seed gives the same journal every time.
    public static func event(_ rng: inout SplitMix64, index: Int, start: Instant) -> MixedEvent {
        func text(_ n: ClosedRange<Int>) -> String {
            (0..<Int.random(in: n, using: &rng)).map { _ in words.randomElement(using: &rng) ?? "x" }.joined(separator: " ")
        }
        let goal = "g\(Int.random(in: 1...60, using: &rng))"
        let day = LocalDate(dayNumber: 20_000 + index / 150)
        let quarter = day.quarter
        let roll = Int.random(in: 0..<100, using: &rng)
        let stream: String
        let event: JournalEvent
        switch roll {
        case 0..<70:
            stream = "activities-\(day)"
            event = .activityLogged(ActivityLogged(text: text(1...8), goal: Bool.random(using: &rng) ? goal : nil,
                                                   milestone: Bool.random(using: &rng) ? Int.random(in: 1...9, using: &rng) : nil,
                                                   minutes: Bool.random(using: &rng) ? Int.random(in: 1...600, using: &rng) : nil))
        case 70..<75:
            stream = "goal-\(goal)"
            event = .milestoneDone(MilestoneDone(goal: goal, number: Int.random(in: 1...9, using: &rng)))
        case 75..<80:
            stream = "goal-\(goal)"
            event = .progressMeasured(ProgressMeasured(goal: goal, amount: [0.1, 2.5, 15, 1e12, 1e-7][Int.random(in: 0..<5, using: &rng)],
                                                       value: Bool.random(using: &rng) ? -3.25 : nil, note: Bool.random(using: &rng) ? text(1...3) : nil))
        case 80..<84:
            stream = "goal-\(goal)"
            event = .milestonePlanned(MilestonePlanned(goal: goal, number: Int.random(in: 1...9, using: &rng), title: text(1...4),
                                                       weeks: Bool.random(using: &rng) ? WeekSpan(first: 2, last: 5) : nil,
                                                       due: Bool.random(using: &rng) ? day.adding(days: 20) : nil))
        case 84..<87:
            stream = "goal-\(goal)"
            event = .goalSet(GoalSet(key: goal, title: text(2...5), quarter: quarter, metric: "pages", target: 300, unit: "pages",
                                     due: quarter.lastDay, direction: "d", confidence: 70, forced: Bool.random(using: &rng) ? true : nil))
        case 87..<89:
            stream = "goal-\(goal)"
            event = .goalRevised(GoalRevised(goal: goal, changes: [FieldChange(field: .target, from: .number(300), to: .number(250)),
                                                                    FieldChange(field: .due, from: nil, to: .text("\(day)"))],
                                             reason: text(1...4)))
        case 89..<91:
            stream = "goal-\(goal)"
            event = .goalCompleted(GoalCompleted(goal: goal, outcome: Bool.random(using: &rng) ? text(1...4) : nil))
        case 91..<92:
            stream = "goal-\(goal)"
            event = Bool.random(using: &rng)
                ? .goalDropped(GoalDropped(goal: goal, reason: text(1...4)))
                : .milestoneRevised(MilestoneRevised(goal: goal, number: Int.random(in: 1...9, using: &rng),
                                                     title: Bool.random(using: &rng) ? TitleChange(from: text(1...3), to: text(1...3)) : nil,
                                                     schedule: ScheduleChange(from: MilestoneWhen(quarter: quarter, weeks: WeekSpan(first: 2, last: 5)),
                                                                              to: MilestoneWhen(due: day.adding(days: 30))),
                                                     reason: text(1...4)))
        case 92..<96:
            stream = "activities-\(day)"
            event = .eventRetracted(EventRetracted(target: UUID().uuidString.lowercased(), targetType: "activity-logged", reason: text(1...3)))
        case 96..<97:
            stream = "review-\(quarter)"
            event = .reviewRecorded(ReviewRecorded(quarter: quarter, planned: text(1...5), accomplished: text(1...5), obstacles: text(1...5),
                                                   learned: text(1...5), next: text(1...5), blockers: [.overcommitting, .other]))
        case 97..<98:
            stream = "direction-d"
            event = .directionSet(DirectionSet(key: "d", title: text(1...4), by: "2030"))
        case 98:
            stream = "partner"
            event = .partnerNamed(PartnerNamed(name: text(1...2)))
        default:
            // The timer's events, in turn (which of them comes from `index`, so no draw is added).
            stream = "timer"
            let id = UUID().uuidString.lowercased()
            switch index % 3 {
            case 0: event = .timerStarted(TimerStarted(text: text(1...4), goal: Bool.random(using: &rng) ? goal : nil, tags: ["deep-work"],
                                                       startedAt: Instant(millisecondsSinceEpoch: start.millisecondsSinceEpoch + Int64(index) * 20_000)))
            case 1: event = .timerStopped(TimerStopped(timer: id, activities: [UUID().uuidString.lowercased()]))
            default: event = .timerCancelled(TimerCancelled(timer: id))
            }
        }
        // Most events of a command share metadata and their time; some do not.
        let metadata = Int.random(in: 0..<10, using: &rng) == 0 ? #"{"client":"cli","command":"other \#(index)"}"# : #"{"client":"cli","command":"log"}"#
        let occurred = Instant(millisecondsSinceEpoch: start.millisecondsSinceEpoch + Int64(index / 3) * 61_001)
        return MixedEvent(stream: stream, event: event, metadata: metadata, occurredAt: occurred)
    }
}
