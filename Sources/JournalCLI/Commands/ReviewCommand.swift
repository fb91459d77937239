import ArgumentParser
import JournalApp
import JournalDomain
import JournalStore
import JournalViews
import Projections

/// `journal review`: the guided quarterly review, recorded as one review event.
struct ReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "The guided quarterly review: a summary of the quarter, then the article's five questions.",
        discussion: """
            On a terminal it shows the quarter's summary and asks the five questions one at a time (the first two \
            prefilled from the log; Enter keeps a prefilled answer), then the blockers, and records one review. \
            Otherwise the answers come from the flags or a JSON file (--from FILE, keys planned, accomplished, \
            obstacles, learned, next and blockers); a missing answer is an error and nothing is recorded. \
            Ctrl-C or the end of input before the last answer records nothing. With --edit the questions open in \
            $VISUAL (else $EDITOR, else vi) as the --from file's JSON, prefilled; saving records the review, an empty \
            file or one saved unchanged records nothing, and a file with errors opens again with them on top.
            Examples: journal review   journal review --edit   journal review 2025-Q2 --from review.json
            """)

    @Argument(help: ArgumentHelp("The quarter (default: the one that just ended, or the current one in its last two weeks).", valueName: "quarter"))
    var quarter: String?
    @Option(help: "What did I set out to accomplish this quarter?") var planned: String?
    @Option(help: "What did I actually accomplish?") var accomplished: String?
    @Option(help: "What got in the way?") var obstacles: String?
    @Option(help: "What did I learn about my own working patterns?") var learned: String?
    @Option(help: "Based on what I know now, what are my goals for next quarter?") var next: String?
    @Option(name: .customLong("blocker"), help: ArgumentHelp(
        "A blocker (repeatable): overcommitting, too-many-goals, lost-interest, wrong-goal, other.", valueName: "blocker"),
        completion: .list(Blocker.allCases.map(\.rawValue)))
    var blockers: [String] = []
    @Option(help: ArgumentHelp("Read the answers from a JSON file (- for standard input).", valueName: "file"), completion: .file())
    var from: String?
    @Flag(help: "Write the answers in $VISUAL or $EDITOR (else vi), prefilled, instead of answering prompts.") var edit = false
    @Flag(help: "Record without asking for confirmation.") var yes = false
    @OptionGroup var journal: JournalOptions

    func run() throws {
        let environment = JournalEnvironment()
        let time = try environment.time()
        let quarter = try self.quarter.map { raw throws(DomainError) in try Validate.quarter(raw, today: time.today) } ?? ReviewInterview.defaultQuarter(today: time.today)
        // Refused before any question is asked, rather than after all five.
        try Decider.reviewable(quarter, on: time.today)
        let answers = try givenAnswers()
        let store = try SQLiteEventStore(path: try environment.databasePath(option: journal.db), mode: .createIfMissing)
        if edit { return try editAnswers(quarter, answers, store: store, environment: environment, time: time) }
        let complete = try Prompter.standardInputIsTerminal ? interview(quarter, answers, store: store, time: time) : answers
        guard let complete else { return }
        let recorded = try Reviewing.record(complete, of: quarter, recorder: Recorder(store: store, time: time))
        print(LogMessage.describe(recorded, time: time))
    }

    /// The answers from the flags, with the --from file filling what they leave open.
    func givenAnswers() throws -> ReviewAnswers {
        let flags = ReviewAnswers(planned: planned, accomplished: accomplished, obstacles: obstacles, learned: learned, next: next,
                                  blockers: blockers.isEmpty ? nil : try blockers.map { raw throws(DomainError) in try Validate.blocker(raw) })
        guard let from else { return flags }
        return flags.filling(from: try AnswerFile.decode(ReviewAnswers.self, from: from))
    }

    /// The answers written in the editor, recorded once they read; nothing when the file is emptied or left as it was.
    func editAnswers(_ quarter: Quarter, _ given: ReviewAnswers, store: SQLiteEventStore, environment: JournalEnvironment,
                     time: TimeContext) throws {
        if from != nil { throw CLIError(.usage, "--edit and --from go separately; give one of them (nothing was recorded)") }
        let context = try Reading(store: store, time: time).reviewContext(quarter)
        let summary = ReviewInterview.summary(context.report, existing: context.existing, time: time).map(Prompter.shown)
        let prefills = ["planned": ReviewInterview.plannedPrefill(context.report),
                        "accomplished": ReviewInterview.accomplishedPrefill(context.report),
                        "next": ReviewInterview.nextPrefill(context.ledger, after: quarter)]
        let template = ReviewEditing.template(quarter, given: given, summary: summary, prefills: prefills)
        let outcome = try EditorSession(environment: environment.variables, fileName: "review-\(quarter).json")
            .edit(template) { text in try ReviewEditing.read(text, of: quarter) }
        guard case .answered(let answers) = outcome else {
            return print(EditorSession.nothingRecorded(outcome) ?? "")
        }
        let recorded = try Reviewing.record(answers, of: quarter, recorder: Recorder(store: store, time: time))
        print(LogMessage.describe(recorded, time: time))
    }

    /// Asks on the terminal; nil when the user declines to record.
    func interview(_ quarter: Quarter, _ given: ReviewAnswers, store: SQLiteEventStore, time: TimeContext) throws -> ReviewAnswers? {
        let prompter = Prompter(what: "review")
        prompter.announceInterrupts()
        let context = try Reading(store: store, time: time).reviewContext(quarter)
        ReviewInterview.summary(context.report, existing: context.existing, time: time).forEach { prompter.say($0) }
        let answers = try ReviewInterview(report: context.report, prompter: prompter)
            .run(given, nextPrefill: ReviewInterview.nextPrefill(context.ledger, after: quarter))
        // Every answer is checked before the user is asked to record them.
        _ = try answers.review(of: quarter)
        prompter.say()
        ReviewInterview.recap(answers).forEach { prompter.say($0) }
        prompter.say()
        if !yes, !(try prompter.confirm("Record this review of \(quarter)?")) {
            prompter.say("Nothing was recorded.")
            return nil
        }
        prompter.holdInterrupts()
        return answers
    }
}
