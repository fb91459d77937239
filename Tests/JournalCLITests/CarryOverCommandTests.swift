import Foundation
import Testing

/// Issue 13, items 3 and 4, end to end: a goal of 2025-Q3 carried into 2025-Q4 by `plan`, its open milestone kept on
/// Q3's days until `log revise GOAL/N` reschedules it.
@Suite("Carry-over and milestone revisions")
struct CarryOverCommandTests {
    /// cs in 2025-Q3: "Case study 1" weeks 1-6 (done Aug 10), "Case study 2" weeks 7-12; carried by plan on Oct 1.
    func carried() throws -> Sandbox {
        try PreparedJournals.sandbox("carried", tz: "UTC", now: "2025-07-01T09:00") { s in
            try s.log("partner", "Sam")
            try s.log("goal", "Two case studies", "--quarter", "2025-Q3", "--key", "cs", "--metric", "published", "--due", "2025-09-28", "--quiet")
            try s.log("milestone", "cs", "Case study 1", "--weeks", "1-6")
            try s.log("milestone", "cs", "Case study 2", "--weeks", "7-12")
            try s.log("done", "cs/1", env: ["JOURNAL_NOW": "2025-08-10T18:00"])
            try s.ok(["plan", "2025-Q4", "--yes"], env: ["JOURNAL_NOW": "2025-10-01T09:00"])
        }
    }

    func json(_ s: Sandbox, _ arguments: [String], now: String) throws -> JSON {
        try JSONDecoder().decode(JSON.self, from: Data(try s.ok(arguments + ["--format", "json"], env: ["JOURNAL_NOW": now]).utf8))
    }

    @Test func theCarriedMilestoneShowsQ3sDaysAndIsLateNotQ4sWeeks() throws {
        let s = try carried()
        let board = try s.ok(["sprint"], env: ["JOURNAL_NOW": "2025-10-01T12:00"])
        let row = try #require(board.split(separator: "\n").first { $0.contains("cs/2") })
        #expect(row.contains("Aug 12-Sep 22 (weeks 7-12 of 2025-Q3)"), "\(board)")
        #expect(row.contains("LATE"), "\(board)")
        #expect(!board.contains("[on track]"), "\(board)")
        let done = try #require(board.split(separator: "\n").first { $0.contains("cs/1") })
        #expect(done.contains("done Aug 10"), "\(board)")

        let milestone = try json(s, ["sprint"], now: "2025-10-01T12:00")["goals"]?[0]?["milestones"]?[1]
        #expect(milestone?["weeksQuarter"] == "2025-Q3")
        #expect(milestone?["plannedFrom"] == "2025-08-12" && milestone?["plannedTo"] == "2025-09-22")
        #expect(milestone?["late"] == .bool(true))
    }

    @Test func q4sReportDoesNotCountTheMilestoneDoneInQ3() throws {
        let s = try carried()
        let report = try json(s, ["report", "2025-Q4"], now: "2026-01-05T10:00")
        #expect(report["weekly"]?[0]?["milestonesDone"] == .number(0))
        #expect(report["accomplishments"] == .array([]))
        let text = try s.ok(["report", "2025-Q4"], env: ["JOURNAL_NOW": "2026-01-05T10:00"])
        let week1 = try #require(text.split(separator: "\n").first { $0.hasPrefix("     1  Oct 1") })
        #expect(week1.split(separator: " ").dropFirst(3).first == "0", "week 1 done: \(week1)")
        // Q3 keeps it.
        let q3 = try json(s, ["report", "2025-Q3"], now: "2026-01-05T10:00")
        #expect(q3["accomplishments"]?[0]?["ref"] == "cs/1")
    }

    @Test func reschedulingIntoTheNewQuartersWeeksIsRecordedWithOldAndNewAndCanBeUndone() throws {
        let s = try carried()
        let now: [String: String?] = ["JOURNAL_NOW": "2025-10-01T12:00"]
        #expect(try s.log("revise", "cs/2", "--weeks", "2-5", "--reason", "Carried into Q4", env: now)
                == "Milestone cs/2 revised (weeks 7-12 of 2025-Q3 -> weeks 2-5 of 2025-Q4): Carried into Q4 (event 7)")
        let payload = try s.lastEvent().payload
        #expect(payload["schedule"]?["from"]?["quarter"] == "2025-Q3" && payload["schedule"]?["to"]?["quarter"] == "2025-Q4")
        #expect(payload["reason"] == "Carried into Q4")

        let board = try s.ok(["sprint"], env: now)
        let row = try #require(board.split(separator: "\n").first { $0.contains("cs/2") })
        #expect(row.contains("weeks 2-5") && !row.contains("LATE") && !row.contains("2025-Q3"), "\(board)")
        #expect(board.contains("[on track]"), "\(board)")

        let history = try s.ok(["history", "cs"], env: now)
        #expect(history.contains("milestone-revised  Milestone cs/2 rescheduled from weeks 7-12 of 2025-Q3 to weeks 2-5 of 2025-Q4"), "\(history)")
        #expect(history.contains("reason: Carried into Q4"), "\(history)")

        let report = try s.ok(["report", "2025-Q4"], env: ["JOURNAL_NOW": "2026-01-05T10:00"])
        #expect(report.contains("milestone cs/2 rescheduled later by 43 days"), "\(report)")

