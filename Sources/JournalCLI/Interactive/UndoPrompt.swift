import JournalApp
import JournalDomain

/// What `undo` reads from the command line and asks before it retracts.
enum UndoPrompt {
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
