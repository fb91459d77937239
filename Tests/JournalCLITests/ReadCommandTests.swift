import Foundation
import Testing

/// Golden files live beside this source; JOURNAL_UPDATE_GOLDEN=1 rewrites them from the current output.
enum Golden {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    static func check(_ actual: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let file = folder.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["JOURNAL_UPDATE_GOLDEN"] == "1" {
            try actual.write(to: file, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: file, encoding: .utf8)
        #expect(actual == expected, "output differs from Golden/\(name); diff it, and if the change is intended rerun with JOURNAL_UPDATE_GOLDEN=1",
                sourceLocation: sourceLocation)
    }
}

func jsonObject(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any], sourceLocation: sourceLocation)
}

/// The keys a JSON object must have: the documented ones first, in order; extra ones may follow.
func expectKeys(_ object: Any?, _ documented: [String], sourceLocation: SourceLocation = #_sourceLocation) {
    guard let object = object as? [String: Any] else {
        Issue.record("not an object: \(String(describing: object))", sourceLocation: sourceLocation)
        return
    }
    for key in documented {
        #expect(object.keys.contains(key), "missing \(key) in \(object.keys.sorted())", sourceLocation: sourceLocation)
    }
}

@Suite("journal demo")
struct DemoTests {
    func demo(_ format: String, _ s: Sandbox) throws -> String {
        let db = s.path("demo.sqlite")
        let out = try s.ok(["demo", "--db", db, "--format", format], env: ["JOURNAL_DB": s.path("mine.sqlite")])
        #expect(!FileManager.default.fileExists(atPath: s.path("mine.sqlite")), "the demo never touches the user's journal")
        #expect(try s.count(at: db) == 36)
        return out.replacingOccurrences(of: db, with: "<DB>")
    }

    @Test("golden output", arguments: [("text", "demo.txt"), ("markdown", "demo.md"), ("json", "demo.json")])
    func golden(format: String, file: String) throws {
        let s = try Sandbox(tz: "UTC", now: "2026-01-15T12:00")
        try Golden.check(try demo(format, s), file)
    }

    @Test func theDemoJournalIsARealJournal() throws {
        let s = try Sandbox(tz: "UTC", now: "2025-05-16T18:00")
        _ = try demo("text", s)
        let db = s.path("demo.sqlite")
        #expect(try s.ok(["verify", "--db", db]).hasPrefix("OK: 36 events"))
        // The sprint command on the demo journal, on the board's day, prints the board the demo showed.
        let board = try s.ok(["sprint", "--db", db, "--quarter", "2025-Q2"])
        let shown = try demo("text", try Sandbox(tz: "UTC"))
        #expect(shown.contains(board.trimmingCharacters(in: .newlines)))
        // A backdated event: aws/2 done on Jun 3, recorded Jun 4.
        let done = try s.events(["--db", db, "--type", "milestone-done"]).filter { $0.payload["number"] == 2 && $0.payload["goal"] == "aws" }
        #expect(done.first?.occurredAt == "2025-06-03T21:00:00.000Z" && done.first?.recordedAt == "2025-06-04T08:05:00.000Z")
    }

    @Test func theDemoRefusesAJournalWithEvents() throws {
        let s = try Sandbox()
        try s.log("partner", "Sam")
        expectRefusal(try s.run("demo", "--db", s.db), status: 65, mentioning: ["already holds events"])
        #expect(try s.count() == 1)
    }

    @Test func withoutDbTheDemoWritesAFreshTemporaryFile() throws {
        let s = try Sandbox()
        let out = try s.ok(["demo", "--format", "json"], env: ["TMPDIR": s.root.path])
        let path = try #require(try jsonObject(out)["journal"] as? String)
        #expect(path.hasPrefix(s.root.path + "/journal-demo-") && path.hasSuffix("/journal.sqlite"))
        #expect(try s.count(at: path) == 36)
        #expect(!FileManager.default.fileExists(atPath: s.db))
    }
}

@Suite("journal sprint and report")
struct SprintReportCommandTests {
    @Test func sprintJSONHasTheDocumentedFields() throws {
        let s = try Sandbox(tz: "UTC", now: "2025-05-16T18:00")
        _ = try s.ok(["demo", "--db", s.db])
        let board = try jsonObject(try s.ok(["sprint", "--format", "json"]))
        expectKeys(board, ["quarter", "week", "weeks", "daysLeft", "goals", "warnings"])
        #expect(board["quarter"] as? String == "2025-Q2")
        #expect(board["week"] as? Int == 7 && board["weeks"] as? Int == 13 && board["daysLeft"] as? Int == 46)
        let goals = try #require(board["goals"] as? [[String: Any]])
        #expect(goals.map { $0["key"] as? String } == ["aws", "network"])
        for goal in goals {
            expectKeys(goal, ["key", "title", "status", "metric", "due", "direction", "target", "current", "unit",
                              "milestones", "done", "total", "onTrack", "weeksBehind", "expected", "daysOverdue"])
            for milestone in goal["milestones"] as? [[String: Any]] ?? [] {
                expectKeys(milestone, ["ref", "title", "weeks", "due", "doneOn", "late"])
            }
        }
        let network = goals[1]
        #expect(network["target"] as? Double == 15 && network["current"] as? Double == 7 && network["unit"] as? String == "connections")
        // 7 of 15 where the road says 7.5: 0.4 weeks of its rate short, within a week: on track.
        #expect(network["onTrack"] as? Bool == true && network["weeksBehind"] as? Int == 0)
        #expect(network["status"] as? String == "active" && network["daysOverdue"] is NSNull)
        #expect(goals[0]["target"] is NSNull)
    }

