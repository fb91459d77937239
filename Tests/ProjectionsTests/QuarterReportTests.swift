import JournalDomain
import JournalTestSupport
import Projections
import Testing

@Suite("The quarter report")
struct QuarterReportTests {
    typealias L = LogBuilder

    func journal() -> L {
        var log = L()
        // Planned in week 1 (Apr 1-7): aws, due Jun 15, two milestones; net with a target of 15.
        log.goal("aws", "AWS cert", due: "2025-06-15", at: "2025-03-31T10:00")
        log.milestone("aws", 1, weeks: (1, 4), at: "2025-03-31T10:00")
        log.milestone("aws", 2, weeks: (5, 8), at: "2025-03-31T10:00")
        log.goal("net", "Network", target: 15, unit: "people", at: "2025-04-06T10:00")
        log.milestone("net", 1, weeks: (2, 3), at: "2025-04-06T10:00")          // e5
        // During the quarter: a later goal, a revision, a milestone added, one taken back, a drop.
        log.goal("talk", "Give a talk", at: "2025-04-20T10:00")
        log.add(.goalRevised(GoalRevised(goal: "aws", changes: [FieldChange(field: .due, from: .text("2025-06-15"), to: .text("2025-06-30"))],
                                         reason: "exam slots")), at: "2025-05-20T10:00")
        log.add(.goalRevised(GoalRevised(goal: "net", changes: [FieldChange(field: .target, from: .number(15), to: .number(10))],
                                         reason: "fewer events")), at: "2025-05-21T10:00")
        log.milestone("aws", 3, due: "2025-06-30", at: "2025-05-20T10:00")
        log.retract("e5", at: "2025-05-02T10:00")
        log.add(.goalDropped(GoalDropped(goal: "talk", reason: "no slot")), at: "2025-06-01T10:00")
        // Done and effort.
        log.done("aws", 1, at: "2025-04-25T10:00")                                       // week 4
        log.activity(goal: "aws", minutes: 90, at: "2025-04-02T10:00")                   // week 1
        log.activity(minutes: 30, at: "2025-04-03T10:00")                                // week 1, unlinked
        log.activity(goal: "net", minutes: 60, at: "2025-06-30T10:00")                  // week 13
        log.add(.progressMeasured(ProgressMeasured(goal: "net", amount: 8)), at: "2025-06-20T10:00")
        log.add(.goalCompleted(GoalCompleted(goal: "aws", outcome: "Passed")), at: "2025-06-28T10:00")
        // Backdated: aws/2 done in the quarter (Jun 10) but recorded after it ended.
        log.done("aws", 2, at: "2025-07-02T10:00", on: "2025-06-10T10:00")
        // Outside the quarter: not counted.
        log.activity(minutes: 500, at: "2025-07-03T10:00")
        log.add(.reviewRecorded(ReviewRecorded(quarter: L.q2, planned: "p", accomplished: "a", obstacles: "o", learned: "l",
                                               next: "n", blockers: [.overcommitting])), at: "2025-07-03T11:00")
        return log
    }

    @Test func planEndAndDrift() {
        let r = QuarterReport(ledger: Ledger.fold(journal().envelopes), quarter: L.q2, time: L.time("2025-07-10T10:00"))
        #expect(r.planned.map(\.key) == ["aws", "net"])
        #expect(r.planned[0].milestones.map(\.ref) == ["aws/1", "aws/2"])
        #expect(r.planned[0].due == L.date("2025-06-15"))
        // net/1 was planned in week 1 and taken back in week 5: in the plan, removed by the end.
        #expect(r.planned[1].milestones.map(\.ref) == ["net/1"])
        #expect(r.planned[1].target == 15)

        #expect(r.goals.map(\.key) == ["aws", "net", "talk"])
        #expect(r.goals.map(\.status) == [.completed, .active, .dropped])
        #expect(r.goals.map(\.done) == [2, 0, 0])
        #expect(r.goals.map(\.total) == [3, 0, 0])
        #expect(r.goals.map(\.revisions) == [1, 1, 0])
        let aws = r.goals[0].drift, net = r.goals[1].drift, talk = r.goals[2].drift
        #expect(aws.dueShiftDays == 15 && aws.targetChange == nil && aws.milestonesAdded == ["aws/3"] && aws.milestonesRemoved == [])
        #expect(!aws.addedDuringQuarter && !aws.droppedDuringQuarter)
        #expect(net.targetChange == -5 && net.dueShiftDays == 0 && net.milestonesRemoved == ["net/1"])
        #expect(talk.addedDuringQuarter && talk.droppedDuringQuarter && talk.movedTo == nil)
        #expect(r.goals[1].current == 8 && r.goals[1].target == 10)
    }

