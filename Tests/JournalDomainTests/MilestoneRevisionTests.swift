import Testing
@testable import JournalDomain

/// Given a goal's stream, when a milestone is retitled or rescheduled (or its goal moves), then the events and the
/// milestone's calendar. Week numbers belong to the quarter they were planned in.
@Suite("Milestone revisions and the calendar of carried milestones")
struct MilestoneRevisionTests {
    let q3 = Quarter(year: 2025, number: 3)!
    let q4 = Quarter(year: 2025, number: 4)!
    let t0 = Instant(millisecondsSinceEpoch: 1_751_360_400_000) // 2025-07-01T09:00Z

    func stream(_ events: [JournalEvent]) -> [Envelope] {
        events.enumerated().map { i, event in
            Envelope(position: Int64(i + 1), eventId: "e\(i + 1)", streamId: "goal-cs", streamVersion: i + 1,
                     occurredAt: Instant(millisecondsSinceEpoch: t0.millisecondsSinceEpoch + Int64(i) * 86_400_000),
                     recordedAt: Instant(millisecondsSinceEpoch: t0.millisecondsSinceEpoch + Int64(i) * 86_400_000), event: event)
        }
    }

    var given: [JournalEvent] {
        [.goalSet(GoalSet(key: "cs", title: "Two case studies", quarter: q3, metric: "published", due: LocalDate(iso: "2025-09-28"))),
         .milestonePlanned(MilestonePlanned(goal: "cs", number: 1, title: "Case study 1", weeks: WeekSpan(first: 1, last: 6))),
         .milestonePlanned(MilestonePlanned(goal: "cs", number: 2, title: "Case study 2", weeks: WeekSpan(first: 7, last: 12)))]
    }

    var moved: JournalEvent {
        .goalRevised(GoalRevised(goal: "cs", changes: [FieldChange(field: .quarter, from: .text("2025-Q3"), to: .text("2025-Q4"))],
                                 reason: "carried over"))
    }

    func state(_ events: [JournalEvent]) -> DecisionState {
        DecisionState(goal: GoalState.replay(stream(events)), occurredOn: LocalDate(iso: "2025-10-01"), today: LocalDate(iso: "2025-10-01"))
    }

    func refusal(_ command: Command, _ state: DecisionState) -> DomainError? {
        do {
            _ = try Decider.decide(command, state)
            return nil
        } catch {
            return error
        }
    }

