import ArgumentParser
import JournalApp
import JournalDomain
import JournalStore
import JournalViews

/// `journal undo`: takes back the last event recorded, or every event after a position, with ordinary retractions.
struct Undo: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "undo",
        abstract: "Take back the last event recorded, or every event after a position, with ordinary retractions.",
        discussion: """
            Undo appends retractions, exactly as journal log retract would: the log keeps the events, every report \
            leaves them out, and the undo survives export, import and merge. Without --to it retracts the newest \
            event that is neither a retraction nor already retracted (run it again to go further back). With --to \
            POSITION it retracts every such event after POSITION, newest first, in one atomic append. On a terminal \
            it shows what it will retract and asks; elsewhere it needs --yes.
            Examples: journal undo   journal undo --yes   journal undo --to 41 --yes
            """)

    @Option(help: ArgumentHelp("Retract every event after this position (see journal events), not just the last.", valueName: "position"))
    var to: String?
    @Option(help: ArgumentHelp("Why, recorded with each retraction (default: \"Undone with journal undo\").", valueName: "text"))
    var reason: String?
    @Flag(help: "Retract without asking (needed when not on a terminal).") var yes = false
    @Flag(help: "Retract a goal's drop or move even though it brings a fourth goal into a quarter.") var force = false
    @OptionGroup var journal: JournalOptions

    func run() throws {
        let environment = JournalEnvironment()
        let time = try environment.time()
        let after = try to.map(UndoPrompt.position)
        guard yes || Prompter.standardInputIsTerminal else {
            throw CLIError(.usage, "undo retracts events, so it asks first; run it on a terminal, or add --yes (nothing was retracted)")
        }
        let store = try SQLiteEventStore(path: try environment.databasePath(option: journal.db), mode: .mustExist)
        let targets = try UndoTargets.find(in: store, after: after)
        if !yes, try !UndoPrompt.confirm(targets, time: time) {
            print("Nothing was retracted.")
            return
        }
        let recorded = try UndoTargets.retract(targets, after: after, reason: reason ?? UndoTargets.defaultReason(after: after), force: force,
                                               recorder: Recorder(store: store, time: time))
        recorded.forEach { print(LogMessage.describe($0, time: time)) }
    }
}
