import ArgumentParser
import Foundation
import JournalApp
import JournalStore

/// `journal rebuild`: throws the derived read state away and folds it again from the log.
struct Rebuild: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rebuild",
        abstract: "Rebuild every table derived from the log: the ledger slices, their checkpoint and the goal index.",
        discussion: """
            Reading commands keep the ledger slices they read caught up with the log, and rebuild them by themselves \
            when a new version of journal routes events differently or their checkpoint lies past the log's end. \
            journal verify checks the log alone: a derived table edited by hand can still hide events from reports \
            or mislead decisions, and rebuild throws all of them away and remakes them from the log, in one \
            transaction. Also there to measure, or to start afresh after a restore.
            Example: journal rebuild
            """)

    @OptionGroup var journal: JournalOptions

    func run() throws {
        let store = try SQLiteEventStore(path: try JournalEnvironment().databasePath(option: journal.db), mode: .mustExist)
        let started = DispatchTime.now().uptimeNanoseconds
        let progress = ProgressLine.onTerminal("rebuild")
        let update: ProjectionUpdate
        do {
            defer { progress?.finish() }
            update = try store.catchUpSlices(rebuild: true, progress: progress?.handler)
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        let rate = seconds > 0 ? Int((Double(update.applied) / seconds).rounded()) : 0
        print("Rebuilt the ledger slices from \(update.applied) event\(update.applied == 1 ? "" : "s") in \(Int((seconds * 1000).rounded())) ms (\(rate) events/s), with the goal index and stream versions; checkpoint at position \(update.position)")
    }
}
