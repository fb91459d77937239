import Foundation
import Testing

/// `journal insights --calibration` through the built binary: the figures in text and json, the empty case,
/// and the usage errors.
@Suite("journal insights --calibration")
struct CalibrationCommandTests {
    /// Three past quarters, logged as they happened; read on 2025-07-15 (2025-Q3 runs):
    /// - 2024-Q4: aws 90% completed Dec 20 (1); blog 30% dropped (0).
    /// - 2025-Q1: talk 80% completed Apr 3, after the quarter (0); mentor 70% never completed (0); course with no
    ///   confidence completed Mar 10 (1).
    /// - 2025-Q2: lead 60% completed Jun 20 (1); network 50% still active (0).
    /// - 2025-Q3: now 95% completed Jul 10, not counted: its quarter has not ended.
    func history() throws -> Sandbox {
        try PreparedJournals.sandbox("history", now: "2024-10-01T09:00") { s in
            try s.log("goal", "Pass the AWS exam", "--quarter", "2024-Q4", "--key", "aws", "--confidence", "90")
            try s.log("goal", "Write three blog posts", "--quarter", "2024-Q4", "--key", "blog", "--confidence", "30")
            s.environment["JOURNAL_NOW"] = "2025-01-02T09:00"
            try s.log("drop", "blog", "--reason", "No time after the reorg", "--on", "2024-11-15")
            try s.log("complete", "aws", "--on", "2024-12-20")
            try s.log("goal", "Give a talk at the meetup", "--quarter", "2025-Q1", "--key", "talk", "--confidence", "80")
            try s.log("goal", "Mentor a junior engineer", "--quarter", "2025-Q1", "--key", "mentor", "--confidence", "70")
            try s.log("goal", "Finish the Kotlin course", "--quarter", "2025-Q1", "--key", "course")
            s.environment["JOURNAL_NOW"] = "2025-04-05T09:00"
            try s.log("complete", "course", "--on", "2025-03-10")
            try s.log("complete", "talk", "--on", "2025-04-03")
            try s.log("goal", "Lead the migration project", "--quarter", "2025-Q2", "--key", "lead", "--confidence", "60")
            try s.log("goal", "Build a data engineering network", "--quarter", "2025-Q2", "--key", "network", "--confidence", "50")
            s.environment["JOURNAL_NOW"] = "2025-07-15T18:00"
            try s.log("complete", "lead", "--on", "2025-06-20")
            try s.log("goal", "Ship the new pipeline", "--quarter", "2025-Q3", "--key", "now", "--confidence", "95")
            try s.log("complete", "now", "--on", "2025-07-10")
        }
    }

