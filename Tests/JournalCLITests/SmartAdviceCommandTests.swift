import Foundation
import Testing

/// SMART advice printed the moment a goal is logged or revised: never blocking, silenced by --quiet.
@Suite("SMART advice when logging")
struct SmartAdviceCommandTests {
    func sandbox() throws -> Sandbox {
        try PreparedJournals.sandbox("sandbox", tz: "UTC", now: "2025-04-02T09:00") { s in
            try s.log("direction", "Move into engineering management", "--key", "mgmt")
        }
    }

    @Test func aSmartGoalPrintsOnlyWhatWasRecorded() throws {
        let s = try sandbox()
        let result = try s.run("log", "goal", "Complete AWS certification", "--key", "aws", "--quarter", "2025-Q2", "--metric", "Pass the exam",
                               "--due", "2025-06-15", "--direction", "mgmt")
        #expect(result.status == 0 && result.stdoutLines == ["Goal aws set for 2025-Q2: Complete AWS certification [metric: Pass the exam; due 2025-06-15] (event 2)"], "\(result)")
    }

    @Test func aGoalOthersDecideGetsTheArticlesReframingFirst() throws {
        let s = try sandbox()
        let result = try s.run("log", "goal", "Get promoted to senior engineer", "--quarter", "2025-Q2", "--key", "promo")
        #expect(result.status == 0 && result.stderr.isEmpty, "\(result)")
        #expect(result.stdoutLines == [
            "Goal promo set for 2025-Q2: Get promoted to senior engineer (event 2)",
            "  Achievable: \"get promoted\" needs someone else's yes; aim at your own actions, e.g. \"Complete the three requirements for promotion\".",
            "  Measurable: how will you know you succeeded? Add a metric (or a number to reach, --target N --unit TEXT): journal log revise promo --metric TEXT --reason TEXT",
        ], "\(result)")
        #expect(try s.count() == 2, "advice never blocks")
    }

    @Test func missingDeadlineAndDirection() throws {
        let s = try sandbox()
        let result = try s.run("log", "goal", "Write posts", "--quarter", "2025-Q2", "--key", "posts", "--target", "3", "--unit", "posts")
        #expect(result.stdoutLines.dropFirst() == [
            "  Time-bound: no deadline yet; the sprint ends 2025-06-30. Set one: journal log revise posts --due DATE --reason TEXT",
            "  Relevant: which 3-5 year direction does this serve? Link one: journal log revise posts --direction KEY --reason TEXT (set one with journal log direction TITLE --key KEY)",
        ], "\(result)")
    }

    @Test func quietSilencesIt() throws {
        let s = try sandbox()
        let result = try s.run("log", "goal", "Get promoted", "--quarter", "2025-Q2", "--quiet")
        #expect(result.status == 0 && result.stdoutLines.count == 1, "\(result)")
        let revise = try s.run("log", "revise", "promoted", "--title", "Win the award", "--reason", "r", "--quiet")
        #expect(revise.status == 0 && revise.stdoutLines.count == 1, "\(revise)")
    }

    @Test func theThirdGoalIsNamedAndTheFourthStillRefused() throws {
        let s = try sandbox()
        for key in ["one", "two"] {
            let result = try s.run("log", "goal", "Goal \(key)", "--key", key, "--quarter", "2025-Q2", "--metric", "m",
                                   "--due", "2025-06-01", "--direction", "mgmt")
            #expect(result.stdoutLines.count == 1, "\(result)")
        }
        let third = try s.run("log", "goal", "Goal three", "--key", "three", "--quarter", "2025-Q2", "--metric", "m",
                              "--due", "2025-06-01", "--direction", "mgmt")
        #expect(third.stdoutLines.dropFirst() == [
            "  Focus: this is 2025-Q2's third goal, and three is the maximum. Most people do better with one or two focused goals.",
        ], "\(third)")
        expectRefusal(try s.run("log", "goal", "Goal four", "--quarter", "2025-Q2"), status: 65, mentioning: ["three is the maximum"])
        #expect(try s.count() == 4)
    }

    @Test func revisionsAreAdvisedOnTheGoalAsRevised() throws {
        let s = try sandbox()
        try s.log("goal", "Lead a project", "--key", "lead", "--quarter", "2025-Q2", "--metric", "Shipped", "--due", "2025-06-30",
                  "--direction", "mgmt")
        let revised = try s.run("log", "revise", "lead", "--title", "Get the promotion to lead", "--reason", "Aiming higher")
        #expect(revised.status == 0, "\(revised)")
        #expect(revised.stdoutLines.dropFirst() == [
            "  Achievable: \"get the promotion\" needs someone else's yes; aim at your own actions, e.g. \"Complete the three requirements for promotion\".",
        ], "\(revised)")
        // Moving into a quarter as its third goal names the limit; a revision inside a quarter does not.
        for key in ["q3a", "q3b"] {
            try s.log("goal", "Goal \(key)", "--key", key, "--quarter", "2025-Q3", "--metric", "m", "--due", "2025-09-01",
                      "--direction", "mgmt")
        }
        let moved = try s.run("log", "revise", "lead", "--quarter", "2025-Q3", "--title", "Lead a project", "--reason", "Later")
        #expect(moved.stdoutLines.dropFirst() == [
            "  Focus: this is 2025-Q3's third goal, and three is the maximum. Most people do better with one or two focused goals.",
        ], "\(moved)")
    }
}
