import JournalDomain
import JournalStore

/// What `undo` takes back: the events it would retract, read from the log's end backwards, and the retractions
/// that take them back, recorded as one atomic append.
public enum UndoTargets {
    /// Newest first: the one newest undoable event, or with `after` every undoable event after that position.
    public static func find<Store: EventStore>(in store: Store, after: Int64?) throws -> [Envelope] {
        let head = try store.count()
        if let after, after > head {
            throw AppError.undoPositionPastHead(position: after, head: head)
        }
        var scan = UndoScan()
        var found: [Envelope] = []
        var position = head
        while position > (after ?? 0), let event = try store.event(atPosition: position) {
            let envelope = try event.envelope()
            if scan.isUndoable(envelope) {
                found.append(envelope)
                if after == nil {
                    // A stop is taken back whole: its activities (recorded in the same append, just before it) too.
                    if case .timerStopped(let stop) = envelope.event {
                        for id in stop.activities.reversed() where !scan.isRetracted(id) {
                            if let activity = try store.event(withId: id) { found.append(try activity.envelope()) }
                        }
                    }
                    break
                }
            }
            position -= 1
        }
        guard !found.isEmpty else { throw AppError.nothingToUndo(after: after) }
        return found
    }

    /// The reason each retraction records when the user gives none: says it was an undo, and how far back.
    public static func defaultReason(after: Int64?) -> String {
        "Undone with journal undo" + (after.map { " --to \($0)" } ?? "")
    }

    /// Retracts `targets` (as `find` gave them) in one atomic append: all of them, or, when any is refused,
    /// none.
    public static func retract<Store: TransactionalStore>(_ targets: [Envelope], reason: String, force: Bool,
                                                         recorder: Recorder<Store>) throws -> [Recorded] {
        let commands = targets.map { Command.retract(reference: $0.eventId, reason: reason, force: force) }
        return try recorder.recordAll(commands, commandName: "undo")
    }
}
