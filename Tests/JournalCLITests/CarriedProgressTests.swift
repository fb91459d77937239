import Foundation
import Testing

/// Issue 13, item 8 end to end: a carried numeric goal's new target is the total or what is left, as the user
/// says; progress past a target is kept with a note; plan offers to complete goals that reached their target.
@Suite("journal plan: carried progress")
struct CarriedProgressTests {
    /// apply: 60 applications in 2025-Q3 with 12 sent; today is 2025-10-01, 2025-Q4 is being planned.
    func journal() throws -> Sandbox {
        try PreparedJournals.sandbox("journal", now: "2025-09-20T10:00") { s in
            try s.log("goal", "Send job applications", "--quarter", "2025-Q3", "--key", "apply", "--target", "60",
                      "--unit", "applications", "--due", "2025-09-30", "--metric", "Applications sent", "--quiet")
            try s.log("progress", "apply", "12")
            s.environment["JOURNAL_NOW"] = "2025-10-01T10:00"
        }
    }

    func write(_ s: Sandbox, _ json: String) throws -> String {
        let file = s.path("plan.json")
        try Data(json.utf8).write(to: URL(fileURLWithPath: file))
        return file
    }

    func apply(_ s: Sandbox) throws -> [String: Any] {
        let goals = try jsonObject(try s.ok(["sprint", "--quarter", "2025-Q4", "--format", "json"]))["goals"] as? [[String: Any]] ?? []
        return goals.first { $0["key"] as? String == "apply" } ?? [:]
    }

    @Test func fortyMoreIsAskedAboutAndNeverShowsAsFiftyTwoOfForty() throws {
        // Regression: carried with "40 more", apply showed 52/40 [on track] once 40 more were sent.
        let s = try journal()
        let before = try s.count()
        let ambiguous = try write(s, #"{"carryOver": [{"goal": "apply", "action": "revise", "target": 40, "reason": "40 more"}]}"#)
        expectRefusal(try s.run("plan", "2025-Q4", "--from", ambiguous), status: 64,
                      mentioning: ["apply already has 12 of 60 applications", "\"targetIs\": \"total\" or \"left\""])
        #expect(try s.count() == before)
        let left = try write(s, #"{"carryOver": [{"goal": "apply", "action": "revise", "target": 40, "targetIs": "left", "reason": "40 more"}]}"#)
        let planned = try s.run("plan", "2025-Q4", "--from", left, "--quiet")
        #expect(planned.stdoutLines.first?.hasPrefix("Goal apply revised (target 60 -> 52; due 2025-09-30 -> 2025-12-31; quarter 2025-Q3 -> 2025-Q4): 40 more") == true, "\(planned)")
        #expect(try apply(s)["current"] as? Double == 12 && apply(s)["target"] as? Double == 52)
        let sprint = try s.ok(["sprint"])
        #expect(sprint.contains("12/52 applications"), "\(sprint)")
        // 40 more sent: exactly the target, with the note that says what to do next.
        let progress = try s.run("log", "progress", "apply", "40")
        #expect(progress.stdoutLines == ["Progress on apply: +40 applications (now 52 of 52 applications) (event \(before + 2))",
                                         "  52 of 52 applications: complete it with journal log complete apply"], "\(progress)")
    }

