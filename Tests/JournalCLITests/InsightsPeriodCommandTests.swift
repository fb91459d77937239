import Foundation
import Testing

/// Issue 13, items 6 and 7 end to end: insights count what occurred in their period, and effort on a goal
/// that was not active on its day is refused unless forced, then counted as linked to no goal.
@Suite("journal insights: figures of the period, effort on closed goals")
struct InsightsPeriodCommandTests {
    func json(_ s: Sandbox, _ arguments: [String], env: [String: String?] = [:]) throws -> JSON {
        let out = try s.ok(["insights", "--format", "json"] + arguments, env: env)
        return try JSONDecoder().decode(JSON.self, from: Data(out.utf8))
    }

    @Test func aSpanDoesNotCountMilestonesDoneAfterItAsCrammed() throws {
        // Regression: `insights --since 2025-08-01 --until 2025-08-31` said "crammed 100%" from Sep 25 and 28.
        let s = try Sandbox(now: "2025-10-02T09:00")
        try s.log("goal", "Finish two case studies", "--quarter", "2025-Q3", "--key", "cs", "--due", "2025-09-30", "--on", "2025-07-01")
        try s.log("milestone", "cs", "Case study 1", "--weeks", "1-6")
        try s.log("milestone", "cs", "Case study 2", "--weeks", "7-12")
        try s.log("activity", "Interviews", "--goal", "cs", "--minutes", "120", "--on", "2025-08-12")
        try s.log("done", "cs/1", "--on", "2025-09-25")
        try s.log("done", "cs/2", "--on", "2025-09-28")
        let text = try s.ok(["insights", "--since", "2025-08-01", "--until", "2025-08-31"])
        #expect(text.contains("\ncs         2h     0              -            1       0%\n"), "\(text)")
        let august = try json(s, ["--since", "2025-08-01", "--until", "2025-08-31"])
        #expect(august["goals"]?[0]?["milestonesDone"] == 0 && august["goals"]?[0]?["crammedShare"] == 0)
        let september = try json(s, ["--since", "2025-09-01", "--until", "2025-09-30"])
        #expect(september["goals"]?[0]?["milestonesDone"] == 2 && september["goals"]?[0]?["crammedShare"] == 1)
    }

    @Test func aFindingInANewQuarterDoesNotQuoteTheLastQuartersEffort() throws {
        // Regression: in 2026-Q1 a finding quoted 2025-Q4's 11h of effort for a goal the table listed with 0m.
        let s = try Sandbox(now: "2025-12-20T09:00")
        try s.log("goal", "Ship the portfolio", "--quarter", "2025-Q4", "--key", "p", "--due", "2025-12-31", "--on", "2025-10-01")
        try s.log("milestone", "p", "Outline", "--week", "1")
        try s.log("milestone", "p", "Three pages", "--weeks", "2-12")
        try s.log("done", "p/1", "--on", "2025-10-03")
        for day in ["2025-10-08", "2025-10-22", "2025-11-05", "2025-11-19", "2025-12-03", "2025-12-17"] {
            try s.log("activity", "Pages", "--goal", "p", "--minutes", "110", "--on", day)
        }
        let q4 = try s.ok(["insights"])
        #expect(q4.contains("  busy but stuck: p has 11h of effort in 6 weeks with no milestone done since its last one on Oct 3;"), "\(q4)")
        _ = try s.ok(["plan", "2026-Q1", "--yes", "--quiet"], env: ["JOURNAL_NOW": "2026-01-02T09:00"])
        let q1 = try s.ok(["insights"], env: ["JOURNAL_NOW": "2026-02-20T09:00"])
        #expect(q1.contains("\np          0m     0              -            0       0%\n"), "\(q1)")
        #expect(q1.contains("Findings: none busy but stuck"), "\(q1)")
        #expect(!q1.contains("11h"), "\(q1)")
        // Looking back at 2025-Q4 from 2026, the sprint's warnings are today's, and the heading says so.
        let past = try s.ok(["insights", "--quarter", "2025-Q4"], env: ["JOURNAL_NOW": "2026-02-20T09:00"])
        #expect(past.contains("busy but stuck: p has 11h of effort in 6 weeks"), "\(past)")
        #expect(past.contains("Warnings as of today (Feb 20)"), "\(past)")
    }

