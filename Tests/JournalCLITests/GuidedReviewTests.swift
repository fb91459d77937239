import Foundation
import Testing

/// `journal review`: driven for real through a pseudo-terminal, and from flags and files without one.
@Suite("journal review")
struct GuidedReviewTests {
    /// The demo journal (the article's Q2 2025 sprint), three days after the quarter ended.
    func demo() throws -> Sandbox { try Sandbox.demo(now: "2025-07-03T10:00") }

    /// The newest review of a quarter, as the report's json shows it.
    func review(_ s: Sandbox, _ quarter: String) throws -> [String: Any]? {
        try jsonObject(try s.ok(["report", quarter, "--format", "json"]))["review"] as? [String: Any]
    }

    @Test func aGuidedReviewOnATerminalRecordsOneReview() throws {
        let s = try demo()
        let before = try s.count()
        let terminal = try Terminal(s, ["review"])
        // The default quarter three days into Q3 is the one that just ended, summed up first.
        try terminal.expect("Review of 2025-Q2 (Apr 1 to Jun 30 2025)")
        try terminal.expect("aws      completed  3/3 milestones  1 revision")
        try terminal.expect("Accomplishments: 1 goal completed, 5 milestones done")
        try terminal.expect("2025-Q2 already has a review, recorded Jul 1 2025")
        // The first two answers are prefilled from the log; Enter keeps them.
        try terminal.expect("1/5 What did I set out to accomplish this quarter?")
        try terminal.expect("[Complete AWS Solutions Architect certification (Pass the certification exam); Build professional network in data engineering (15 new relevant connections, 2 conversations)]")
        try terminal.expect("> ")
        terminal.type("")
        try terminal.expect("2/5 What did I actually accomplish?")
        try terminal.expect("[Goal completed: Complete AWS Solutions Architect certification (Passed the AWS Solutions Architect exam); 5 milestones done:")
        try terminal.expect("network reached 12 of 15 connections]")
        try terminal.expect("> ")
        terminal.type("Passed AWS; 12 connections")
        try terminal.expect("3/5 What got in the way?")
        try terminal.expect("> ")
        terminal.type("A release crunch in May")
        try terminal.expect("Which of these got in the way? 1 overcommitting  2 too-many-goals  3 lost-interest  4 wrong-goal  5 other")
        try terminal.expect("> ")
        terminal.type("7")
        try terminal.expect("blocker '7' is not one of")
        try terminal.expect("> ")
        terminal.type("1, other")
        try terminal.expect("4/5 What did I learn about my own working patterns?")
        try terminal.expect("> ")
        terminal.type("")
        try terminal.expect("An answer is needed")
        terminal.type("I study best in the mornings")
        try terminal.expect("5/5 Based on what I know now, what are my goals for next quarter?")
        try terminal.expect("> ")
        terminal.type("Lead the pipeline migration")
        try terminal.expect("Record this review of 2025-Q2? [Y/n]")
        terminal.type("y")
        try terminal.expect("Review of 2025-Q2 recorded (blockers: overcommitting, other) (event \(before + 1))")
        #expect(terminal.wait() == 0, "\(terminal.screen)")

        #expect(try s.count() == before + 1)
        let recorded = try #require(try review(s, "2025-Q2"))
        #expect(recorded["planned"] as? String == "Complete AWS Solutions Architect certification (Pass the certification exam); Build professional network in data engineering (15 new relevant connections, 2 conversations)")
        #expect(recorded["accomplished"] as? String == "Passed AWS; 12 connections")
        #expect(recorded["obstacles"] as? String == "A release crunch in May")
        #expect(recorded["learned"] as? String == "I study best in the mornings")
        #expect(recorded["next"] as? String == "Lead the pipeline migration")
        #expect(recorded["blockers"] as? [String] == ["overcommitting", "other"])
        let event = try s.lastEvent()
        #expect(event.type == "review-recorded" && event.metadata["command"] == "review")
    }

