import JournalDomain
import JournalTestSupport
import Projections
import Testing

/// Given a goal's plan and progress, when the board is read on a day, then "behind" means whole weeks behind:
/// never in week 1 for the road alone, whole weeks of the goal's weekly rate, and small targets with
/// milestones judged by their milestones.
@Suite("Behind means behind")
struct BehindTests {
    typealias L = LogBuilder
    /// 2025-Q3 runs from Tuesday Jul 1 to Tuesday Sep 30 (91 days); its week 2 starts Jul 8.
    static let q3 = Quarter(parsing: "2025-Q3") ?? L.q2

    func card(_ log: L, on now: String) throws -> SprintBoard.Card {
        try #require(SprintBoard(ledger: Ledger.fold(log.envelopes), quarter: Self.q3, time: L.time(now)).goals.first)
    }

    func numeric(target: Double, due: String = "2025-09-30", progress: Double = 0, milestones: [String] = []) -> L {
        var log = L()
        log.goal("g", quarter: Self.q3, target: target, unit: "u", due: due, at: "2025-07-01T09:00")
        for (index, due) in milestones.enumerated() { log.milestone("g", index + 1, due: due, at: "2025-07-01T09:00") }
        if progress > 0 { log.add(.progressMeasured(ProgressMeasured(goal: "g", amount: progress)), at: "2025-07-01T10:00") }
        return log
    }

    @Test func weekOneNeverSaysBehindForTheRoadAlone() throws {
        // The reproduction: 7 courses due Sep 17, nothing done on Jul 2; the road says 0.09.
        let log = numeric(target: 7, due: "2025-09-17")
        let july2 = try card(log, on: "2025-07-02T12:00")
        #expect(abs((july2.expected ?? 0) - 7.0 / 78) < 1e-9)
        #expect(july2.onTrack && july2.weeksBehind == 0)
        #expect(try card(log, on: "2025-07-07T23:00").onTrack, "the last day of week 1")
        // A whole week of the road gone by with nothing done is one week behind.
        let week2 = try card(log, on: "2025-07-08T09:00")
        #expect(!week2.onTrack && week2.weeksBehind == 1)
    }

    @Test func aLateMilestoneStillCountsInWeekOne() throws {
        var log = L()
        log.goal("g", quarter: Self.q3, due: "2025-09-30", at: "2025-07-01T09:00")
        log.milestone("g", 1, due: "2025-07-02", at: "2025-07-01T09:00")
        let board = try card(log, on: "2025-07-04T12:00")
        #expect(!board.onTrack && board.weeksBehind == 1)
    }

    @Test func theRoadsLagCountsWholeWeeksOfTheWeeklyRate() throws {
        // 15 by Sep 30: 15 / 13 weeks = 1.15 a week. On Aug 4 (day 34) the road says 5.6.
        let day = "2025-08-04T12:00"
        // 3 done: 2.6 short, 2.26 weeks of the rate (started weeks would have said 3).
        let three = try card(numeric(target: 15, progress: 3), on: day)
        #expect(abs((three.expected ?? 0) - 15.0 * 34 / 91) < 1e-9)
        #expect(!three.onTrack && three.weeksBehind == 2)
        // 4 done: 1.6 short, 1.39 weeks of the rate: one week behind.
        #expect(try card(numeric(target: 15, progress: 4), on: day).weeksBehind == 1)
        // 5 done: 0.6 short, 0.52 weeks of the rate, is within a week of the road: on track.
        let five = try card(numeric(target: 15, progress: 5), on: day)
        #expect(five.onTrack && five.weeksBehind == 0)
    }

    @Test func aSmallTargetWithMilestonesIsJudgedByThem() throws {
        // The reproduction: two case studies due Sep 30, the first due Aug 11; on Aug 4 it said "5 weeks behind".
        let log = numeric(target: 2, milestones: ["2025-08-11", "2025-09-22"])
        let aug4 = try card(log, on: "2025-08-04T12:00")
        #expect(aug4.onTrack && aug4.weeksBehind == 0)
        // The road still informs: the board shows where it stands.
        #expect(abs((aug4.expected ?? 0) - 2.0 * 34 / 91) < 1e-9)
        // The first case study late by a day: one week behind, by the milestone.
        let aug12 = try card(log, on: "2025-08-12T12:00")
        #expect(!aug12.onTrack && aug12.weeksBehind == 1 && aug12.milestones.map(\.late) == [true, false])
        // Without milestones the road judges it: 34 days is four whole weeks of its rate.
        #expect(try card(numeric(target: 2), on: "2025-08-04T12:00").weeksBehind == 4)
    }

    @Test func smallMeansThirteenUnitsOrFewer() throws {
        // 13 units: one a week; its milestones on schedule judge it.
        #expect(try card(numeric(target: 13, milestones: ["2025-09-01"]), on: "2025-08-04T12:00").onTrack)
        // 14 with milestones all on schedule but 34 days behind its road: four weeks behind.
        let fourteen = try card(numeric(target: 14, milestones: ["2025-09-01"]), on: "2025-08-04T12:00")
        #expect(!fourteen.onTrack && fourteen.weeksBehind == 4 && fourteen.milestones.map(\.late) == [false])
    }

    @Test func milestonesOnScheduleAndWithinAWeekOfTheRoadIsOnTrack() throws {
        // 20 by Sep 30 (1.54 a week); on Aug 4 the road says 7.47. 6.5 done is 0.63 weeks short.
        let close = try card(numeric(target: 20, progress: 6.5, milestones: ["2025-08-31"]), on: "2025-08-04T12:00")
        #expect(close.onTrack && close.weeksBehind == 0)
        // 5.5 done is 1.28 weeks short: one week behind although the milestone is on schedule.
        let behind = try card(numeric(target: 20, progress: 5.5, milestones: ["2025-08-31"]), on: "2025-08-04T12:00")
        #expect(!behind.onTrack && behind.weeksBehind == 1)
    }

    @Test func behindNotRevisedFollowsTheNewFigure() throws {
        func behindWarnings(_ log: L, on now: String) -> [String] {
            Warnings.forSprint(quarter: Self.q3, ledger: Ledger.fold(log.envelopes), time: L.time(now))
                .filter { $0.code == .behindNotRevised }.map(\.message)
        }
        // The case studies on Aug 4: on track by their milestones, so nothing to revise.
        #expect(behindWarnings(numeric(target: 2, milestones: ["2025-08-11", "2025-09-22"]), on: "2025-08-04T12:00") == [])
        // 13 days behind the road of 7 courses due Sep 17 is one whole week: not yet worth the warning.
        #expect(try card(numeric(target: 7, due: "2025-09-17"), on: "2025-07-14T12:00").weeksBehind == 1)
        #expect(behindWarnings(numeric(target: 7, due: "2025-09-17"), on: "2025-07-14T12:00") == [])
        // On Aug 4, 34 days: four weeks, as the message says.
        #expect(behindWarnings(numeric(target: 7, due: "2025-09-17"), on: "2025-08-04T12:00")
            == ["g is 4 weeks behind and has not been revised in four weeks; catch up, or revise it with a reason"])
    }
}
