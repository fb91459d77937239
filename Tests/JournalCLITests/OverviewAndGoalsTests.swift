import Foundation
import Testing

/// `journal` alone (the overview), `journal goals`, and what `sprint` says when a later quarter holds the goals.
@Suite("Overview and goal list")
struct OverviewAndGoalsTests {
    /// Two Q2 2025 goals (aws with three milestones, network with a target and none), one Q3 goal, and effort in
    /// sprint week 2 (Apr 8-14) and in week 1. Q2 2025 starts on Tuesday, Apr 1: sprint weeks run Tuesday to Monday.
    static func journal() throws -> Sandbox {
        let s = try Sandbox(now: "2025-04-10T09:00")
        for command in [
            ["log", "goal", "Pass the AWS exam", "--quarter", "2025-Q2", "--key", "aws", "--due", "2025-06-15", "--metric", "Exam passed"],
            ["log", "milestone", "aws", "Sections 1-5", "--weeks", "1-2"],
            ["log", "milestone", "aws", "Sections 6-10 and a long title that goes on and on and on until it no longer fits on a line", "--week", "3"],
            ["log", "milestone", "aws", "Practice exam", "--week", "4"],
            ["log", "goal", "Grow my network", "--quarter", "2025-Q2", "--key", "network", "--target", "15", "--unit", "people"],
            ["log", "goal", "Ship the portfolio", "--quarter", "2025-Q3", "--key", "portfolio"],
            ["log", "activity", "Read", "--goal", "aws", "--minutes", "90"],
            ["log", "activity", "Email", "--minutes", "30"],
            ["log", "activity", "Email last week", "--minutes", "30", "--on", "2025-04-06"],
        ] {
            let result = try s.run(command)
            try #require(result.status == 0, "\(result)")
        }
        return s
    }

    static let weekTwo = """
        2025-Q2 sprint: week 2 of 13, 78 days left (today Apr 14)

          aws      [on track]       milestones 0/3  due Jun 15
          network  [1 week behind]  0/15 people     due Jun 30

        Due this week and next:
          aws/1  Sections 1-5                                                  weeks 1-2
          aws/2  Sections 6-10 and a long title that goes on and on and on u…  week 3

        This week: 1h30 on goals, 30m on nothing linked

        Warning (4 more: journal sprint): network has no weekly milestones; plan some
          with journal log milestone network TITLE --week N

        """

    @Test func journalAloneShowsTheSprintOnOneScreen() throws {
        let s = try Self.journal()
        #expect(try s.ok([], env: ["JOURNAL_NOW": "2025-04-10T09:00"]) == Self.weekTwo
            .replacingOccurrences(of: "78 days left (today Apr 14)", with: "82 days left (today Apr 10)"))
        // The last minute of sprint week 2, then the first of week 3: the week's effort starts again from nothing,
        // aws/1 is late (aws falls behind) and leaves the list, and aws/3 (week 4) joins it.
        #expect(try s.ok([], env: ["JOURNAL_NOW": "2025-04-14T23:59"]) == Self.weekTwo)
        #expect(try s.ok([], env: ["JOURNAL_NOW": "2025-04-15T00:00"]) == """
            2025-Q2 sprint: week 3 of 13, 77 days left (today Apr 15)

              aws      [1 week behind]   milestones 0/3  due Jun 15
              network  [2 weeks behind]  0/15 people     due Jun 30

            Due this week and next:
              aws/2  Sections 6-10 and a long title that goes on and on and on unti…  week 3
              aws/3  Practice exam                                                    week 4

            This week: 0m on goals, 0m on nothing linked

            Warning (5 more: journal sprint): network is 2 weeks behind and has not been
              revised in four weeks; catch up, or revise it with a reason

            """)
    }

    @Test func theQuarterTurnsAtMidnight() throws {
        let s = try Self.journal()
        #expect(try s.ok([], env: ["JOURNAL_NOW": "2025-06-30T23:59"]) == """
            2025-Q2 sprint: week 13 of 13, 1 day left (today Jun 30)

