import Foundation
import JournalDomain
import Projections
import Testing

/// A log built by hand: events that occurred at noon UTC on the given days, recorded when they occurred.
struct HandLog {
    private(set) var envelopes: [Envelope] = []

    static func day(_ text: String) -> LocalDate { LocalDate(iso: text) ?? LocalDate(dayNumber: 0) }
    static func quarter(_ text: String) -> Quarter { Quarter(parsing: text) ?? LocalDate(dayNumber: 0).quarter }

    @discardableResult
    mutating func add(_ event: JournalEvent, on day: String) -> String {
        let position = Int64(envelopes.count + 1)
        let at = Instant(date: HandLog.day(day), hour: 12)
        envelopes.append(Envelope(position: position, eventId: "e\(position)", streamId: event.goalKey.map { StreamName.goal($0) } ?? "s", streamVersion: Int(position),
                                  occurredAt: at, recordedAt: at, event: event))
        return "e\(position)"
    }

    mutating func goal(_ key: String, quarter: String = "2025-Q2", due: String? = nil, on day: String = "2025-03-31") {
        add(.goalSet(GoalSet(key: key, title: "Goal \(key)", quarter: HandLog.quarter(quarter), due: due.map(HandLog.day))), on: day)
    }

    mutating func milestone(_ goal: String, _ number: Int, on day: String = "2025-03-31") {
        add(.milestonePlanned(MilestonePlanned(goal: goal, number: number, title: "Step \(number)")), on: day)
    }

    mutating func done(_ goal: String, _ number: Int, on day: String) {
        add(.milestoneDone(MilestoneDone(goal: goal, number: number)), on: day)
    }

    @discardableResult
    mutating func activity(_ minutes: Int, goal: String? = nil, on day: String) -> String {
        add(.activityLogged(ActivityLogged(text: "work", goal: goal, minutes: minutes)), on: day)
    }

    var ledger: Ledger { Ledger.fold(envelopes) }
}

@Suite("Insights: busyness vs progress")
struct InsightsTests {
    /// 2025-05-10 at 18:00 UTC: week 6 of 2025-Q2.
    let time = TimeContext(now: Instant(date: HandLog.day("2025-05-10"), hour: 18), zone: TimeZone.gmt)
    let q2 = Insights.Period.quarter(HandLog.quarter("2025-Q2"))

    /// aws: two milestones done (one recently) and effort since; network: effort since April, nothing done;
    /// idle: no effort at all; unlinked effort, a retracted activity and one before the quarter.
    func sprint() -> HandLog {
        var log = HandLog()
        log.goal("aws", due: "2025-05-10")
        log.milestone("aws", 1)
        log.milestone("aws", 2)
        log.milestone("aws", 3)
        log.goal("network", on: "2025-04-01")
        log.goal("idle", on: "2025-04-01")
        log.activity(1000, on: "2025-03-30")
        log.activity(60, goal: "aws", on: "2025-04-03")
        log.activity(120, goal: "aws", on: "2025-04-08")
        log.done("aws", 1, on: "2025-04-09")
        log.activity(45, goal: "network", on: "2025-04-10")
        log.activity(100, on: "2025-04-15")
        let typo = log.activity(500, on: "2025-04-16")
        log.add(.eventRetracted(EventRetracted(target: typo, targetType: "activity-logged", reason: "typo")), on: "2025-04-17")
        log.activity(90, goal: "aws", on: "2025-04-20")
        log.activity(45, goal: "network", on: "2025-04-25")
        log.activity(30, goal: "network", on: "2025-05-02")
        log.done("aws", 2, on: "2025-05-05")
        log.activity(30, goal: "aws", on: "2025-05-08")
        return log
    }

    @Test func quarterEffortSplitsLinkedAndUnlinkedIgnoringRetractedAndEarlierActivities() {
        let insights = Insights(ledger: sprint().ledger, period: q2, time: time)
        #expect(insights.period.from == HandLog.day("2025-04-01") && insights.period.to == HandLog.day("2025-06-30"))
        #expect(insights.through == HandLog.day("2025-05-10"))
        #expect(insights.effort.minutesLinked == 420)
        #expect(insights.effort.minutesUnlinked == 100)
        #expect(abs(insights.effort.unlinkedShare - 100.0 / 520.0) < 1e-12)
        // Sprint weeks from Apr 1 up to week 6 (May 6-12).
        #expect(insights.weeks.map(\.minutesLinked) == [60, 165, 90, 45, 30, 30])
        #expect(insights.weeks.map(\.minutesUnlinked) == [0, 0, 100, 0, 0, 0])
        #expect(insights.weeks.map(\.from).last == HandLog.day("2025-05-06"))
    }

