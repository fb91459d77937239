import Foundation
import Testing

/// `journal insights` through the built binary: the three formats, the periods and the usage errors.
@Suite("journal insights")
struct InsightsCommandTests {
    /// Today is 2025-05-10 (week 6 of 2025-Q2). aws: two milestones done, the second recently; network:
    /// effort since April and nothing done; one hour linked to no goal in Q2, 500 minutes in Q1.
    func sprint() throws -> Sandbox {
        try PreparedJournals.sandbox("sprint", now: "2025-05-10T18:00") { s in
            try s.log("goal", "AWS certification", "--quarter", "2025-Q2", "--key", "aws", "--due", "2025-05-10")
            try s.log("milestone", "aws", "Sections 1-5", "--week", "1")
            try s.log("milestone", "aws", "Practice exams", "--week", "2")
            try s.log("goal", "Data engineering network", "--quarter", "2025-Q2", "--key", "network")
            try s.log("activity", "Old habits", "--minutes", "500", "--on", "2025-03-20")
            try s.log("activity", "Study", "--goal", "aws", "--minutes", "120", "--on", "2025-04-08")
            try s.log("done", "aws/1", "--on", "2025-04-09")
            try s.log("activity", "Meetup", "--goal", "network", "--minutes", "90", "--on", "2025-04-10")
            try s.log("activity", "Email triage", "--minutes", "60", "--on", "2025-04-15")
            try s.log("activity", "Calls", "--goal", "network", "--minutes", "30", "--on", "2025-05-02")
            try s.log("done", "aws/2", "--on", "2025-05-05")
            try s.log("activity", "Review", "--goal", "aws", "--minutes", "30", "--on", "2025-05-08")
        }
    }

    func json(_ s: Sandbox, _ arguments: [String] = [], sourceLocation: SourceLocation = #_sourceLocation) throws -> (JSON, String) {
        let out = try s.ok(["insights", "--format", "json"] + arguments, sourceLocation: sourceLocation)
        return (try JSONDecoder().decode(JSON.self, from: Data(out.utf8)), out)
    }

    func number(_ value: JSON?) -> Double? {
        if case .number(let n)? = value { return n }
        return nil
    }