              aws      [overdue by 15 days]  milestones 0/3  due Jun 15
              network  [12 weeks behind]     0/15 people     due Jun 30

            This week: 0m on goals, 0m on nothing linked

            Warning (6 more: journal sprint): aws is 15 days past its deadline, 2025-06-15,
              and neither completed nor dropped; complete it with journal log complete aws,
              set a new deadline with journal log revise aws --due DATE --reason TEXT, or…

            """)
        #expect(try s.ok([], env: ["JOURNAL_NOW": "2025-07-01T00:00"]) == """
            2025-Q3 sprint: week 1 of 13, 92 days left (today Jul 1)

              portfolio  [on track]  -  due Sep 30

            This week: 0m on goals, 0m on nothing linked

            Warning (4 more: journal sprint): portfolio has no weekly milestones; plan some
              with journal log milestone portfolio TITLE --week N

            """)
    }

    @Test func aQuarterWithoutGoalsNamesTheNextOneThatHasSome() throws {
        let s = try Sandbox(now: "2025-07-10T09:00")
        _ = try s.log("goal", "Lead the platform team", "--quarter", "2025-Q4", "--key", "lead")
        #expect(try s.ok([]) == """
            2025-Q3 sprint: week 2 of 13, 83 days left (today Jul 10)

            No goals for 2025-Q3 yet; set one with journal log goal TITLE --quarter 2025-Q3
            2025-Q4 has goals: see them with journal sprint --quarter 2025-Q4

            This week: 0m on goals, 0m on nothing linked

            """)
        let sprint = try s.ok(["sprint"])
        #expect(sprint.hasPrefix("""
            2025-Q3 sprint: week 2 of 13, 83 days left (today Jul 10)

            No goals for 2025-Q3 yet; set one with journal log goal TITLE --quarter 2025-Q3
            2025-Q4 has goals: see them with journal sprint --quarter 2025-Q4
            """), "\(sprint)")
        // The command it names shows them; a past quarter without goals names nothing, nor does json.
        #expect(try s.ok(["sprint", "--quarter", "2025-Q4"]).contains("lead  Lead the platform team"))
        #expect(!(try s.ok(["sprint", "--quarter", "2025-Q1"])).contains("has goals"))
        #expect(!(try s.ok(["sprint", "--format", "json"])).contains("2025-Q4"))
    }

    @Test func withoutAJournalItSaysHowToStart() throws {
        let s = try Sandbox(now: "2025-04-10T09:00")
        let result = try s.run([String]())
        #expect(result.status == 0 && result.stderr.isEmpty, "\(result)")
        #expect(result.stdout == """
            No journal yet. Set your first goal: journal log goal "TITLE" --quarter 2025-Q2 --due DATE
            Or plan the quarter step by step: journal plan
            Or look around a sample journal first: journal demo

