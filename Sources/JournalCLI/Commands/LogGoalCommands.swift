import ArgumentParser
import JournalApp
import JournalDomain
import JournalStore
import JournalViews

struct LogDirection: LogSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "direction",
        abstract: "Set a long-term direction (3-5 years) that goals serve.",
        discussion: "Example: journal log direction \"Move into engineering management\" --key mgmt --by 2028")

    @Argument(help: "Where you want to be in 3-5 years.") var title: [String]
    @Option(help: "A short key for goals to name with --direction (derived from the title if omitted; an existing key is updated).",
            completion: CompletionCandidates.kind(.directions))
    var key: String?
    @Option(help: ArgumentHelp("When you want to be there: a year (2028) or a date (2028-06-30, or any date form).", valueName: "year|date"))
    var by: String?
    @OptionGroup var occurred: OccurredOptions
    @OptionGroup var journal: JournalOptions

    func run() throws {
        try record { time in
            let title = words(self.title)
            return .setDirection(key: key ?? GoalKey.base(for: title, fallback: "direction"), title: title,
                                 by: try by.map { raw throws(DomainError) in try LogDirection.horizon(raw, time: time) })
        }
    }

    /// A year stays a year; any other date form becomes the ISO date it names, read as an end (a weekday: the
    /// next one; a week: its Sunday). What neither reads is left to the domain, which refuses it naming both forms.
    static func horizon(_ raw: String, time: TimeContext) throws(DomainError) -> String {
        let text = raw.trimmingCharacters(in: .whitespaces)
        if text.utf8.count == 4, text.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) { return text }
        return (try? DateInput.end(raw, option: "--by", time: time).description) ?? raw
    }
}

struct LogGoal: LogSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "goal",
        abstract: "Set a goal for a quarter's sprint (one to three a quarter).",
        discussion: """
            Example: journal log goal "Complete AWS Solutions Architect certification" --quarter 2025-Q2 \\
                       --metric "Pass the exam" --due 2025-06-15
            """)

    @Argument(help: "What you will accomplish.") var title: [String]
    @Option(help: ArgumentHelp("The sprint: 2025-Q2, Q2-2025 or \"Q2 2025\".", valueName: "quarter")) var quarter: String
    @Option(help: "A short unique key (default: derived from the title, e.g. aws-solutions).") var key: String?
    @Option(help: "How you will know you succeeded.") var metric: String?
    @Option(parsing: .unconditional, help: ArgumentHelp("A number to reach, e.g. 15.", valueName: "n")) var target: String?
    @Option(help: "The unit of --target, e.g. connections.") var unit: String?
    @Option(help: ArgumentHelp("The deadline: 2025-06-15, friday (the next one), 'in 2 weeks', end-of-quarter, next-week (its Sunday).", valueName: "date")) var due: String?
    @Option(help: ArgumentHelp("The key of the long-term direction this goal serves.", valueName: "key"),
            completion: CompletionCandidates.kind(.directions))
    var direction: String?
    @Option(parsing: .unconditional, help: ArgumentHelp("How sure you are that you will complete it, 0-100.", valueName: "0-100"))
    var confidence: String?
    @Flag(help: "Add a fourth goal to the quarter although three is the maximum.") var force = false
    @Flag(help: "Do not print SMART advice about the goal.") var quiet = false
    @OptionGroup var occurred: OccurredOptions
    @OptionGroup var journal: JournalOptions

    func run() throws {
        try record(advise: !quiet) { time in
            let quarter = try Validate.quarter(quarter, today: time.today)
            return .setGoal(GoalDraft(
                key: try key.map { raw throws(DomainError) in try Validate.key(raw, what: "--key") } ?? "",
                title: words(title), quarter: quarter, metric: metric,
                target: try parseNumber(target, option: "--target"), unit: unit,
                due: try due.map { raw throws(DomainError) in try DateInput.end(raw, option: "--due", time: time, quarter: quarter) },
                direction: direction, confidence: try parseInt(confidence, option: "--confidence"), force: force))
        }
    }
}

