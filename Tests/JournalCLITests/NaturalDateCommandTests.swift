import Foundation
import Testing

/// Natural dates, ISO weeks and relative quarters through the binary. "Now" is Thursday 2025-04-10, 09:00 UTC.
@Suite("Natural dates on the command line")
struct NaturalDateCommandTests {
    @Test func goalsAndMilestonesTakeRelativeQuartersAndCalendarWeeks() throws {
        let s = try Sandbox()
        try s.log("goal", "Pass the AWS exam", "--quarter", "this-quarter", "--key", "aws", "--due", "next-week")
        var goal = try s.lastEvent().payload
        #expect(goal["quarter"] == "2025-Q2")
        // A week given as a deadline is its Sunday.
        #expect(goal["due"] == "2025-04-20")

        // 2025-Q2 starts on a Tuesday, so the ISO week of Apr 14-20 spans sprint weeks 2 and 3.
        try s.log("milestone", "aws", "Read the guide", "--week", "2025-W16")
        #expect(try s.lastEvent().payload["weeks"] == [2, 3])
        try s.log("milestone", "aws", "Practice exam", "--week", "next-week")
        #expect(try s.lastEvent().payload["weeks"] == [2, 3])
        // A plain number is still a sprint week.
        try s.log("milestone", "aws", "Book the exam", "--week", "5")
        #expect(try s.lastEvent().payload["weeks"] == [5, 5])
        try s.log("milestone", "aws", "Take the exam", "--due", "2025-W20")
        #expect(try s.lastEvent().payload["due"] == "2025-05-18")

        try s.log("goal", "Grow the network", "--quarter", "next-quarter", "--key", "network", "--metric", "10 people")
        goal = try s.lastEvent().payload
        #expect(goal["quarter"] == "2025-Q3")
    }

    @Test func aDirectionsHorizonIsAYearOrAnyDateForm() throws {
        let s = try Sandbox()
        try s.log("direction", "Lead a data team", "--key", "lead", "--by", "2028")
        #expect(try s.lastEvent().payload["by"] == "2028")
        try s.log("direction", "Lead a data team", "--key", "lead", "--by", "2028-W26")
        #expect(try s.lastEvent().payload["by"] == "2028-07-02")
        expectRefusal(try s.run("log", "direction", "Lead", "--key", "lead", "--by", "someday"), status: 64,
                      mentioning: ["--by", "2028"])
    }

    @Test func aWeekOutsideTheGoalsQuarterIsRefusedAndNothingIsRecorded() throws {
        let s = try Sandbox()
        try s.log("goal", "Pass the AWS exam", "--quarter", "2025-Q2", "--key", "aws")
        let before = try s.count()
        expectRefusal(try s.run("log", "milestone", "aws", "Late", "--week", "2025-W40"), status: 64,
                      mentioning: ["2025-W40", "2025-Q2", "2025-W14 to 2025-W27"])
        expectRefusal(try s.run("log", "milestone", "aws", "Never", "--week", "2025-W53"), status: 64, mentioning: ["2025-W53", "not a week"])
        #expect(try s.count() == before)
    }

    @Test func weekdaysMeanTheMostRecentOne() throws {
        let s = try Sandbox()
        try s.log("activity", "Read a chapter", "--minutes", "30", "--on", "monday")
        #expect(try s.lastEvent().occurredAt == "2025-04-07T12:00:00.000Z")
        try s.log("activity", "Wrote notes", "--minutes", "20", "--on", "last thursday")
        #expect(try s.lastEvent().occurredAt == "2025-04-03T12:00:00.000Z")
        try s.log("activity", "Mock interview", "--minutes", "45", "--on", "2025-W14-3")
        #expect(try s.lastEvent().occurredAt == "2025-04-02T12:00:00.000Z")
        // "thursday" on a Thursday is today: now, not a week ago.
        try s.log("activity", "Reviewed", "--minutes", "15", "--on", "thursday")
        #expect(try s.lastEvent().occurredAt == "2025-04-10T09:00:00.000Z")
    }

    @Test func readingCommandsTakeRelativeQuartersAndWeeks() throws {
        let s = try Sandbox.demo(now: "2025-07-09T12:00")
        let report = try JSONDecoder().decode(JSON.self, from: Data(try s.ok(["report", "last-quarter", "--format", "json"]).utf8))
        #expect(report["quarter"] == "2025-Q2")
        let sprint = try JSONDecoder().decode(JSON.self, from: Data(try s.ok(["sprint", "--quarter", "last quarter", "--format", "json"]).utf8))
        #expect(sprint["quarter"] == "2025-Q2")

        // The ISO week of Apr 7-13 2025, asked for by name and by week: the same period and the same minutes.
        let byWeek = try JSONDecoder().decode(JSON.self, from: Data(try s.ok(["insights", "--week", "2025-W15", "--format", "json"]).utf8))
        #expect(byWeek["period"]?["kind"] == "dates")
        #expect(byWeek["period"]?["from"] == "2025-04-07")
        #expect(byWeek["period"]?["to"] == "2025-04-13")
        let bySpan = try JSONDecoder().decode(JSON.self, from: Data(
            try s.ok(["insights", "--since", "2025-W15", "--until", "2025-W15", "--format", "json"]).utf8))
        #expect(bySpan["period"] == byWeek["period"])
        #expect(bySpan["effort"] == byWeek["effort"])

        let lastWeek = try JSONDecoder().decode(JSON.self, from: Data(try s.ok(["insights", "--week", "last-week", "--format", "json"]).utf8))
        #expect(lastWeek["period"]?["from"] == "2025-06-30")
        #expect(lastWeek["period"]?["to"] == "2025-07-06")
    }

    @Test func conflictingPeriodsAndBadWordsAreUsageErrors() throws {
        let s = try Sandbox.demo(now: "2025-07-09T12:00")
        expectRefusal(try s.run("insights", "--week", "last-week", "--quarter", "2025-Q2"), status: 64, mentioning: ["--week"])
        expectRefusal(try s.run("insights", "--week", "someday"), status: 64, mentioning: ["someday", "2025-W07"])
        expectRefusal(try s.run("report", "previous-quarter"), status: 64, mentioning: ["last-quarter"])
        expectRefusal(try s.run("history", "aws", "--as-of", "next tuesday"), status: 64, mentioning: ["next tuesday"])
    }
}
