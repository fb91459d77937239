import JournalDomain
import JournalTestSupport
import Projections
import Testing

/// The judgements across the calendar, not one day of it: the teacher moving into UX design, 2025-Q3 into 2025-Q4,
/// read on every day from Jun 20 to Jan 10 (before Q3, across the move, after Q4). Each day the board, the charts and
/// the insights must agree with the rules as the README states them.
@Suite("Judgements on every day of two quarters")
struct CalendarSweepTests {
    typealias L = LogBuilder
    static let q3 = Quarter(year: 2025, number: 3) ?? L.q2
    static let q4 = Quarter(year: 2025, number: 4) ?? L.q2

    /// courses: 7 courses due Sep 17, completed Sep 12. cases: two case studies, milestones due Aug 11 (done Aug 10)
    /// and Sep 22 (open), carried into Q4 on Oct 1, the open one rescheduled to Q4's weeks 2-5 on Oct 3.
    /// network: 15 people due Sep 30, progress 6, dropped Sep 30. p: Q4's portfolio, due Oct 15, never done.
    static let ledger: Ledger = {
        var log = L()
        log.add(.partnerNamed(PartnerNamed(name: "Sam")), at: "2025-06-25T09:00")
        log.goal("courses", "Finish 7 UX courses", quarter: q3, metric: nil, target: 7, unit: "courses", due: "2025-09-17", at: "2025-06-25T09:00")
        log.goal("cases", "Two case studies", quarter: q3, target: 2, unit: "case studies", due: "2025-09-28", at: "2025-06-25T09:00")
        log.milestone("cases", 1, due: "2025-08-11", at: "2025-06-25T09:00")
        log.milestone("cases", 2, weeks: (8, 12), at: "2025-06-25T09:00")
        log.goal("network", "Meet 15 designers", quarter: q3, metric: nil, target: 15, unit: "people", due: "2025-09-30", at: "2025-06-25T09:00")
        for (day, amount) in [("2025-07-10", 1.0), ("2025-08-01", 2), ("2025-08-20", 2), ("2025-09-15", 1)] {
            log.add(.progressMeasured(ProgressMeasured(goal: "courses", amount: amount)), at: day + "T18:00")
            log.add(.progressMeasured(ProgressMeasured(goal: "network", amount: amount)), at: day + "T19:00")
        }
        log.add(.progressMeasured(ProgressMeasured(goal: "courses", amount: 1)), at: "2025-09-11T18:00")
        log.add(.goalCompleted(GoalCompleted(goal: "courses")), at: "2025-09-12T18:00")
        log.done("cases", 1, at: "2025-08-10T18:00")
        log.add(.progressMeasured(ProgressMeasured(goal: "cases", amount: 1)), at: "2025-08-10T18:05")
        log.add(.goalDropped(GoalDropped(goal: "network", reason: "Focus")), at: "2025-09-30T18:00")
        log.add(.goalRevised(GoalRevised(goal: "cases", changes: [
            FieldChange(field: .due, from: .text("2025-09-28"), to: .text("2025-12-31")),
            FieldChange(field: .quarter, from: .text("2025-Q3"), to: .text("2025-Q4"))], reason: "carried")), at: "2025-10-01T09:00")
        log.add(.milestoneRevised(MilestoneRevised(goal: "cases", number: 2, schedule: ScheduleChange(
            from: MilestoneWhen(quarter: q3, weeks: WeekSpan(first: 8, last: 12)),
            to: MilestoneWhen(quarter: q4, weeks: WeekSpan(first: 2, last: 5))), reason: "new quarter")), at: "2025-10-03T09:00")
        log.goal("p", "Ship the portfolio", quarter: q4, due: "2025-10-15", at: "2025-10-01T09:30")
        return Ledger.fold(log.envelopes)
    }()

    static var days: [LocalDate] {
        var days: [LocalDate] = []
        var day = L.date("2025-06-20")
        while day <= L.date("2026-01-10") {
            days.append(day)
            day = day.adding(days: 1)
        }
        return days
    }