struct LogMilestone: LogSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "milestone",
        abstract: "Plan a weekly milestone for a goal; it gets the ref GOAL/N.",
        discussion: "Example: journal log milestone aws \"Finish sections 1-5\" --weeks 1-4")

    @Argument(help: "The goal's key.", completion: CompletionCandidates.kind(.activeGoals)) var goal: String
    @Argument(help: "What will be done.") var title: [String]
    @Option(help: ArgumentHelp("The sprint week it is planned for (1-13), or a calendar week: 2025-W20, next-week.", valueName: "n")) var week: String?
    @Option(help: ArgumentHelp("The sprint weeks it spans, e.g. 1-4.", valueName: "a-b")) var weeks: String?
    @Option(help: ArgumentHelp("A due date instead of weeks: 2025-06-15, friday (the next one), 'in 2 weeks', a week (its Sunday).", valueName: "date")) var due: String?
    @Flag(help: "Do not print SMART advice about the milestone.") var quiet = false
    @OptionGroup var occurred: OccurredOptions
    @OptionGroup var journal: JournalOptions

    func run() throws {
        try record(advise: !quiet) { time in
            .planMilestone(goal: try Validate.key(goal, what: "goal key"), title: words(title),
                           schedule: try schedule(time))
        }
    }

    func schedule(_ time: TimeContext) throws(DomainError) -> MilestoneSchedule? {
        try MilestoneScheduleInput.schedule(week: week, weeks: weeks, due: due, time: time)
    }
}

struct LogDone: LogSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "done",
        abstract: "Mark a milestone done.",
        discussion: "Example: journal log done aws/1 --on yesterday")

    @Argument(help: ArgumentHelp("The milestone's ref, GOAL/N.", valueName: "goal/n"), completion: CompletionCandidates.kind(.openMilestones))
    var milestone: String
    @OptionGroup var occurred: OccurredOptions
    @OptionGroup var journal: JournalOptions

    func run() throws {
        try record { _ in
            let ref = try Validate.milestoneRef(milestone)
            return .markDone(goal: ref.goal, number: ref.number)
        }
    }
}

struct LogProgress: LogSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "progress",
        abstract: "Measure progress toward a goal's numeric target.",
        discussion: "Examples: journal log progress network 3 --note \"meetup\"   journal log progress network --set 12")

    @Argument(help: "The goal's key.", completion: CompletionCandidates.kind(.goalsWithTarget)) var goal: String
    @Argument(help: ArgumentHelp("How much to add toward the target.", valueName: "amount")) var amount: String?
    @Option(name: .customLong("set"), parsing: .unconditional, help: ArgumentHelp("Record an absolute value instead of adding.", valueName: "n"))
    var value: String?
    @Option(help: "What the progress was.") var note: String?
    @OptionGroup var occurred: OccurredOptions
    @OptionGroup var journal: JournalOptions

    func run() throws {
        try record { _ in
            .measureProgress(goal: try Validate.key(goal, what: "goal key"), amount: try parseNumber(amount, option: "AMOUNT"),
                             value: try parseNumber(value, option: "--set"), note: note)
        }
    }
}

