import JournalDomain
import JournalTestSupport
import Projections
import Testing

@Suite("The quarter's chart series")
struct QuarterChartsTests {
    typealias L = LogBuilder

    /// Q2 2025 (Apr 1 - Jun 30): week N starts on Apr 1 + 7(N-1); week 13 is Jun 24-30.
    func journal() -> L {
        var log = L()
        log.goal("aws", "AWS cert", due: "2025-06-15", at: "2025-03-31T10:00")
        log.milestone("aws", 1, weeks: (1, 4), at: "2025-03-31T10:00")
        log.milestone("aws", 2, weeks: (5, 8), at: "2025-03-31T10:00")
        log.milestone("aws", 3, due: "2025-06-15", at: "2025-03-31T10:00")      // week 11 (Jun 10-16)
        log.goal("net", "Network", target: 10, unit: "people", due: "2025-05-31", at: "2025-04-01T10:00")
        log.milestone("net", 1, at: "2025-04-01T10:00")                         // unscheduled: week 13
        log.milestone("net", 2, due: "2025-03-20", at: "2025-04-01T10:00")     // due before the quarter: week 1
        log.goal("talk", "Give a talk", at: "2025-04-01T10:00")
        log.milestone("talk", 1, weeks: (2, 2), at: "2025-04-01T10:00")
        log.add(.goalDropped(GoalDropped(goal: "talk", reason: "no slot")), at: "2025-04-20T10:00")
        log.done("net", 2, at: "2025-04-02T10:00")                              // week 1
        log.done("aws", 1, at: "2025-04-25T10:00")                              // week 4
        log.done("aws", 2, at: "2025-06-04T10:00", on: "2025-05-27T10:00")      // week 9, recorded in week 10
        log.add(.progressMeasured(ProgressMeasured(goal: "net", amount: 3)), at: "2025-04-09T10:00")   // week 2
        log.add(.progressMeasured(ProgressMeasured(goal: "net", amount: 4)), at: "2025-05-01T10:00")   // week 5
        log.activity(goal: "aws", minutes: 90, at: "2025-04-02T10:00")          // week 1
        log.activity(minutes: 30, at: "2025-04-03T10:00")                       // week 1, unlinked
        log.activity(goal: "talk", minutes: 45, at: "2025-04-09T10:00")         // week 2, a goal dropped later
        log.activity(goal: "net", minutes: 60, at: "2025-06-30T10:00")          // week 13
        log.activity(minutes: 500, at: "2025-07-03T10:00")                      // after the quarter
        return log
    }

    @Test func theBurnUpCountsTheStandingGoalsMilestonesWeekByWeek() {
        let charts = QuarterCharts.report(ledger: Ledger.fold(journal().envelopes), quarter: L.q2, time: L.time("2025-07-10T10:00"))
        #expect(charts.weeks.map(\.week) == Array(1...13))
        #expect(charts.weeks.last?.days == L.date("2025-06-24")...L.date("2025-06-30"))
        // talk was dropped: its milestone is not in the plan. net/2 (due before the quarter) counts in week 1,
        // aws/1 in week 4, aws/2 in week 8, aws/3 in week 11, net/1 (unscheduled) in week 13.
        #expect(charts.milestoneTotal == 5)
        #expect(charts.weeks.map(\.milestonesPlanned) == [1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 4, 4, 5])
        #expect(charts.weeks.map(\.milestonesDone) == [1, 1, 1, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3])
        #expect(charts.weeks.allSatisfy { $0.counted })
    }

    @Test func effortIsSplitIntoLinkedAndUnlinkedMinutesAndPerGoal() {
        let charts = QuarterCharts.report(ledger: Ledger.fold(journal().envelopes), quarter: L.q2, time: L.time("2025-07-10T10:00"))
        #expect(charts.weeks.map(\.minutesLinked) == [90, 45, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 60])
        #expect(charts.weeks.map(\.minutesUnlinked) == [30, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0])
        #expect(charts.goalMinutes.map(\.key) == ["aws", "net", "talk"])
        #expect(charts.goalMinutes[0].minutes == [90] + Array(repeating: 0, count: 12))
        #expect(charts.goalMinutes[2].minutes == [0, 45] + Array(repeating: 0, count: 11))
        #expect(charts.goalMinutes.map(\.total) == [90, 60, 45])
    }

