import Testing
@testable import JournalDomain

/// `log amend`: given the activity named (as the Recorder loads it), the retraction and the corrected entry, or
/// a refusal.
@Suite("Amending an activity")
struct AmendDecisionTests {
    let q2 = Quarter(year: 2025, number: 2)!
    let t0 = Instant(millisecondsSinceEpoch: 1_744_275_600_000) // 2025-04-10T09:00Z
    let today = LocalDate(iso: "2025-04-10")!

    var original: ActivityLogged { ActivityLogged(text: "Study", goal: "aws", minutes: 30, tags: ["study"]) }

    func target(_ activity: ActivityLogged?, type: String = "activity-logged", retracted: Bool = false) -> AmendTarget {
        AmendTarget(event: RetractTarget(eventId: "a1", position: 7, type: type, alreadyRetracted: retracted),
                    activity: activity, occurredAt: t0, day: today)
    }

    func goal(_ events: [JournalEvent]) -> GoalState? {
        GoalState.replay(events.enumerated().map { i, event in
            Envelope(position: Int64(i + 1), eventId: "g\(i + 1)", streamId: "goal-aws", streamVersion: i + 1,
                     occurredAt: t0, recordedAt: t0, event: event)
        })
    }

    var aws: [JournalEvent] {
        [.goalSet(GoalSet(key: "aws", title: "Pass AWS", quarter: q2)),
         .milestonePlanned(MilestonePlanned(goal: "aws", number: 1, title: "Practice exam"))]
    }

    func decide(_ amendment: ActivityAmendment, _ state: DecisionState) throws(DomainError) -> [JournalEvent] {
        try Decider.decide(.amendActivity(reference: "7", amendment: amendment, reason: "Typo"), state)
    }

    func refusal(_ amendment: ActivityAmendment, _ state: DecisionState) -> DomainError? {
        do { _ = try decide(amendment, state); return nil } catch { return error }
    }

    @Test func anAmendmentIsTheRetractionThenTheCorrectedEntryNamingTheOriginal() throws {
        let state = DecisionState(goal: goal(aws), occurredOn: today, today: today, amendTarget: target(original))
        let events = try decide(ActivityAmendment(minutes: 45, link: .goal("aws", milestone: 1)), state)
        #expect(events == [
            .eventRetracted(EventRetracted(target: "a1", targetType: "activity-logged", reason: "Typo")),
            .activityLogged(ActivityLogged(text: "Study", goal: "aws", milestone: 1, minutes: 45, tags: ["study"], amends: "a1")),
        ])
    }

    @Test func unlinkingReplacingTagsAndMovingTheDay() throws {
        let yesterday = LocalDate(iso: "2025-04-09")!
        let state = DecisionState(occurredOn: yesterday, today: today, amendTarget: target(original))
        let moved = try decide(ActivityAmendment(link: .unlink, tags: ["#reading"]), state)
        #expect(moved.last == .activityLogged(ActivityLogged(text: "Study", minutes: 30, tags: ["reading"], amends: "a1")))
        // A move alone is a change.
        #expect(try decide(ActivityAmendment(), state).count == 2)
    }

    @Test func refusals() {
        let state = DecisionState(goal: goal(aws), occurredOn: today, today: today, amendTarget: target(original))
        #expect(refusal(ActivityAmendment(minutes: 30), state) == .amendChangesNothing(position: 7))
        #expect(refusal(ActivityAmendment(text: "Study", link: .goal("aws", milestone: nil), tags: ["study"]), state)
                == .amendChangesNothing(position: 7))
        #expect(refusal(ActivityAmendment(minutes: 0), state) == .minutesOutOfRange(minutes: 0, limit: 1440))
        #expect(refusal(ActivityAmendment(link: .goal("aws", milestone: 4)), state) == .unknownMilestone(goal: "aws", number: 4))
        #expect(refusal(ActivityAmendment(link: .goal("blog", milestone: nil)), state) == .unknownGoal(key: "blog"))
        var noTarget = state
        noTarget.amendTarget = nil
        #expect(refusal(ActivityAmendment(minutes: 5), noTarget) == .unknownEvent(reference: "7"))
        var goalSet = state
        goalSet.amendTarget = target(nil, type: "goal-set")
        #expect(refusal(ActivityAmendment(minutes: 5), goalSet) == .amendNotActivity(position: 7, type: "goal-set"))
        var retracted = state
        retracted.amendTarget = target(original, retracted: true)
        #expect(refusal(ActivityAmendment(minutes: 5), retracted) == .amendRetracted(position: 7))
        var future = state
        future.occurredOn = LocalDate(iso: "2025-04-11")
        #expect(refusal(ActivityAmendment(minutes: 5), future) == .futureDate(on: LocalDate(iso: "2025-04-11")!, today: today))
    }

    @Test func aKeptLinkIsNotCheckedAgainButANewOneMustBeActiveThatDay() throws {
        let dropped = goal(aws + [.goalDropped(GoalDropped(goal: "aws", reason: "Changed course"))])
        let droppedOn = LocalDate(iso: "2025-04-05")!
        let days = GoalActiveDays(setFor: q2, closing: .init(status: .dropped, on: droppedOn))
        // Logged while the goal was active (as the log lets an earlier build do): a minutes fix keeps the link as it was.
        let state = DecisionState(goal: dropped, goalActiveDays: days, occurredOn: today, today: today, amendTarget: target(original))
        #expect(try decide(ActivityAmendment(minutes: 40), state).count == 2)
        // Moving it to another day checks that day, as logging it there would; --force keeps the link.
        var moved = state
        moved.occurredOn = LocalDate(iso: "2025-04-08")
        #expect(refusal(ActivityAmendment(), moved)
                == .goalClosedBefore(goal: "aws", status: .dropped, closedOn: droppedOn, day: LocalDate(iso: "2025-04-08")!))
        #expect(try Decider.decide(.amendActivity(reference: "7", amendment: ActivityAmendment(), reason: "Typo", force: true), moved).count == 2)
    }

    @Test func restoringPutsEveryOriginalValueBack() {
        let restoring = ActivityAmendment.restoring(ActivityLogged(text: "Read", goal: "aws", milestone: 1, minutes: 20, tags: ["x"]), occurredAt: t0)
        #expect(restoring == ActivityAmendment(text: "Read", minutes: 20, link: .goal("aws", milestone: 1), tags: ["x"], occurredAt: t0))
        #expect(ActivityAmendment.restoring(ActivityLogged(text: "Read"), occurredAt: t0).link == .unlink)
    }
}
