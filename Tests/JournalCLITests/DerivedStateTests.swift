import Foundation
import Testing

/// The tables derived from the log (ledger slices, their checkpoint, the goal index, stream versions) are not
/// covered by the hash chain: verify says so, a read does not trust an impossible checkpoint, and rebuild remakes
/// every one of them, giving what a fresh journal built from the same log gives.
@Suite("Derived state")
struct DerivedStateTests {
    static let reads: [[String]] = [
        ["sprint", "--quarter", "2025-Q2", "--format", "json"], ["report", "2025-Q2", "--format", "json"],
        ["history", "aws", "--format", "json"], ["insights", "--quarter", "2025-Q2", "--format", "json"],
        ["resume", "--format", "json"], ["share", "2025-Q2"], ["events", "--format", "jsonl"],
    ]

    func reads(_ s: Sandbox, db: String? = nil) throws -> [String] {
        try Self.reads.map { try s.ok($0 + (db.map { ["--db", $0] } ?? [])) }
    }

    func rows(_ s: Sandbox, _ sql: String, db: String? = nil) throws -> String {
        try SQLiteShell.run(db ?? s.db, sql, in: s).stdout
    }

    /// A journal made anew from the same log: exported, then imported into a new file.
    func fresh(_ s: Sandbox) throws -> String {
        let file = s.root.appendingPathComponent("log.jsonl").path, copy = s.root.appendingPathComponent("fresh.sqlite").path
        try? FileManager.default.removeItem(atPath: copy)
        try? FileManager.default.removeItem(atPath: file)
        _ = try s.ok(["export", "--output", file])
        _ = try s.ok(["import", file, "--db", copy])
        return copy
    }

    @Test func verifySaysWhatItChecks() throws {
        let s = try Sandbox.demo(now: "2025-07-05T10:00")
        let text = try s.ok(["verify"])
        #expect(text.contains("not checked: the tables derived from the log (ledger slices, their checkpoint, the goal index); journal rebuild remakes them"), "\(text)")
        let json = try s.ok(["verify", "--format", "json"])
        #expect(json.contains("\"notChecked\": \"the tables derived from the log"), "\(json)")
        #expect(json.contains("\"checked\": \"the log: every event's hash"), "\(json)")
    }

    @Test func aCheckpointPastTheHeadIsNotTrusted() throws {
        let s = try Sandbox.demo(now: "2025-07-05T10:00")
        _ = try s.ok(["sprint"])
        try s.log("activity", "Pipeline design review", "--goal", "aws", "--minutes", "45", "--on", "2025-06-20")
        // Moved past the head, the checkpoint would claim events 37... were applied: the new activity would be hidden.
        _ = try SQLiteShell.run(s.db, "UPDATE projection_state SET position = 1000;", in: s)
        let afterTamper = try reads(s)
        #expect(try rows(s, "SELECT position FROM projection_state;") == "37\n")
        #expect(afterTamper == (try reads(s, db: try fresh(s))))
        #expect(afterTamper[2].contains("Pipeline design review"))
    }

    /// Each edit an attacker or a bad tool could make to a derived table; `hides` says whether a report misreports
    /// before the rebuild (the goal index steers decisions and completion, not reports).
    static let tampering: [(String, Bool)] = [
        ("DELETE FROM projection_partitions WHERE key LIKE 'week:%';", true),
        ("DELETE FROM projection_partitions WHERE key = 'goal:aws';", true),
        ("DELETE FROM projection_partitions WHERE key = 'global';", true),
        ("DELETE FROM goal_index WHERE key = 'aws';", false),
        ("UPDATE goal_index SET status = 'dropped', quarter = '2031-Q1';", false),
        ("INSERT INTO goal_index (key, quarter, status) VALUES ('ghost', '2025-Q2', 'active');", false),
        ("UPDATE streams SET version = 0;", false),
    ]

    @Test(arguments: tampering)
    func rebuildRemakesEveryDerivedTable(sql: String, hides: Bool) throws {
        let s = try Sandbox.demo(now: "2025-07-05T10:00")
        let reference = try fresh(s)
        let expected = try reads(s, db: reference)
        let index = "SELECT key, quarter, status FROM goal_index ORDER BY key;"
        let versions = "SELECT name, version FROM streams ORDER BY name;"
        _ = try reads(s)
        _ = try SQLiteShell.run(s.db, sql, in: s)
        #expect(try s.ok(["verify"]).hasPrefix("OK: 36 events, hash chain intact"), "verify checks the log alone")
        if hides { #expect(try reads(s) != expected, "the edit hides events from the reports: \(sql)") }
        _ = try s.ok(["rebuild"])
        #expect(try reads(s) == expected, "\(sql)")
        #expect(try rows(s, index) == (try rows(s, index, db: reference)), "\(sql)")
        #expect(try rows(s, versions) == (try rows(s, versions, db: reference)), "\(sql)")
    }
}