    @Test func ctrlCMidwayRecordsNothing() throws {
        let s = try demo()
        let before = try s.count()
        let terminal = try Terminal(s, ["review", "2025-Q2"])
        try terminal.expect("1/5 ")
        terminal.type("")
        try terminal.expect("2/5 ")
        terminal.type("")
        try terminal.expect("3/5 ")
        terminal.type("Too much at work")
        try terminal.expect("Which of these")
        terminal.type("overcommitting")
        try terminal.expect("4/5 ")
        try terminal.expect("> ")
        terminal.pressControlC()
        try terminal.expect("journal: interrupted; nothing was recorded")
        #expect(terminal.wait() == 130, "\(terminal.screen)")
        #expect(try s.count() == before)
    }

    @Test func endOfInputMidwayRecordsNothing() throws {
        let s = try demo()
        let before = try s.count()
        let terminal = try Terminal(s, ["review"])
        try terminal.expect("1/5 ")
        try terminal.expect("> ")
        terminal.type("Two goals")
        try terminal.expect("2/5 ")
        try terminal.expect("> ")
        terminal.pressControlD()
        try terminal.expect("journal: input ended before the review was finished; nothing was recorded")
        #expect(terminal.wait() == 64, "\(terminal.screen)")
        #expect(try s.count() == before)
    }

    @Test func decliningAtTheEndRecordsNothing() throws {
        let s = try demo()
        let before = try s.count()
        // Answers given as flags are not asked again: only the confirmation remains.
        let terminal = try Terminal(s, ["review", "--planned", "p", "--accomplished", "a", "--obstacles", "o",
                                        "--learned", "l", "--next", "n", "--blocker", "wrong-goal"])
        try terminal.expect("Review of 2025-Q2")
        try terminal.expect("Record this review of 2025-Q2? [Y/n]")
        #expect(!terminal.screen.contains("1/5"))
        terminal.type("n")
        try terminal.expect("Nothing was recorded.")
        #expect(terminal.wait() == 0)
        #expect(try s.count() == before)
    }

    @Test func answersFromAFileWithFlagsWinning() throws {
        let s = try demo()
        let file = s.path("review.json")
        try Data("""
            {"planned": "AWS and networking", "accomplished": "AWS passed", "obstacles": "Release crunch",
             "learned": "Mornings work", "next": "Pipeline migration", "blockers": ["overcommitting", "too-many-goals"]}
            """.utf8).write(to: URL(fileURLWithPath: file))
        let out = try s.ok(["review", "2025-Q2", "--from", file, "--learned", "Mornings work best, in 90-minute blocks"])
        #expect(out == "Review of 2025-Q2 recorded (blockers: overcommitting, too-many-goals) (event 37)\n")
        let recorded = try #require(try review(s, "2025-Q2"))
        #expect(recorded["planned"] as? String == "AWS and networking")
        #expect(recorded["learned"] as? String == "Mornings work best, in 90-minute blocks")
        #expect(recorded["blockers"] as? [String] == ["overcommitting", "too-many-goals"])
    }

    @Test func answersFromStandardInput() throws {
        let s = try demo()
        let json = #"{"planned": "p", "accomplished": "a", "obstacles": "o", "learned": "l", "next": "n", "blockers": "other"}"#
        let result = try s.run(["review", "2025-Q2", "--from", "-"], input: Data(json.utf8))
        #expect(result.status == 0 && result.stdout == "Review of 2025-Q2 recorded (blockers: other) (event 37)\n", "\(result)")
    }