            """)
        #expect(!FileManager.default.fileExists(atPath: s.db), "no journal created")
        // Scripts asking for json get the usual refusal.
        expectRefusal(try s.run(["--format", "json"]), status: 66, mentioning: [s.db])
    }

    @Test func jsonHasTheDocumentedFields() throws {
        let s = try Self.journal()
        let json = try jsonObject(try s.ok(["--format", "json"]))
        #expect(Set(json.keys) == ["quarter", "week", "weeks", "daysLeft", "today", "goals", "dueSoon", "thisWeek",
                                   "minutesLinked", "minutesUnlinked", "warning", "warnings", "laterQuarter", "timer"])
        #expect(json["timer"] is NSNull)
        #expect(json["week"] as? Int == 2 && json["minutesLinked"] as? Int == 90 && json["minutesUnlinked"] as? Int == 30)
        #expect(json["thisWeek"] as? [String: String] == ["from": "2025-04-08", "to": "2025-04-14"])
        let due = try #require(json["dueSoon"] as? [[String: Any]])
        #expect(due.map { $0["ref"] as? String } == ["aws/1", "aws/2"])
        #expect((json["warning"] as? [String: Any])?["code"] as? String == "no-milestones")
        #expect(json["warnings"] as? Int == 5)
    }

    /// Many goals and milestones still fit 80x24: lists are capped with "... and N more", no line is wider than 80.
    @Test func aCrowdedSprintStillFitsTheScreen() throws {
        let s = try Sandbox(now: "2025-04-10T09:00")
        for index in 1...7 {
            let key = "goal\(index)"
            _ = try s.run(["log", "goal", "Goal number \(index) with a title long enough to matter", "--quarter", "2025-Q2",
                           "--key", key, "--due", "2025-06-1\(index)", "--force"])
            _ = try s.run(["log", "milestone", key, "A milestone whose title is much longer than the room the screen leaves for it", "--week", "2"])
        }
        let lines = try s.ok([]).split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count <= 22, "\(lines.joined(separator: "\n"))")
        #expect(lines.allSatisfy { $0.count <= 80 }, "\(lines.joined(separator: "\n"))")
        #expect(lines.contains("  ... and 3 more") && lines.contains("  ... and 4 more"), "\(lines.joined(separator: "\n"))")
    }

    @Test func goalsListsTheCurrentQuarterOrAnyOrAll() throws {
        let s = try Self.journal()
        #expect(try s.ok(["goals"]) == """
            aws      2025-Q2  [on track]       milestones 0/3  due Jun 15
            network  2025-Q2  [1 week behind]  0/15 people     due Jun 30

            """)
        #expect(try s.ok(["goals", "--quarter", "2025-Q3"]) == "portfolio  2025-Q3  [on track]  -  due Sep 30\n")
        #expect(try s.ok(["goals", "--all"], env: ["JOURNAL_NOW": "2025-06-28T12:00"]) == """
            aws        2025-Q2  [overdue by 13 days]  milestones 0/3  due Jun 15
            network    2025-Q2  [12 weeks behind]     0/15 people     due Jun 30
            portfolio  2025-Q3  [on track]            -               due Sep 30

            """)
        #expect(try s.ok(["goals", "--all", "--format", "markdown"], env: ["JOURNAL_NOW": "2025-06-28T12:00"]) == """
            | Goal | Quarter | Title | Status | Progress | Deadline |
            |---|---|---|---|---|---|
            | aws | 2025-Q2 | Pass the AWS exam | overdue by 13 days | milestones 0/3 | 2025-06-15 |
            | network | 2025-Q2 | Grow my network | 12 weeks behind | 0/15 people | 2025-06-30 |
            | portfolio | 2025-Q3 | Ship the portfolio | on track | - | 2025-09-30 |

