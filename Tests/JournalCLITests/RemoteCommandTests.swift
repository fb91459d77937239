import Foundation
@testable import JournalApp
@testable import JournalCLI
import Testing

/// `journal remote add|list|remove`: what is remembered, what is refused (the sync itself is tested against a real
/// server in Tests/JournalRemoteTests).
@Suite("Remote commands")
struct RemoteCommandTests {
    @Test func addListAndRemoveARemote() throws {
        let s = try Sandbox()
        #expect(try s.ok(["remote", "add", "home", "postgresql://me@db.example.org:5433/journal?sslmode=verify-full"])
                == "Added remote home (postgresql://me@db.example.org:5433/journal?sslmode=verify-full); share the journal with journal sync home\n")
        #expect(try s.ok(["remote", "add", "work_2", "postgres://me@localhost/shared?journal=team"])
                == "Added remote work_2 (postgres://me@localhost/shared?journal=team); share the journal with journal sync work_2\n")
        #expect(try s.ok(["remote", "list"]) == """
            home\tpostgresql://me@db.example.org:5433/journal?sslmode=verify-full\tpulled to 0
            work_2\tpostgres://me@localhost/shared?journal=team\tpulled to 0

            """)
        #expect(try s.ok(["remote", "remove", "home"]) == "Removed remote home\n")
        #expect(try s.ok(["remote", "list"]) == "work_2\tpostgres://me@localhost/shared?journal=team\tpulled to 0\n")
        #expect(try s.ok(["remote", "remove", "work_2"]) == "Removed remote work_2\n")
        #expect(try s.ok(["remote", "list"]) == "No remotes; add one with journal remote add NAME URL\n")
        // Remotes are settings, not facts: the log holds no event for them.
        #expect(try s.count() == 0)
    }

    @Test func aURLWithAPasswordIsRefusedAndNothingIsStored() throws {
        let s = try Sandbox()
        let refused = try s.run(["remote", "add", "home", "postgresql://me:secret@db.example.org/journal"])
        #expect(refused.status == 64)
        #expect(refused.stdout == "")
        #expect(refused.stderr == "journal: the URL holds a password, and journal never stores one: remove it from the URL and set PGPASSWORD or a ~/.pgpass line (mode 0600)\n")
        #expect(!refused.stderr.contains("secret"))
        // Refused before the journal is opened: none was created, and one already there keeps no such remote.
        #expect(!FileManager.default.fileExists(atPath: s.db))
        try s.ok(["remote", "add", "home", "postgresql://me@db.example.org/journal"])
        #expect(try s.run(["remote", "add", "away", "postgresql://me:secret@db.example.org/journal"]).status == 64)
        #expect(try s.ok(["remote", "list"]) == "home\tpostgresql://me@db.example.org/journal\tpulled to 0\n")
    }

    @Test func badNamesURLsAndDuplicatesAreRefused() throws {
        let s = try Sandbox()
        try s.ok(["remote", "add", "home", "postgresql://me@localhost/journal"])
        let cases: [([String], Int32, String)] = [
            (["remote", "add", "home", "postgresql://me@localhost/other"], 65,
             "journal: a remote named home exists already; remove it first with journal remote remove home\n"),
            (["remote", "add", "my home", "postgresql://me@localhost/j"], 64,
             "journal: remote name 'my home' must be letters, digits, - and _; e.g. journal remote add home URL\n"),
            (["remote", "add", "web", "https://example.org/j"], 64,
             "journal: 'https://example.org/j' is not a PostgreSQL URL; write postgresql://USER@HOST:PORT/DATABASE\n"),
            (["remote", "add", "tls", "postgresql://me@localhost/j?sslmode=maybe"], 64,
             "journal: sslmode 'maybe' is not one of disable, prefer, require, verify-ca, verify-full\n"),
            (["remote", "remove", "away"], 65, "journal: no remote named away; journal remote list shows the ones there are\n"),
            (["sync", "away"], 65, "journal: no remote named away; journal remote list shows the ones there are\n"),
        ]
        for (arguments, status, line) in cases {
            let result = try s.run(arguments)
            #expect(result.status == status, "\(arguments)")
            #expect(result.stderr == line)
        }
        #expect(try s.ok(["remote", "list"]) == "home\tpostgresql://me@localhost/journal\tpulled to 0\n")
    }

    @Test func syncWithoutARemoteSaysHowToAddOne() throws {
        let s = try Sandbox()
        try s.ok(["log", "activity", "Reading", "--minutes", "20"])
        let none = try s.run(["sync"])
        #expect(none.status == 64)
        #expect(none.stderr == "journal: no remote to sync with; add one with journal remote add NAME URL\n")
        try s.ok(["remote", "add", "a", "postgresql://me@localhost/j"])
        try s.ok(["remote", "add", "b", "postgresql://me@localhost/k"])
        let two = try s.run(["sync"])
        #expect(two.status == 64)
        #expect(two.stderr == "journal: several remotes; name one: journal sync NAME (journal remote list)\n")
    }

    /// A pulled event the merge refuses is named by its remote and server position (the file it was merged
    /// through is gone), with the import's reason, as a refusal (65).
    @Test func theWordsOfAPulledEventRefused() {
        let error = CLIError.from(AppError.pulledEventRefused(remote: "home", position: 42, problem: .eventIdConflict(eventId: "e-1")))
        #expect(error.message == "the event at position 42 of remote home cannot be merged: event e-1 is already in this journal with different content (nothing was pulled; what was pushed stays on the server; see docs/sync.md, the current limit)")
        #expect(error.status == .data)
    }
}
