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
            Ctrl-C or the end of input before the last answer records nothing.
            Examples: journal review   journal review 2025-Q2 --from review.json
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
        if !yes, !(try prompter.confirm("Record this review of \(quarter)?")) {
            prompter.say("Nothing was recorded.")
            return nil
        }
        prompter.holdInterrupts()
        return answers
    }
}