    @Test func aFindingSaysWhenItsLastMilestoneWasBeforeThePeriod() throws {
        let s = try Sandbox(now: "2025-09-10T09:00")
        try s.log("goal", "Grow my network", "--quarter", "2025-Q3", "--key", "net", "--on", "2025-07-01")
        try s.log("milestone", "net", "Ten coffees", "--weeks", "1-4")
        try s.log("milestone", "net", "A meetup talk", "--weeks", "5-12")
        try s.log("done", "net/1", "--on", "2025-07-04")
        for day in ["2025-08-04", "2025-08-12", "2025-08-20"] {
            try s.log("activity", "Coffee", "--goal", "net", "--minutes", "60", "--on", day)
        }
        let text = try s.ok(["insights", "--since", "2025-08-01", "--until", "2025-08-31"])
        #expect(text.contains("  busy but stuck: net has 3h of effort in 3 weeks with no milestone done since its last one on Jul 4, before this period;"), "\(text)")
        let markdown = try s.ok(["insights", "--since", "2025-08-01", "--until", "2025-08-31", "--format", "markdown"])
        #expect(markdown.contains("- **busy but stuck**: net, 180 minutes in 3 weeks with no milestone done since its last one on 2025-07-04, before this period"), "\(markdown)")
    }

    @Test func effortOnACompletedGoalIsRefusedUnlessForcedAndThenServesNoGoal() throws {
        let s = try Sandbox(now: "2025-09-10T09:00")
        try s.log("goal", "Finish the UX certificate", "--quarter", "2025-Q3", "--key", "ux", "--on", "2025-07-01")
        try s.log("activity", "Course", "--goal", "ux", "--minutes", "60", "--on", "2025-08-20")
        try s.log("complete", "ux", "--on", "2025-08-20")
        let before = try s.count()
        // The quick path (plain words and options) and ArgumentParser's path refuse alike.
        let quick = try s.run("log", "activity", "More", "course", "--goal", "ux", "--minutes", "90", "--on", "2025-08-25")
        expectRefusal(quick, status: 65, mentioning: ["goal ux was completed on 2025-08-20, before 2025-08-25", "--force"])
        let parsed = try s.run("log", "activity", "--goal", "ux", "--minutes", "90", "--on", "2025-08-25", "--", "More", "course")
        #expect(parsed.stderr == quick.stderr && parsed.status == 65)
        #expect(try s.count() == before)
        // Forced, it is recorded with its link, and insights count it as linked to no goal.
        let forced = try s.log("activity", "More", "course", "--goal", "ux", "--minutes", "90", "--on", "2025-08-25", "--force")
        #expect(forced.hasPrefix("Activity logged on 2025-08-25 (90 min, ux): More course"))
        let q3 = try json(s, ["--quarter", "2025-Q3"])
        #expect(q3["effort"]?["minutesLinked"] == 60 && q3["effort"]?["minutesUnlinked"] == 90)
        #expect(q3["goals"]?[0]?["minutes"] == 60)
        let codes = try #require(q3["warnings"].flatMap { w -> [JSON]? in
            if case .array(let items) = w { return items.map { $0["code"] ?? .null } }
            return nil
        })
        #expect(codes.contains("busy-not-progress"))
        let sprint = try s.ok(["sprint", "--quarter", "2025-Q3"])
        #expect(sprint.contains("busy-not-progress  60% of the effort logged in 2025-Q3 served no goal"), "\(sprint)")
    }

    @Test func effortOnAGoalOfAnotherQuarterIsRefusedButACarriedGoalTakesIt() throws {
        let s = try Sandbox(now: "2025-10-10T09:00")
        try s.log("goal", "Old course", "--quarter", "2025-Q2", "--key", "old", "--on", "2025-04-01")
        try s.log("goal", "Case studies", "--quarter", "2025-Q3", "--key", "cs", "--on", "2025-07-01")
        expectRefusal(try s.run("log", "activity", "Reading", "--goal", "old", "--on", "2025-08-04"), status: 65,
                      mentioning: ["goal old belonged to 2025-Q2 on 2025-08-04, a day of 2025-Q3"])
        expectRefusal(try s.run("log", "activity", "Draft", "--goal", "cs", "--on", "2025-10-06"), status: 65,
                      mentioning: ["goal cs belonged to 2025-Q3 on 2025-10-06, a day of 2025-Q4"])
        try s.log("revise", "cs", "--quarter", "2025-Q4", "--reason", "Carried over", "--on", "2025-10-01")
        try s.log("activity", "Draft", "--goal", "cs", "--on", "2025-10-06")
        try s.log("activity", "Interviews", "--goal", "cs", "--on", "2025-09-29")
    }
}
