import Foundation
import Testing

/// Deadlines and ends read ahead, through the binary; a goal's deadline before its quarter is refused, and one
/// after it (or a milestone after the goal's deadline) is advised.
@Suite("Deadlines mean the future")
struct DeadlineCommandTests {
    /// Issue 13's reproduction: on Wednesday 2025-10-01, "friday" was read as 2025-09-26, before the goal's quarter.
    @Test func fridayAsADeadlineIsTheComingFriday() throws {
        let s = try Sandbox(now: "2025-10-01")
        let line = try s.log("goal", "Due friday test", "--quarter", "2025-Q4", "--metric", "x", "--due", "friday")
        #expect(line.contains("due 2025-10-03"), "\(line)")
        #expect(try s.lastEvent().payload["due"] == "2025-10-03")
    }

    @Test func theDeadlineFormsOnTheCommandLine() throws {
        // Thursday 2025-04-10.
        let s = try Sandbox()
        let cases: [(String, String)] = [
            ("thursday", "2025-04-10"), ("next friday", "2025-04-11"), ("next thursday", "2025-04-17"), ("in 3 days", "2025-04-13"),
            ("in 2 weeks", "2025-04-24"), ("end of month", "2025-04-30"), ("end-of-quarter", "2025-06-30"),
        ]
        for (index, (text, expected)) in cases.enumerated() {
            try s.log("goal", "Goal \(index)", "--key", "g\(index)", "--quarter", "2025-Q2", "--metric", "m", "--due", text, "--force", "--quiet")
            #expect(try s.lastEvent().payload["due"] == JSON.string(expected), "\(text)")
        }
        try s.log("revise", "g0", "--due", "friday", "--reason", "A day more", "--quiet")
        #expect(try s.lastEvent().payload["changes"]?[0]?["to"] == "2025-04-11")
        try s.log("milestone", "g1", "Draft", "--due", "wednesday")
        #expect(try s.lastEvent().payload["due"] == "2025-04-16")
        // A direction's horizon is an end too.
        try s.log("direction", "Lead a design team", "--key", "lead", "--by", "friday")
        #expect(try s.lastEvent().payload["by"] == "2025-04-11")
    }

    /// "end of quarter" on a goal set for another quarter means that quarter's end.
    @Test func endOfQuarterIsTheGoalsQuarterWhenTheCommandNamesIt() throws {
        let s = try Sandbox(now: "2025-09-28")
        try s.log("goal", "Ship the portfolio", "--key", "p", "--quarter", "2025-Q4", "--metric", "Live", "--due", "end of quarter", "--quiet")
        #expect(try s.lastEvent().payload["due"] == "2025-12-31")
    }

    @Test func aDeadlineBeforeTheQuarterIsRefusedAndNothingIsRecorded() throws {
        let s = try Sandbox(now: "2025-10-01")
        try s.log("goal", "Ship the portfolio", "--key", "p", "--quarter", "2025-Q4", "--metric", "Live", "--due", "2025-11-15", "--quiet")
        let before = try s.count()
        expectRefusal(try s.run("log", "goal", "Case study", "--quarter", "2025-Q4", "--metric", "x", "--due", "yesterday"), status: 65,
                      mentioning: ["2025-09-30", "2025-Q4 runs 2025-10-01 to 2025-12-31", "e.g. 2025-12-31"])
        expectRefusal(try s.run("log", "goal", "Case study", "--quarter", "2025-Q4", "--metric", "x", "--due", "2025-09-26"), status: 65,
                      mentioning: ["2025-09-26", "2025-Q4 runs 2025-10-01 to 2025-12-31"])
        expectRefusal(try s.run("log", "revise", "p", "--due", "last friday", "--reason", "Sooner"), status: 65,
                      mentioning: ["2025-09-26", "goal p", "2025-Q4 runs 2025-10-01 to 2025-12-31"])
        #expect(try s.count() == before)
    }

    /// A move to a later quarter carries a deadline it would leave behind to that quarter's last day, as plan does.
    @Test func aMoveCarriesTheDeadlineAlong() throws {
        let s = try Sandbox(now: "2025-09-20")
        try s.log("goal", "Ship the portfolio", "--key", "p", "--quarter", "2025-Q3", "--metric", "Live", "--due", "2025-09-25", "--quiet")
        let line = try s.log("revise", "p", "--quarter", "2025-Q4", "--reason", "Not done yet", "--quiet")
        #expect(line.hasPrefix("Goal p revised (due 2025-09-25 -> 2025-12-31; quarter 2025-Q3 -> 2025-Q4)"), "\(line)")
        // With a deadline given, that one counts, and it must fall in or after the new quarter.
        expectRefusal(try s.run("log", "revise", "p", "--quarter", "2026-Q1", "--due", "2025-12-31", "--reason", "Later"), status: 65,
                      mentioning: ["2026-Q1 runs 2026-01-01 to 2026-03-31"])
    }

