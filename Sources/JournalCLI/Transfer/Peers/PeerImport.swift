import Foundation
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
        let time = try environment.time()
        let maps = try PeerMap.parse(self.maps)
        let source = PeerSource(file: file, tool: tool)
        let records = try tool.records(in: try source.load(), source: source, time: time)
        let plan = try PeerActivities.plan(records, maps: maps, source: source, time: time)
        let path = try environment.databasePath(option: db)
        // Refused before the journal would be created: a new journal has no goals to map to.
        if let map = maps.first, !FileManager.default.fileExists(atPath: path) {
            throw CLIError(.data, "--map \(DateInput.printable(map.given)): no goal \(map.goal), as there is no journal at \(path) yet; set the goal first with journal log goal \"TITLE\" --quarter Q --key \(map.goal) (nothing was imported)")
        }
        let creation = JournalCreation(path: path)
        let summary: String
        do {
            summary = try append(plan, maps: maps, to: path, time: time)
        } catch {
            // Refused: a journal this import created is not left behind, empty.
            creation.undo()
            throw error
        }
        print(summary)
    }

    /// The one line the import prints; the store is closed when this returns.
    private func append(_ plan: PeerPlan, maps: [PeerMap], to path: String, time: TimeContext) throws -> String {
        let store = try SQLiteEventStore(path: path, mode: .createIfMissing)
        let outcome = try PeerAppend(source: PeerSource(file: file, tool: tool), maps: maps, time: time).append(plan, to: store)
        return Self.summary(outcome, skipped: plan.skipped, file: file, events: try store.count())
    }

    /// "Imported 12 activities from timew.json (3 already here; 1 open interval skipped); the journal now holds 40 events".
    static func summary(_ outcome: PeerAppend.Outcome, skipped: [PeerSkip: Int], file: String, events: Int64) -> String {
        var notes: [String] = []
        if outcome.alreadyHere > 0 {
            notes.append("\(outcome.alreadyHere) already here" + (outcome.differing > 0
                ? ", \(outcome.differing) of them now different and kept as first imported" : ""))
        }
        for reason in PeerSkip.allCases { if let count = skipped[reason], count > 0 { notes.append(reason.phrase(count)) } }
        return "Imported \(outcome.added) \(outcome.added == 1 ? "activity" : "activities") from \(ShownText.line(file))"
            + (notes.isEmpty ? "" : " (" + notes.joined(separator: "; ") + ")")
            + "; the journal now holds \(events) \(events == 1 ? "event" : "events")"
    }
}
