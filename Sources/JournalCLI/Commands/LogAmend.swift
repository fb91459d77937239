import ArgumentParser
import JournalApp
import JournalDomain
import JournalStore
import JournalViews

/// `journal log amend`: corrects an activity with its retraction and the corrected entry, in one append.
struct LogAmend: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "amend",
        abstract: "Correct an activity: its retraction and the corrected entry, recorded together.",
        discussion: """
            The log keeps the original; it is retracted, and the corrected entry names it (events shows "amended #N"). \
            Options not given keep the activity's value; --tag replaces its tags. journal undo takes the whole \
            amendment back (it puts the original back).
            Examples: journal log amend 42 --minutes 45   journal log amend 42 --goal aws/2 --on yesterday   \
            journal log amend 42 --no-goal
            """)

    @Argument(help: ArgumentHelp("The activity's position (see journal events) or its event id.", valueName: "position|event-id"))
    var event: String
    @Option(help: "The corrected text.") var text: String?
    @Option(parsing: .unconditional, help: ArgumentHelp("The corrected minutes (1-1440).", valueName: "n")) var minutes: String?
    @Option(help: ArgumentHelp("The goal (or milestone, GOAL/N) it served instead; none unlinks it.", valueName: "goal[/n]"),
            completion: CompletionCandidates.kind(.activeGoalsAndOpenMilestones))
    var goal: String?
    @Flag(help: "Link it to no goal (the same as --goal none).") var noGoal = false
    @Option(help: ArgumentHelp(
        "When it happened instead: 2025-04-10, 2025-04-10T14:30, yesterday, '3 days ago' (your time zone).", valueName: "date"))
    var on: String?
    @Option(name: .customLong("tag"), help: ArgumentHelp("A tag that replaces the activity's tags (repeatable).", valueName: "tag"))
    var tags: [String] = []
    @Option(help: ArgumentHelp("Why, recorded with the retraction (default: \"Amended with journal log amend\").", valueName: "text"))
    var reason: String?
    @Flag(help: "Keep a link to a goal that was not active on the activity's day.") var force = false
    @OptionGroup var journal: JournalOptions

    func run() throws {
        let environment = JournalEnvironment()
        let time = try environment.time()
        let amendment = ActivityAmendment(
            text: text, minutes: try parseInt(minutes, option: "--minutes"), link: try link(),
            tags: tags.isEmpty ? nil : tags,
            occurredAt: try on.map { raw throws(DomainError) in try DateInput.moment(raw, option: "--on", time: time) })
        let store = try SQLiteEventStore(path: try environment.databasePath(option: journal.db), mode: .mustExist)
        let recorded = try Recorder(store: store, time: time).record(
            .amendActivity(reference: event, amendment: amendment, reason: reason ?? "Amended with journal log amend", force: force),
            occurredAt: nil, commandName: "log amend")
        noteFormerKeys(recorded)
        print(LogMessage.describe(recorded, time: time))
    }

    private func link() throws -> ActivityAmendment.Link {
        if noGoal || goal?.lowercased() == "none" {
            guard goal == nil || !noGoal else {
                throw CLIError(.usage, "--no-goal and --goal go separately; give one of them (nothing was recorded)")
            }
            return .unlink
        }
        guard let goal else { return .keep }
        let parsed = try Validate.goalOrMilestone(goal)
        return .goal(parsed.goal, milestone: parsed.number)
    }
}