    @Test func sprintWarningsInJSON() throws {
        let s = try Sandbox(tz: "UTC", now: "2025-04-10T09:00")
        try s.log("goal", "Get promoted", "--quarter", "2025-Q2", "--key", "promo")
        let board = try jsonObject(try s.ok(["sprint", "--format", "json"]))
        let warnings = try #require(board["warnings"] as? [[String: Any]])
        for warning in warnings { expectKeys(warning, ["code", "goal", "message"]) }
        #expect(warnings.compactMap { $0["code"] as? String }
                == ["no-metric", "no-deadline", "no-direction", "no-milestones", "outside-control", "no-accountability"])
        #expect(warnings.last?["goal"] is NSNull)
        let text = try s.ok(["sprint"])
        #expect(text.contains("Warnings") && text.contains("outside-control"))
    }

    @Test func reportJSONHasTheDocumentedFieldsAndTheBitemporalCase() throws {
        let s = try Sandbox(tz: "UTC", now: "2025-07-10T09:00")
        _ = try s.ok(["demo", "--db", s.db])
        let now = try jsonObject(try s.ok(["report", "2025-Q2", "--format", "json"]))
        expectKeys(now, ["quarter", "asKnownAt", "planned", "goals", "weekly", "effort", "review", "accomplishments"])
        #expect(now["asKnownAt"] is NSNull)
        let goals = try #require(now["goals"] as? [[String: Any]])
        for goal in goals {
            expectKeys(goal, ["key", "title", "status", "done", "total", "revisions", "drift", "onTrack", "daysOverdue"])
            expectKeys(goal["drift"], ["dueShiftDays", "targetChange", "addedDuringQuarter", "droppedDuringQuarter"])
        }
        #expect((goals[0]["drift"] as? [String: Any])?["dueShiftDays"] as? Int == 15)
        let weekly = try #require(now["weekly"] as? [[String: Any]])
        #expect(weekly.count == 13)
        for week in weekly { expectKeys(week, ["week", "milestonesDone", "minutesLinked", "minutesUnlinked"]) }
        expectKeys(now["effort"], ["minutesLinked", "minutesUnlinked", "unlinkedShare"])
        expectKeys(now["review"], ["planned", "accomplished", "obstacles", "learned", "next", "blockers"])

        // aws/2 was done on Jun 3 (week 10) but recorded on Jun 4: as known at the end of Jun 3 it is not done yet.
        let then = try jsonObject(try s.ok(["report", "2025-Q2", "--as-known-at", "2025-06-03", "--format", "json"]))
        #expect(then["asKnownAt"] as? String == "2025-06-03")
        let doneNow = (now["weekly"] as? [[String: Any]])?[9]["milestonesDone"] as? Int
        let doneThen = (then["weekly"] as? [[String: Any]])?[9]["milestonesDone"] as? Int
        #expect(doneNow == 1 && doneThen == 0)
        #expect(then["review"] is NSNull)
        let text = try s.ok(["report", "2025-Q2", "--as-known-at", "2025-06-03"])
        #expect(text.hasPrefix("2025-Q2 report, as known at the end of Jun 3"))
        let markdown = try s.ok(["report", "Q2 2025", "--format", "markdown"])
        #expect(markdown.hasPrefix("# 2025-Q2 report\n"))
    }

    @Test func badInputIsRefusedAndAppendsNothing() throws {
        let s = try Sandbox()
        try s.log("partner", "Sam")
        expectRefusal(try s.run("sprint", "--quarter", "2025-Q5"), status: 64, mentioning: ["2025-Q5"])
        expectRefusal(try s.run("report", "2025-Q0"), status: 64)
        expectRefusal(try s.run("report", "2025-Q2", "--as-known-at", "2025-02-30"), status: 64, mentioning: ["--as-known-at"])
        expectRefusal(try s.run("report"), status: 64)
        expectRefusal(try s.run("sprint", "--format", "yaml"), status: 64)
        #expect(try s.count() == 1)
        let missing = try s.run(["sprint"], env: ["JOURNAL_DB": s.path("none.sqlite")])
        expectRefusal(missing, status: 66, mentioning: ["no journal"])
        #expect(!FileManager.default.fileExists(atPath: s.path("none.sqlite")))
    }
}
