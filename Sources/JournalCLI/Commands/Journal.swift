import ArgumentParser
import JournalApp

/// The root command.
struct Journal: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "journal",
        abstract: "An event-sourced goal journal for 90-day career sprints.",
        discussion: """
            Every action is appended to an immutable, hash-chained log in SQLite. Log one thing a line:
              journal log goal "Complete AWS Solutions Architect certification" --quarter 2025-Q2 --due 2025-06-15
              journal log activity "Practice exam 1" --goal aws --minutes 90
            Run journal alone for the current sprint on one screen. --db may come first.
            Shell completion: journal --generate-completion-script bash|zsh|fish
              (journal help completions says where to put the script).
            """,
        version: JournalVersion.current,
        // Hidden: `journal` alone runs the overview, and `journal help completions` explains the scripts, without
        // either changing the groups below, the man page's commands or what the shells complete.
        subcommands: [OverviewCommand.self, Completions.self],
        // `journal --help` lists them in these three groups, in this order.
        groupedSubcommands: [
            CommandGroup(name: "Logging", subcommands: [
                Log.self, Start.self, Stop.self, Cancel.self, Undo.self, PlanCommand.self, ReviewCommand.self,
            ]),
            CommandGroup(name: "Reading", subcommands: [
                Sprint.self, GoalsCommand.self, Report.self, History.self, InsightsCommand.self, Activities.self, Resume.self,
                Share.self, Events.self, Demo.self,
            ]),
            CommandGroup(name: "Maintenance", subcommands: [Export.self, Import.self, Backup.self, Verify.self, Rebuild.self, RemoteCommand.self, SyncCommand.self]),
        ],
        defaultSubcommand: OverviewCommand.self
    )
}

/// `journal log ...`: one subcommand per action.
struct Log: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: "Record an action: a goal, a milestone, effort, progress, a revision, a review.",
        subcommands: [
            LogDirection.self, LogGoal.self, LogMilestone.self, LogDone.self, LogProgress.self, LogActivity.self,
            LogRevise.self, LogComplete.self, LogDrop.self, LogReview.self, LogPartner.self, LogRetract.self, LogAmend.self,
        ]
    )
}
