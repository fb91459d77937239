import Foundation
import JournalStore
import Testing

/// `journal backup FILE`: one consistent file holding every event, those still in the write-ahead log included.
@Suite("Backup")
struct BackupTests {
    @Test func theBackupHoldsTheEventsStillInTheWriteAheadLog() throws {
        let s = try Sandbox.demo(now: "2025-05-16T12:00")
        // A connection kept open: the processes below leave their events in the WAL (the last to close would
        // move them into the file).
        let holder = try SQLiteEventStore(path: s.db, mode: .mustExist)
        for n in 1...3 { try s.log("activity", "Read chapter \(n)", "--minutes", "30") }
        try FileManager.default.copyItem(atPath: s.db, toPath: s.path("copied.sqlite"))
        let copied = try SQLiteShell.run(s.path("copied.sqlite"), "SELECT count(*) FROM events;", in: s)
        #expect(copied.stdout != "39\n", "the file alone lacks the latest events: \(copied)")

        let backup = s.path("backup.sqlite")
        let out = try s.ok(["backup", backup])
        #expect(out.hasPrefix("Backed up 39 events (head ") && out.hasSuffix(") to \(backup)\n"), "\(out)")
        #expect(try s.ok(["verify", "--db", backup]).hasPrefix("OK: 39 events"))
        #expect(try permissions(backup) == 0o600)
        #expect(try s.ok(["events", "--format", "jsonl", "--db", backup]) == (try s.ok(["events", "--format", "jsonl"])))
        #expect(try holder.count() == 39)
        #expect(try FileManager.default.contentsOfDirectory(atPath: s.root.path).filter { $0.contains(".backup-") }.isEmpty)
    }

    @Test func theJournalItselfAndDevicesAreRefused() throws {
        let s = try Sandbox.demo(now: "2025-05-16T12:00")
        for target in [s.db, s.db + "-wal", s.db + "-shm"] {
            expectRefusal(try s.run("backup", target), status: 64, mentioning: ["is the journal"])
        }
        expectRefusal(try s.run("backup", "/dev/null"), status: 64, mentioning: ["it is a device"])
        expectRefusal(try s.run("backup", s.path("b.sqlite"), "--db", s.path("none.sqlite")), status: 66, mentioning: ["no journal"])
        #expect(try s.ok(["verify"]).hasPrefix("OK: 36 events"))
    }
}