    @Test func aPlanFileDeadlineBeforeTheQuarterIsRefusedWhole() throws {
        let s = try Sandbox(now: "2025-09-28")
        let file = s.path("plan.json")
        try Data(#"{"goals": [{"title": "Ship the portfolio", "metric": "Live", "due": "friday"}, {"title": "Grow the network", "metric": "10 people", "due": "end of quarter"}]}"#.utf8)
            .write(to: URL(fileURLWithPath: file))
        // Planned on Sunday Sep 28 for Q4: friday is Oct 3, and "end of quarter" is the planned quarter's end.
        _ = try s.ok(["plan", "2025-Q4", "--from", file, "--quiet"])
        let dues = try s.events(["--type", "goal-set"]).map { $0.payload["due"] }
        #expect(dues == ["2025-10-03", "2025-12-31"])

        let early = s.path("early.json")
        try Data(#"{"goals": [{"title": "Read more", "metric": "3 books", "due": "2025-12-31"}]}"#.utf8).write(to: URL(fileURLWithPath: early))
        let before = try s.count()
        expectRefusal(try s.run("plan", "2026-Q1", "--from", early, "--yes"), status: 65, mentioning: ["2025-12-31", "2026-Q1 runs 2026-01-01 to 2026-03-31"])
        #expect(try s.count() == before)
    }

    @Test func aMalformedDeadlineSuggestsDeadlineForms() throws {
        let s = try Sandbox()
        let result = try s.run("log", "goal", "Read more", "--quarter", "2025-Q2", "--due", "someday")
        expectRefusal(result, status: 64, mentioning: ["--due 'someday'", "friday: the next one", "next friday", "'in 2 weeks'", "end of quarter"])
        #expect(!result.stderr.contains("yesterday") && !result.stderr.contains("ago"), "\(result)")
        let past = try s.run("log", "activity", "Read", "--minutes", "5", "--on", "next friday")
        expectRefusal(past, status: 64, mentioning: ["--on 'next friday'", "yesterday"])
    }

    @Test func aDeadlineAfterTheQuarterIsAdvised() throws {
        let s = try Sandbox(now: "2025-10-01")
        try s.log("direction", "Move into UX design", "--key", "ux")
        let result = try s.run("log", "goal", "Publish the case study", "--key", "cs", "--quarter", "2025-Q4", "--metric", "Live",
                               "--due", "2026-01-15", "--direction", "ux")
        #expect(result.status == 0 && result.stderr.isEmpty, "\(result)")
        #expect(result.stdoutLines == [
            "Goal cs set for 2025-Q4: Publish the case study [metric: Live; due 2026-01-15] (event 2)",
            "  Time-bound: the deadline 2026-01-15 is after 2025-Q4 ends (2025-12-31); a sprint is one quarter, so aim at what you can finish by then: journal log revise cs --due 2025-12-31 --reason TEXT",
        ], "\(result)")
    }

    @Test func aMilestoneAfterTheGoalsDeadlineIsAdvised() throws {
        let s = try Sandbox(now: "2025-10-01")
        try s.log("goal", "Publish the case study", "--key", "cs", "--quarter", "2025-Q4", "--metric", "Live", "--due", "2025-12-01", "--quiet")
        let result = try s.run("log", "milestone", "cs", "Final edit", "--weeks", "12-13")
        #expect(result.status == 0 && result.stderr.isEmpty, "\(result)")
        #expect(result.stdoutLines == [
            "Milestone cs/1 planned for weeks 12-13: Final edit (event 2)",
            "  Time-bound: cs/1 ends 2025-12-31, after the goal's deadline 2025-12-01; plan it earlier, or move the deadline: journal log revise cs --due 2025-12-31 --reason TEXT",
        ], "\(result)")
        let on = try s.run("log", "milestone", "cs", "First draft", "--due", "in 2 weeks")
        #expect(on.stdoutLines == ["Milestone cs/2 planned due 2025-10-15: First draft (event 3)"], "\(on)")
        let quiet = try s.run("log", "milestone", "cs", "Launch", "--due", "2025-12-20", "--quiet")
        #expect(quiet.status == 0 && quiet.stdoutLines.count == 1, "\(quiet)")
        // Revising the deadline earlier than a planned milestone is advised on the revision.
        let revised = try s.run("log", "revise", "cs", "--due", "2025-11-30", "--reason", "Studio review moved")
        #expect(revised.stdoutLines.dropFirst().first?.contains("cs/1 ends 2025-12-31, after the goal's deadline 2025-11-30") == true, "\(revised)")
    }

    /// --until is an end: a weekday is the next one, and the days after today are not counted yet.
    @Test func untilReadsAheadAndCountsToToday() throws {
        let s = try Sandbox.demo(now: "2025-05-14T12:00")
        let raw = try s.ok(["insights", "--since", "monday", "--until", "friday", "--format", "json"])
        let doc = try JSONDecoder().decode(JSON.self, from: Data(raw.utf8))
        #expect(doc["period"]?["from"] == "2025-05-12")
        #expect(doc["period"]?["to"] == "2025-05-16")
        #expect(doc["period"]?["through"] == "2025-05-14")
        let text = try s.ok(["insights", "--since", "monday", "--until", "friday"])
        #expect(text.contains("counted to"), "\(text)")
    }
}
