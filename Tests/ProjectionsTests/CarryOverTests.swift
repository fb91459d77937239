import JournalDomain
import JournalTestSupport
import Projections
import Testing

/// Week numbers belong to a quarter. Given a goal of 2025-Q3 carried into 2025-Q4 with one milestone done in Q3 and
/// one open, then Q4's board, charts, cramming and report see Q3's days and Q3's work as Q3's.
@Suite("Carry-over keeps the calendar")
struct CarryOverTests {
    typealias L = LogBuilder
    static let q3 = Quarter(year: 2025, number: 3) ?? L.q2
    static let q4 = Quarter(year: 2025, number: 4) ?? L.q2

    /// cs: "Case study 1" weeks 1-6 (done Aug 10), "Case study 2" weeks 7-12 of Q3 (Aug 12 to Sep 22), moved on Oct 1.
    func carried(_ extra: (inout LogBuilder) -> Void = { _ in }) -> Ledger {
        var log = L()
        log.add(.partnerNamed(PartnerNamed(name: "Sam")), at: "2025-07-01T09:00")
        log.goal("cs", "Two case studies", quarter: Self.q3, due: "2025-09-28", at: "2025-07-01T09:00")
        log.milestone("cs", 1, weeks: (1, 6), at: "2025-07-01T09:00")
        log.milestone("cs", 2, weeks: (7, 12), at: "2025-07-01T09:00")
        log.done("cs", 1, at: "2025-08-10T18:00")
        log.add(.goalRevised(GoalRevised(goal: "cs", changes: [
            FieldChange(field: .due, from: .text("2025-09-28"), to: .text("2025-12-31")),
            FieldChange(field: .quarter, from: .text("2025-Q3"), to: .text("2025-Q4"))], reason: "carried over")), at: "2025-10-01T09:00")
        extra(&log)
        return Ledger.fold(log.envelopes)
    }

    func reschedule(_ log: inout LogBuilder, at: String) {
        log.add(.milestoneRevised(MilestoneRevised(goal: "cs", number: 2, schedule: ScheduleChange(
            from: MilestoneWhen(quarter: Self.q3, weeks: WeekSpan(first: 7, last: 12)),
            to: MilestoneWhen(quarter: Self.q4, weeks: WeekSpan(first: 2, last: 5))), reason: "new quarter")), at: at)
    }

    @Test func aCarriedOpenMilestoneShowsItsDaysAndStaysLateUntilRescheduled() throws {
        let board = SprintBoard(ledger: carried(), quarter: Self.q4, time: L.time("2025-10-01T12:00"))
        let card = try #require(board.goals.first)
        let open = card.milestones[1]
        #expect(open.weeks == WeekSpan(first: 7, last: 12) && open.weeksQuarter == Self.q3)
        #expect(open.weeks(in: Self.q4) == nil, "Q3's week numbers are not Q4's")
        #expect(open.plannedDays == L.date("2025-08-12")...L.date("2025-09-22"))
        #expect(open.late)
        #expect(!card.onTrack)
        // The milestone done in Q3 shows as done then.
        #expect(card.milestones[0].doneOn == L.date("2025-08-10"))

        let rescheduled = SprintBoard(ledger: carried { reschedule(&$0, at: "2025-10-01T10:00") }, quarter: Self.q4,
                                      time: L.time("2025-10-01T12:00"))
        let moved = try #require(rescheduled.goals.first?.milestones[1])
        #expect(moved.weeks(in: Self.q4) == WeekSpan(first: 2, last: 5))
        #expect(moved.plannedDays == L.date("2025-10-08")...L.date("2025-11-04"))
        #expect(!moved.late)
        #expect(rescheduled.goals.first?.onTrack == true)
    }

