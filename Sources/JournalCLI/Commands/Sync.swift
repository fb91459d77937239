import ArgumentParser
import Foundation
import JournalApp
import JournalStore

/// `journal sync [NAME]`: push what the remote lacks, pull and merge what this journal lacks (docs/sync.md).
struct SyncCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Push this journal's new events to a remote and pull the ones other devices pushed.",
        discussion: """
            Runs the helper journal-remote (installed beside journal by make install), which talks to the server; \
            this journal is only written by journal itself, through the import's checks. Events are kept with \
            their ids and both times; ones already here are skipped. When a pulled event conflicts with this \
            journal's rules (say a goal completed here and dropped there), sync refuses and keeps nothing it pulled; \
            what it pushed stays on the server.
            Example: journal sync   journal sync home
            """)

    @Argument(help: ArgumentHelp("The remote to sync with (default: the only one).", valueName: "name"))
    var name: String?
    @OptionGroup var journal: JournalOptions

    func run() throws {
        let environment = JournalEnvironment()
        let path = try environment.databasePath(option: journal.db)
        let time = try environment.time()
        let remotes = try SQLiteEventStore(path: path, mode: .mustExist).remotes()
        let remote: StoredRemote
        if let name {
            guard let found = remotes.first(where: { $0.name == name }) else {
                throw CLIError(.data, "no remote named \(name); journal remote list shows the ones there are")
            }
            remote = found
        } else {
            guard remotes.count == 1, let only = remotes.first else {
                throw CLIError(.usage, remotes.isEmpty ? "no remote to sync with; add one with journal remote add NAME URL"
                                                       : "several remotes; name one: journal sync NAME (journal remote list)")
            }
            remote = only
        }
        let journalName = (try? RemoteURL.parse(remote.url).journal) ?? "journal"
        do {
            var helper = try RemoteHelper(remote: remote, journalName: journalName, environment: runEnvironment)
            defer { helper.finish() }
            let outcome = try Syncing.sync(journalPath: path, remote: remote, link: &helper, now: time.now,
                                          temporaryFolder: runTemporaryDirectory)
            print("Pushed \(SyncCommand.events(outcome.pushed)), pulled \(SyncCommand.events(outcome.pulled)); \(remote.name) holds \(outcome.serverEvents)")
        } catch let failure as RemoteFailure {
            throw CLIError(.io, "sync with \(remote.name) failed: \(failure.message)")
        }
    }

    static func events(_ count: Int) -> String { "\(count) event\(count == 1 ? "" : "s")" }
}