    @Test func jsonHasTheDocumentedFieldsInOrderAndTheFigures() throws {
        let s = try sprint()
        let (doc, raw) = try json(s)
        #expect(doc.keys == ["period", "effort", "goals", "warnings", "weeks"])
        #expect(doc["period"]?.keys == ["kind", "quarter", "from", "to", "through"])
        #expect(doc["effort"]?.keys == ["minutesLinked", "minutesUnlinked", "unlinkedShare"])
        let goalKeys: Set<String> = ["key", "minutes", "milestonesDone", "minutesPerMilestone", "stuckWeeks", "crammedShare",
                                     "busyButStuck", "status"]
        #expect(doc["goals"]?[0]?.keys == goalKeys && doc["goals"]?[1]?.keys == goalKeys)
        #expect(doc["warnings"]?[0]?.keys == ["code", "goal", "message"])
        #expect(doc["weeks"]?[0]?.keys == ["from", "minutesLinked", "minutesUnlinked"])
        // Documented order: each field appears after the one before it.
        var cursor = raw.startIndex
        for key in ["period", "kind", "quarter", "from", "to", "through", "effort", "minutesLinked", "minutesUnlinked",
                    "unlinkedShare", "goals", "key", "minutes", "milestonesDone", "minutesPerMilestone", "stuckWeeks",
                    "crammedShare", "busyButStuck", "status", "warnings", "code", "goal", "message", "weeks"] {
            let found = raw.range(of: "\"\(key)\":", range: cursor..<raw.endIndex)
            #expect(found != nil, "\(key) after the field before it")
            cursor = found?.upperBound ?? cursor
        }

        #expect(doc["period"] == .object(["kind": "quarter", "quarter": "2025-Q2", "from": "2025-04-01",
                                          "to": "2025-06-30", "through": "2025-05-10"]))
        #expect(doc["effort"] == .object(["minutesLinked": 270, "minutesUnlinked": 60, "unlinkedShare": 0.1818]))
        #expect(doc["goals"] == [
            // Stuck weeks are the sprint weeks with effort since the last milestone done: aws's week 6 (May 8,
            // after aws/2 on May 5), network's weeks 2 and 5.
            .object(["key": "aws", "minutes": 150, "milestonesDone": 2, "minutesPerMilestone": 75, "stuckWeeks": 1,
                     "crammedShare": 0.5, "busyButStuck": false, "status": "active"]),
            .object(["key": "network", "minutes": 120, "milestonesDone": 0, "minutesPerMilestone": .null,
                     "stuckWeeks": 2, "crammedShare": 0, "busyButStuck": false, "status": "active"]),
        ])
        let codes = try #require(doc["warnings"].flatMap { w -> [JSON]? in
            if case .array(let items) = w { return items.map { $0["code"] ?? .null } }
            return nil
        })
        #expect(codes == ["no-metric", "no-direction", "no-metric", "no-deadline", "no-direction", "no-milestones",
                          "no-accountability"])
        #expect(doc["warnings"]?[0]?["goal"] == "aws" && doc["warnings"]?[6]?["goal"] == .null)
        if case .array(let weeks)? = doc["weeks"] {
            #expect(weeks.map { number($0["minutesLinked"]) } == [0, 210, 0, 0, 30, 30])
            #expect(weeks.map { number($0["minutesUnlinked"]) } == [0, 0, 60, 0, 0, 0])
        } else {
            Issue.record("weeks is not an array: \(doc)")
        }
    }

    @Test func defaultPeriodIsTheCurrentQuarter() throws {
        let s = try sprint()
        let (byDefault, _) = try json(s)
        let (named, _) = try json(s, ["--quarter", "Q2-2025"])
        #expect(byDefault == named)
        #expect(byDefault["period"]?["quarter"] == "2025-Q2")
        // Another day, another quarter: on 2025-07-02 the default is 2025-Q3, which has no goals and no effort yet.
        let out = try s.ok(["insights", "--format", "json"], env: ["JOURNAL_NOW": "2025-07-02"])
        let q3 = try JSONDecoder().decode(JSON.self, from: Data(out.utf8))
        #expect(q3["period"] == .object(["kind": "quarter", "quarter": "2025-Q3", "from": "2025-07-01",
                                         "to": "2025-09-30", "through": "2025-07-02"]))
        #expect(q3["effort"] == .object(["minutesLinked": 0, "minutesUnlinked": 0, "unlinkedShare": 0]))
        #expect(q3["goals"] == [] && q3["warnings"] == [])
    }

    @Test func aPastQuarterIsCountedWhole() throws {
        let s = try sprint()
        let (q1, _) = try json(s, ["--quarter", "2025-Q1"])
        #expect(q1["period"] == .object(["kind": "quarter", "quarter": "2025-Q1", "from": "2025-01-01",
                                         "to": "2025-03-31", "through": "2025-03-31"]))
        #expect(q1["effort"] == .object(["minutesLinked": 0, "minutesUnlinked": 500, "unlinkedShare": 1]))
        #expect(q1["goals"] == [])
        #expect(q1["warnings"]?[0]?["code"] == "busy-not-progress")
        #expect(q1["warnings"]?[0]?["message"]
                == "100% of the effort logged in 2025-Q1 served no goal; ask what you are trying to accomplish, and whether each activity contributes")
    }

    @Test func sinceAndUntil() throws {
        let s = try sprint()
        let (span, _) = try json(s, ["--since", "2025-04-14", "--until", "2025-05-03"])
        #expect(span["period"] == .object(["kind": "dates", "quarter": .null, "from": "2025-04-14",
                                           "to": "2025-05-03", "through": "2025-05-03"]))
        #expect(span["effort"] == .object(["minutesLinked": 30, "minutesUnlinked": 60, "unlinkedShare": 0.6667]))
        #expect(span["goals"] == [.object(["key": "network", "minutes": 30, "milestonesDone": 0, "minutesPerMilestone": .null,
                                           "stuckWeeks": 1, "crammedShare": 0, "busyButStuck": false, "status": "active"])])
        #expect(span["warnings"] == [.object(["code": "busy-not-progress", "goal": .null, "message":
            "67% of the effort logged in 2025-04-14 to 2025-05-03 served no goal; ask what you are trying to accomplish, and whether each activity contributes"])])

        // --since alone runs to today.
        let (recent, _) = try json(s, ["--since", "2025-05-01"])
        #expect(recent["period"]?["to"] == "2025-05-10" && recent["period"]?["through"] == "2025-05-10")
        #expect(recent["effort"] == .object(["minutesLinked": 60, "minutesUnlinked": 0, "unlinkedShare": 0]))
        #expect(recent["goals"]?[0]?["key"] == "aws" && recent["goals"]?[0]?["minutesPerMilestone"] == 30)
        #expect(recent["goals"]?[1]?["key"] == "network" && recent["goals"]?[1]?["stuckWeeks"] == 1)
        #expect(recent["warnings"] == [])
    }

    @Test func textShowsTheSplitTheTableFindingsAndWarnings() throws {
        let s = try sprint()
        let lines = try s.ok(["insights"]).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0] == "Insights 2025-Q2: Apr 1 to Jun 30, counted to May 10")
        #expect(lines[1] == "Effort    4h30 linked to a goal, 1h to none  ██░░░░░░░░ 18% unlinked")
        #expect(lines[2].hasPrefix("Weekly    "))
        #expect(lines[4...6] == [
            "goal     minutes  done  min/milestone  stuck weeks  crammed",
            "aws         2h30     2           1h15            1      50%",
            "network       2h     0              -            2       0%",
        ])
        // network's effort fell in two sprint weeks: under the three that make a finding.
        #expect(lines.contains("Findings: none busy but stuck"))
        #expect(lines.contains("Warnings"))
        #expect(lines.contains { $0.hasPrefix("  [no-accountability] no accountability partner") })
        #expect(!lines.contains { $0.contains("busy-not-progress") })
    }

    @Test func markdownIsADocumentWithATableAndWarnings() throws {
        let s = try sprint()
        let out = try s.ok(["insights", "--format", "markdown", "--since", "2025-04-14", "--until", "2025-05-03"])
        let lines = out.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0] == "# Insights: 2025-04-14 to 2025-05-03")
        #expect(lines.contains("Effort: 30m linked to a goal, 1h linked to none (67% unlinked)."))
        #expect(lines.contains("| goal | minutes | milestones done | minutes per milestone | stuck weeks | crammed |"))
        #expect(lines.contains("| network | 30 | 0 | - | 1 | 0% |"))
        #expect(lines.contains("## Warnings"))
        #expect(lines.contains { $0.hasPrefix("- `busy-not-progress`: 67% of the effort logged in 2025-04-14 to 2025-05-03") })
        let quarter = try s.ok(["insights", "--format", "markdown"])
        #expect(quarter.hasPrefix("# Insights: 2025-Q2\n"))
        #expect(quarter.contains("| aws | 150 | 2 | 75 | 1 | 50% |"))
        #expect(!quarter.contains("## Findings"))
    }

    @Test func usageErrorsExit64WithOneLineAndAppendNothing() throws {
        let s = try sprint()
        let before = try s.count()
        expectRefusal(try s.run("insights", "--quarter", "2025-Q2", "--since", "2025-04-01"), status: 64,
                      mentioning: ["--quarter", "not several"])
        expectRefusal(try s.run("insights", "--quarter", "2025-Q2", "--until", "2025-04-30"), status: 64,
                      mentioning: ["not several"])
        expectRefusal(try s.run("insights", "--until", "2025-04-30"), status: 64, mentioning: ["--until needs --since"])
        expectRefusal(try s.run("insights", "--since", "2025-05-03", "--until", "2025-05-01"), status: 64,
                      mentioning: ["--since 2025-05-03 is after --until (2025-05-01)"])
        expectRefusal(try s.run("insights", "--since", "2025-06-01"), status: 64, mentioning: ["after today (2025-05-10)"])
        expectRefusal(try s.run("insights", "--quarter", "2025-Q5"), status: 64, mentioning: ["2025-Q5"])
        expectRefusal(try s.run("insights", "--since", "2025-02-30"), status: 64, mentioning: ["--since", "2025-02-30"])
        expectRefusal(try s.run("insights", "--format", "xml"), status: 64)
        #expect(try s.count() == before)
    }
}
