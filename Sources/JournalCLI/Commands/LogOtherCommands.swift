import ArgumentParser
import JournalApp
import JournalDomain

struct LogReview: LogSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Record a quarter's review: the five questions, and what got in the way.",
        discussion: """
            Example: journal log review 2025-Q2 --planned "AWS cert, network" --accomplished "Passed AWS" \\
                       --obstacles "Release crunch in May" --learned "I study best mornings" \\
                       --next "Lead a project" --blocker overcommitting
            """)

    @Argument(help: ArgumentHelp("The quarter reviewed.", valueName: "quarter")) var quarter: String
    @Option(help: "What did I set out to accomplish this quarter?") var planned: String
    @Option(help: "What did I actually accomplish?") var accomplished: String
    @Option(help: "What got in the way?") var obstacles: String
    @Option(help: "What did I learn about my own working patterns?") var learned: String
    @Option(help: "Based on what I know now, what are my goals for next quarter?") var next: String
    @Option(name: .customLong("blocker"), help: ArgumentHelp(
        "A blocker (repeatable): overcommitting, too-many-goals, lost-interest, wrong-goal, other.", valueName: "blocker"),
        completion: .list(Blocker.allCases.map(\.rawValue)))
    var blockers: [String] = []
    @OptionGroup var occurred: OccurredOptions
    @OptionGroup var journal: JournalOptions

    func run() throws {
        try record { time in
            .recordReview(ReviewRecorded(
                quarter: try Validate.quarter(quarter, today: time.today), planned: planned, accomplished: accomplished,
                obstacles: obstacles, learned: learned, next: next,
                blockers: try blockers.map { raw throws(DomainError) in try Validate.blocker(raw) }))
        }
    }
}

struct LogPartner: LogSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "partner",
        abstract: "Name your accountability partner.",
        discussion: "Example: journal log partner \"Sam Rivera\"")

    @Argument(help: "Who you tell about your goals.") var name: [String]
    @OptionGroup var occurred: OccurredOptions
    @OptionGroup var journal: JournalOptions

    func run() throws {
        try record { _ in .namePartner(words(name)) }
    }
}

struct LogRetract: LogSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "retract",
        abstract: "Retract a mistaken event; the log keeps both and reports ignore the retracted one.",
        discussion: "Example: journal log retract 42 --reason \"Logged against the wrong goal\"")

    @Argument(help: ArgumentHelp("The event's position (see journal events) or its id.", valueName: "position|event-id"))
    var event: String
    @Option(help: "Why it is retracted (required).") var reason: String
    @Flag(help: "Retract a goal's drop or move even though it brings a fourth goal into a quarter.") var force = false
    @OptionGroup var occurred: OccurredOptions
    @OptionGroup var journal: JournalOptions

    func run() throws {
        try record { _ in .retract(reference: event, reason: reason, force: force) }
    }
}