            """)
        // An empty quarter says so and names --all.
        #expect(try s.ok(["goals", "--quarter", "2025-Q4"]) == "No goals in 2025-Q4; journal goals --all lists every quarter's\n")
        #expect(try s.ok(["goals"], env: ["JOURNAL_NOW": "2025-10-02T09:00"]) == "No goals in 2025-Q4; journal goals --all lists every quarter's\n")
        expectRefusal(try s.run(["goals", "--all", "--quarter", "2025-Q2"]), status: 64, mentioning: ["--all and --quarter"])
        expectRefusal(try s.run(["goals", "--quarter", "2025-Q9"]), status: 64)
    }

    @Test func goalsJSON() throws {
        let s = try Self.journal()
        let json = try jsonObject(try s.ok(["goals", "--all", "--format", "json"]))
        #expect(json["quarter"] is NSNull && json["today"] as? String == "2025-04-10")
        let goals = try #require(json["goals"] as? [[String: Any]])
        #expect(goals.map { $0["key"] as? String } == ["aws", "network", "portfolio"])
        #expect(Set(goals[0].keys) == ["key", "quarter", "title", "status", "onTrack", "weeksBehind", "daysOverdue", "target",
                                       "current", "unit", "done", "total", "due", "deadline"])
        #expect(goals[1]["target"] as? Double == 15 && goals[1]["status"] as? String == "active" && goals[1]["onTrack"] as? Bool == false)
        #expect(goals[2]["deadline"] as? String == "2025-09-30" && goals[2]["due"] is NSNull)
        #expect(try jsonObject(try s.ok(["goals", "--format", "json"]))["quarter"] as? String == "2025-Q2")
    }
}

/// The overview shows the timer `journal start` left running, read from the log by a later process, and stops
/// showing it once it is stopped or cancelled.
@Suite("The overview and the running timer")
struct OverviewTimerTests {
    @Test func aRunningTimerShowsUnderTheHeadlineUntilItStops() throws {
        let s = try OverviewAndGoalsTests.journal()
        _ = try s.ok(["start", "Practice exam", "--goal", "aws/3", "--tag", "exam"], env: ["JOURNAL_NOW": "2025-04-14T22:30"])
        // A new process, after midnight: the timer is a fact of the log, not of the process that started it.
        let screen = try s.runProcess([], env: ["JOURNAL_NOW": "2025-04-15T00:12"])
        #expect(screen.status == 0)
        let lines = screen.stdoutLines
        #expect(lines.first == "2025-Q2 sprint: week 3 of 13, 77 days left (today Apr 15)")
        #expect(lines.dropFirst().first
            == "Timer running: Practice exam #exam (aws/3), 1h42 since 2025-04-14 22:30")
        let json = try JSONDecoder().decode(JSON.self, from: Data(try s.ok(["--format", "json"], env: ["JOURNAL_NOW": "2025-04-15T00:12"]).utf8))
        #expect(json["timer"]?["text"] == .string("Practice exam"))
        #expect(json["timer"]?["goal"] == .string("aws"))
        #expect(json["timer"]?["milestone"] == .number(3))
        #expect(json["timer"]?["minutes"] == .number(102))
        #expect(json["timer"]?["startedAt"] == .string("2025-04-14T22:30:00.000Z"))
        _ = try s.ok(["stop"], env: ["JOURNAL_NOW": "2025-04-15T00:12"])
        let after = try s.ok([], env: ["JOURNAL_NOW": "2025-04-15T00:13"])
        #expect(!after.contains("Timer running"), "\(after)")
        #expect(try JSONDecoder().decode(JSON.self, from: Data(try s.ok(["--format", "json"], env: ["JOURNAL_NOW": "2025-04-15T00:13"]).utf8))["timer"] == .null)
    }

    @Test func aCancelledTimerLeavesTheOverview() throws {
        let s = try OverviewAndGoalsTests.journal()
        _ = try s.ok(["start", "Email"], env: ["JOURNAL_NOW": "2025-04-10T09:00"])
        #expect(try s.ok([], env: ["JOURNAL_NOW": "2025-04-10T09:05"]).contains("Timer running: Email, 5m since 09:00"))
        _ = try s.ok(["cancel"], env: ["JOURNAL_NOW": "2025-04-10T09:06"])
        #expect(!(try s.ok([], env: ["JOURNAL_NOW": "2025-04-10T09:07"])).contains("Timer"))
    }
}

extension OverviewTimerTests {
    @Test func aTimerOnAGoalRenamedSinceShowsItsKeyNow() throws {
        let s = try OverviewAndGoalsTests.journal()
        _ = try s.ok(["start", "Practice exam", "--goal", "aws/3"], env: ["JOURNAL_NOW": "2025-04-10T09:00"])
        _ = try s.ok(["log", "revise", "aws", "--key", "aws-exam", "--reason", "A clearer key"], env: ["JOURNAL_NOW": "2025-04-10T09:01"])
        let screen = try s.ok([], env: ["JOURNAL_NOW": "2025-04-10T09:30"])
        #expect(screen.contains("Timer running: Practice exam (aws-exam/3), 30m since 09:00"), "\(screen)")
    }
}