    @Test func perGoalMinutesMilestonesAndMinutesPerMilestone() {
        let insights = Insights(ledger: sprint().ledger, period: q2, time: time)
        #expect(insights.goals.map(\.key) == ["aws", "network", "idle"])
        let aws = insights.goals[0], network = insights.goals[1], idle = insights.goals[2]
        #expect(aws.minutes == 300 && aws.milestonesDone == 2 && aws.minutesPerMilestone == 150)
        #expect(network.minutes == 120 && network.milestonesDone == 0 && network.minutesPerMilestone == nil)
        #expect(idle.minutes == 0 && idle.milestonesDone == 0 && idle.minutesPerMilestone == nil)
    }

    @Test func busyButStuckNeedsThreeWeeksOfEffortWithoutAMilestoneDone() {
        let insights = Insights(ledger: sprint().ledger, period: q2, time: time)
        let aws = insights.goals[0], network = insights.goals[1], idle = insights.goals[2]
        // network: nothing done, effort in sprint weeks 2 (Apr 10), 4 (Apr 25) and 5 (May 2): three weeks with
        // effort, not the five calendar weeks since Apr 1.
        #expect(network.stuckWeeks == 3 && network.isBusyButStuck)
        #expect(network.stuckSince == HandLog.day("2025-04-01") && network.lastMilestoneDone == nil)
        #expect(network.stuckMinutes == 120)
        // aws: a milestone done on May 5, so only May 6-10 counts: one week with effort (May 8).
        #expect(aws.stuckWeeks == 1 && !aws.isBusyButStuck)
        #expect(aws.lastMilestoneDone == HandLog.day("2025-05-05") && aws.stuckMinutes == 30)
        // idle: nothing done for 40 days, but no effort either: not busy, so not stuck.
        #expect(idle.stuckWeeks == 0 && idle.stuckMinutes == 0)
        #expect(insights.busyButStuck.map(\.key) == ["network"])
    }

    @Test func crammedShareIsTheShareOfMilestonesDoneInTheLastTwoWeeks() {
        let insights = Insights(ledger: sprint().ledger, period: q2, time: time)
        // aws is due May 10: aws/2 (May 5) is in Apr 27 - May 10, aws/1 (Apr 9) is not.
        #expect(insights.goals[0].crammedShare == 0.5)
        #expect(insights.goals[1].crammedShare == 0)
    }

