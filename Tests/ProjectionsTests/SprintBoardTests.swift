import JournalDomain
import JournalTestSupport
import Projections
import Testing

@Suite("The sprint board")
struct SprintBoardTests {
    typealias L = LogBuilder

    /// Two goals in 2025-Q2: aws with three milestones (one done), network with a numeric target.
    func journal() -> Ledger {
        var log = L()
        log.add(.directionSet(DirectionSet(key: "dir", title: "Lead data")), at: "2025-03-30T10:00")
        log.add(.partnerNamed(PartnerNamed(name: "Sam")), at: "2025-03-30T10:00")
        log.goal("aws", "Complete AWS certification", due: "2025-06-15", at: "2025-03-31T10:00")
        log.milestone("aws", 1, weeks: (1, 4), at: "2025-03-31T10:00")
        log.milestone("aws", 2, weeks: (5, 6), at: "2025-03-31T10:00")
        log.milestone("aws", 3, due: "2025-06-15", at: "2025-03-31T10:00")
        log.goal("network", "Grow network", metric: nil, target: 15, unit: "connections", due: "2025-06-30", at: "2025-04-01T10:00")
        log.milestone("network", 1, weeks: (4, 4), at: "2025-04-01T10:00")
        log.done("aws", 1, at: "2025-04-25T10:00")
        log.add(.progressMeasured(ProgressMeasured(goal: "network", amount: 3)), at: "2025-04-20T10:00")
        log.add(.progressMeasured(ProgressMeasured(goal: "network", amount: 2)), at: "2025-05-01T10:00")
        return Ledger.fold(log.envelopes)
    }

    @Test func weekDaysLeftAndLateMilestones() throws {
        // 2025-05-20 is day 50 of the quarter: week 8. aws/2 (weeks 5-6) ended 2025-05-12: late by 8 days.
        let board = SprintBoard(ledger: journal(), quarter: L.q2, time: L.time("2025-05-20T12:00"))
        #expect(board.week == 8)
        #expect(board.weeks == 13)
        #expect(board.daysLeft == 42)
        #expect(board.partner == "Sam")
        #expect(board.goals.map(\.key) == ["aws", "network"])
        let aws = board.goals[0]
        #expect(aws.milestones.map(\.ref) == ["aws/1", "aws/2", "aws/3"])
        #expect(aws.milestones.map(\.doneOn) == [L.date("2025-04-25"), nil, nil])
        #expect(aws.milestones.map(\.late) == [false, true, false])
        #expect(aws.done == 1 && aws.total == 3)
        #expect(!aws.onTrack)
        #expect(aws.weeksBehind == 2)
        #expect(aws.current == nil && aws.target == nil)

        // network: 5 of 15 by day 50 of a 90-day road (Apr 1 -> Jun 30) that says 15 * 49/90 = 8.17; network/1 late.
        let network = board.goals[1]
        #expect(network.target == 15 && network.current == 5 && network.unit == "connections")
        let expected = try #require(network.expected)
        #expect(abs(expected - 15.0 * 49 / 90) < 1e-9)
        #expect(network.milestones.map(\.late) == [true])
        #expect(!network.onTrack)
        // The road passed 5 on day 30 (5/15 of 90), 19 days ago: 2 whole weeks; network/1 (week 4, ended Apr 28)
        // is 22 days late: 4 started weeks. The larger lag counts: 4 weeks behind.
        #expect(network.weeksBehind == 4)
    }

    @Test func onTrackEarlyInTheQuarter() {
        let board = SprintBoard(ledger: journal(), quarter: L.q2, time: L.time("2025-04-21T09:00"))
        #expect(board.week == 3)
        #expect(board.daysLeft == 71)
        // Day 21: the road says 15 * 20/90 = 3.33 and network has 3: a day behind the road, less than a whole
        // week of its rate (15 in 90 days), is on track.
        #expect(board.goals.map(\.onTrack) == [true, true])
        #expect(board.goals.map(\.weeksBehind) == [0, 0])
        // What occurred later is not on the board yet.
        #expect(board.goals[0].milestones[0].doneOn == nil)
        #expect(board.goals[1].current == 3)
    }

    @Test func beforeAndAfterTheQuarter() {
        let before = SprintBoard(ledger: journal(), quarter: L.q2, time: L.time("2025-03-31T12:00"))
        #expect(before.week == 0 && before.daysLeft == 91)
        #expect(before.goals.map(\.key) == ["aws"])
        let after = SprintBoard(ledger: journal(), quarter: L.q2, time: L.time("2025-07-03T12:00"))
        #expect(after.week == 13 && after.daysLeft == 0)
        let empty = SprintBoard(ledger: journal(), quarter: L.q2.next, time: L.time("2025-07-03T12:00"))
        #expect(empty.goals.isEmpty && empty.week == 1 && empty.daysLeft == 90)
    }

    @Test func completedAndDroppedGoals() {
        var log = L()
        log.goal("a", at: "2025-04-01T10:00")
        log.milestone("a", 1, weeks: (1, 1), at: "2025-04-01T10:00")
        log.add(.goalCompleted(GoalCompleted(goal: "a", outcome: "done")), at: "2025-04-20T10:00")
        log.goal("b", at: "2025-04-01T10:00")
        log.add(.goalDropped(GoalDropped(goal: "b", reason: "reorg")), at: "2025-04-20T10:00")
        let board = SprintBoard(ledger: Ledger.fold(log.envelopes), quarter: L.q2, time: L.time("2025-05-01T10:00"))
        #expect(board.goals.map(\.status) == [.completed, .dropped])
        #expect(board.goals.map(\.onTrack) == [true, false])
        #expect(board.goals[0].milestones.map(\.late) == [false])
    }

    @Test func retractedEventsAreLeftOut() {
        var log = L()
        log.goal("a", at: "2025-04-01T10:00")
        log.milestone("a", 1, weeks: (1, 2), at: "2025-04-01T10:00")
        let done = log.done("a", 1, at: "2025-04-05T10:00")
        log.retract(done, at: "2025-04-06T10:00")
        log.goal("typo", at: "2025-04-02T10:00")
        log.retract("e5", at: "2025-04-02T11:00")
        let board = SprintBoard(ledger: Ledger.fold(log.envelopes), quarter: L.q2, time: L.time("2025-04-20T10:00"))
        #expect(board.goals.map(\.key) == ["a"])
        #expect(board.goals[0].milestones.map(\.doneOn) == [nil])
        #expect(board.goals[0].milestones.map(\.late) == [true])
    }
}