    @Test func aNumericGoalHasARoadAndTheOthersAreNamed() throws {
        let charts = QuarterCharts.report(ledger: Ledger.fold(journal().envelopes), quarter: L.q2, time: L.time("2025-07-10T10:00"))
        #expect(charts.withoutTarget == ["aws"])
        let road = try #require(charts.roads.first)
        #expect(charts.roads.count == 1)
        #expect(road.key == "net" && road.target == 10 && road.unit == "people" && road.reaches == L.date("2025-05-31"))
        #expect(road.points.map(\.week) == Array(1...13))
        #expect(road.points.map(\.actual) == [0, 3, 3, 3, 7, 7, 7, 7, 7, 7, 7, 7, 7])
        #expect(road.current == 7)
        // Apr 1 to May 31 is 60 days: week 1 ends on Apr 7 (day 6), week 2 on Apr 14 (day 13); from week 9
        // (ending Jun 2) the road stands at the target.
        #expect(road.points[0].day == L.date("2025-04-07") && road.points[0].expected == 1)
        #expect(abs(road.points[1].expected - 10.0 * 13 / 60) < 1e-9)
        #expect(road.points[8...].allSatisfy { $0.expected == 10 })
    }

    @Test func aSprintCountsUpToTodayAndKeepsThePlanAhead() throws {
        let ledger = Ledger.fold(journal().envelopes)
        // Thursday May 29, week 9 (May 27 - Jun 2): aws/2 was done on May 27 but recorded only on Jun 4.
        let charts = QuarterCharts.sprint(ledger: ledger, quarter: L.q2, time: L.time("2025-05-29T12:00"))
        #expect(charts.through == L.date("2025-05-29"))
        #expect(charts.weeks.filter(\.counted).map(\.week) == Array(1...9))
        #expect(charts.weeks[9...].allSatisfy { $0.milestonesDone == nil && $0.minutesLinked == nil && $0.minutesUnlinked == nil })
        #expect(charts.weeks.map(\.milestonesPlanned) == [1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 4, 4, 5])
        #expect(charts.weeks.compactMap(\.milestonesDone) == [1, 1, 1, 2, 2, 2, 2, 2, 2])
        #expect(charts.goalMinutes.allSatisfy { $0.minutes.count == 9 })
        let road = try #require(charts.roads.first)
        #expect(road.points.count == 9)
        #expect(road.points.last?.day == L.date("2025-05-29"))
        #expect(abs((road.points.last?.expected ?? 0) - 10.0 * 58 / 60) < 1e-9)
    }

    @Test func beforeTheQuarterNothingIsCounted() {
        let charts = QuarterCharts.sprint(ledger: Ledger.fold(journal().envelopes), quarter: L.q2, time: L.time("2025-03-31T12:00"))
        #expect(charts.weeks.filter(\.counted).isEmpty)
        // Only aws is set by then; it has no target.
        #expect(charts.roads.isEmpty && charts.withoutTarget == ["aws"])
        #expect(charts.goalMinutes.map(\.key) == ["aws"] && charts.goalMinutes[0].minutes.isEmpty)
        #expect(charts.weeks.last?.milestonesPlanned == 3)
    }

    @Test func asKnownAtLeavesOutWhatWasRecordedLater() {
        let ledger = Ledger.fold(journal().envelopes)
        let charts = QuarterCharts.report(ledger: ledger, quarter: L.q2, asKnownAt: L.date("2025-06-01"), time: L.time("2025-07-10T10:00"))
        // aws/2, backdated to May 27, was recorded on Jun 4.
        #expect(charts.weeks.last?.milestonesDone == 2)
    }

    @Test func theRoadIsThePacesRoad() {
        let start = L.date("2025-04-01"), end = L.date("2025-05-31")
        #expect(Pace.road(target: 10, from: start, to: end, on: L.date("2025-03-01")) == 0)
        #expect(Pace.road(target: 10, from: start, to: end, on: L.date("2025-05-01")) == 5)
        #expect(Pace.road(target: 10, from: start, to: end, on: L.date("2025-06-30")) == 10)
        #expect(Pace.road(target: 10, from: start, to: start, on: start) == 10)
    }
}
