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

    /// Whether the event was recorded by `journal undo` (its metadata names the command).
    static func madeByUndo<Store: EventStore>(_ id: String, in store: Store) throws -> Bool {
        try store.event(withId: id)?.metadata.contains(#""command":"undo""#) ?? false
    }

    /// The reason each retraction records when the user gives none: says it was an undo, and how far back.
    public static func defaultReason(after: Int64?) -> String {
        "Undone with journal undo" + (after.map { " --to \($0)" } ?? "")
    }

    /// Retracts `targets` (as `find` gave them) in one atomic append: all of them, or, when any is refused,
    /// none. An amendment is taken back whole: its corrected entry is amended back to the original (retracted
    /// with its original values put back, at its original time), unless the original is itself among the events
    /// undone (after `after`, the position `find` was given), when retracting the corrected entry is all it takes.
    /// An entry an undo put back stands for the original, so undoing it again retracts it: undo keeps going back.
    public static func retract<Store: TransactionalStore & EventStore>(_ targets: [Envelope], after: Int64? = nil, reason: String,
                                                                      force: Bool, recorder: Recorder<Store>) throws -> [Recorded] {
        let commands = try targets.map { envelope in
            if case .activityLogged(let entry) = envelope.event, let id = entry.amends,
               let stored = try recorder.store.event(withId: id), after.map({ stored.position <= $0 }) ?? true,
               case .activityLogged(let original) = try stored.envelope().event,
               try !madeByUndo(envelope.eventId, in: recorder.store) {
                return Command.amendActivity(reference: envelope.eventId,
                                             amendment: .restoring(original, occurredAt: stored.occurredAt),
                                             reason: reason, force: true)
            }
            return Command.retract(reference: envelope.eventId, reason: reason, force: force)
        }
        return try recorder.recordAll(commands, commandName: "undo")
    }
}
