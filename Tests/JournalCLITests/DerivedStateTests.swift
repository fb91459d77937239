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

    static let index = "SELECT key, quarter, status FROM goal_index ORDER BY key;"
    static let versions = "SELECT name, version FROM streams ORDER BY name;"

    /// The demo journal made anew from its own log, and what it gives: the same for every tampering case, so it is
    /// made once per run.
    final class Reference: @unchecked Sendable {
        let sandbox: Sandbox
        let expected: [String], index: String, versions: String

        init() throws {
            let tests = DerivedStateTests()
            sandbox = try Sandbox.demo(now: "2025-07-05T10:00")
            let db = try tests.fresh(sandbox)
            expected = try tests.reads(sandbox, db: db)
            index = try tests.rows(sandbox, DerivedStateTests.index, db: db)
            versions = try tests.rows(sandbox, DerivedStateTests.versions, db: db)
        }
    }
    static let reference = Result { try Reference() }

    @Test(arguments: tampering)
    func rebuildRemakesEveryDerivedTable(sql: String, hides: Bool) throws {
        let reference = try Self.reference.get()
        let s = try Sandbox.demo(now: "2025-07-05T10:00")
        _ = try reads(s)
        _ = try SQLiteShell.run(s.db, sql, in: s)
        #expect(try s.ok(["verify"]).hasPrefix("OK: 36 events, hash chain intact"), "verify checks the log alone")
        if hides { #expect(try reads(s) != reference.expected, "the edit hides events from the reports: \(sql)") }
        _ = try s.ok(["rebuild"])
        #expect(try reads(s) == reference.expected, "\(sql)")
        #expect(try rows(s, Self.index) == reference.index, "\(sql)")
        #expect(try rows(s, Self.versions) == reference.versions, "\(sql)")
    }

    /// Each derived table edited by hand: verify --deep names it (and only it), one line, exit 65; rebuild mends it.
    static let deepTampering: [(String, String)] = [
        ("UPDATE goal_index SET status = 'dropped' WHERE key = 'aws';", "goal_index"),
        ("INSERT INTO goal_index (key, quarter, status) VALUES ('ghost', '2025-Q2', 'active');", "goal_index"),
        ("UPDATE streams SET version = 0;", "streams"),
        ("UPDATE projection_state SET position = 1000;", "projection_state"),
        ("UPDATE projection_state SET position = 10;", "projection_state"),
        ("DELETE FROM projection_state;", "projection_state"),
        ("DELETE FROM projection_partitions WHERE key = 'goal:aws';", "projection_partitions"),
        ("UPDATE projection_partitions SET events = x'01' WHERE key = 'global';", "projection_partitions"),
    ]

    @Test(arguments: deepTampering)
    func verifyDeepNamesEachEditedTableAndRebuildMendsIt(sql: String, table: String) throws {
        let s = try Sandbox.demo(now: "2025-07-05T10:00")
        _ = try s.ok(["sprint"])
        let clean = try s.ok(["verify", "--deep"])
        #expect(clean.contains("and every table derived from it (goal_index, goal_keys, streams, projection_state, projection_partitions)"), "\(clean)")
        _ = try SQLiteShell.run(s.db, sql, in: s)
        #expect(try s.ok(["verify"]).hasPrefix("OK: 36 events, hash chain intact"), "without --deep, verify checks the log alone")
        let refused = try s.run(["verify", "--deep"])
        #expect(refused.status == 65, "\(sql)")
        let lines = refused.stderr.split(separator: "\n")
        #expect(lines.count == 1 && lines[0].hasPrefix("journal: the derived table \(table) differs from the log: ")
                && lines[0].hasSuffix("; run journal rebuild to remake it"), "\(sql): \(refused.stderr)")
        let json = try s.run(["verify", "--deep", "--format", "json"])
        #expect(json.stdout.contains("\"table\": \"\(table)\""), "\(json.stdout)")
        _ = try s.ok(["rebuild"])
        #expect(try s.ok(["verify", "--deep"]).hasPrefix("OK: 36 events"), "\(sql)")
    }

    @Test func verifyDeepNamesEveryTableThatDiffersOneLineEach() throws {
        let s = try Sandbox.demo(now: "2025-07-05T10:00")
        _ = try s.ok(["sprint"])
        _ = try SQLiteShell.run(s.db, "DELETE FROM goal_index; UPDATE streams SET version = 0;", in: s)
        let refused = try s.run(["verify", "--deep"])
        #expect(refused.status == 65)
        #expect(refused.stderr.split(separator: "\n").map { $0.split(separator: " ").prefix(5).joined(separator: " ") }
                == ["journal: the derived table goal_index", "journal: the derived table streams"], "\(refused.stderr)")
    }

    @Test func theIssuesGoalIndexReproductionIsRebuiltFromTheLog() throws {
        // Issue 14: a goal index edited to free a quarter's places let a fourth goal in without --force.
        let s = try Sandbox.demo(now: "2025-07-05T10:00")
        _ = try SQLiteShell.run(s.db, "DELETE FROM goal_index;", in: s)
        #expect(try s.run(["verify", "--deep"]).status == 65)
        _ = try s.ok(["rebuild"])
        #expect(try rows(s, "SELECT count(*) FROM goal_index;") != "0\n")
    }
}
