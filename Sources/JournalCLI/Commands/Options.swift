import ArgumentParser

/// Where the journal lives; every command takes it.
struct JournalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "The journal file. Default: $JOURNAL_DB, else $XDG_DATA_HOME/journal/journal.sqlite, else ~/.local/share/journal/journal.sqlite.",
        valueName: "path"), completion: .file())
    var db: String?
}

/// When a logged thing happened, for backdating.
struct OccurredOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "When it happened, if not now: 2025-04-10, 2025-04-10T14:30, today, yesterday, '3 days ago', monday (the last one) or 2025-W07-3 (your time zone).",
        valueName: "date"))
    var on: String?
}
