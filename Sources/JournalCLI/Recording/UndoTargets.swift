import JournalApp
import JournalDomain
import JournalStore

/// The events an undo would retract, read from the log's end backwards, and the question asked before.
enum UndoTargets {
    /// Newest first: the one newest undoable event, or with `after` every undoable event after that position.
    static func find(in store: SQLiteEventStore, after: Int64?) throws -> [Envelope] {
        let head = try store.count()
        if let after, after > head {
            throw CLIError(.data, "no position \(after) in this journal, which holds \(head) events; find positions with journal events")
        }
        var scan = UndoScan()
        var found: [Envelope] = []
        var position = head
        while position > (after ?? 0), let event = try store.event(atPosition: position) {
            let envelope = try event.envelope()
            if scan.isUndoable(envelope) {
                found.append(envelope)
                if after == nil { break }
            }
            position -= 1
        }
        guard !found.isEmpty else {
            let scope = after.map { "after position \($0)" } ?? "in this journal"
            throw CLIError(.data, "nothing to undo \(scope): every event is a retraction or already retracted; see journal events")
        }
        return found
    }

    /// A position as typed: a whole number from 0 (0 undoes everything).
    static func position(_ raw: String) throws -> Int64 {
        guard let value = try parseInt(raw, option: "--to"), value >= 0 else {
            throw CLIError(.usage, "--to '\(DateInput.printable(raw))' is not a position; give a whole number from 0, e.g. --to 41 (see journal events)")
        }
        return Int64(value)
    }

    /// Shows what will be retracted and asks; false when the user says no.
    static func confirm(_ targets: [Envelope], time: TimeContext) throws -> Bool {
        let prompter = Prompter(what: "undo")
        prompter.announceInterrupts()
        prompter.say(targets.count == 1 ? "This retracts:" : "This retracts \(targets.count) events:")
        let shown = 10
        for envelope in targets.prefix(shown) {
            prompter.say("  \(envelope.position)  \(time.display(envelope.occurredAt))  \(envelope.event.type)  \(envelope.event.shortSummary)")
        }
        if targets.count > shown { prompter.say("  ... and \(targets.count - shown) more") }
        let answer = try prompter.confirm("Retract \(targets.count == 1 ? "it" : "them")?", yes: false)
        prompter.holdInterrupts()
        return answer
    }
}