    @Test func weeksKeepTheirQuarterWhenTheGoalMoves() throws {
        let goal = try #require(GoalState.replay(stream(given + [moved])))
        #expect(goal.quarter == q4)
        let milestone = try #require(goal.milestones[2])
        #expect(milestone.quarter == q3)
        #expect(milestone.plannedDays == LocalDate(iso: "2025-08-12")!...LocalDate(iso: "2025-09-22")!)
        #expect(milestone.plannedEnd == LocalDate(iso: "2025-09-22"))
        // Planned after the move, a milestone's weeks are the new quarter's.
        let later = try #require(GoalState.replay(stream(given + [moved,
            .milestonePlanned(MilestonePlanned(goal: "cs", number: 3, title: "Talk", weeks: WeekSpan(first: 2, last: 2)))])))
        #expect(later.milestones[3]?.quarter == q4)
        #expect(later.milestones[3]?.plannedDays == LocalDate(iso: "2025-10-08")!...LocalDate(iso: "2025-10-14")!)
    }

    @Test func reschedulingPutsTheMilestoneInTheGoalsQuarterNowKeepingTheOldScheduleInTheEvent() throws {
        let events = try Decider.decide(.reviseMilestone(goal: "cs", number: 2, title: nil, schedule: .weeks(WeekSpan(first: 1, last: 4)),
                                                        reason: "new quarter"), state(given + [moved]))
        let expected = MilestoneRevised(goal: "cs", number: 2, schedule: ScheduleChange(
            from: MilestoneWhen(quarter: q3, weeks: WeekSpan(first: 7, last: 12)), to: MilestoneWhen(quarter: q4, weeks: WeekSpan(first: 1, last: 4))),
            reason: "new quarter")
        #expect(events == [.milestoneRevised(expected)])
        let goal = try #require(GoalState.replay(stream(given + [moved] + events)))
        #expect(goal.milestones[2]?.quarter == q4)
        #expect(goal.milestones[2]?.weeks == WeekSpan(first: 1, last: 4))
        #expect(goal.milestones[2]?.plannedEnd == LocalDate(iso: "2025-10-28"))
        // To a due date: the weeks go.
        let due = try Decider.decide(.reviseMilestone(goal: "cs", number: 2, title: nil, schedule: .due(LocalDate(iso: "2025-11-15")!),
                                                     reason: "a date"), state(given + [moved] + events))
        let after = try #require(GoalState.replay(stream(given + [moved] + events + due)))
        #expect(after.milestones[2]?.weeks == nil && after.milestones[2]?.due == LocalDate(iso: "2025-11-15"))
        #expect(after.milestones[2]?.plannedDays == LocalDate(iso: "2025-11-15")!...LocalDate(iso: "2025-11-15")!)
    }

    @Test func aDoneMilestoneCanBeRetitledButNotRescheduled() throws {
        let done = given + [.milestoneDone(MilestoneDone(goal: "cs", number: 1))]
        let refused = refusal(.reviseMilestone(goal: "cs", number: 1, title: nil, schedule: .weeks(WeekSpan(first: 2, last: 3)), reason: "r"), state(done))
        #expect(refused?.code == .milestoneAlreadyDone)
        #expect(refused == .doneMilestoneRescheduled(goal: "cs", number: 1))
        let events = try Decider.decide(.reviseMilestone(goal: "cs", number: 1, title: "Case study: onboarding", schedule: nil, reason: "clearer"), state(done))
        #expect(events == [.milestoneRevised(MilestoneRevised(goal: "cs", number: 1, title: TitleChange(from: "Case study 1", to: "Case study: onboarding"),
                                                             reason: "clearer"))])
        let goal = try #require(GoalState.replay(stream(done + events)))
        #expect(goal.milestones[1]?.title == "Case study: onboarding")
        #expect(goal.milestones[1]?.doneAt != nil)
    }

    @Test func refusals() {
        let s = state(given)
        #expect(refusal(.reviseMilestone(goal: "cs", number: 9, title: "x", schedule: nil, reason: "r"), s)?.code == .unknownMilestone)
        #expect(refusal(.reviseMilestone(goal: "cs", number: 2, title: "Case study 2", schedule: .weeks(WeekSpan(first: 7, last: 12)), reason: "r"), s)?.code == .noChange)
        #expect(refusal(.reviseMilestone(goal: "cs", number: 2, title: nil, schedule: nil, reason: "r"), s)?.code == .noChange)
        #expect(refusal(.reviseMilestone(goal: "cs", number: 2, title: "x", schedule: nil, reason: "  "), s)?.code == .invalidText)
        #expect(refusal(.reviseMilestone(goal: "cs", number: 2, title: nil, schedule: .weeks(WeekSpan(first: 12, last: 14)), reason: "r"), s)?.code == .invalidWeek)
        let dropped = state(given + [.goalDropped(GoalDropped(goal: "cs", reason: "no"))])
        #expect(refusal(.reviseMilestone(goal: "cs", number: 2, title: "x", schedule: nil, reason: "r"), dropped)?.code == .goalClosed)
        #expect(refusal(.reviseMilestone(goal: "other", number: 2, title: "x", schedule: nil, reason: "r"), s)?.code == .unknownGoal)
    }

    @Test func anImportedRevisionMustBeOneACommandCouldMake() {
        func check(_ e: MilestoneRevised) -> DomainError? {
            do {
                try EventRules.check(.milestoneRevised(e), stream: "goal-cs", occurredAt: t0, recordedAt: t0)
                return nil
            } catch { return error }
        }
        #expect(check(MilestoneRevised(goal: "cs", number: 2, title: TitleChange(from: "a", to: "b"), reason: "r")) == nil)
        #expect(check(MilestoneRevised(goal: "cs", number: 2, reason: "r"))?.code == .noChange)
        #expect(check(MilestoneRevised(goal: "cs", number: 2, schedule: ScheduleChange(from: nil, to: MilestoneWhen(weeks: WeekSpan(first: 1, last: 2))), reason: "r"))?.code == .invalidWeek)
        #expect(check(MilestoneRevised(goal: "cs", number: 2, schedule: ScheduleChange(from: nil, to: MilestoneWhen(quarter: q4, weeks: WeekSpan(first: 1, last: 2), due: LocalDate(iso: "2025-10-01"))), reason: "r"))?.code == .invalidWeek)
        #expect(check(MilestoneRevised(goal: "cs", number: 0, title: TitleChange(from: "a", to: "b"), reason: "r"))?.code == .invalidReference)
        // A revision of a milestone the stream has not planned is a conflict of the stream.
        let unplanned = stream([given[0], .milestoneRevised(MilestoneRevised(goal: "cs", number: 5, title: TitleChange(from: "a", to: "b"), reason: "r"))])
        #expect(StreamRules.firstConflict(in: unplanned, newFrom: 1)?.reason.contains("not planned before it") == true)
        #expect(StreamRules.firstConflict(in: stream(given + [.milestoneRevised(MilestoneRevised(goal: "cs", number: 2, title: TitleChange(from: "a", to: "b"), reason: "r"))]), newFrom: 1) == nil)
    }
}
