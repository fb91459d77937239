import ArgumentParser
import Foundation
import JournalApp
import JournalStore

/// `journal remote add|list|remove`: the PostgreSQL servers `journal sync` talks to (docs/sync.md).
struct RemoteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remote",
        abstract: "Add, list or remove the PostgreSQL servers journal sync shares this journal through.",
        subcommands: [RemoteAdd.self, RemoteList.self, RemoteRemove.self])
}

struct RemoteAdd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Remember a remote: a name and a postgresql:// URL (never with a password).",
        discussion: """
            The URL is postgresql://USER@HOST:PORT/DATABASE?sslmode=MODE (disable, the default, prefer, require, \
            verify-ca or verify-full), with journal=NAME to pick the journal on the server (default journal). \
            Passwords are never stored: the helper reads PGPASSWORD, or ~/.pgpass when only you can read it (0600).
            Example: journal remote add home 'postgresql://me@db.example.org/journal?sslmode=verify-full'
            """)

    @Argument(help: ArgumentHelp("The remote's name (letters, digits, - and _).", valueName: "name"))
    var name: String
    @Argument(help: ArgumentHelp("The server: postgresql://USER@HOST:PORT/DATABASE?sslmode=MODE.", valueName: "url"))
    var url: String
    @OptionGroup var journal: JournalOptions

    func run() throws {
        guard !name.isEmpty, name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) else {
            throw CLIError(.usage, "remote name '\(name)' must be letters, digits, - and _; e.g. journal remote add home URL")
        }
        let parsed: RemoteURL
        do {
            parsed = try RemoteURL.parse(url)
        } catch {
            throw CLIError(.usage, RemoteAdd.words(error, url: url))
        }
        if parsed.password != nil {
            throw CLIError(.usage, "the URL holds a password, and journal never stores one: remove it from the URL and set PGPASSWORD or a ~/.pgpass line (mode 0600)")
        }
        let store = try SQLiteEventStore(path: try JournalEnvironment().databasePath(option: journal.db), mode: .createIfMissing)
        guard try store.addRemote(StoredRemote(name: name, url: url)) else {
            throw CLIError(.data, "a remote named \(name) exists already; remove it first with journal remote remove \(name)")
        }
        print("Added remote \(name) (\(url)); share the journal with journal sync \(name)")
    }

    static func words(_ problem: RemoteURL.Problem, url: String) -> String {
        switch problem {
        case .notPostgres: return "'\(url)' is not a PostgreSQL URL; write postgresql://USER@HOST:PORT/DATABASE"
        case .badPort(let port): return "port '\(port)' in the URL is not a port number (1 to 65535)"
        case .badSSLMode(let mode): return "sslmode '\(mode)' is not one of disable, prefer, require, verify-ca, verify-full"
        }
    }
}

struct RemoteList: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the remotes: name, URL and the last server position pulled.",
        discussion: "Example: journal remote list")

    @OptionGroup var journal: JournalOptions

    func run() throws {
        let store = try SQLiteEventStore(path: try JournalEnvironment().databasePath(option: journal.db), mode: .mustExist)
        let remotes = try store.remotes()
        if remotes.isEmpty {
            print("No remotes; add one with journal remote add NAME URL")
            return
        }
        for remote in remotes {
            print("\(remote.name)\t\(remote.url)\tpulled to \(remote.pulled)")
        }
    }
}

struct RemoteRemove: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove",
        abstract: "Forget a remote (the events it brought stay: they are facts).",
        discussion: "Example: journal remote remove home")

    @Argument(help: ArgumentHelp("The remote's name, as journal remote list shows it.", valueName: "name"))
    var name: String
    @OptionGroup var journal: JournalOptions

    func run() throws {
        let store = try SQLiteEventStore(path: try JournalEnvironment().databasePath(option: journal.db), mode: .mustExist)
        guard try store.removeRemote(named: name) else {
            throw CLIError(.data, "no remote named \(name); journal remote list shows the ones there are")
        }
        print("Removed remote \(name)")
    }
}