    @Test func everyCardOnEveryDayFollowsTheRules() throws {
        for day in Self.days {
            let time = L.time("\(day)T20:00")
            for quarter in [Self.q3, Self.q4] {
                let board = SprintBoard(ledger: Self.ledger, quarter: quarter, time: time)
                let charts = QuarterCharts.sprint(ledger: Self.ledger, quarter: quarter, time: time)
                for card in board.goals {
                    let goal = try #require(Self.ledger.goal(card.key, at: time.now, Knowledge(asKnownAt: time.now)))
                    let deadline = goal.due ?? goal.quarter.lastDay
                    // Overdue from the day after the deadline, while active; never on track then.
                    let overdue = goal.status == .active && day > deadline
                    #expect((card.standing == .overdue) == overdue, "\(card.key) on \(day): \(card.standing)")
                    #expect(card.daysOverdue == (overdue ? deadline.days(until: day) : nil), "\(card.key) on \(day)")
                    if overdue { #expect(!card.onTrack, "\(card.key) on \(day)") }
                    if card.status == .completed { #expect(card.onTrack && card.weeksBehind == 0, "\(card.key) on \(day)") }
                    // A milestone is late exactly when it is open and the last of its own calendar days has passed.
                    for m in card.milestones {
                        let late = m.doneOn == nil && card.status == .active && (m.plannedDays.map { $0.upperBound < day } ?? false)
                        #expect(m.late == late, "\(m.ref) on \(day): late \(m.late)")
                    }
                    // Week 1 never says behind for the road alone.
                    if quarter.week(of: day) == 1, !card.milestones.contains(where: \.late), !overdue, card.status == .active {
                        #expect(card.onTrack && card.weeksBehind == 0, "\(card.key) on \(day): \(card.weeksBehind) weeks behind in week 1")
                    }
                    // Progress above the target only when it was reached (never 52/40).
                    if let target = card.target, let current = card.current, current > target {
                        #expect(goal.current >= target, "\(card.key) on \(day)")
                    }
                }
                // Milestones done before the quarter began never count in its burn-up. (After the quarter's end the
                // charts keep its goals as they stood then, while the board lists those in it now: the report is that view.)
                guard day <= quarter.lastDay else { continue }
                let doneHere = board.goals.flatMap(\.milestones).filter { m in m.doneOn.map { quarter.contains($0) } ?? false }.count
                let lastCounted = charts.weeks.last(where: \.counted)?.milestonesDone ?? 0
                #expect(lastCounted == doneHere, "\(quarter) on \(day): burn-up \(lastCounted), done in the quarter \(doneHere)")
            }
        }
    }

    @Test func theMoveChangesWhichQuarterEachDayBelongsTo() throws {
        // Until Oct 1 cases is Q3's; from then Q4's, its Aug 10 milestone Q3's alone, its open one late until Oct 3.
        let before = SprintBoard(ledger: Self.ledger, quarter: Self.q3, time: L.time("2025-09-30T20:00"))
        #expect(before.goals.map(\.key) == ["courses", "cases", "network"])
        let moved = SprintBoard(ledger: Self.ledger, quarter: Self.q4, time: L.time("2025-10-02T20:00"))
        #expect(moved.goals.map(\.key) == ["cases", "p"])
        #expect(moved.goals.first?.milestones.map(\.late) == [false, true])
        let rescheduled = SprintBoard(ledger: Self.ledger, quarter: Self.q4, time: L.time("2025-10-03T20:00"))
        #expect(rescheduled.goals.first?.milestones.map(\.late) == [false, false])
        #expect(rescheduled.goals.first?.milestones.last?.weeks(in: Self.q4) == WeekSpan(first: 2, last: 5))
        // Cases stays on track until its rescheduled milestone's last day (Nov 4) has passed.
        let nov4 = SprintBoard(ledger: Self.ledger, quarter: Self.q4, time: L.time("2025-11-04T20:00"))
        #expect(nov4.goals.first?.milestones.last?.late == false)
        let nov5 = SprintBoard(ledger: Self.ledger, quarter: Self.q4, time: L.time("2025-11-05T20:00"))
        #expect(nov5.goals.first?.milestones.last?.late == true)
        #expect(nov5.goals.first?.onTrack == false)
        // Q4's report: nothing of Q3's work.
        let report = QuarterReport(ledger: Self.ledger, quarter: Self.q4, time: L.time("2026-01-05T10:00"))
        #expect(report.accomplishments.isEmpty)
        #expect(report.weekly.map(\.milestonesDone).reduce(0, +) == 0)
        #expect(report.goals.first { $0.key == "cases" }?.drift.milestonesRescheduled.first?.shiftDays == 43)
    }

    @Test func insightsForEachWeekCountOnlyThatWeek() {
        // Weekly insights across both quarters: minutes and milestones done come from the week alone.
        var monday = L.date("2025-06-30")
        while monday <= L.date("2025-12-29") {
            let sunday = monday.adding(days: 6)
            let insights = Insights(ledger: Self.ledger, period: .dates(from: monday, to: sunday), time: L.time("2026-01-10T10:00"))
            for goal in insights.goals {
                let doneThatWeek = Self.ledger.goal(goal.key)?.milestones.values.filter { m in
                    m.doneAt.map { (monday...sunday).contains(L.time("2026-01-10T10:00").localDate(of: $0)) } ?? false
                }.count ?? 0
                #expect(goal.milestonesDone == doneThatWeek, "\(goal.key), week of \(monday)")
                if doneThatWeek == 0 { #expect(goal.crammedShare == 0, "\(goal.key), week of \(monday)") }
            }
            monday = monday.adding(days: 7)
        }
    }
}
