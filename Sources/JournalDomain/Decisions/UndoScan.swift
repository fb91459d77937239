/// What `journal undo` takes back, found by walking the log from its newest event backwards: an event is
/// undoable unless it is itself a retraction (those cannot be retracted) or a later retraction already took it
/// back. A retraction always comes after its target, so one backward pass sees every retraction before the
/// events it names.
public struct UndoScan: Sendable {
    private var retracted = Set<String>()

    public init() {}

    /// Feed events newest first; true when `envelope` is one undo would retract.
    public mutating func isUndoable(_ envelope: Envelope) -> Bool {
        if case .eventRetracted(let retraction) = envelope.event {
            retracted.insert(retraction.target)
            return false
        }
        return !retracted.contains(envelope.eventId)
    }

    /// Whether a retraction fed so far takes back the event of this id.
    public func isRetracted(_ eventId: String) -> Bool { retracted.contains(eventId) }
}

extension JournalEvent {
    /// A few words naming the event, for asking "retract this?" before an undo.
    public var shortSummary: String {
        switch self {
        case .directionSet(let e): return "direction \(e.key): \(e.title)"
        case .goalSet(let e): return "goal \(e.key) set for \(e.quarter): \(e.title)"
        case .milestonePlanned(let e): return "milestone \(e.goal)/\(e.number) planned: \(e.title)"
        case .milestoneDone(let e): return "milestone \(e.goal)/\(e.number) done"
        case .milestoneRevised(let e): return "milestone \(e.goal)/\(e.number) revised: \(e.reason)"
        case .progressMeasured(let e):
            return "progress on \(e.goal): " + (e.value.map { "set to \(NumberText.format($0))" } ?? "+\(NumberText.format(e.amount ?? 0))")
        case .activityLogged(let e):
            let details = [e.minutes.map { "\($0) min" }, e.goal.map { goal in e.milestone.map { "\(goal)/\($0)" } ?? goal }].compactMap { $0 }
            return "activity: \(e.text)" + (details.isEmpty ? "" : " (" + details.joined(separator: ", ") + ")")
        case .goalRevised(let e): return "goal \(e.goal) revised: \(e.reason)"
        case .goalCompleted(let e): return "goal \(e.goal) completed"
        case .goalDropped(let e): return "goal \(e.goal) dropped: \(e.reason)"
        case .reviewRecorded(let e): return "review of \(e.quarter)"
        case .partnerNamed(let e): return "accountability partner: \(e.name)"
        case .eventRetracted(let e): return "retraction of an event (\(e.targetType)): \(e.reason)"
        case .timerStarted(let e): return "timer started: \(e.text)"
        case .timerStopped(let e): return "timer stopped" + (e.activities.isEmpty ? "" : " (with its \(e.activities.count == 1 ? "activity" : "\(e.activities.count) activities"))")
        case .timerCancelled: return "timer cancelled"
        }
    }
}