    @Test func quarterWarningsAreTheSprintWarnings() {
        let ledger = sprint().ledger
        let insights = Insights(ledger: ledger, period: q2, time: time)
        #expect(insights.warnings == Warnings.forSprint(quarter: HandLog.quarter("2025-Q2"),
                                                        ledger: ledger, time: time))
        #expect(!insights.warnings.isEmpty)
        #expect(!insights.warnings.contains { $0.code == .busyNotProgress })
    }

    @Test func aSpanOfDatesCountsOnlyItsDaysAndAnchorsTheStuckSpanAtItsStart() {
        let period = Insights.Period.dates(from: HandLog.day("2025-04-20"), to: HandLog.day("2025-05-03"))
        let insights = Insights(ledger: sprint().ledger, period: period, time: time)
        #expect(insights.period.quarter == nil && insights.through == HandLog.day("2025-05-03"))
        #expect(insights.effort.minutesLinked == 165 && insights.effort.minutesUnlinked == 0)
        #expect(insights.effort.unlinkedShare == 0)
        // Only goals with effort or a milestone done in the span; idle is left out.
        #expect(insights.goals.map(\.key) == ["aws", "network"])
        let aws = insights.goals[0], network = insights.goals[1]
        #expect(aws.minutes == 90 && aws.milestonesDone == 0 && aws.minutesPerMilestone == nil)
        // aws/1 was done Apr 9, before the span: the stuck span starts with the span (Apr 20), and only its
        // weeks count: one of them (Apr 20-26) had effort on aws.
        #expect(aws.lastMilestoneDone == HandLog.day("2025-04-09") && aws.stuckSince == HandLog.day("2025-04-20"))
        #expect(aws.stuckWeeks == 1 && !aws.isBusyButStuck && aws.stuckMinutes == 90)
        // network never had a milestone done: effort in both weeks of the span (Apr 25, May 2).
        #expect(network.minutes == 75 && network.stuckWeeks == 2 && !network.isBusyButStuck)
        #expect(insights.weeks.map(\.minutesLinked) == [135, 30])
        #expect(insights.warnings.isEmpty)
    }

    @Test func aSpanOfDatesWarnsWhenMoreThanFortyPercentServedNoGoal() {
        var log = HandLog()
        log.goal("aws")
        log.activity(59, goal: "aws", on: "2025-04-02")
        log.activity(41, on: "2025-04-02")
        log.activity(60, goal: "aws", on: "2025-04-03")
        log.activity(40, on: "2025-04-03")
        let ledger = log.ledger
        let busy = Insights(ledger: ledger, period: .dates(from: HandLog.day("2025-04-02"), to: HandLog.day("2025-04-02")), time: time)
        #expect(abs(busy.effort.unlinkedShare - 0.41) < 1e-12)
        #expect(busy.warnings.map(\.code) == [.busyNotProgress])
        #expect(busy.warnings.first?.message.hasPrefix("41% of the effort logged in 2025-04-02 to 2025-04-02 served no goal") == true)
        // Exactly 40% is not above the line.
        let even = Insights(ledger: ledger, period: .dates(from: HandLog.day("2025-04-03"), to: HandLog.day("2025-04-03")), time: time)
        #expect(even.effort.unlinkedShare == 0.4)
        #expect(even.warnings.isEmpty)
    }

    @Test func aRetractedActivityCountsNowhere() {
        var log = HandLog()
        log.goal("aws")
        let wrong = log.activity(600, goal: "aws", on: "2025-04-02")
        log.activity(30, goal: "aws", on: "2025-04-03")
        log.add(.eventRetracted(EventRetracted(target: wrong, targetType: "activity-logged", reason: "wrong goal")), on: "2025-04-04")
        let insights = Insights(ledger: log.ledger, period: q2, time: time)
        #expect(insights.effort.minutesLinked == 30)
        #expect(insights.goals.first?.minutes == 30)
        #expect(insights.goals.first?.stuckMinutes == 30)
    }

    @Test func aCompletedGoalIsNotStuckButAGoalLoggedLateIs() {
        var log = HandLog()
        log.goal("shipped")
        log.activity(60, goal: "shipped", on: "2025-04-02")
        log.activity(60, goal: "shipped", on: "2025-04-28")
        log.add(.goalCompleted(GoalCompleted(goal: "shipped")), on: "2025-04-30")
        // Set on May 10, with effort backdated into April: the span Apr 7-27 still counts it.
        log.goal("late", on: "2025-05-10")
        log.activity(45, goal: "late", on: "2025-04-08")
        let period = Insights.Period.dates(from: HandLog.day("2025-04-07"), to: HandLog.day("2025-04-27"))
        #expect(Insights(ledger: log.ledger, period: q2, time: time).goals.map(\.stuckWeeks) == [0, 1])
        let span = Insights(ledger: log.ledger, period: period, time: time)
        // By Apr 27 "shipped" was not completed yet: no effort in Apr 7-27, so not stuck either.
        #expect(span.goals.map(\.key) == ["late"])
        #expect(span.goals.first?.stuckWeeks == 1 && span.goals.first?.stuckMinutes == 45)
    }

    @Test func aQuarterNotBegunCountsNothing() {
        var log = HandLog()
        log.goal("later", quarter: "2025-Q3")
        log.activity(30, on: "2025-05-01")
        let q3 = Insights.Period.quarter(HandLog.quarter("2025-Q3"))
        let insights = Insights(ledger: log.ledger, period: q3, time: time)
        #expect(insights.through == nil)
        #expect(insights.effort.totalMinutes == 0 && insights.weeks.isEmpty)
        #expect(insights.goals.map(\.key) == ["later"])
        #expect(insights.goals.first?.stuckWeeks == 0)
    }
}
