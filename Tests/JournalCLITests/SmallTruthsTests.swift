import Foundation
import Testing

/// Issue 13's small truths: no review before its quarter, a direction updated by its title says so, and the
/// outside-control advice's example fits the goal.
@Suite("Small truths")
struct SmallTruthsTests {
    static let answers = ["--planned", "p", "--accomplished", "a", "--obstacles", "o", "--learned", "l", "--next", "n"]

    @Test func aQuarterThatHasNotStartedCannotBeReviewed() throws {
        let s = try Sandbox(now: "2025-11-20")
        try s.log("goal", "Ship the portfolio", "--key", "p", "--quarter", "2025-Q4", "--metric", "Live", "--quiet")
        let before = try s.count()
        let expected = "journal: 2026-Q1 (2026-01-01 to 2026-03-31) has not started on 2025-11-20, so there is nothing to review yet; review it from 2026-01-01 on, or review 2025-Q4 instead\n"
        let logged = try s.run(["log", "review", "2026-Q1"] + Self.answers)
        expectRefusal(logged, status: 65)
        #expect(logged.stderr == expected, "\(logged)")
        // The guided review refuses before asking anything, whether or not the answers are given.
        let guided = try s.run(["review", "2026-Q1"] + Self.answers)
        expectRefusal(guided, status: 65)
        #expect(guided.stderr == expected, "\(guided)")
        expectRefusal(try s.run("review", "next-quarter"), status: 65, mentioning: ["2026-Q1", "has not started"])
        // Backdating a review to before its quarter is refused the same way.
        expectRefusal(try s.run(["log", "review", "2025-Q4", "--on", "2025-09-30"] + Self.answers), status: 65,
                      mentioning: ["2025-Q4 (2025-10-01 to 2025-12-31) has not started on 2025-09-30"])
        #expect(try s.count() == before)
        // The quarter under way can be reviewed (the guided review offers it in its last two weeks).
        let current = try s.run(["log", "review", "2025-Q4"] + Self.answers)
        #expect(current.status == 0 && current.stdout.hasPrefix("Review of 2025-Q4 recorded"), "\(current)")
    }

    @Test func aDirectionSetAgainByItsTitleSaysItWasUpdatedAndWhatChanged() throws {
        let s = try Sandbox()
        let first = try s.log("direction", "Move into UX design", "--by", "2028")
        #expect(first.hasPrefix("Direction ") && first.contains(" set: Move into UX design (by 2028)"), "\(first)")
        let key = try #require(try s.lastEvent().payload["key"].flatMap { if case .string(let k) = $0 { k } else { nil } })
        #expect(try s.log("direction", "Move into UX design", "--by", "2029")
            == "Direction \(key) updated (by 2028 -> 2029): Move into UX design (event 2)")
        #expect(try s.log("direction", "Move into UX design")
            == "Direction \(key) updated (by 2029 -> none): Move into UX design (event 3)")
        #expect(try s.log("direction", "Move into UX design")
            == "Direction \(key) updated (nothing changed): Move into UX design (event 4)")
        // Through its key, a new title is named too.
        #expect(try s.log("direction", "Move into product design", "--key", key, "--by", "2030")
            == "Direction \(key) updated (title Move into UX design -> Move into product design; by none -> 2030): Move into product design (event 5)")
        #expect(try s.events(["--type", "direction-set"]).count == 5)
    }

    /// Hiring, promotion, selection and awards each get their own example, in the advice and in the warning.
    @Test("the outside-control example fits the goal", arguments: [
        ("Get hired as a UX designer", "get hired", "Apply to 5 roles a week and attend 1 community event a month"),
        ("Get promoted to senior designer", "get promoted", "Complete the three requirements for promotion"),
        ("Be selected for the design fellowship", "be selected", "Meet every selection criterion and submit a complete application by the deadline"),
        ("Win the student design award", "win", "Submit an entry you are proud of by the deadline, reviewed by two peers first"),
    ])
    func outsideControlExamples(title: String, phrase: String, example: String) throws {
        let s = try Sandbox()
        let result = try s.run("log", "goal", title, "--key", "g", "--quarter", "2025-Q2", "--metric", "m", "--due", "2025-06-30")
        #expect(result.stdoutLines.dropFirst().first
            == "  Achievable: \"\(phrase)\" needs someone else's yes; aim at your own actions, e.g. \"\(example)\".", "\(result)")
        let raw = try s.ok(["sprint", "--format", "json"])
        let board = try JSONDecoder().decode(JSON.self, from: Data(raw.utf8))
        guard case .array(let warnings)? = board["warnings"] else { Issue.record("no warnings: \(raw)"); return }
        let message = warnings.first { $0["code"] == "outside-control" }?["message"]
        #expect(message == JSON.string("g depends on someone else's decision (\"\(phrase)\"); aim at the requirements within your control, e.g. \"\(example)\""))
    }
}
