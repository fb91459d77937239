import Foundation
import Testing

/// Reading commands keep the stored ledger slices caught up: same answers as a rebuild, checkpoint at the head.
@Suite("Projection checkpoints")
struct ProjectionCheckpointTests {
    func state(_ s: Sandbox) throws -> (position: Int, codeVersion: Int)? {
        let result = try SQLiteShell.run(s.db, "SELECT position, code_version FROM projection_state WHERE name = 'ledger-slices'", in: s)
        let fields = result.stdout.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: "|").compactMap { Int($0) }
        return fields.count == 2 ? (fields[0], fields[1]) : nil
    }

    func reads(_ s: Sandbox) throws -> [String] {
        try [["sprint", "--quarter", "2025-Q2", "--format", "json"], ["report", "2025-Q2", "--format", "json"],
             ["history", "aws", "--format", "json"], ["insights", "--quarter", "2025-Q2", "--format", "json"],
             ["insights", "--since", "2025-04-20", "--until", "2025-06-03", "--format", "json"], ["resume", "--format", "json"],
             ["insights", "--calibration", "--format", "json"], ["share", "2025-Q2"]].map { try s.ok($0) }
    }

    @Test func readsCatchUpAndAgreeWithARebuild() throws {
        let s = try Sandbox.demo(now: "2025-07-05T10:00")
        #expect(try state(s) == nil, "logging never touches the read state")
        let before = try reads(s)
        #expect(try state(s)?.position == 36)
        // New events after the checkpoint: the next read applies only those.
        try s.log("activity", "Pipeline design review", "--goal", "aws", "--minutes", "45", "--on", "2025-06-20")
        try s.log("progress", "network", "2", "--on", "2025-06-21")
        try s.log("retract", "12", "--reason", "Logged twice")
        let caughtUp = try reads(s)
        #expect(try state(s)?.position == 39)
        #expect(caughtUp != before, "the new events show")
        let out = try s.ok(["rebuild"])
        #expect(out.hasPrefix("Rebuilt the ledger slices from 39 events in "), "\(out)")
        #expect(out.hasSuffix("; checkpoint at position 39\n"), "\(out)")
        #expect(try reads(s) == caughtUp)
    }

    @Test func aNewRoutingVersionIsRebuiltOnTheNextRead() throws {
        let s = try Sandbox.demo(now: "2025-05-16T18:00")
        let board = try s.ok(["sprint"])
        let current = try #require(try state(s))
        _ = try SQLiteShell.run(s.db, "UPDATE projection_state SET code_version = 0; DELETE FROM projection_partitions WHERE key LIKE 'week:%';", in: s)
        #expect(try s.ok(["sprint"]) == board)
        #expect(try state(s)?.codeVersion == current.codeVersion)
    }

    @Test func aDamagedSliceNamesTheFix() throws {
        let s = try Sandbox.demo(now: "2025-05-16T18:00")
        _ = try s.ok(["sprint"])
        _ = try SQLiteShell.run(s.db, "UPDATE projection_partitions SET events = x'00' WHERE key = 'global';", in: s)
        expectRefusal(try s.run("sprint"), status: 74, mentioning: ["journal rebuild"])
        _ = try s.ok(["rebuild"])
        #expect(try s.run("sprint").status == 0)
    }

    @Test func rebuildNeedsAJournal() throws {
        let s = try Sandbox()
        expectRefusal(try s.run("rebuild"), status: 66, mentioning: ["no journal"])
    }
}

/// A journal file that cannot be written: its slices cannot be kept, so a read folds the whole log instead.
@Suite("Reading a write-protected journal")
struct ReadOnlyJournalTests {
    @Test func aWriteProtectedJournalIsReadWhole() throws {
        let s = try Sandbox.demo(now: "2025-05-16T18:00")
        let board = try s.ok(["sprint", "--db", s.db])   // slices kept: the answer to match
        _ = try SQLiteShell.run(s.db, "DELETE FROM projection_state; DELETE FROM projection_partitions;", in: s)
        // SQLite needs the folder for its WAL index; only the file is protected, as chmod a-w journal.sqlite does.
        try FileManager.default.setAttributes([.posixPermissions: 0o777], ofItemAtPath: s.root.path)
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: s.db)
        // root writes through file modes: as root, read as nobody (setpriv, util-linux), as anyone else directly.
        let journal = try JournalBinary.require().path
        let result: RunResult
        if geteuid() == 0 {
            let setpriv = try #require(["/usr/bin/setpriv", "/bin/setpriv"].first { FileManager.default.isExecutableFile(atPath: $0) },
                                       "running as root, this test needs setpriv (util-linux) to read as another user")
            result = try s.spawnProgram(setpriv, ["--reuid=65534", "--regid=65534", "--clear-groups", journal, "sprint", "--db", s.db]).wait()
        } else {
            result = try s.run(["sprint", "--db", s.db])
        }
        #expect(result.status == 0 && result.stderr.isEmpty, "\(result)")
        #expect(result.stdout == board)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: s.db)
        #expect(try SQLiteShell.run(s.db, "SELECT count(*) FROM projection_partitions;", in: s).stdout == "0\n", "nothing was written")
    }

    /// Runs journal as another user when the tests run as root (root writes through file modes).
    func runAsAnotherUser(_ s: Sandbox, _ arguments: [String]) throws -> RunResult {
        let journal = try JournalBinary.require().path
        guard geteuid() == 0 else { return try s.run(arguments) }
        let setpriv = try #require(["/usr/bin/setpriv", "/bin/setpriv"].first { FileManager.default.isExecutableFile(atPath: $0) },
                                   "running as root, this test needs setpriv (util-linux) to read as another user")
        return try s.spawnProgram(setpriv, ["--reuid=65534", "--regid=65534", "--clear-groups", journal] + arguments).wait()
    }

    @Test func aJournalInAFolderThatCannotBeWrittenIsReadAndRefusesWrites() throws {
        let s = try Sandbox.demo(now: "2025-05-16T18:00")
        let board = try s.ok(["sprint", "--db", s.db])
        let report = try s.ok(["report", "2025-Q2", "--db", s.db])
        let count = try s.count()
        // Readable by anyone, in a folder nobody but root may write: SQLite cannot make its WAL index there.
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: s.db)
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: s.root.path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: s.root.path) }
        let sprint = try runAsAnotherUser(s, ["sprint", "--db", s.db])
        #expect(sprint.status == 0 && sprint.stderr.isEmpty && sprint.stdout == board, "\(sprint)")
        let read = try runAsAnotherUser(s, ["report", "2025-Q2", "--db", s.db])
        #expect(read.status == 0 && read.stdout == report, "\(read)")
        #expect(try runAsAnotherUser(s, ["verify", "--db", s.db]).stdout.hasPrefix("OK: \(count) events"))
        let log = try runAsAnotherUser(s, ["log", "activity", "x", "--db", s.db])
        expectRefusal(log, status: 74, mentioning: ["cannot write", "folder's permissions"])
        try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: s.root.path)
        #expect(try s.count() == count, "nothing was written")
        #expect(try s.run("log", "activity", "x").status == 0, "once the folder can be written, logging works again")
    }
}

