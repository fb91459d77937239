import Foundation
import JournalDomain
import Projections
import Testing

/// Given a log over quarters and goal moves, when insights look at a period, then every figure is that period's,
/// and effort on a goal not active that day serves no goal.
@Suite("Insights count their period")
struct InsightsPeriodTests {
    let now = TimeContext(now: Instant(date: HandLog.day("2026-02-20"), hour: 18), zone: TimeZone.gmt)

    func days(_ from: String, _ to: String) -> Insights.Period { .dates(from: HandLog.day(from), to: HandLog.day(to)) }

    func move(_ key: String, from: String, to: String) -> JournalEvent {
        .goalRevised(GoalRevised(goal: key, changes: [FieldChange(field: .quarter, from: .text(from), to: .text(to))],
                                 reason: "Unfinished; carried over"))
    }

    @Test func crammedShareCountsOnlyTheMilestonesDoneInThePeriod() {
        // cs is due Sep 30: Sep 17-30 are its last two weeks. One milestone done in August, two in late September.
        var log = HandLog()
        log.goal("cs", quarter: "2025-Q3", due: "2025-09-30", on: "2025-07-01")
        for n in 1...3 { log.milestone("cs", n, on: "2025-07-01") }
        log.activity(60, goal: "cs", on: "2025-08-05")
        log.done("cs", 1, on: "2025-08-10")
        log.done("cs", 2, on: "2025-09-25")
        log.done("cs", 3, on: "2025-09-28")
        let august = Insights(ledger: log.ledger, period: days("2025-08-01", "2025-08-31"), time: now)
        #expect(august.goals.map(\.key) == ["cs"])
        #expect(august.goals[0].milestonesDone == 1 && august.goals[0].crammedShare == 0)
        let september = Insights(ledger: log.ledger, period: days("2025-09-01", "2025-09-30"), time: now)
        #expect(september.goals[0].milestonesDone == 2 && september.goals[0].crammedShare == 1)
        let quarter = Insights(ledger: log.ledger, period: .quarter(HandLog.quarter("2025-Q3")), time: now)
        #expect(abs(quarter.goals[0].crammedShare - 2.0 / 3.0) < 1e-12)
    }

    @Test func aSpanWithNoMilestoneDoneIsNotCrammed() {
        var log = HandLog()
        log.goal("cs", quarter: "2025-Q3", due: "2025-09-30", on: "2025-07-01")
        log.milestone("cs", 1, on: "2025-07-01")
        log.activity(60, goal: "cs", on: "2025-08-05")
        log.done("cs", 1, on: "2025-09-25")
        let august = Insights(ledger: log.ledger, period: days("2025-08-01", "2025-08-31"), time: now)
        #expect(august.goals[0].milestonesDone == 0 && august.goals[0].crammedShare == 0)
    }

    @Test func stuckWeeksAreThePeriodsWeeksWithEffortNotCalendarWeeks() {
        // One session in week 1 and nothing more for two months: one week of effort, not nine.
        var log = HandLog()
        log.goal("net", quarter: "2025-Q3", on: "2025-07-01")
        log.milestone("net", 1, on: "2025-07-01")
        log.activity(90, goal: "net", on: "2025-07-02")
        let insights = Insights(ledger: log.ledger, period: days("2025-07-01", "2025-09-05"), time: now)
        #expect(insights.goals[0].stuckWeeks == 1 && !insights.goals[0].isBusyButStuck)
        // Three sessions in three different weeks: a finding.
        log.activity(30, goal: "net", on: "2025-07-20")
        log.activity(30, goal: "net", on: "2025-08-30")
        let busy = Insights(ledger: log.ledger, period: days("2025-07-01", "2025-09-05"), time: now)
        #expect(busy.goals[0].stuckWeeks == 3 && busy.goals[0].isBusyButStuck && busy.goals[0].stuckMinutes == 150)
    }

    @Test func aFindingNeverQuotesEffortFromBeforeThePeriod() {
        // port: 11h of effort in 2025-Q4 and nothing done, then carried into 2026-Q1 and not touched.
        var log = HandLog()
        log.goal("port", quarter: "2025-Q4", on: "2025-10-01")
        log.milestone("port", 1, on: "2025-10-01")
        for day in ["2025-10-06", "2025-10-20", "2025-11-03", "2025-11-17", "2025-12-01", "2025-12-15"] {
            log.activity(110, goal: "port", on: day)
        }
        log.add(move("port", from: "2025-Q4", to: "2026-Q1"), on: "2026-01-02")
        let q4 = Insights(ledger: log.ledger, period: .quarter(HandLog.quarter("2025-Q4")), time: now)
        #expect(q4.goals.first?.stuckMinutes == 660 && q4.goals.first?.isBusyButStuck == true, "the precondition")
        let q1 = Insights(ledger: log.ledger, period: .quarter(HandLog.quarter("2026-Q1")), time: now)
        #expect(q1.goals.map(\.key) == ["port"])
        let port = q1.goals[0]
        #expect(port.minutes == 0 && port.stuckMinutes == 0 && port.stuckWeeks == 0 && !port.isBusyButStuck)
        #expect(port.stuckSince == HandLog.day("2026-01-01"))
    }

    @Test func effortOnAGoalNotActiveThatDayServesNoGoal() {
        // done: completed Aug 20, forced effort after; old: a Q2 goal never moved, forced effort in Q3;
        // cs: carried from Q3 into Q4 on Oct 1, effort on both sides of the move.
        var log = HandLog()
        log.goal("done", quarter: "2025-Q3", on: "2025-07-01")
        log.activity(60, goal: "done", on: "2025-08-20")
        log.add(.goalCompleted(GoalCompleted(goal: "done")), on: "2025-08-20")
        log.activity(120, goal: "done", on: "2025-08-25")
        log.goal("old", quarter: "2025-Q2", on: "2025-04-01")
        log.activity(45, goal: "old", on: "2025-08-26")
        log.goal("cs", quarter: "2025-Q3", on: "2025-07-01")
        log.activity(30, goal: "cs", on: "2025-09-29")
        log.add(move("cs", from: "2025-Q3", to: "2025-Q4"), on: "2025-10-01")
        log.activity(40, goal: "cs", on: "2025-10-02")
        log.activity(100, on: "2025-08-27")

        let q3 = Insights(ledger: log.ledger, period: .quarter(HandLog.quarter("2025-Q3")), time: now)
        #expect(q3.effort.minutesLinked == 90 && q3.effort.minutesUnlinked == 265)
        #expect(q3.goals.map(\.key) == ["done", "cs"])
        #expect(q3.goals.map(\.minutes) == [60, 30])
        // 265 of 355 minutes served no goal: the busy warning sees through the dead goals.
        #expect(q3.warnings.contains { $0.code == .busyNotProgress && $0.message.hasPrefix("75% of the effort logged in 2025-Q3") })
        let q4 = Insights(ledger: log.ledger, period: .quarter(HandLog.quarter("2025-Q4")), time: now)
        #expect(q4.effort.minutesLinked == 40 && q4.effort.minutesUnlinked == 0)
        #expect(q4.goals.map(\.minutes) == [40])
        let span = Insights(ledger: log.ledger, period: days("2025-08-24", "2025-08-30"), time: now)
        #expect(span.effort.minutesLinked == 0 && span.effort.minutesUnlinked == 265 && span.goals.isEmpty)
        #expect(span.weeks.map(\.minutesUnlinked) == [265])
        #expect(span.warnings.map(\.code) == [.busyNotProgress])
    }
}
