import JournalApp
import JournalDomain
import JournalStore
import Testing

/// Carrying out each kind of command in-process: what it records, what it reports back, and that a refusal
/// appends nothing.
@Suite struct RecordingTests {
    let store = InMemoryEventStore()

    func record(_ command: Command, at now: String = "2025-04-07T09:00", on occurred: Instant? = nil) throws -> Recorded {
        try Recorder(store: store, time: try at(now)).record(command, occurredAt: occurred, commandName: "log test")
    }

    @Test func everyKindOfCommandIsRecordedOnItsStream() throws {
        let direction = try record(.setDirection(key: "data-lead", title: "Lead data engineering", by: "2028"))
        #expect(direction.change.kind == .directionSet && direction.event.streamId == StreamName.direction("data-lead"))
        #expect(direction.previousDirection == nil)
        let partner = try record(.namePartner("Sam Rivera"))
        #expect(partner.change.kind == .partnerNamed && partner.event.streamId == StreamName.partner)

        let set = try record(goal("network", "Build a network", target: 15, unit: "connections"))
        #expect(set.change.kind == .goalSet && set.goal?.id == "network" && set.goalsInQuarter == 1)
        let milestone = try record(.planMilestone(goal: "network", title: "Meet five people", schedule: weeks(1, 4)))
        #expect(milestone.goal?.milestones[1]?.title == "Meet five people")
        let revisedMilestone = try record(.reviseMilestone(goal: "network", number: 1, title: "Meet six people", schedule: weeks(1, 5),
                                                           reason: "One more"))
        #expect(revisedMilestone.change.kind == .milestoneRevised)
        #expect(revisedMilestone.goal?.milestones[1]?.title == "Meet six people" && revisedMilestone.goal?.milestones[1]?.weeks == WeekSpan(first: 1, last: 5))
        let activity = try record(.logActivity(text: "Meetup", goal: "network", milestone: 1, minutes: 90))
        #expect(activity.change.kind == .activityLogged && activity.event.streamId.hasPrefix("activities-"))
        let done = try record(.markDone(goal: "network", number: 1))
        #expect(done.goal?.milestones[1]?.doneAt != nil)
        let progress = try record(.measureProgress(goal: "network", amount: 4, value: nil, note: "Met at the meetup"))
        #expect(progress.goal?.current == 4)
        let revised = try record(.reviseGoal(goal: "network", changes: GoalChanges(target: 20), reason: "Going well", force: false))
        #expect(revised.change.kind == .goalRevised && revised.goal?.target == 20)
        let completed = try record(.completeGoal(goal: "network", outcome: "20 people"))
        #expect(completed.goal?.status == .completed)

        _ = try record(goal("blog", "Write a blog"))
        let dropped = try record(.dropGoal(goal: "blog", reason: "Lost interest"))
        #expect(dropped.goal?.status == .dropped)
        let retracted = try record(.retract(reference: "\(dropped.event.position)", reason: "Changed my mind"))
        #expect(retracted.change.kind == .eventRetracted && retracted.target?.eventId == dropped.event.eventId)
        #expect(retracted.goal?.status == .active, "the goal stands as if never dropped")

        let review = try record(.recordReview(ReviewRecorded(quarter: q2, planned: "p", accomplished: "a", obstacles: "o",
                                                             learned: "l", next: "n", blockers: [.overcommitting])),
                                at: "2025-07-01T09:00")
        #expect(review.change.kind == .reviewRecorded && review.event.streamId == StreamName.review(q2))
        #expect(try store.count() == 14)
        #expect(try store.goalKeys(in: q2) == ["blog", "network"], "the goal index follows every append")
    }

    @Test func aGoalWithoutAKeyGetsOneFromItsTitleThatIsFree() throws {
        let first = try record(.setGoal(GoalDraft(key: "", title: "Ship the app", quarter: q2)))
        let second = try record(.setGoal(GoalDraft(key: "", title: "Ship the app", quarter: q3)))
        #expect(first.goal?.id == GoalKey.base(for: "Ship the app"))
        let candidates = Array(GoalKey.candidates(for: GoalKey.base(for: "Ship the app")).prefix(2))
        #expect(second.goal?.id == candidates.last, "the next free candidate")
    }

    @Test func theSameDirectionTitleAgainReportsWhatItWas() throws {
        _ = try record(.setDirection(key: "data-lead", title: "Lead data", by: "2028"))
        let again = try record(.setDirection(key: "data-lead", title: "Lead data", by: "2030"))
        #expect(again.previousDirection?.by == "2028")
    }

    @Test func backdatingKeepsWhenItHappened() throws {
        _ = try record(goal("aws", "Pass AWS"), at: "2025-04-01T09:00")
        let earlier = try at("2025-04-03T18:00").now
        let activity = try record(.logActivity(text: "Study", goal: "aws", milestone: nil, minutes: 60), on: earlier)
        #expect(activity.event.occurredAt == earlier)
        #expect(activity.event.streamId == StreamName.activities(LocalDate(iso: "2025-04-03") ?? LocalDate(dayNumber: 0)))
    }

    @Test func aFourthGoalInAQuarterIsRefusedAndAppendsNothing() throws {
        for key in ["a", "b", "c"] { _ = try record(goal(key, "Goal \(key)")) }
        let before = try store.count()
        #expect(throws: DomainError.self) { try record(goal("d", "Goal d")) }
        #expect(try store.count() == before)
        #expect(try store.goalKeys(in: q2) == ["a", "b", "c"])
        let forced = try record(.setGoal(GoalDraft(key: "d", title: "Goal d", quarter: q2, force: true)))
        #expect(forced.goalsInQuarter == 4)
    }

    @Test func refusalsAppendNothing() throws {
        _ = try record(goal("aws", "Pass AWS"))
        let refused: [Command] = [
            .planMilestone(goal: "nope", title: "x", schedule: nil),
            .markDone(goal: "aws", number: 7),
            .measureProgress(goal: "aws", amount: 1, value: nil, note: nil),
            .retract(reference: "99", reason: "no such event"),
            goal("aws", "Pass AWS again"),
        ]
        for command in refused {
            #expect(throws: DomainError.self, "\(command)") { try record(command) }
        }
        #expect(try store.count() == 1)
    }

    @Test func retractingARetractionIsRefused() throws {
        let set = try record(goal("aws", "Pass AWS"))
        let retraction = try record(.retract(reference: set.event.eventId, reason: "typo"))
        #expect(throws: DomainError.self) { try record(.retract(reference: "\(retraction.event.position)", reason: "again")) }
        #expect(try store.count() == 2)
    }

    @Test func recordAllIsOneAtomicAppend() throws {
        let recorder = Recorder(store: store, time: try at("2025-04-07T09:00"))
        let recorded = try recorder.recordAll([goal("aws", "Pass AWS"), .planMilestone(goal: "aws", title: "Study", schedule: weeks(1, 2))],
                                              commandName: "test")
        #expect(recorded.map(\.event.position) == [1, 2])
        #expect(recorded.last?.goal?.milestones.count == 1, "the second command decided on the goal the first set")
        #expect(throws: DomainError.self) {
            try recorder.recordAll([goal("gcp", "Pass GCP"), .markDone(goal: "gcp", number: 1)], commandName: "test")
        }
        #expect(try store.count() == 2, "the refused second command took the first one back with it")
    }

    @Test func everyEventCarriesTheCommandAndTheClient() throws {
        let set = try record(goal("aws", "Pass AWS"))
        #expect(set.event.metadata == "{\"client\":\"journal/\(JournalVersion.current)\",\"command\":\"log test\"}")
    }
}