    @Test func aMissingAnswerIsAnErrorThatRecordsNothing() throws {
        let s = try demo()
        let before = try s.count()
        expectRefusal(try s.run("review", "2025-Q2", "--planned", "p", "--accomplished", "a", "--obstacles", "o"),
                      status: 64, mentioning: ["missing answers: learned, next", "--learned --next", "nothing was recorded"])
        let file = s.path("partial.json")
        try Data(#"{"planned": "p", "accomplished": "a", "obstacles": "o", "next": "n"}"#.utf8).write(to: URL(fileURLWithPath: file))
        expectRefusal(try s.run("review", "--from", file), status: 64, mentioning: ["missing an answer: learned"])
        #expect(try s.count() == before)
    }

    @Test func badFilesAreRefusedWithTheirFault() throws {
        let s = try demo()
        let before = try s.count()
        let cases: [(String, [String])] = [
            (#"{"planned": "p", "lerned": "l"}"#, ["unknown key lerned", "the keys are planned, accomplished, obstacles, learned, next, blockers"]),
            (#"{"planned": 3}"#, ["planned must be a string"]),
            (#"{"blockers": ["procrastination"]}"#, ["blockers 'procrastination' is not one of overcommitting"]),
            ("[1, 2]", ["the file must be an object"]),
            ("{not json", ["not valid JSON"]),
        ]
        for (index, (text, needles)) in cases.enumerated() {
            let file = s.path("bad\(index).json")
            try Data(text.utf8).write(to: URL(fileURLWithPath: file))
            let result = try s.run("review", "2025-Q2", "--from", file)
            expectRefusal(result, status: 64, mentioning: ["--from \(file)"] + needles)
        }
        expectRefusal(try s.run("review", "--from", s.path("nowhere.json")), status: 66, mentioning: ["cannot read the --from file"])
        #expect(try s.count() == before)
    }

    @Test("the default quarter: the current one in its last two weeks, else the one that just ended",
          arguments: [("2025-06-17T09:00", "2025-Q2"), ("2025-06-16T09:00", "2025-Q1"), ("2025-04-01T09:00", "2025-Q1"),
                      ("2025-12-31T23:00", "2025-Q4"), ("2026-01-05T09:00", "2025-Q4")])
    func defaultQuarter(now: String, quarter: String) throws {
        let s = try Sandbox(tz: "UTC", now: now)
        let out = try s.ok(["review", "--planned", "p", "--accomplished", "a", "--obstacles", "o", "--learned", "l", "--next", "n"])
        #expect(out == "Review of \(quarter) recorded (event 1)\n")
    }
}

extension GuidedReviewTests {
    @Test func backReturnsToThePreviousQuestionAndARecapComesBeforeTheConfirmation() throws {
        let s = try demo()
        let before = try s.count()
        let terminal = try Terminal(s, ["review", "2025-Q2", "--planned", "AWS and network"])
        try terminal.expect("2/5 What did I actually accomplish?")
        try terminal.expect("> ")
        terminal.type("back")
        // The first question was answered by a flag: there is nothing before this one to return to.
        try terminal.expect("This is the first question.")
        try terminal.expect("2/5 What did I actually accomplish?")
        try terminal.expect("> ")
        terminal.type("Passed AWS")
        try terminal.expect("3/5 What got in the way?")
        try terminal.expect("> ")
        terminal.type("back")
        try terminal.expect("2/5 What did I actually accomplish?")
        try terminal.expect("[Passed AWS]")
        try terminal.expect("> ")
        terminal.type("Passed AWS; 12 connections")
        try terminal.expect("3/5 What got in the way?")
        try terminal.expect("> ")
        terminal.type("Release crunch")
        try terminal.expect("Which of these got in the way?")
        try terminal.expect("> ")
        terminal.type("back")
        try terminal.expect("3/5 What got in the way?")
        try terminal.expect("[Release crunch]")
        try terminal.expect("> ")
        terminal.type("")
        try terminal.expect("Which of these got in the way?")
        try terminal.expect("> ")
        terminal.type("1")
        try terminal.expect("4/5 ")
        try terminal.expect("> ")
        terminal.type("Mornings")
        try terminal.expect("5/5 ")
        try terminal.expect("> ")
        terminal.type("Kubernetes")
        try terminal.expect("Your answers")
        try terminal.expect("  Planned: AWS and network")
        try terminal.expect("  Accomplished: Passed AWS; 12 connections")
        try terminal.expect("  Obstacles: Release crunch")
        try terminal.expect("  Learned: Mornings")
        try terminal.expect("  Next: Kubernetes")
        try terminal.expect("  Blockers: overcommitting")
        try terminal.expect("Record this review of 2025-Q2? [Y/n]")
        terminal.type("y")
        try terminal.expect("Review of 2025-Q2 recorded (blockers: overcommitting) (event \(before + 1))")
        #expect(terminal.wait() == 0, "\(terminal.screen)")
        let recorded = try #require(try review(s, "2025-Q2"))
        #expect(recorded["accomplished"] as? String == "Passed AWS; 12 connections")
        #expect(recorded["obstacles"] as? String == "Release crunch")
    }
}
