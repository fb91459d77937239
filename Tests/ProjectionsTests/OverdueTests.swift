import JournalDomain
import JournalTestSupport
import Projections
import Testing

/// Given a log, when the board, the warnings, the shared document or the report is read on a day, then a goal
/// neither completed nor dropped whose deadline passed before that day is overdue.
@Suite("Overdue goals")
struct OverdueTests {
    typealias L = LogBuilder
    static let q3 = Quarter(parsing: "2025-Q3") ?? L.q2
    static let q4 = Quarter(parsing: "2025-Q4") ?? L.q2

    /// The reproduction: "Ship the portfolio" due Oct 15 in 2025-Q4, with a direction, a partner and a
    /// milestone so that the only advice left is about the deadline.
    func portfolio() -> L {
        var log = L()
        log.add(.directionSet(DirectionSet(key: "dir", title: "Move into UX design")), at: "2025-09-30T10:00")
        log.add(.partnerNamed(PartnerNamed(name: "Sam")), at: "2025-09-30T10:00")
        log.goal("p", "Ship the portfolio", quarter: Self.q4, due: "2025-10-15", at: "2025-10-01T10:00")
        log.milestone("p", 1, due: "2025-12-20", at: "2025-10-01T10:00")
        return log
    }

    func card(_ log: L, _ quarter: Quarter = OverdueTests.q4, on now: String) throws -> SprintBoard.Card {
        try #require(SprintBoard(ledger: Ledger.fold(log.envelopes), quarter: quarter, time: L.time(now)).goals.first)
    }

    func warnings(_ log: L, _ quarter: Quarter = OverdueTests.q4, on now: String) -> [Warning] {
        Warnings.forSprint(quarter: quarter, ledger: Ledger.fold(log.envelopes), time: L.time(now))
    }

    @Test func theDeadlineDayIsInTimeAndTheDayAfterIsOverdue() throws {
        let onTheDay = try card(portfolio(), on: "2025-10-15T23:00")
        #expect(onTheDay.standing == .active && onTheDay.daysOverdue == nil && onTheDay.onTrack)
        #expect(warnings(portfolio(), on: "2025-10-15T23:00").isEmpty)

        let dayAfter = try card(portfolio(), on: "2025-10-16T08:00")
        #expect(dayAfter.standing == .overdue && dayAfter.daysOverdue == 1 && !dayAfter.onTrack)
        // The fold's status is unchanged: overdue is a judgement on a day, not something that happened.
        #expect(dayAfter.status == .active)
        #expect(warnings(portfolio(), on: "2025-10-16T08:00").map(\.code) == [.pastDeadline])
    }

