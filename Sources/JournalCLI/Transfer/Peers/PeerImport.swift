import ArgumentParser
import JournalApp
import JournalDomain
import JournalStore

/// `journal import --from TOOL FILE [--map NAME=GOAL]...`: another tool's records recorded as activities.
struct PeerImport {
    let tool: PeerTool
    let file: String
    let maps: [String]
    let db: String?

    func run() throws {
        let environment = JournalEnvironment()
        let progress = ProgressLine.onTerminal("import")
        let outcome: ImportOperations.RecordsImported
        do {
            defer { progress?.finish() }
            outcome = try ImportOperations.importRecords(
                of: tool, file: file, maps: maps, into: try environment.databasePath(option: db), time: try environment.time(),
                metadata: try EventMetadata.of(command: "import --from \(tool.rawValue)"), progress: progress?.handler)
        }
        print(Self.summary(outcome, file: file))
    }

    /// "Imported 12 activities from timew.json (3 already here; 1 open interval skipped); the journal now holds 40 events".
    static func summary(_ outcome: ImportOperations.RecordsImported, file: String) -> String {
        var notes: [String] = []
        if outcome.alreadyHere > 0 {
            notes.append("\(outcome.alreadyHere) already here" + (outcome.differing > 0
                ? ", \(outcome.differing) of them now different and kept as first imported" : ""))
        }
        for reason in PeerSkip.allCases { if let count = outcome.skipped[reason], count > 0 { notes.append(reason.phrase(count)) } }
        let events = outcome.journalEvents
        return "Imported \(outcome.added) \(outcome.added == 1 ? "activity" : "activities") from \(ShownText.line(file))"
            + (notes.isEmpty ? "" : " (" + notes.joined(separator: "; ") + ")")
            + "; the journal now holds \(events) \(events == 1 ? "event" : "events")"
    }
}

/// The tool names `--from` takes (PeerTool reads them, the tools' own command names too).
extension PeerTool: ExpressibleByArgument {}
