import Foundation
import Testing

/// Issue 13's reproductions through the built binary: an overdue goal in sprint, share and report (and every
/// way out its warning names runs as printed), and "behind" that means whole weeks behind.
@Suite("overdue and behind, end to end")
struct OverdueBehindCommandTests {
    /// Goal p "Ship the portfolio" due 2025-10-15 in 2025-Q4, set on Oct 1, nothing done since.
    func portfolio() throws -> Sandbox {
        try PreparedJournals.sandbox("portfolio", tz: "UTC", now: "2025-10-01T09:00") { s in
            try s.log("goal", "Ship the portfolio", "--key", "p", "--quarter", "2025-Q4", "--metric", "Portfolio live",
                      "--due", "2025-10-15", "--quiet")
        }
    }

    let nov20: [String: String?] = ["JOURNAL_NOW": "2025-11-20T09:00"]

    @Test func theSprintSaysOverdueWhereItSaidOnTrack() throws {
        let s = try portfolio()
        let text = try s.ok(["sprint"], env: nov20)
        #expect(text.contains("\np  Ship the portfolio  [overdue by 36 days]\n"), "\(text)")
        #expect(text.contains("  past-deadline      p is 36 days past its deadline, 2025-10-15, and neither completed nor dropped; "))
        // On the deadline day itself it is still in time.
        #expect(try s.ok(["sprint"], env: ["JOURNAL_NOW": "2025-10-15T20:00"]).contains("p  Ship the portfolio  [on track]"))

        let board = try jsonObject(try s.ok(["sprint", "--format", "json"], env: nov20))
        let goal = try #require((board["goals"] as? [[String: Any]])?.first)
        #expect(goal["status"] as? String == "overdue")
        #expect(goal["onTrack"] as? Bool == false && goal["daysOverdue"] as? Int == 36)
        let codes = (board["warnings"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String }
        #expect(codes.contains("past-deadline") && !codes.contains("behind-not-revised"))
    }

    @Test func theSharedDocumentAndTheReportSayItToo() throws {
        let s = try portfolio()
        let share = try s.ok(["share", "--format", "text"], env: nov20)
        #expect(share.contains("  Status          overdue by 36 days\n"), "\(share)")
        #expect(share.contains("Worth asking about\n  p is 36 days past its deadline"))
        let shared = try jsonObject(try s.ok(["share", "--format", "json"], env: nov20))
        let card = try #require((shared["goals"] as? [[String: Any]])?.first)
        #expect(card["status"] as? String == "overdue" && card["onTrack"] as? Bool == false && card["daysOverdue"] as? Int == 36)

        // After the quarter, the report says how it ended: overdue from Oct 15 to Dec 31.
        let after: [String: String?] = ["JOURNAL_NOW": "2026-01-05T09:00"]
        let report = try s.ok(["report", "2025-Q4"], env: after)
        #expect(report.contains("How it ended\n  p  overdue by 77 days  0/0 milestones  0 revisions"), "\(report)")
        let json = try jsonObject(try s.ok(["report", "2025-Q4", "--format", "json"], env: after))
        let ended = try #require((json["goals"] as? [[String: Any]])?.first)
        #expect(ended["status"] as? String == "overdue" && ended["onTrack"] as? Bool == false && ended["daysOverdue"] as? Int == 77)
        #expect(try s.ok(["report", "2025-Q4", "--format", "markdown"], env: after).contains("| overdue by 77 days |"))
        #expect(try s.ok(["report", "2025-Q4", "--format", "html"], env: after).contains("<span class=\"badge bad\">overdue by 77 days</span>"))
        #expect(try s.ok(["sprint", "--format", "html"], env: nov20).contains("<span class=\"badge bad\">overdue by 36 days</span>"))
    }

    /// The commands the past-deadline warning names, with DATE and TEXT filled in.
    func waysOut(_ s: Sandbox) throws -> [[String]] {
        let board = try jsonObject(try s.ok(["sprint", "--format", "json"], env: nov20))
        let message = try #require((board["warnings"] as? [[String: Any]])?.first { $0["code"] as? String == "past-deadline" }?["message"] as? String)
        let hints = message.components(separatedBy: "journal ").dropFirst().map { hint in
            hint.prefix { $0 != "," }.split(separator: " ").map { word in
                word == "DATE" ? "2025-12-15" : word == "TEXT" ? "rescheduled" : String(word)
            }
        }
        return hints
    }

    @Test func everyWayOutRunsAsPrinted() throws {
        let hints = try waysOut(try portfolio())
        #expect(hints.map { $0.prefix(2).joined(separator: " ") } == ["log complete", "log revise", "log drop"])
        let standings = ["completed", "on track", "dropped"]
        for (hint, standing) in zip(hints, standings) {
            let s = try portfolio()
            let result = try s.run(hint, env: nov20)
            #expect(result.status == 0 && result.stderr.isEmpty, "\(hint): \(result)")
            let board = try s.ok(["sprint"], env: nov20)
            #expect(board.contains("p  Ship the portfolio  [\(standing)]"), "\(hint): \(board)")
            #expect(!board.contains("past-deadline"), "\(hint)")
        }
    }

    /// 2025-Q3: 7 courses due Sep 17 and 15 people due Sep 30 (numeric, no milestones), and two case studies due
    /// Sep 30 whose first is due Aug 11 and second Sep 22.
    func teacher() throws -> Sandbox {
        try PreparedJournals.sandbox("teacher", tz: "UTC", now: "2025-07-01T09:00") { s in
            try s.log("goal", "Finish the UX courses", "--key", "courses", "--quarter", "2025-Q3", "--metric", "7 courses done",
                      "--target", "7", "--unit", "courses", "--due", "2025-09-17", "--quiet")
            try s.log("goal", "Grow a UX network", "--key", "network", "--quarter", "2025-Q3", "--metric", "15 designers met",
                      "--target", "15", "--unit", "people", "--due", "2025-09-30", "--quiet")
            try s.log("goal", "Write two case studies", "--key", "cs", "--quarter", "2025-Q3", "--metric", "2 case studies published",
                      "--target", "2", "--unit", "case studies", "--due", "2025-09-30", "--quiet")
            try s.log("milestone", "cs", "Case study 1", "--due", "2025-08-11")
            try s.log("milestone", "cs", "Case study 2", "--due", "2025-09-22")
        }
    }

    @Test func weekOneIsNotBehindAndSmallTargetsFollowTheirMilestones() throws {
        let s = try teacher()
        // Jul 2, the quarter's second day: every goal said "[1 week behind]"; the road said 0.09 of 7 courses.
        let july2 = try s.ok(["sprint"], env: ["JOURNAL_NOW": "2025-07-02T09:00"])
        #expect(july2.contains("courses  Finish the UX courses  [on track]\n  metric: 7 courses done"), "\(july2)")
        #expect(july2.contains("network  Grow a UX network  [on track]"))
        #expect(july2.contains("cs  Write two case studies  [on track]"))
        let board = try jsonObject(try s.ok(["sprint", "--format", "json"], env: ["JOURNAL_NOW": "2025-07-02T09:00"]))
        let goals = try #require(board["goals"] as? [[String: Any]])
        #expect(goals.first?["expected"] as? Double == 0.09)
        #expect(goals.map { $0["weeksBehind"] as? Int } == [0, 0, 0])

        // Aug 4: the case studies said "[5 weeks behind]" a week before their first milestone was due.
        let aug4 = try s.ok(["sprint"], env: ["JOURNAL_NOW": "2025-08-04T09:00"])
        #expect(aug4.contains("cs  Write two case studies  [on track]"), "\(aug4)")
        #expect(aug4.contains("  progress 0/2 case studies ░░░░░░░░░░  (road: 0.7 by today)"), "the road still informs")
        // The numeric goals without milestones: 34 days of road is 4 whole weeks (it said 5).
        #expect(aug4.contains("courses  Finish the UX courses  [4 weeks behind]"))
        #expect(aug4.contains("network  Grow a UX network  [4 weeks behind]"))
        // behind-not-revised follows: the numeric goals with their new figure, not the case studies.
        #expect(aug4.contains("courses is 4 weeks behind and has not been revised"))
        #expect(!aug4.contains("cs is "))
    }
}