    @Test func textShowsTheScoreTheBandsTheVerdictAndTheSprintSize() throws {
        let s = try history()
        let out = try s.ok(["insights", "--calibration"])
        #expect(out.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) == [
            "Calibration over 3 past quarters (2024-Q4 to 2025-Q2): 7 goals, 6 with a stated confidence",
            "Brier score 0.27 (0 is perfect; always saying 50% scores 0.25)",
            "",
            "stated   goals  said  completed",
            "21-40%       1   30%         0%",
            "41-60%       2   55%        50%",
            "61-80%       2   75%         0%",
            "81-100%      1   90%       100%",
            "You said 63% on average and completed 33%: overconfident by 30 points.",
            "",
            "quarter  set  completed",
            "2024-Q4    2          1",
            "2025-Q1    3          1",
            "2025-Q2    2          1",
            "Goals a quarter: 2.3 set, 1.0 completed. Suggested sprint size: 1 goal.",
            "",
        ])
    }

    @Test func jsonHasTheDocumentedFieldsInOrderAndTheFigures() throws {
        let s = try history()
        let raw = try s.ok(["insights", "--calibration", "--format", "json"])
        let doc = try JSONDecoder().decode(JSON.self, from: Data(raw.utf8))
        let fields = ["quarters", "quarter", "goalsSet", "goalsCompleted", "goalsTotal", "goalsWithConfidence", "brierScore",
                      "bands", "from", "to", "goals", "meanConfidence", "completionRate", "meanConfidence", "completionRate",
                      "gap", "averageSet", "averageCompleted", "suggestedSprintSize", "today", "outcomes", "key", "quarter",
                      "confidence", "completed"]
        var cursor = raw.startIndex
        for key in fields {
            let found = raw.range(of: "\"\(key)\":", range: cursor..<raw.endIndex)
            #expect(found != nil, "\(key) after the field before it")
            cursor = found?.upperBound ?? cursor
        }
        #expect(doc.keys == ["quarters", "goalsTotal", "goalsWithConfidence", "brierScore", "bands", "meanConfidence",
                             "completionRate", "gap", "averageSet", "averageCompleted", "suggestedSprintSize", "today", "outcomes"])

        #expect(doc["quarters"] == [
            .object(["quarter": "2024-Q4", "goalsSet": 2, "goalsCompleted": 1]),
            .object(["quarter": "2025-Q1", "goalsSet": 3, "goalsCompleted": 1]),
            .object(["quarter": "2025-Q2", "goalsSet": 2, "goalsCompleted": 1]),
        ])
        #expect(doc["goalsTotal"] == 7 && doc["goalsWithConfidence"] == 6)
        // (0.9-1)² + (0.3-0)² + (0.8-0)² + (0.7-0)² + (0.6-1)² + (0.5-0)² = 1.64, over 6 goals.
        #expect(doc["brierScore"] == 0.2733)
        #expect(doc["bands"] == [
            .object(["from": 0, "to": 20, "goals": 0, "meanConfidence": .null, "completionRate": .null]),
            .object(["from": 21, "to": 40, "goals": 1, "meanConfidence": 30, "completionRate": 0]),
            .object(["from": 41, "to": 60, "goals": 2, "meanConfidence": 55, "completionRate": 0.5]),
            .object(["from": 61, "to": 80, "goals": 2, "meanConfidence": 75, "completionRate": 0]),
            .object(["from": 81, "to": 100, "goals": 1, "meanConfidence": 90, "completionRate": 1]),
        ])
        #expect(doc["meanConfidence"] == 63.33 && doc["completionRate"] == 0.3333 && doc["gap"] == 30)
        #expect(doc["averageSet"] == 2.33 && doc["averageCompleted"] == 1 && doc["suggestedSprintSize"] == 1)
        #expect(doc["today"] == "2025-07-15")
        #expect(doc["outcomes"] == [
            .object(["key": "aws", "quarter": "2024-Q4", "confidence": 90, "completed": true]),
            .object(["key": "blog", "quarter": "2024-Q4", "confidence": 30, "completed": false]),
            .object(["key": "talk", "quarter": "2025-Q1", "confidence": 80, "completed": false]),
            .object(["key": "mentor", "quarter": "2025-Q1", "confidence": 70, "completed": false]),
            .object(["key": "course", "quarter": "2025-Q1", "confidence": .null, "completed": true]),
            .object(["key": "lead", "quarter": "2025-Q2", "confidence": 60, "completed": true]),
            .object(["key": "network", "quarter": "2025-Q2", "confidence": 50, "completed": false]),
        ])
    }

    @Test func markdownHasTheTables() throws {
        let s = try history()
        let lines = try s.ok(["insights", "--calibration", "--format", "markdown"]).split(separator: "\n").map(String.init)
        #expect(lines.first == "# Calibration")
        #expect(lines.contains("Over 3 past quarters (2024-Q4 to 2025-Q2): 7 goals, 6 with a stated confidence."))
        #expect(lines.contains("| 41-60% | 2 | 55% | 50% |"))
        #expect(lines.contains("| 2025-Q1 | 3 | 1 |"))
        #expect(lines.last == "Goals a quarter: 2.3 set, 1.0 completed. Suggested sprint size: 1 goal.")
    }

    @Test func withNoPastQuarterItSaysSoAndHowToStateConfidence() throws {
        let s = try Sandbox(now: "2025-04-10T09:00")
        try s.log("goal", "Pass the AWS exam", "--quarter", "2025-Q2", "--key", "aws", "--confidence", "70")
        let out = try s.ok(["insights", "--calibration"])
        #expect(out == "Nothing to calibrate yet: no goal belongs to a quarter that has ended. State how sure you are "
            + "when you set a goal (journal log goal TITLE --quarter Q --confidence 70); once its quarter is over, this compares "
            + "what you said with what you completed.\n")
        let raw = try s.ok(["insights", "--calibration", "--format", "json"])
        let doc = try JSONDecoder().decode(JSON.self, from: Data(raw.utf8))
        #expect(doc["quarters"] == [] && doc["goalsTotal"] == 0 && doc["brierScore"] == .null
            && doc["suggestedSprintSize"] == .null && doc["outcomes"] == [])
    }

    @Test func pastGoalsWithoutConfidenceGiveNoScoreButTheSprintSize() throws {
        let s = try Sandbox(now: "2025-01-02T09:00")
        try s.log("goal", "Finish the Kotlin course", "--quarter", "2025-Q1", "--key", "course")
        try s.log("goal", "Give a talk at the meetup", "--quarter", "2025-Q1", "--key", "talk")
        s.environment["JOURNAL_NOW"] = "2025-04-02T09:00"
        try s.log("complete", "course", "--on", "2025-02-01")
        try s.log("complete", "talk", "--on", "2025-03-01")
        let out = try s.ok(["insights", "--calibration"])
        #expect(out.split(separator: "\n").map(String.init) == [
            "Calibration over 1 past quarter (2025-Q1): 2 goals, 0 with a stated confidence",
            "No goal of a past quarter has a stated confidence, so there is no Brier score yet; give one when you set "
                + "a goal: journal log goal TITLE --quarter Q --confidence 70",
            "quarter  set  completed",
            "2025-Q1    2          2",
            "Goals a quarter: 2.0 set, 2.0 completed. Suggested sprint size: 2 goals.",
        ])
    }

    @Test func calibrationWithAPeriodIsAUsageError() throws {
        let s = try history()
        let before = try s.count()
        for extra in [["--quarter", "2025-Q2"], ["--since", "2025-04-01"], ["--since", "2025-04-01", "--until", "2025-04-30"]] {
            let result = try s.run(["insights", "--calibration"] + extra)
            expectRefusal(result, status: 64, mentioning: ["--calibration", "drop them"])
        }
        #expect(try s.count() == before)
    }
}