struct LogActivity: LogSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "activity",
        abstract: "Log effort; without --goal it is effort linked to no goal.",
        discussion: """
            Example: journal log activity "Practice exam 1" --goal aws/2 --minutes 90 --on yesterday   \
            journal log activity "Meetup on stream processing" --minutes 120 --tag networking --tag events
            """)

    @Argument(help: "What you did.") var text: [String]
    @Option(help: ArgumentHelp("The goal (or milestone, GOAL/N) it served.", valueName: "goal[/n]"),
            completion: CompletionCandidates.kind(.activeGoalsAndOpenMilestones))
    var goal: String?
    @Option(parsing: .unconditional, help: ArgumentHelp("How long it took, in minutes (1-1440).", valueName: "n")) var minutes: String?
    @Option(name: .customLong("tag"), help: ArgumentHelp("A label for the activity (repeatable; lowercase letters, digits and dashes; a leading @, + or # is dropped).", valueName: "tag"))
    var tags: [String] = []
    @Flag(help: "Keep the link to a goal that was not active on the activity's day (completed or dropped before it, or of another quarter); insights count it as linked to no goal.")
    var force = false
    @Option(help: ArgumentHelp("When it started, for a span logged after the fact: 9:00, 'yesterday 17:00', '2 hours ago' (the minutes are computed; not with --minutes).", valueName: "time"))
    var from: String?
    @Option(help: ArgumentHelp("When the span ended (with --from; default: now); a bare time such as 10:30 is the first one after --from.", valueName: "time"))
    var to: String?
    @OptionGroup var occurred: OccurredOptions
    @OptionGroup var journal: JournalOptions

    func run() throws {
        guard from != nil || to != nil else {
            try record { _ in try Self.command(text, goal: goal, minutes: minutes, tags: tags, force: force) }
            return
        }
        try recordSpan()
    }

    /// `--from [--to]`: Timewarrior's `track`, split per local day across midnight, in one append.
    func recordSpan() throws {
        guard let from else { throw CLIError(.usage, "--to needs --from: give the span's start with --from (nothing was recorded)") }
        if minutes != nil { throw DomainError.spanWithMinutes }
        if occurred.on != nil { throw CLIError(.usage, "--on and --from do not go together: --from names the day; drop --on (nothing was recorded)") }
        let environment = JournalEnvironment()
        let time = try environment.time()
        let start = try TimeInput.moment(from, option: "--from", time: time)
        let end = try to.map { raw throws(DomainError) in try TimeInput.moment(raw, option: "--to", time: time, after: start) } ?? time.now
        let command = try Self.command(text, goal: goal, minutes: nil, tags: tags, force: force)
        let store = try SQLiteEventStore(path: try environment.databasePath(option: journal.db), mode: .createIfMissing)
        let recorded = try Recorder(store: store, time: time).recordSpan(command, from: start, to: end, commandName: "log activity")
        if let first = recorded.first { noteFormerKeys(first) }
        recorded.forEach { print(LogMessage.describe($0, time: time)) }
    }

    static func command(_ text: [String], goal: String?, minutes: String?, tags: [String] = [], force: Bool = false) throws -> Command {
        let link = try goal.map { raw throws(DomainError) in try Validate.goalOrMilestone(raw) }
        return .logActivity(text: words(text), goal: link?.goal, milestone: link?.number,
                            minutes: try parseInt(minutes, option: "--minutes"), tags: TagInput.normalised(tags), force: force)
    }
}