    @Test func milestonesDoneInAnEarlierQuarterCountInNoneOfTheNewQuartersFigures() throws {
        let ledger = carried { log in
            reschedule(&log, at: "2025-10-01T10:00")
            log.done("cs", 2, at: "2025-10-20T10:00")
        }
        let charts = QuarterCharts.report(ledger: ledger, quarter: Self.q4, time: L.time("2026-01-05T10:00"))
        #expect(charts.milestoneTotal == 1, "only the milestone of Q4's plan")
        #expect(charts.weeks[0].milestonesDone == 0, "Aug 10 is not in Q4's week 1")
        #expect(charts.weeks.last?.milestonesDone == 1)
        #expect(charts.weeks.last?.milestonesPlanned == 1)

        let report = QuarterReport(ledger: ledger, quarter: Self.q4, time: L.time("2026-01-05T10:00"))
        #expect(report.weekly.map(\.milestonesDone).reduce(0, +) == 1)
        #expect(report.accomplishments.map(\.ref) == ["cs/2"])

        // Q3, looked back on, keeps its own: the milestone done on Aug 10, and the goal it still held at its end.
        let q3 = QuarterReport(ledger: ledger, quarter: Self.q3, time: L.time("2026-01-05T10:00"))
        #expect(q3.accomplishments.map(\.ref) == ["cs/1"])
        #expect(q3.weekly.map(\.milestonesDone).reduce(0, +) == 1)
    }

    @Test func crammingCountsOnlyTheGoalsOwnQuarter() throws {
        // Two milestones done in Q3's last two weeks before the move, one in Q4 weeks later: Q4 is not crammed.
        var log = L()
        log.goal("cs", "Two case studies", quarter: Self.q3, due: "2025-09-30", at: "2025-07-01T09:00")
        for n in 1...3 { log.milestone("cs", n, weeks: (10, 13), at: "2025-07-01T09:00") }
        log.done("cs", 1, at: "2025-09-25T10:00")
        log.done("cs", 2, at: "2025-09-28T10:00")
        let q3Goal = try #require(Ledger.fold(log.envelopes).goal("cs"))
        #expect(Cramming(goal: q3Goal, time: L.time("2025-09-30T10:00")).isCramming)
        log.add(.goalRevised(GoalRevised(goal: "cs", changes: [
            FieldChange(field: .due, from: .text("2025-09-30"), to: .text("2025-12-31")),
            FieldChange(field: .quarter, from: .text("2025-Q3"), to: .text("2025-Q4"))], reason: "carried")), at: "2025-10-01T09:00")
        log.done("cs", 3, at: "2025-12-25T10:00")
        let q4Goal = try #require(Ledger.fold(log.envelopes).goal("cs"))
        let cramming = Cramming(goal: q4Goal, time: L.time("2025-12-31T10:00"))
        #expect(cramming.milestonesDone == 1 && cramming.milestoneCount == 1)
        #expect(!cramming.isCramming)
    }

    @Test func theReportsDriftCountsReschedulings() throws {
        let ledger = carried { log in
            reschedule(&log, at: "2025-10-01T10:00")
            log.add(.milestoneRevised(MilestoneRevised(goal: "cs", number: 2, schedule: ScheduleChange(
                from: MilestoneWhen(quarter: Self.q4, weeks: WeekSpan(first: 2, last: 5)),
                to: MilestoneWhen(due: L.date("2025-11-18"))), reason: "slipped")), at: "2025-10-20T10:00")
        }
        let report = QuarterReport(ledger: ledger, quarter: Self.q4, time: L.time("2026-01-05T10:00"))
        let drift = try #require(report.goals.first?.drift)
        // Sep 22 -> Nov 4 (43 days later), then Nov 4 -> Nov 18 (14 days later).
        #expect(drift.milestonesRescheduled == [QuarterReport.Rescheduling(ref: "cs/2", shiftDays: 43),
                                                QuarterReport.Rescheduling(ref: "cs/2", shiftDays: 14)])
        #expect(!drift.isEmpty)
        // The plan at the end of Q4's week 1 shows the carried milestone with the quarter its weeks belong to.
        let planned = try #require(report.planned.first?.milestones.last)
        #expect(planned.weeksQuarter == Self.q4 && planned.weeks == WeekSpan(first: 2, last: 5))
    }
}
