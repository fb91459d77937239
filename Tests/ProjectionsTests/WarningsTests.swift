import JournalDomain
import JournalTestSupport
import Projections
import Testing

@Suite("Warnings")
struct WarningsTests {
    typealias L = LogBuilder

    /// A sprint that gives no advice: SMART goals with milestones, a direction and a partner, on track.
    func healthy() -> L {
        var log = L()
        log.add(.directionSet(DirectionSet(key: "dir", title: "Lead data")), at: "2025-03-30T10:00")
        log.add(.partnerNamed(PartnerNamed(name: "Sam")), at: "2025-03-30T10:00")
        log.goal("aws", "Complete AWS certification", due: "2025-06-15", at: "2025-03-31T10:00")
        log.milestone("aws", 1, weeks: (1, 4), at: "2025-03-31T10:00")
        log.milestone("aws", 2, weeks: (5, 8), at: "2025-03-31T10:00")
        log.activity(goal: "aws", minutes: 120, at: "2025-04-10T10:00")
        log.activity(minutes: 80, at: "2025-04-11T10:00")
        return log
    }

    func codes(_ log: L, now: String = "2025-04-20T12:00") -> [String] {
        Warnings.forSprint(quarter: L.q2, ledger: Ledger.fold(log.envelopes), time: L.time(now)).map {
            $0.code.rawValue + ($0.goal.map { ":" + $0 } ?? "")
        }
    }

    @Test func aHealthySprintHasNone() {
        #expect(codes(healthy()) == [])
    }

    @Test func smartGapsAndNoMilestones() {
        var log = healthy()
        log.goal("vague", "Advance my career", metric: nil, due: nil, direction: nil, at: "2025-04-01T10:00")
        #expect(codes(log) == ["no-metric:vague", "no-deadline:vague", "no-direction:vague", "no-milestones:vague"])
        // A numeric target is a metric; a direction that does not exist is no direction.
        var numeric = healthy()
        numeric.goal("n", metric: nil, target: 15, unit: "people", direction: "nowhere", at: "2025-04-01T10:00")
        numeric.milestone("n", 1, weeks: (1, 13), at: "2025-04-01T10:00")
        numeric.add(.progressMeasured(ProgressMeasured(goal: "n", amount: 5)), at: "2025-04-15T10:00")
        #expect(codes(numeric) == ["no-direction:n"])
    }

    @Test func tooManyGoalsCountsOnlyGoalsNotDropped() {
        var log = healthy()
        for key in ["b", "c", "d"] {
            log.goal(key, at: "2025-04-01T10:00")
            log.milestone(key, 1, weeks: (1, 13), at: "2025-04-01T10:00")
        }
        #expect(codes(log) == ["too-many-goals"])
        log.add(.goalDropped(GoalDropped(goal: "d", reason: "too much")), at: "2025-04-02T10:00")
        #expect(codes(log) == [])
    }

    @Test func outsideControlUntilRevisedAway() {
        var log = healthy()
        log.goal("promo", "Get promoted to senior engineer", at: "2025-04-01T10:00")
        log.milestone("promo", 1, weeks: (1, 13), at: "2025-04-01T10:00")
        let warnings = Warnings.forSprint(quarter: L.q2, ledger: Ledger.fold(log.envelopes), time: L.time("2025-04-20T12:00"))
        #expect(warnings.map(\.code) == [.outsideControl])
        #expect(warnings.first?.message.contains("within your control") == true)
        log.add(.goalRevised(GoalRevised(goal: "promo", changes: [FieldChange(
            field: .title, from: .text("Get promoted to senior engineer"),
            to: .text("Complete the three requirements for promotion"))], reason: "aim at what I control")),
            at: "2025-04-05T10:00")
        #expect(codes(log) == [])
    }

    @Test func noAccountabilityWithoutAPartner() {
        var log = healthy()
        log.retract("e2", at: "2025-04-01T10:00")
        #expect(codes(log) == ["no-accountability"])
    }

    @Test func busyNotProgressAboveFortyPercent() {
        var log = healthy() // 120 linked, 80 unlinked: 40%, not above
        #expect(codes(log) == [])
        log.activity(minutes: 1, at: "2025-04-12T10:00") // 81 of 201: above 40%
        #expect(codes(log) == ["busy-not-progress"])
        // Effort after "now" does not count yet.
        var later = healthy()
        later.activity(minutes: 500, at: "2025-05-12T10:00")
        #expect(codes(later) == [])
        #expect(codes(later, now: "2025-05-13T10:00").contains("busy-not-progress"))
    }

    @Test func behindAndNotRevised() {
        // By 2025-05-13 (week 7) aws/1 (weeks 1-4, ended Apr 28) is 15 days late: 3 weeks behind.
        let log = healthy()
        #expect(codes(log, now: "2025-05-13T12:00") == ["behind-not-revised:aws"])
        // One week behind is not yet worth the warning.
        #expect(codes(log, now: "2025-05-02T12:00") == [])
        // A revision in the last four weeks answers it.
        var revised = healthy()
        revised.add(.goalRevised(GoalRevised(goal: "aws", changes: [FieldChange(field: .due, from: .text("2025-06-15"),
            to: .text("2025-06-30"))], reason: "exam slots")), at: "2025-04-20T12:00")
        #expect(codes(revised, now: "2025-05-13T12:00") == [])
        // ...but not one from more than four weeks before.
        #expect(codes(revised, now: "2025-05-19T12:00") == ["behind-not-revised:aws"])
    }

    @Test func crammingHalfTheMilestonesInTheLastTwoWeeks() {
        var log = healthy()
        log.milestone("aws", 3, due: "2025-06-15", at: "2025-03-31T10:00")
        log.done("aws", 1, at: "2025-04-25T10:00")
        log.done("aws", 2, at: "2025-06-05T10:00")
        log.done("aws", 3, at: "2025-06-14T10:00")
        // Two of three done within Jun 2-15: cramming. Not completed, aws is also a day past its deadline.
        #expect(codes(log, now: "2025-06-16T10:00") == ["past-deadline:aws", "cramming:aws"])
        var spread = healthy()
        spread.milestone("aws", 3, due: "2025-06-15", at: "2025-03-31T10:00")
        spread.done("aws", 1, at: "2025-04-25T10:00")
        spread.done("aws", 2, at: "2025-05-20T10:00")
        spread.done("aws", 3, at: "2025-06-14T10:00")
        #expect(codes(spread, now: "2025-06-16T10:00") == ["past-deadline:aws"])
    }
}