struct LogRevise: LogSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "revise",
        abstract: "Revise a goal or a milestone; the reason is required and each change is recorded from old to new.",
        discussion: """
            Examples: journal log revise aws --due 2025-06-30 --reason "Exam slots full until late June"
                      journal log revise aws --key aws-cert --reason "Clearer name"
                      journal log revise cs/2 --weeks 3-6 --reason "Carried into the new quarter"
            A milestone (GOAL/N) takes --title, --week, --weeks or --due; a done one can be retitled only.
            """)

    @Argument(help: ArgumentHelp("The goal's key, or a milestone's ref (GOAL/N).", valueName: "goal[/n]"),
              completion: CompletionCandidates.kind(.activeGoalsAndOpenMilestones))
    var goal: String
    @Option(help: "A new title.") var title: String?
    @Option(help: "A new success metric.") var metric: String?
    @Option(parsing: .unconditional, help: ArgumentHelp("A new numeric target.", valueName: "n")) var target: String?
    @Option(help: "A new unit for the target.") var unit: String?
    @Option(help: ArgumentHelp("A new deadline: 2025-06-15, friday (the next one), 'in 2 weeks', end-of-quarter, a week (its Sunday); for a milestone, a due date instead of weeks.", valueName: "date")) var due: String?
    @Option(help: ArgumentHelp("Milestones: the sprint week (1-13) of the goal's quarter it is now planned for, or a calendar week.", valueName: "n")) var week: String?
    @Option(help: ArgumentHelp("Milestones: the sprint weeks of the goal's quarter it now spans, e.g. 3-6.", valueName: "a-b")) var weeks: String?
    @Option(help: ArgumentHelp("Move the goal to another quarter.", valueName: "quarter")) var quarter: String?
    @Option(help: ArgumentHelp("Link the goal to another long-term direction.", valueName: "key"),
            completion: CompletionCandidates.kind(.directions))
    var direction: String?
    @Option(help: ArgumentHelp("A new key for the goal; the old one keeps naming it everywhere.", valueName: "key"))
    var key: String?
    @Option(help: "Why it changes (required).") var reason: String
    @Flag(help: "Move the goal into a quarter that already has three goals.") var force = false
    @Flag(help: "Do not print SMART advice about the goal.") var quiet = false
    @OptionGroup var occurred: OccurredOptions
    @OptionGroup var journal: JournalOptions

    func run() throws {
        try record(advise: !quiet) { time in
            goal.contains("/") ? try milestoneRevision(time) : try goalRevision(time)
        }
    }

    func goalRevision(_ time: TimeContext) throws(DomainError) -> Command {
        if week != nil || weeks != nil {
            throw .scheduleNeedsMilestone(goal: goal)
        }
        let quarter = try self.quarter.map { raw throws(DomainError) in try Validate.quarter(raw, today: time.today) }
        return .reviseGoal(
            goal: try Validate.key(goal, what: "goal key"),
            changes: GoalChanges(
                title: title, metric: metric, target: try parseNumber(target, option: "--target"), unit: unit,
                due: try due.map { raw throws(DomainError) in try DateInput.end(raw, option: "--due", time: time, quarter: quarter) },
                quarter: quarter,
                direction: direction,
                key: key),
            reason: reason, force: force)
    }

    func milestoneRevision(_ time: TimeContext) throws(DomainError) -> Command {
        let goalOnly: [(GoalField, String?)] = [(.metric, metric), (.target, target), (.unit, unit), (.quarter, quarter), (.direction, direction), (.key, key)]
        if let (field, _) = goalOnly.first(where: { $0.1 != nil }) {
            throw .goalFieldOfMilestone(option: field, reference: goal)
        }
        let ref = try Validate.milestoneRef(goal)
        return .reviseMilestone(goal: ref.goal, number: ref.number, title: title,
                                schedule: try MilestoneScheduleInput.schedule(week: week, weeks: weeks, due: due, time: time),
                                reason: reason)
    }
}

struct LogComplete: LogSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "complete",
        abstract: "Mark a goal completed.",
        discussion: "Example: journal log complete aws --outcome \"Passed with 870/1000\"")

    @Argument(help: "The goal's key.", completion: CompletionCandidates.kind(.activeGoals)) var goal: String
    @Option(help: "What came of it, for your accomplishments.") var outcome: String?
    @OptionGroup var occurred: OccurredOptions
    @OptionGroup var journal: JournalOptions

    func run() throws {
        try record { _ in .completeGoal(goal: try Validate.key(goal, what: "goal key"), outcome: outcome) }
    }
}

struct LogDrop: LogSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "drop",
        abstract: "Drop a goal, with the reason; it frees its place in the quarter.",
        discussion: "Example: journal log drop network --reason \"Team reorg changed my focus\"")

    @Argument(help: "The goal's key.", completion: CompletionCandidates.kind(.activeGoals)) var goal: String
    @Option(help: "Why you are dropping it (required).") var reason: String
    @OptionGroup var occurred: OccurredOptions
    @OptionGroup var journal: JournalOptions

    func run() throws {
        try record { _ in .dropGoal(goal: try Validate.key(goal, what: "goal key"), reason: reason) }
    }
}
