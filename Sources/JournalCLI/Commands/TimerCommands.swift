import ArgumentParser
import JournalApp
import JournalDomain
import JournalStore
import JournalViews

/// `journal start TEXT`: sets a timer running; `journal stop` records its activity (Timewarrior's start/stop).
struct Start: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "start",
        abstract: "Start a timer for an activity; journal stop records it with its minutes.",
        discussion: """
            The timer is an event in the log, so it keeps running across processes and reboots. A timer already \
            running is stopped first (its activity recorded), in the same append, and the output says so.
            Examples: journal start "Practice exam 2" --goal aws/2   journal start "Reading" --tag "UX Research"   \
            journal start "Standup" --at 9:30
            """)

    @Argument(help: "What you are doing.") var text: [String]
    @Option(help: ArgumentHelp("The goal (or milestone, GOAL/N) it serves.", valueName: "goal[/n]"),
            completion: CompletionCandidates.kind(.activeGoalsAndOpenMilestones))
    var goal: String?
    @Option(name: .customLong("tag"), help: ArgumentHelp("A label for the activity (repeatable; normalised as imports do: \"UX Research\" is ux-research).", valueName: "tag"))
    var tags: [String] = []
    @Option(help: ArgumentHelp("When it started, if not now: 9:30, 14:05, '20 minutes ago' (your time zone; not in the future). A timer running then is stopped at that moment.", valueName: "time"))
    var at: String?
    @Flag(help: "Keep the link to a goal that is not active today (completed, dropped or of another quarter).")
    var force = false
    @OptionGroup var journal: JournalOptions

    func run() throws {
        let environment = JournalEnvironment()
        let time = try environment.time()
        let start = try at.map { raw throws(DomainError) in try TimeInput.moment(raw, option: "--at", time: time) }
        let link = try goal.map { raw throws(DomainError) in try Validate.goalOrMilestone(raw) }
        let command = Command.startTimer(text: words(text), goal: link?.goal, milestone: link?.number,
                                         tags: TagInput.normalised(tags), force: force)
        let store = try SQLiteEventStore(path: try environment.databasePath(option: journal.db), mode: .createIfMissing)
        let started = try Recorder(store: store, time: time).startTimer(command, at: start)
        noteFormerKeys(started.started)
        if let stopped = started.stopped {
            print("Stopped the timer that was running (\(TimerWords.ran(stopped, time: time))): \(ShownText.line(stopped.timer.text))")
            TimerWords.printStop(stopped, time: time, indent: "  ")
        }
        print(LogMessage.describe(started.started, time: time))
    }
}

/// `journal stop`: ends the running timer and records its activity, split per local day.
struct Stop: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stop",
        abstract: "Stop the running timer and record its activity with its minutes (one activity per local day).",
        discussion: """
            --at ends it earlier than now (not before it started). A span across midnight is recorded as one \
            activity per local day, as imports do. journal undo takes back the whole stop: its activities too, \
            and the timer runs again.
            Examples: journal stop   journal stop --at 17:30 --note "finished chapter 2"   journal stop --at "20 minutes ago"
            """)

    @Option(help: ArgumentHelp("When it ended, if not now: 9:30, 14:05, 'yesterday 17:00', '30 minutes ago' (your time zone).", valueName: "time"))
    var at: String?
    @Option(help: ArgumentHelp("Words added to the activity's text (\"TEXT: NOTE\").", valueName: "text"))
    var note: String?
    @OptionGroup var journal: JournalOptions

    func run() throws {
        let environment = JournalEnvironment()
        let time = try environment.time()
        let end = try at.map { raw throws(DomainError) in try TimeInput.moment(raw, option: "--at", time: time) }
        let store = try SQLiteEventStore(path: try environment.databasePath(option: journal.db), mode: .createIfMissing)
        let stopped = try Recorder(store: store, time: time).stopTimer(at: end, note: note)
        TimerWords.printStop(stopped, time: time, indent: "")
        print("Timer ran \(TimerWords.ran(stopped, time: time)): \(ShownText.line(stopped.timer.text))")
    }
}

/// `journal cancel`: throws the running timer away.
struct Cancel: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cancel",
        abstract: "Cancel the running timer without recording an activity.",
        discussion: "Example: journal cancel")

    @OptionGroup var journal: JournalOptions

    func run() throws {
        let environment = JournalEnvironment()
        let time = try environment.time()
        let store = try SQLiteEventStore(path: try environment.databasePath(option: journal.db), mode: .createIfMissing)
        let cancelled = try Recorder(store: store, time: time).cancelTimer()
        print("Cancelled the timer started at \(time.display(cancelled.timer.startedAt)): \(ShownText.line(cancelled.timer.text))"
              + " (event \(cancelled.recorded.event.position))")
    }
}

enum TimerWords {
    /// "2025-04-10 09:00 to 10:30, 90 min"; the end's date is shown when it is another day.
    static func ran(_ stop: TimerStop, time: TimeContext) -> String {
        let start = time.display(stop.timer.startedAt), end = time.display(stop.end)
        let endShown = start.prefix(10) == end.prefix(10) ? String(end.dropFirst(11)) : end
        return "\(start) to \(endShown), \(stop.minutes) min"
    }

    static func printStop(_ stop: TimerStop, time: TimeContext, indent: String) {
        if stop.activities.isEmpty { print(indent + "Under a minute: no activity recorded.") }
        for activity in stop.activities { print(indent + LogMessage.describe(activity, time: time)) }
        print(indent + LogMessage.describe(stop.stopped, time: time))
    }
}