    @Test func theReproductionMidQuarterAndAfterTheQuarter() throws {
        // Nov 20 is 36 days after Oct 15; the board said "on track" before.
        let board = try card(portfolio(), on: "2025-11-20T12:00")
        #expect(board.standing == .overdue && board.daysOverdue == 36 && !board.onTrack)
        // The milestone (due Dec 20) is not late: the goal is overdue, not behind.
        #expect(board.weeksBehind == 0 && board.milestones.map(\.late) == [false])
        let warning = try #require(warnings(portfolio(), on: "2025-11-20T12:00").first)
        #expect(warning.code == .pastDeadline && warning.goal == "p")
        #expect(warning.message == "p is 36 days past its deadline, 2025-10-15, and neither completed nor dropped; "
            + "complete it with journal log complete p, set a new deadline with journal log revise p --due DATE --reason TEXT, "
            + "or drop it with journal log drop p --reason TEXT")
        // After the quarter ended the days keep counting, and the milestone is late too.
        let after = try card(portfolio(), on: "2026-01-05T12:00")
        #expect(after.daysOverdue == 82 && after.milestones.map(\.late) == [true] && after.weeksBehind == 3)
    }

    @Test func inWeekOneADeadlineThatPassedIsOverdue() throws {
        var log = L()
        log.goal("w", quarter: Self.q4, due: "2025-10-03", at: "2025-10-01T10:00")
        let board = try card(log, on: "2025-10-05T12:00")
        #expect(board.standing == .overdue && board.daysOverdue == 2)
    }

    @Test func completedAndDroppedGoalsAreNeverOverdue() throws {
        var log = portfolio()
        log.add(.goalCompleted(GoalCompleted(goal: "p", outcome: "live")), at: "2025-11-02T10:00")
        log.goal("d", quarter: Self.q4, due: "2025-10-10", at: "2025-10-01T10:00")
        log.add(.goalDropped(GoalDropped(goal: "d", reason: "not now")), at: "2025-10-20T10:00")
        let board = SprintBoard(ledger: Ledger.fold(log.envelopes), quarter: Self.q4, time: L.time("2025-11-20T12:00"))
        #expect(board.goals.map(\.standing) == [.completed, .dropped])
        #expect(board.goals.map(\.daysOverdue) == [nil, nil])
        #expect(!board.warnings.contains { $0.code == .pastDeadline })
        // Before it was completed, on Oct 20, it was overdue.
        let earlier = SprintBoard(ledger: Ledger.fold(log.envelopes), quarter: Self.q4, time: L.time("2025-10-20T12:00"))
        #expect(earlier.goals.map(\.standing) == [.overdue, .dropped])
    }

    @Test func withoutADueDateTheQuartersLastDayIsTheDeadline() throws {
        var log = L()
        log.goal("n", quarter: Self.q3, due: nil, at: "2025-07-01T10:00")
        #expect(try card(log, Self.q3, on: "2025-09-30T20:00").standing == .active)
        let after = try card(log, Self.q3, on: "2025-10-01T08:00")
        #expect(after.standing == .overdue && after.daysOverdue == 1)
        let codes = warnings(log, Self.q3, on: "2025-10-01T08:00").map(\.code)
        #expect(codes.contains(.noDeadline) && codes.contains(.pastDeadline))
        let message = try #require(warnings(log, Self.q3, on: "2025-10-01T08:00").first { $0.code == .pastDeadline }?.message)
        #expect(message.hasPrefix("n is 1 day past the end of its quarter, 2025-09-30, and neither completed nor dropped"))
    }

    @Test func aNumericGoalFallsFurtherBehindAfterItsDeadline() throws {
        // 14 units from Oct 1 to Oct 29: 3.5 a week. 7 done by the deadline is two weeks' worth short.
        var log = L()
        log.goal("n", quarter: Self.q4, target: 14, unit: "u", due: "2025-10-29", at: "2025-10-01T10:00")
        log.add(.progressMeasured(ProgressMeasured(goal: "n", amount: 7)), at: "2025-10-10T10:00")
        let onTheDay = try card(log, on: "2025-10-29T12:00")
        #expect(onTheDay.expected == 14 && onTheDay.weeksBehind == 2 && onTheDay.daysOverdue == nil)
        // Two weeks later the road still stands at the target, and the goal is two weeks further behind.
        let later = try card(log, on: "2025-11-12T12:00")
        #expect(later.expected == 14 && later.weeksBehind == 4 && later.daysOverdue == 14 && later.standing == .overdue)
        // Past its deadline the warning is about the ways out, not about catching up.
        let codes: [Warning.Code] = warnings(log, on: "2025-11-12T12:00").map(\.code)
        #expect(codes.contains(.pastDeadline) && !codes.contains(.behindNotRevised))
    }

    @Test func aGoalMovedToTheNextQuarter() throws {
        var log = L()
        log.goal("open", quarter: Self.q3, due: nil, at: "2025-07-01T10:00")
        log.goal("late", quarter: Self.q3, due: "2025-09-15", at: "2025-07-01T10:00")
        for key in ["open", "late"] {
            log.add(.goalRevised(GoalRevised(goal: key, changes: [FieldChange(field: .quarter, from: .text("2025-Q3"), to: .text("2025-Q4"))],
                                             reason: "carry over")), at: "2025-09-28T10:00")
        }
        let board = SprintBoard(ledger: Ledger.fold(log.envelopes), quarter: Self.q4, time: L.time("2025-10-05T12:00"))
        // Without a due date it now runs to Q4's last day; a deadline left behind in Q3 has passed.
        #expect(board.goals.map(\.key) == ["open", "late"])
        #expect(board.goals.map(\.standing) == [.active, .overdue])
        #expect(board.goals.map(\.daysOverdue) == [nil, 20])
        // Q3's report shows them moved away, judged in their new quarter rather than here.
        let report = QuarterReport(ledger: Ledger.fold(log.envelopes), quarter: Self.q3, time: L.time("2025-10-05T12:00"))
        #expect(report.goals.map(\.standing) == [.active, .active])
        #expect(report.goals.map(\.daysOverdue) == [nil, nil])
        #expect(report.goals.map(\.onTrack) == [false, false])
        #expect(report.goals.map(\.drift.movedTo) == [Self.q4, Self.q4])
    }

    @Test func theReportJudgesHowEachGoalEndedOnTheQuartersLastDay() throws {
        var log = L()
        log.goal("late", quarter: Self.q3, due: "2025-09-15", at: "2025-07-01T10:00")
        log.goal("fine", quarter: Self.q3, due: "2025-09-30", at: "2025-07-01T10:00")
        // Completed after the quarter ended: it ended the quarter overdue.
        log.add(.goalCompleted(GoalCompleted(goal: "late", outcome: "done at last")), at: "2025-10-05T10:00")
        let ledger = Ledger.fold(log.envelopes)
        let report = QuarterReport(ledger: ledger, quarter: Self.q3, time: L.time("2025-10-10T12:00"))
        #expect(report.judgedOn == L.date("2025-09-30"))
        #expect(report.goals.map(\.standing) == [.overdue, .active])
        #expect(report.goals.map(\.daysOverdue) == [15, nil])
        #expect(report.goals.map(\.onTrack) == [false, true])
        // Read during the quarter, or as known on an earlier day, it is judged on that day.
        let midQuarter = QuarterReport(ledger: ledger, quarter: Self.q3, time: L.time("2025-09-20T12:00"))
        #expect(midQuarter.judgedOn == L.date("2025-09-20") && midQuarter.goals.map(\.daysOverdue) == [5, nil])
        let known = QuarterReport(ledger: ledger, quarter: Self.q3, asKnownAt: L.date("2025-09-15"), time: L.time("2025-10-10T12:00"))
        #expect(known.goals.map(\.standing) == [.active, .active])
    }

    @Test func theSharedDocumentAsksAboutThePassedDeadline() throws {
        let document = ShareDocument(ledger: Ledger.fold(portfolio().envelopes), quarter: Self.q4, time: L.time("2025-11-20T12:00"))
        #expect(document.goals.map(\.card.standing) == [.overdue])
        #expect(document.warnings.map(\.code) == [.pastDeadline])
        #expect(document.goals.first?.milestones.map(\.state) == [.planned])
    }
}
