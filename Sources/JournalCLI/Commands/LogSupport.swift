import ArgumentParser
import JournalApp
import JournalDomain
import JournalStore
import JournalViews

/// What every `journal log` subcommand shares: open the journal, record, print one line.
protocol LogSubcommand: ParsableCommand {
    var journal: JournalOptions { get }
    var occurred: OccurredOptions { get }
}

extension LogSubcommand {
    /// Builds the command from the arguments (dates read against "now"), records it and prints what was recorded,
    /// followed by SMART advice when `advise` is set and the command set or revised a goal, or planned a milestone.
    func record(advise: Bool = false, _ build: (TimeContext) throws -> Command) throws {
        try recordLogged(Self.self, on: occurred.on, db: journal.db, advise: advise, build)
    }
}

/// What every `journal log` command does once its arguments are read, whichever way they were read (see
/// QuickLogActivity): "now", the command, when it happened, the journal, the append, the line, the advice.
func recordLogged(_ subcommand: ParsableCommand.Type, on: String?, db: String?, advise: Bool,
                  _ build: (TimeContext) throws -> Command) throws {
    let environment = JournalEnvironment()
    let time = try environment.time()
    let command = try build(time)
    let occurredAt = try on.map { raw throws(DomainError) in try DateInput.moment(raw, option: "--on", time: time) }
    let store = try SQLiteEventStore(path: try environment.databasePath(option: db), mode: .createIfMissing)
    let name = "log " + (subcommand.configuration.commandName ?? "")
    let recorded = try Recorder(store: store, time: time).record(command, occurredAt: occurredAt, commandName: name)
    noteFormerKeys(recorded)
    print(LogMessage.describe(recorded, time: time))
    if let note = ProgressNote.note(recorded) { print("  " + ShownText.line(note)) }
    if advise, let goal = recorded.goal {
        for advice in SmartAdvice.advise(after: recorded.change, goal: goal, goalsInQuarter: recorded.goalsInQuarter) {
            print("  " + ShownText.line(advice.text))
        }
    }
}

/// Joins the words of a title typed without quotes: journal log activity Read chapter 3.
func words(_ parts: [String]) -> String { parts.joined(separator: " ") }