    @Test func aTargetGivenAsTheTotalStaysAsGiven() throws {
        let s = try journal()
        let total = try write(s, #"{"carryOver": [{"goal": "apply", "action": "revise", "target": 40, "targetIs": "total", "reason": "Smaller"}]}"#)
        _ = try s.ok(["plan", "2025-Q4", "--from", total, "--quiet"])
        #expect(try apply(s)["target"] as? Double == 40)
        expectRefusal(try s.run("plan", "2026-Q1", "--from", try write(s, #"{"carryOver": [{"goal": "apply", "action": "revise", "targetIs": "left", "reason": "r"}]}"#)),
                      status: 64, mentioning: ["targetIs needs a target"])
    }

    @Test func progressPastTheTargetIsKeptWithANote() throws {
        let s = try journal()
        s.environment["JOURNAL_NOW"] = "2025-09-25T10:00"
        let result = try s.run("log", "progress", "apply", "53")
        #expect(result.status == 0 && result.stderr.isEmpty, "\(result)")
        #expect(result.stdoutLines.last == "  65 of 60 applications: complete it with journal log complete apply")
        // The command it names runs as printed.
        #expect(try s.log("complete", "apply").hasPrefix("Goal apply completed on 2025-09-25"))
    }

    @Test func keepingAGoalThatReachedItsTargetSaysToCompleteIt() throws {
        let s = try journal()
        _ = try s.ok(["log", "progress", "apply", "53", "--on", "2025-09-25"])
        let kept = try s.run("plan", "2025-Q4", "--yes")
        #expect(kept.status == 0, "\(kept)")
        #expect(kept.stdout.contains("    Reached its target (65 of 60 applications): complete it with journal log complete apply"), "\(kept)")
        // From a file, "complete" completes it where it is.
        let other = try journal()
        _ = try other.ok(["log", "progress", "apply", "53", "--on", "2025-09-25"])
        let file = try write(other, #"{"carryOver": [{"goal": "apply", "action": "complete", "outcome": "65 sent"}], "goals": [{"title": "Land interviews"}]}"#)
        let completed = try other.run("plan", "2025-Q4", "--from", file)
        #expect(completed.stdoutLines.first?.hasPrefix("Goal apply completed on 2025-10-01: 65 sent") == true, "\(completed)")
        #expect(completed.stdout.contains("  apply completed in 2025-Q3"), "\(completed)")
    }

    @Test func theGuidedPlanAsksAboutTheTargetAndOffersCompletion() throws {
        let s = try journal()
        let t = try Terminal(s, ["plan", "2025-Q4"])
        try t.expect("apply  Send job applications  (0/0 milestones, 12/60 applications, due 2025-09-30)")
        try t.expect("[k=keep r=revise d=drop] ")
        t.type("r")
        try t.expect("Title [Send job applications]: ")
        t.type("")
        try t.expect("Success metric [Applications sent]: ")
        t.type("")
        try t.expect("Target [60]: ")
        t.type("40")
        try t.expect("apply has 12 of 60 applications so far: is 40 the new total, or what is left to do? [t=total l=left] ")
        t.type("l")
        try t.expect("New target: 52 in all.")
        try t.expect("Deadline [2025-12-31]: ")
        t.type("")
        try t.expect("Why revise it?")
        t.type("40 more")
        try t.expect("New goal (Enter when done): ")
        t.type("")
        try t.expect("Milestone (Enter when done): ")
        t.type("")
        try t.expect("Record this plan (1 event)? [Y/n] ")
        t.type("y")
        try t.expect("Goal apply revised (target 60 -> 52;")
        #expect(t.wait() == 0, "\(t.screen)")

        let reached = try journal()
        _ = try reached.ok(["log", "progress", "apply", "53", "--on", "2025-09-25"])
        let c = try Terminal(reached, ["plan", "2025-Q4"])
        try c.expect("It reached its target (65 of 60 applications).")
        try c.expect("Complete it in 2025-Q3? [Y/n] ")
        c.type("y")
        try c.expect("What came of it? (Enter for none): ")
        c.type("65 applications sent")
        try c.expect("Goals for 2025-Q4: none yet.")
        try c.expect("New goal (Enter when done): ")
        c.type("Land three interviews")
        for _ in 0..<2 { try c.expect("(Enter for none): "); c.type("") }
        try c.expect("Deadline [2025-12-31]: ")
        c.type("")
        try c.expect("(Enter to skip): ")
        c.type("")
        try c.expect("Key [")
        c.type("")
        try c.expect("New goal (Enter when done): ")
        c.type("")
        try c.expect("Milestone (Enter when done): ")
        c.type("")
        try c.expect("Record this plan (2 events)? [Y/n] ")
        c.type("y")
        try c.expect("Goal apply completed on 2025-10-01: 65 applications sent")
        #expect(c.wait() == 0, "\(c.screen)")
    }
}
