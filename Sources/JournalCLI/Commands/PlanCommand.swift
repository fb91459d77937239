import ArgumentParser
import JournalApp
import JournalDomain
import JournalStore
import JournalViews
import Projections

/// `journal plan QUARTER`: starts a sprint, recorded as ordinary events in one atomic append.
struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Start a quarter's sprint: carry over or drop unfinished goals, set one to three goals, plan weekly milestones.",
        discussion: """
            On a terminal it asks, for each unfinished goal of the previous quarter, keep (moved into QUARTER with a \
            reason), revise or drop (with a reason); then new goals until there are one to three; then weekly \
            milestones for each; shows the SMART feedback and records everything in one atomic append. Otherwise the \
            plan comes from a JSON file (--from FILE; see README), and --yes keeps unfinished goals it does not mention. \
            With --edit that file opens in $VISUAL (else $EDITOR, else vi), prefilled with the carry-overs; saving \
            records it, an empty file or one saved unchanged records nothing, and one with errors opens again with them.
            Examples: journal plan 2025-Q3   journal plan 2025-Q3 --edit   journal plan 2025-Q3 --from plan.json --yes
            """)

    @Argument(help: ArgumentHelp("The quarter to plan: 2025-Q3, Q3-2025, \"Q3 2025\" or next-quarter.", valueName: "quarter"))
    var quarter: String
    @Option(help: ArgumentHelp("Read the plan from a JSON file (- for standard input).", valueName: "file"), completion: .file())
    var from: String?
    @Flag(help: "Write the plan in $VISUAL or $EDITOR (else vi), prefilled, instead of answering prompts.") var edit = false
    @Flag(help: "Record without asking for confirmation; without a terminal, keep the unfinished goals the plan does not mention.")
    var yes = false
    @Flag(help: "Allow more than three goals in the quarter.") var force = false
    @Flag(help: "Do not print SMART advice about the goals.") var quiet = false
    @OptionGroup var journal: JournalOptions

    func run() throws {
        let environment = JournalEnvironment()
        let time = try environment.time()
        let quarter = try Validate.quarter(self.quarter, today: time.today)
        let file = try from.map { path in try AnswerFile.decode(PlanAnswers.self, from: path) }
        let store = try SQLiteEventStore(path: try environment.databasePath(option: journal.db), mode: .createIfMissing)
        let context = try Reading(store: store, time: time).planContext(quarter)
        let planning = SprintPlanning(recorder: Recorder(store: store, time: time), context: context)
        if edit {
            if from != nil { throw CLIError(.usage, "--edit and --from go separately; give one of them (nothing was recorded)") }
            return try editPlan(context, planning: planning, environment: environment, time: time)
        }
        let prompter = Prompter.standardInputIsTerminal ? Prompter(what: "plan") : nil
        prompter?.announceInterrupts()

        let plan = try makePlan(context, file: file, prompter: prompter, time: time)
        if let prompter {
            let wouldRecord = try planning.dryRun(plan)
            prompter.say()
            PlanInterview.recap(plan).forEach { prompter.say($0) }
            PlanFeedback.lines(wouldRecord, plan: plan).forEach { prompter.say($0) }
            guard try yes || prompter.confirm("Record this plan (\(TextStyle.plural(wouldRecord.count, "event")))?") else {
                return prompter.say("Nothing was recorded.")
            }
            prompter.holdInterrupts()
        }
        let recorded = try planning.record(plan)
        recorded.forEach { print(LogMessage.describe($0, time: time)) }
        if prompter == nil, !quiet { PlanFeedback.lines(recorded, plan: plan).forEach { print($0) } }
    }

    /// The plan written in the editor, checked by a dry run (every rule) before it counts as read; recorded then.
    func editPlan(_ context: PlanContext, planning: SprintPlanning<SQLiteEventStore>, environment: JournalEnvironment,
                  time: TimeContext) throws {
        let outcome = try EditorSession(environment: environment.variables, fileName: "plan-\(context.quarter).json")
            .edit(PlanEditing.template(context)) { text in
                let plan = try AnswerFile.decode(PlanAnswers.self, text: text, source: "the file")
                    .plan(context, time: time, keepTheRest: yes, force: force)
                _ = try planning.dryRun(plan)
                return plan
            }
        guard case .answered(let plan) = outcome else { return print(EditorSession.nothingRecorded(outcome) ?? "") }
        let recorded = try planning.record(plan)
        recorded.forEach { print(LogMessage.describe($0, time: time)) }
        if !quiet { PlanFeedback.lines(recorded, plan: plan).forEach { print($0) } }
    }

    /// The plan from the file, else from the questions on a terminal, else (no file, no terminal) only carry-overs.
    func makePlan(_ context: PlanContext, file: PlanAnswers?, prompter: Prompter?, time: TimeContext) throws -> SprintPlan {
        if let file { return try file.plan(context, time: time, keepTheRest: yes, force: force) }
        if let prompter { return try PlanInterview(context: context, prompter: prompter, time: time, force: force).run() }
        return try PlanAnswers().plan(context, time: time, keepTheRest: yes, force: force)
    }
}
