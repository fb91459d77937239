import ArgumentParser
import Foundation
import JournalApp
import JournalDomain
import JournalStore

/// `journal export`: the whole log as JSONL, every stored field, the head hash last.
struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the whole log as JSONL: every field of every event, hashes included, the head hash last.",
        discussion: """
            One event a line, in log order, then {"head": HASH, "events": N}. Keep the head hash: comparing it with \
            what journal verify prints later shows whether anything was cut off. journal import reads the file back, \
            into this journal or another.
            Examples: journal export > journal.jsonl   journal export --output backup.jsonl
            """)

    @Option(help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"), completion: .file())
    var output: String?
    @OptionGroup var journal: JournalOptions

    func run() throws {
        let path = try JournalEnvironment().databasePath(option: journal.db)
        let store = try SQLiteEventStore(path: path, mode: .mustExist)
        // An export is the whole journal: private like it.
        let sink = try OutputSink(path: output, journal: path, mode: 0o600, always: true)
        let progress = ProgressLine.onTerminal("export")
        defer { progress?.finish() }
        try Exporting.lines(of: store, progress: progress?.handler) { try sink.write($0) }
        try sink.close()
    }
}

/// `journal import FILE`: appends an export's events this journal does not hold yet; with `--from`, another
/// tool's records as activities.
struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Append an export's events to this journal, or another tool's records as activities: idempotent, all or nothing.",
        discussion: """
            The file's own hash chain and head line are checked first, and every event must be one journal can read. \
            Events whose id is already here with the same content are skipped, so an import can be run again and two \
            journals can be merged; an id present with different content refuses the whole file. New events keep \
            their ids, types, payloads, metadata and both times, and get this journal's positions, stream versions \
            and hash chain, in the file's order.
            With --from, FILE is another tool's export (task export, timew export, jrnl --format json, \
            watson log --all --json): each record becomes activities, linked to a goal by --map NAME=GOAL (a tag or \
            project; the first matching map wins) or else effort linked to no goal, its labels kept as tags. Each \
            record's activities have ids derived from the record, so importing the file again adds only new records.
            Examples: journal import backup.jsonl
                      journal import --from timewarrior timew.json --map aws=aws-cert --map blog=blog/2
            """)

    @Argument(help: ArgumentHelp("An export written by journal export (or by the tool --from names).", valueName: "file"),
              completion: .file())
    var file: String
    @Option(help: ArgumentHelp("Read another tool's export: taskwarrior, timewarrior, jrnl or watson.", valueName: "tool"))
    var from: PeerTool?
    @Option(name: .customLong("map"), help: ArgumentHelp(
        "With --from: link records with this tag or project to a goal or milestone (repeatable; the first match wins).",
        valueName: "name=goal[/n]"))
    var maps: [String] = []
    @OptionGroup var journal: JournalOptions

    func run() throws {
        if let from {
            return try PeerImport(tool: from, file: file, maps: maps, db: journal.db).run()
        }
        guard maps.isEmpty else {
            throw CLIError(.usage, "--map needs --from TOOL (it links another tool's tags or projects to goals); add e.g. --from timewarrior")
        }
        try importExport()
    }

    private func importExport() throws {
        let environment = JournalEnvironment()
        let time = try environment.time()
        let progress = ProgressLine.onTerminal("import")
        let outcome: ImportOperations.ExportImported
        do {
            defer { progress?.finish() }
            outcome = try ImportOperations.importExport(file: file, into: try environment.databasePath(option: journal.db), now: time.now,
                                                        progress: progress?.handler)
        }
        let skipped = outcome.events - outcome.added
        print("Imported \(outcome.added) of \(outcome.events) events from \(ShownText.line(file))" + (skipped > 0 ? " (\(skipped) already here)" : "")
              + "; the journal now holds \(outcome.journalEvents)")
    }
}
