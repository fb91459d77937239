import ArgumentParser
import JournalStore

/// `journal backup FILE`: the journal as one consistent file, with what is still in its write-ahead log.
struct Backup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Copy the journal into one consistent file (the events still in its write-ahead log included).",
        discussion: """
            Copying journal.sqlite by hand loses the latest events while they are still in journal.sqlite-wal; this \
            copies them all, with SQLite's online backup, while other journal commands go on. The copy is private \
            (0600) and replaces FILE only once complete. It is a journal: read it with --db FILE, check it with \
            journal verify --db FILE. FILE cannot be the journal itself or a file SQLite keeps beside it.
            Example: journal backup ~/backups/journal-2025-06-30.sqlite
            """)

    @Argument(help: ArgumentHelp("The file to write (replaced if it exists).", valueName: "file"), completion: .file())
    var file: String
    @OptionGroup var journal: JournalOptions

    func run() throws {
        let path = try JournalEnvironment().databasePath(option: journal.db)
        guard !file.isEmpty else { throw CLIError(.usage, "the backup FILE is empty; give the path of the file to write") }
        let store = try SQLiteEventStore(path: path, mode: .mustExist)
        let target = try OutputTarget(file)
        if target.isPartOfJournal(path) {
            throw CLIError(.usage, "\(file) is the journal \(path) (or a file SQLite keeps beside it); a backup there would destroy it: give another file")
        }
        if let info = target.info, let kind = SQLiteEventStore.notAFileKind(info.st_mode) {
            throw CLIError(.usage, "cannot back up to \(file): it is \(kind); give the path of a file")
        }
        let summary = try store.backup(to: target.resolved)
        print("Backed up \(summary.events) event\(summary.events == 1 ? "" : "s") (head \(HashChain.hex(summary.head))) to \(file)")
    }
}