    @Test func weeklyEffortReviewAndAccomplishments() {
        let r = QuarterReport(ledger: Ledger.fold(journal().envelopes), quarter: L.q2, time: L.time("2025-07-10T10:00"))
        #expect(r.weekly.count == 13)
        #expect(r.weekly[0].minutesLinked == 90 && r.weekly[0].minutesUnlinked == 30)
        #expect(r.weekly[12].minutesLinked == 60 && r.weekly[12].days == L.date("2025-06-24")...L.date("2025-06-30"))
        #expect(r.weekly.map(\.milestonesDone) == [0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 1, 0, 0])
        #expect(r.effort == Effort(minutesLinked: 150, minutesUnlinked: 30))
        #expect(abs(r.effort.unlinkedShare - 30.0 / 180) < 1e-12)
        #expect(r.review?.blockers == [.overcommitting])
        #expect(r.accomplishments.map(\.ref) == ["aws/1", "aws/2", "aws"])
        #expect(r.accomplishments.last?.outcome == "Passed")
        #expect(r.accomplishments.map(\.completedOn) == [L.date("2025-04-25"), L.date("2025-06-10"), L.date("2025-06-28")])
    }

    @Test func asKnownAtLeavesOutWhatWasRecordedLater() {
        let ledger = Ledger.fold(journal().envelopes)
        let now = QuarterReport(ledger: ledger, quarter: L.q2, time: L.time("2025-07-10T10:00"))
        let then = QuarterReport(ledger: ledger, quarter: L.q2, asKnownAt: L.date("2025-06-30"), time: L.time("2025-07-10T10:00"))
        #expect(then.asKnownAt == L.date("2025-06-30"))
        // The backdated aws/2 (done Jun 10, recorded Jul 2) is in the report as known now, not as known on Jun 30.
        #expect(now.weekly[10].milestonesDone == 1)
        #expect(then.weekly[10].milestonesDone == 0)
        #expect(now.goals[0].done == 2 && then.goals[0].done == 1)
        #expect(!then.accomplishments.map(\.ref).contains("aws/2"))
        #expect(now.review != nil && then.review == nil)
        // Known on May 1: net/1 not yet taken back, aws not yet revised.
        let may = QuarterReport(ledger: ledger, quarter: L.q2, asKnownAt: L.date("2025-05-01"), time: L.time("2025-07-10T10:00"))
        #expect(may.goals[1].total == 1 && may.goals[1].drift.milestonesRemoved == [])
        #expect(may.goals[0].drift.dueShiftDays == 0)
    }

    @Test func aGoalMovedToAnotherQuarterLeftThisOne() {
        var log = L()
        log.goal("a", at: "2025-04-01T10:00")
        log.add(.goalRevised(GoalRevised(goal: "a", changes: [FieldChange(field: .quarter, from: .text("2025-Q2"), to: .text("2025-Q3"))],
                                         reason: "later")), at: "2025-05-01T10:00")
        let r = QuarterReport(ledger: Ledger.fold(log.envelopes), quarter: L.q2, time: L.time("2025-07-10T10:00"))
        #expect(r.goals.map(\.key) == ["a"])
        #expect(r.goals[0].drift.droppedDuringQuarter && r.goals[0].drift.movedTo == L.q2.next)
        let q3 = QuarterReport(ledger: Ledger.fold(log.envelopes), quarter: L.q2.next, time: L.time("2025-10-10T10:00"))
        #expect(q3.planned.map(\.key) == ["a"])
        #expect(q3.goals.map(\.key) == ["a"] && !q3.goals[0].drift.addedDuringQuarter)
    }
}