        // Undo takes it back: the milestone is on Q3's days, and late, again.
        #expect(try s.ok(["undo", "--yes"], env: now) == "Retracted event 7 (milestone-revised): Undone with journal undo (event 8)\n")
        #expect(try s.ok(["sprint"], env: now).contains("Aug 12-Sep 22 (weeks 7-12 of 2025-Q3)"))
    }

    @Test func retitlingAndItsRefusals() throws {
        let s = try carried()
        let now: [String: String?] = ["JOURNAL_NOW": "2025-10-01T12:00"]
        #expect(try s.log("revise", "cs/1", "--title", "Case study: onboarding", "--reason", "Clearer", env: now)
                == "Milestone cs/1 revised (title Case study 1 -> Case study: onboarding): Clearer (event 7)")
        #expect(try s.ok(["sprint"], env: now).contains("Case study: onboarding"))
        // A done milestone keeps when it was done.
        expectRefusal(try s.run(["log", "revise", "cs/1", "--weeks", "1-2", "--reason", "x"], env: now), status: 65,
                      mentioning: ["cs/1 is done", "--title"])
        expectRefusal(try s.run(["log", "revise", "cs/2", "--metric", "m", "--reason", "x"], env: now), status: 64,
                      mentioning: ["--metric revises a goal", "journal log revise cs --metric"])
        expectRefusal(try s.run(["log", "revise", "cs", "--weeks", "1-2", "--reason", "x"], env: now), status: 64,
                      mentioning: ["GOAL/N", "journal log revise cs/1 --weeks"])
        // Weeks 7-12 now are Q4's: a real change. The same title is none.
        expectRefusal(try s.run(["log", "revise", "cs/2", "--title", "Case study 2", "--reason", "x"], env: now), status: 65,
                      mentioning: ["changes nothing on milestone cs/2"])
        expectRefusal(try s.run(["log", "revise", "cs/9", "--title", "x", "--reason", "x"], env: now), status: 65,
                      mentioning: ["no milestone cs/9"])
        #expect(try s.count() == 7, "refusals append nothing")
        // And a retraction by position works on it as on any event.
        try s.log("retract", "7", "--reason", "Keep the old title", env: now)
        #expect(try s.ok(["sprint"], env: now).contains("Case study 1"))
    }

    @Test func planSaysWhichCarriedMilestonesKeepTheirOldDaysWithAHintThatRuns() throws {
        let s = try Sandbox(tz: "UTC", now: "2025-07-01T09:00")
        try s.log("goal", "Two case studies", "--quarter", "2025-Q3", "--key", "cs", "--metric", "published", "--quiet")
        try s.log("milestone", "cs", "Case study 2", "--weeks", "7-12")
        let now: [String: String?] = ["JOURNAL_NOW": "2025-10-01T09:00"]
        let output = try s.ok(["plan", "2025-Q4", "--yes"], env: now)
        let hint = "journal log revise cs/1 --weeks 1-4 --reason TEXT"
        #expect(output.contains("Carried: cs/1 keeps Aug 12-Sep 22 (weeks 7-12 of 2025-Q3); give it weeks of 2025-Q4 with \(hint)"), "\(output)")
        try s.ok(["log", "revise", "cs/1", "--weeks", "1-4", "--reason", "Example reason"], env: now)
        #expect(try s.lastEvent().type == "milestone-revised")
    }

    @Test func aPlanFileReschedulesCarriedMilestonesInTheSameAppend() throws {
        let s = try Sandbox(tz: "UTC", now: "2025-07-01T09:00")
        try s.log("goal", "Two case studies", "--quarter", "2025-Q3", "--key", "cs", "--metric", "published", "--quiet")
        try s.log("milestone", "cs", "Case study 2", "--weeks", "7-12")
        let file = s.path("plan.json")
        try Data(#"{"reschedule": [{"milestone": "cs/1", "weeks": "3-6"}]}"#.utf8).write(to: URL(fileURLWithPath: file))
        let now: [String: String?] = ["JOURNAL_NOW": "2025-10-01T09:00"]
        let output = try s.ok(["plan", "2025-Q4", "--from", file, "--yes", "--quiet"], env: now)
        #expect(output.contains("Milestone cs/1 revised (weeks 7-12 of 2025-Q3 -> weeks 3-6 of 2025-Q4): Carried into 2025-Q4 with its goal (event 4)"), "\(output)")
        let events = try s.events()
        #expect(events.suffix(2).map(\.type) == ["goal-revised", "milestone-revised"])
        #expect(Set(events.suffix(2).map(\.recordedAt)).count == 1, "one append")
        let milestone = try json(s, ["sprint"], now: "2025-10-01T12:00")["goals"]?[0]?["milestones"]?[0]
        #expect(milestone?["weeks"] == .array([.number(3), .number(6)]) && milestone?["weeksQuarter"] == "2025-Q4")
    }

    @Test func anExportWithARevisionImportsIntoAFreshJournal() throws {
        let s = try carried()
        try s.log("revise", "cs/2", "--due", "2025-11-15", "--reason", "A date", env: ["JOURNAL_NOW": "2025-10-01T12:00"])
        let file = s.path("export.jsonl")
        try s.ok(["export", "--output", file])
        let copy = s.path("copy.sqlite")
        #expect(try s.ok(["import", file, "--db", copy]).hasPrefix("Imported 7 of 7 events"))
        let env: [String: String?] = ["JOURNAL_NOW": "2025-10-02T12:00"]
        #expect(try s.ok(["sprint", "--db", copy], env: env) == (try s.ok(["sprint"], env: env)))
        #expect(try s.ok(["sprint", "--db", copy], env: env).contains("due Nov 15"))
    }
}
