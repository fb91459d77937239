import Testing
@testable import JournalDomain

/// Given (events in a goal's stream), when (a command), then (events, or a refusal).
@Suite("Decisions")
struct DecideTests {
    let q2 = Quarter(year: 2025, number: 2)!
    let t0 = Instant(millisecondsSinceEpoch: 1_744_275_600_000) // 2025-04-10T09:00Z
    let today = LocalDate(iso: "2025-04-10")!

    func stream(_ events: [JournalEvent]) -> [Envelope] {
        events.enumerated().map { i, event in
            Envelope(position: Int64(i + 1), eventId: "e\(i + 1)", streamId: "goal-aws", streamVersion: i + 1,
                     occurredAt: t0, recordedAt: t0, event: event)
        }
    }

    var awsSet: JournalEvent {
        .goalSet(GoalSet(key: "aws", title: "Complete AWS certification", quarter: q2, metric: "Pass the exam",
                         due: LocalDate(iso: "2025-06-15")))
    }
    var networkSet: JournalEvent {
        .goalSet(GoalSet(key: "network", title: "Grow my network", quarter: q2, target: 15, unit: "connections"))
    }

    func state(_ given: [JournalEvent], quarterGoals: [String] = [], direction: DirectionState? = nil,
               on: LocalDate? = nil) -> DecisionState {
        DecisionState(goal: GoalState.replay(stream(given)), quarterGoals: quarterGoals, direction: direction,
                      occurredOn: on ?? today, today: today)
    }

    func refusal(_ command: Command, _ state: DecisionState) -> DomainError? {
        do {
            _ = try Decider.decide(command, state)
            return nil
        } catch {
            return error
        }
    }

    // MARK: directions and goals

    @Test func settingADirection() throws {
        let events = try Decider.decide(.setDirection(key: "mgmt", title: " Move into management ", by: "2028"), state([]))
        #expect(events == [.directionSet(DirectionSet(key: "mgmt", title: "Move into management", by: "2028"))])
        #expect(refusal(.setDirection(key: "mgmt", title: "x", by: "soon"), state([]))?.code == .invalidDate)
        #expect(refusal(.setDirection(key: "Bad Key", title: "x", by: nil), state([]))?.code == .invalidKey)
    }

    @Test func settingAGoal() throws {
        let draft = GoalDraft(key: "aws", title: "Complete AWS certification", quarter: q2, metric: "Pass the exam",
                              due: LocalDate(iso: "2025-06-15"), confidence: 70)
        let events = try Decider.decide(.setGoal(draft), state([], quarterGoals: ["network"]))
        #expect(events == [.goalSet(GoalSet(key: "aws", title: "Complete AWS certification", quarter: q2,
                                            metric: "Pass the exam", due: LocalDate(iso: "2025-06-15"), confidence: 70))])
    }

    @Test func aFourthGoalIsRefusedUnlessForced() throws {
        let draft = GoalDraft(key: "four", title: "Fourth", quarter: q2)
        let full = state([], quarterGoals: ["a", "b", "c"])
        let error = try #require(refusal(.setGoal(draft), full))
        #expect(error.code == .tooManyGoals)
        #expect(error == .tooManyGoals(quarter: q2, goals: ["a", "b", "c"]))
        var forced = draft
        forced.force = true
        #expect(try Decider.decide(.setGoal(forced), full) == [.goalSet(GoalSet(key: "four", title: "Fourth", quarter: q2, forced: true))])
        // Force with room to spare is not recorded as forced.
        #expect(try Decider.decide(.setGoal(forced), state([], quarterGoals: ["a"])) == [.goalSet(GoalSet(key: "four", title: "Fourth", quarter: q2))])
    }

    @Test func goalRefusals() {
        let ok = GoalDraft(key: "x", title: "X", quarter: q2)
        var d = ok
        d.title = "   "
        #expect(refusal(.setGoal(d), state([]))?.code == .invalidText)
        d = ok
        d.title = "two\nlines"
        #expect(refusal(.setGoal(d), state([]))?.code == .invalidText)
        d = ok
        d.title = String(repeating: "x", count: 201)
        #expect(refusal(.setGoal(d), state([]))?.code == .invalidText)
        d = ok
        d.confidence = 101
        #expect(refusal(.setGoal(d), state([]))?.code == .invalidConfidence)
        d = ok
        d.target = -3
        #expect(refusal(.setGoal(d), state([]))?.code == .invalidNumber)
        d = ok
        d.target = .infinity
        #expect(refusal(.setGoal(d), state([]))?.code == .invalidNumber)
        d = ok
        d.unit = "km"
        #expect(refusal(.setGoal(d), state([]))?.code == .conflictingOptions)
        d = ok
        d.direction = "mgmt"
        #expect(refusal(.setGoal(d), state([]))?.code == .unknownDirection)
        #expect(refusal(.setGoal(d), state([], direction: DirectionState(key: "mgmt", title: "M"))) == nil)
        d = ok
        d.key = "aws"
        #expect(refusal(.setGoal(d), state([awsSet]))?.code == .duplicateKey)
    }

    // MARK: milestones

    @Test func planningMilestonesNumbersThem() throws {
        let first = try Decider.decide(.planMilestone(goal: "aws", title: "Sections 1-5", schedule: .weeks(WeekSpan(first: 1, last: 4))), state([awsSet]))
        #expect(first == [.milestonePlanned(MilestonePlanned(goal: "aws", number: 1, title: "Sections 1-5", weeks: WeekSpan(first: 1, last: 4)))])
        let given: [JournalEvent] = [awsSet, first[0]]
        let second = try Decider.decide(.planMilestone(goal: "aws", title: "Exam", schedule: .due(LocalDate(iso: "2025-06-15")!)), state(given))
        #expect(second == [.milestonePlanned(MilestonePlanned(goal: "aws", number: 2, title: "Exam", due: LocalDate(iso: "2025-06-15")))])
    }

    @Test func milestoneNumbersAreNotReusedAfterARetraction() throws {
        var events = stream([awsSet, .milestonePlanned(MilestonePlanned(goal: "aws", number: 1, title: "Oops"))])
        events.append(Envelope(position: 3, eventId: "e3", streamId: "goal-aws", streamVersion: 3, occurredAt: t0, recordedAt: t0,
                               event: .eventRetracted(EventRetracted(target: "e2", targetType: "milestone-planned", reason: "typo"))))
        let goal = try #require(GoalState.replay(events))
        #expect(goal.milestones.isEmpty)
        let next = try Decider.decide(.planMilestone(goal: "aws", title: "Again", schedule: nil),
                                      DecisionState(goal: goal, today: today))
        #expect(next == [.milestonePlanned(MilestonePlanned(goal: "aws", number: 2, title: "Again"))])
    }

    @Test func milestoneRefusals() {
        #expect(refusal(.planMilestone(goal: "nope", title: "x", schedule: nil), state([]))?.code == .unknownGoal)
        #expect(refusal(.planMilestone(goal: "aws", title: "x", schedule: .weeks(WeekSpan(first: 0, last: 2))), state([awsSet]))?.code == .invalidWeek)
        #expect(refusal(.planMilestone(goal: "aws", title: "x", schedule: .weeks(WeekSpan(first: 5, last: 14))), state([awsSet]))?.code == .invalidWeek)
        #expect(refusal(.planMilestone(goal: "aws", title: "x", schedule: .weeks(WeekSpan(first: 5, last: 4))), state([awsSet]))?.code == .invalidWeek)
        #expect(refusal(.planMilestone(goal: "aws", title: "", schedule: nil), state([awsSet]))?.code == .invalidText)
        let completed: [JournalEvent] = [awsSet, .goalCompleted(GoalCompleted(goal: "aws"))]
        #expect(refusal(.planMilestone(goal: "aws", title: "x", schedule: nil), state(completed))?.code == .goalClosed)
    }

    @Test func markingAMilestoneDone() throws {
        let planned: [JournalEvent] = [awsSet, .milestonePlanned(MilestonePlanned(goal: "aws", number: 1, title: "Sections"))]
        #expect(try Decider.decide(.markDone(goal: "aws", number: 1), state(planned)) == [.milestoneDone(MilestoneDone(goal: "aws", number: 1))])
        let done = planned + [.milestoneDone(MilestoneDone(goal: "aws", number: 1))]
        #expect(refusal(.markDone(goal: "aws", number: 1), state(done))?.code == .milestoneAlreadyDone)
        #expect(refusal(.markDone(goal: "aws", number: 2), state(planned))?.code == .unknownMilestone)
        #expect(refusal(.markDone(goal: "gone", number: 1), state([]))?.code == .unknownGoal)
        #expect(refusal(.markDone(goal: "aws", number: 1), state(planned, on: today.adding(days: 1)))?.code == .futureDate)
        let dropped = planned + [.goalDropped(GoalDropped(goal: "aws", reason: "r"))]
        #expect(refusal(.markDone(goal: "aws", number: 1), state(dropped))?.code == .goalClosed)
    }

    // MARK: progress and activities

    @Test func measuringProgress() throws {
        #expect(try Decider.decide(.measureProgress(goal: "network", amount: 3, value: nil, note: "meetup"), state([networkSet]))
                == [.progressMeasured(ProgressMeasured(goal: "network", amount: 3, note: "meetup"))])
        #expect(try Decider.decide(.measureProgress(goal: "network", amount: nil, value: 8, note: nil), state([networkSet]))
                == [.progressMeasured(ProgressMeasured(goal: "network", value: 8))])
        let goal = try #require(GoalState.replay(stream([networkSet, .progressMeasured(ProgressMeasured(goal: "network", amount: 3)),
                                                         .progressMeasured(ProgressMeasured(goal: "network", amount: 2)),
                                                         .progressMeasured(ProgressMeasured(goal: "network", value: 4)),
                                                         .progressMeasured(ProgressMeasured(goal: "network", amount: 1))])))
        #expect(goal.current == 5)
        #expect(refusal(.measureProgress(goal: "aws", amount: 1, value: nil, note: nil), state([awsSet]))?.code == .noTarget)
        #expect(refusal(.measureProgress(goal: "network", amount: 0, value: nil, note: nil), state([networkSet]))?.code == .invalidNumber)
        #expect(refusal(.measureProgress(goal: "network", amount: -2, value: nil, note: nil), state([networkSet]))?.code == .invalidNumber)
        #expect(refusal(.measureProgress(goal: "network", amount: nil, value: -1, note: nil), state([networkSet]))?.code == .invalidNumber)
        #expect(refusal(.measureProgress(goal: "network", amount: 1, value: 2, note: nil), state([networkSet]))?.code == .conflictingOptions)
        #expect(refusal(.measureProgress(goal: "network", amount: nil, value: nil, note: nil), state([networkSet]))?.code == .conflictingOptions)
    }

    @Test func loggingActivities() throws {
        let planned: [JournalEvent] = [awsSet, .milestonePlanned(MilestonePlanned(goal: "aws", number: 1, title: "Sections"))]
        #expect(try Decider.decide(.logActivity(text: "Scrolled LinkedIn", goal: nil, milestone: nil, minutes: 30), state([]))
                == [.activityLogged(ActivityLogged(text: "Scrolled LinkedIn", minutes: 30))])
        #expect(try Decider.decide(.logActivity(text: "Read", goal: "aws", milestone: 1, minutes: 1440), state(planned))
                == [.activityLogged(ActivityLogged(text: "Read", goal: "aws", milestone: 1, minutes: 1440))])
        #expect(refusal(.logActivity(text: "x", goal: nil, milestone: nil, minutes: -5), state([]))?.code == .invalidMinutes)
        #expect(refusal(.logActivity(text: "x", goal: nil, milestone: nil, minutes: 0), state([]))?.code == .invalidMinutes)
        #expect(refusal(.logActivity(text: "x", goal: nil, milestone: nil, minutes: 1441), state([]))?.code == .invalidMinutes)
        #expect(refusal(.logActivity(text: " ", goal: nil, milestone: nil, minutes: nil), state([]))?.code == .invalidText)
        #expect(refusal(.logActivity(text: "x", goal: "nope", milestone: nil, minutes: nil), state([]))?.code == .unknownGoal)
        #expect(refusal(.logActivity(text: "x", goal: "aws", milestone: 9, minutes: nil), state(planned))?.code == .unknownMilestone)
        #expect(refusal(.logActivity(text: "x", goal: nil, milestone: nil, minutes: nil), state([], on: today.adding(days: 2)))?.code == .futureDate)
    }

    // MARK: revisions, completion, drops

    @Test func revisingRecordsEachChangedField() throws {
        let changes = GoalChanges(title: "Complete AWS certification", metric: "Score 800+", due: LocalDate(iso: "2025-06-30"))
        let events = try Decider.decide(.reviseGoal(goal: "aws", changes: changes, reason: "Exam slots full", force: false), state([awsSet]))
        #expect(events == [.goalRevised(GoalRevised(goal: "aws", changes: [
            FieldChange(field: .metric, from: .text("Pass the exam"), to: .text("Score 800+")),
            FieldChange(field: .due, from: .text("2025-06-15"), to: .text("2025-06-30")),
        ], reason: "Exam slots full"))])
        let revised = try #require(GoalState.replay(stream([awsSet] + events)))
        #expect(revised.metric == "Score 800+" && revised.due == LocalDate(iso: "2025-06-30"))

        let target = try Decider.decide(.reviseGoal(goal: "network", changes: GoalChanges(target: 10), reason: "Too ambitious", force: false), state([networkSet]))
        #expect(target == [.goalRevised(GoalRevised(goal: "network", changes: [FieldChange(field: .target, from: .number(15), to: .number(10))], reason: "Too ambitious"))])
    }

    @Test func revisionRefusals() {
        #expect(refusal(.reviseGoal(goal: "aws", changes: GoalChanges(), reason: "r", force: false), state([awsSet]))?.code == .noChange)
        #expect(refusal(.reviseGoal(goal: "aws", changes: GoalChanges(title: "Complete AWS certification"), reason: "r", force: false), state([awsSet]))?.code == .noChange)
        #expect(refusal(.reviseGoal(goal: "aws", changes: GoalChanges(metric: "m"), reason: "  ", force: false), state([awsSet]))?.code == .invalidText)
        #expect(refusal(.reviseGoal(goal: "nope", changes: GoalChanges(metric: "m"), reason: "r", force: false), state([]))?.code == .unknownGoal)
        let q3 = Quarter(year: 2025, number: 3)!
        #expect(refusal(.reviseGoal(goal: "aws", changes: GoalChanges(quarter: q3), reason: "r", force: false),
                        state([awsSet], quarterGoals: ["a", "b", "c"]))?.code == .tooManyGoals)
        #expect(refusal(.reviseGoal(goal: "aws", changes: GoalChanges(quarter: q3), reason: "r", force: true),
                        state([awsSet], quarterGoals: ["a", "b", "c"])) == nil)
        #expect(refusal(.reviseGoal(goal: "aws", changes: GoalChanges(direction: "mgmt"), reason: "r", force: false), state([awsSet]))?.code == .unknownDirection)
    }

    // MARK: deadlines and quarters

    @Test func aDeadlineBeforeTheGoalsQuarterIsRefusedNamingTheQuartersDays() throws {
        let q4 = try #require(Quarter(parsing: "2025-Q4"))
        let early = GoalDraft(key: "cs", title: "Case study", quarter: q4, metric: "Published", due: LocalDate(iso: "2025-09-26"))
        let error = try #require(refusal(.setGoal(early), state([])))
        #expect(error.code == .deadlineBeforeQuarter && !error.isUsageError)
        #expect(error == .deadlineBeforeQuarter(goal: "cs", due: try #require(LocalDate(iso: "2025-09-26")), quarter: q4))
        // Its first day, its last day and any day after it are deadlines the rule accepts (the last with advice).
        for day in ["2025-10-01", "2025-12-31", "2026-01-15"] {
            var draft = early
            draft.due = LocalDate(iso: day)
            #expect(refusal(.setGoal(draft), state([])) == nil, "\(day)")
        }
    }

    @Test func aRevisedDeadlineBeforeTheQuarterIsRefused() throws {
        let error = try #require(refusal(.reviseGoal(goal: "aws", changes: GoalChanges(due: LocalDate(iso: "2025-03-31")), reason: "r", force: false),
                                         state([awsSet])))
        #expect(error == .deadlineBeforeQuarter(goal: "aws", due: try #require(LocalDate(iso: "2025-03-31")), quarter: q2))
        // With a move, the deadline is judged against the quarter the goal moves to.
        let q3 = try #require(Quarter(parsing: "2025-Q3"))
        let moved = refusal(.reviseGoal(goal: "aws", changes: GoalChanges(due: LocalDate(iso: "2025-06-30"), quarter: q3), reason: "r", force: false),
                            state([awsSet]))
        #expect(moved == .deadlineBeforeQuarter(goal: "aws", due: try #require(LocalDate(iso: "2025-06-30")), quarter: q3))
    }

    /// A move to a later quarter without --due carries a deadline it would leave behind to the new quarter's last day.
    @Test func aMoveCarriesADeadlineItWouldLeaveBehind() throws {
        let q3 = try #require(Quarter(parsing: "2025-Q3"))
        let events = try Decider.decide(.reviseGoal(goal: "aws", changes: GoalChanges(quarter: q3), reason: "Later", force: false), state([awsSet]))
        #expect(events == [.goalRevised(GoalRevised(goal: "aws", changes: [
            FieldChange(field: .due, from: .text("2025-06-15"), to: .text("2025-09-30")),
            FieldChange(field: .quarter, from: .text("2025-Q2"), to: .text("2025-Q3")),
        ], reason: "Later"))])
        // A deadline still in or after the new quarter stays; moving to an earlier quarter keeps it too.
        let q1 = try #require(Quarter(parsing: "2025-Q1"))
        let back = try Decider.decide(.reviseGoal(goal: "aws", changes: GoalChanges(quarter: q1), reason: "Sooner", force: false), state([awsSet]))
        #expect(back == [.goalRevised(GoalRevised(goal: "aws", changes: [
            FieldChange(field: .quarter, from: .text("2025-Q2"), to: .text("2025-Q1")),
        ], reason: "Sooner"))])
    }

    @Test func aQuarterIsReviewedOnlyOnceItHasBegun() throws {
        let review = ReviewRecorded(quarter: try #require(Quarter(parsing: "2025-Q3")), planned: "p", accomplished: "a", obstacles: "o",
                                    learned: "l", next: "n", blockers: [])
        let error = try #require(refusal(.recordReview(review), state([])))
        #expect(error.code == .quarterNotStarted && !error.isUsageError)
        #expect(error == .quarterNotStarted(quarter: review.quarter, day: try #require(LocalDate(iso: "2025-04-10"))))
        #expect(try Decider.decide(.recordReview(review), state([], on: LocalDate(iso: "2025-07-01"))).count == 1)
        var current = review
        current.quarter = q2
        #expect(try Decider.decide(.recordReview(current), state([])).count == 1, "the quarter under way can be reviewed")
    }

    @Test func completingAndDropping() throws {
        #expect(try Decider.decide(.completeGoal(goal: "aws", outcome: "Passed"), state([awsSet])) == [.goalCompleted(GoalCompleted(goal: "aws", outcome: "Passed"))])
        #expect(try Decider.decide(.dropGoal(goal: "aws", reason: "Reorg"), state([awsSet])) == [.goalDropped(GoalDropped(goal: "aws", reason: "Reorg"))])
        let completed: [JournalEvent] = [awsSet, .goalCompleted(GoalCompleted(goal: "aws"))]
        #expect(GoalState.replay(stream(completed))?.status == .completed)
        #expect(refusal(.completeGoal(goal: "aws", outcome: nil), state(completed))?.code == .goalClosed)
        #expect(refusal(.dropGoal(goal: "aws", reason: "r"), state(completed))?.code == .goalClosed)
        #expect(refusal(.dropGoal(goal: "aws", reason: ""), state([awsSet]))?.code == .invalidText)
        #expect(refusal(.completeGoal(goal: "nope", outcome: nil), state([]))?.code == .unknownGoal)
    }

    // MARK: reviews, partner, retractions

    @Test func recordingAReview() throws {
        let review = ReviewRecorded(quarter: q2, planned: "AWS", accomplished: "Passed", obstacles: "Crunch", learned: "Mornings",
                                    next: "Lead", blockers: [.overcommitting, .overcommitting, .tooManyGoals])
        let events = try Decider.decide(.recordReview(review), state([]))
        var expected = review
        expected.blockers = [.overcommitting, .tooManyGoals]
        #expect(events == [.reviewRecorded(expected)])
        var missing = review
        missing.learned = ""
        #expect(refusal(.recordReview(missing), state([]))?.code == .invalidText)
    }

    @Test func namingAPartner() throws {
        #expect(try Decider.decide(.namePartner("Sam"), state([])) == [.partnerNamed(PartnerNamed(name: "Sam"))])
        #expect(refusal(.namePartner(""), state([]))?.code == .invalidText)
    }

    @Test func retracting() throws {
        let target = RetractTarget(eventId: "abc", position: 7, type: "activity-logged", alreadyRetracted: false)
        #expect(try Decider.decide(.retract(reference: "7", reason: "wrong goal"), DecisionState(retractTarget: target))
                == [.eventRetracted(EventRetracted(target: "abc", targetType: "activity-logged", reason: "wrong goal"))])
        #expect(refusal(.retract(reference: "99", reason: "r"), DecisionState())?.code == .unknownEvent)
        var retraction = target
        retraction.type = "event-retracted"
        #expect(refusal(.retract(reference: "7", reason: "r"), DecisionState(retractTarget: retraction))?.code == .retractRetraction)
        var again = target
        again.alreadyRetracted = true
        #expect(refusal(.retract(reference: "7", reason: "r"), DecisionState(retractTarget: again))?.code == .alreadyRetracted)
        #expect(refusal(.retract(reference: "7", reason: ""), DecisionState(retractTarget: target))?.code == .invalidText)
    }

    @Test func retractedEventsLeaveTheGoalState() throws {
        var events = stream([awsSet, .goalDropped(GoalDropped(goal: "aws", reason: "r"))])
        #expect(GoalState.replay(events)?.status == .dropped)
        events.append(Envelope(position: 3, eventId: "e3", streamId: "goal-aws", streamVersion: 3, occurredAt: t0, recordedAt: t0,
                               event: .eventRetracted(EventRetracted(target: "e2", targetType: "goal-dropped", reason: "oops"))))
        #expect(GoalState.replay(events)?.status == .active)
        let unset = stream([awsSet]) + [Envelope(position: 2, eventId: "e2", streamId: "goal-aws", streamVersion: 2, occurredAt: t0,
                                                 recordedAt: t0, event: .eventRetracted(EventRetracted(target: "e1", targetType: "goal-set", reason: "x")))]
        #expect(GoalState.replay(unset) == nil)
    }

    /// A refusal carries the values its words need (that each is one line naming a fix: DomainErrorWordsTests).
    @Test func everyRefusalCarriesTheValuesThatExplainIt() {
        #expect(refusal(.markDone(goal: "aws", number: 3), state([awsSet])) == .unknownMilestone(goal: "aws", number: 3))
        #expect(refusal(.setGoal(GoalDraft(key: "d", title: "D", quarter: q2)), state([], quarterGoals: ["c", "a", "b"]))
                == .tooManyGoals(quarter: q2, goals: ["a", "b", "c"]))
        #expect(refusal(.retract(reference: "4", reason: "r"), DecisionState()) == .unknownEvent(reference: "4"))
    }
}

@Suite("Retractions and the quarter's three goals")
struct RetractionLimitTests {
    let t0 = Instant(millisecondsSinceEpoch: 1_744_275_600_000)

    @Test func undoingADropCannotSneakInAFourthGoal() throws {
        let q3 = try #require(Quarter(parsing: "2025-Q3"))
        let stream = [
            Envelope(position: 1, eventId: "set", streamId: "goal-b", streamVersion: 1, occurredAt: t0, recordedAt: t0,
                     event: .goalSet(GoalSet(key: "b", title: "B", quarter: q3))),
            Envelope(position: 2, eventId: "drop", streamId: "goal-b", streamVersion: 2, occurredAt: t0, recordedAt: t0,
                     event: .goalDropped(GoalDropped(goal: "b", reason: "r"))),
        ]
        let target = RetractTarget(eventId: "drop", position: 2, type: "goal-dropped", alreadyRetracted: false)
        let after = GoalState.replay(stream, alsoLeavingOut: "drop")
        #expect(after?.status == .active)
        let full = DecisionState(goal: GoalState.replay(stream), quarterGoals: ["a", "c", "d"], retractTarget: target,
                                 goalAfterRetraction: after)
        #expect(throws: DomainError.self) { try Decider.decide(.retract(reference: "2", reason: "oops"), full) }
        #expect(try Decider.decide(.retract(reference: "2", reason: "oops", force: true), full).count == 1)
        var roomy = full
        roomy.quarterGoals = ["a", "c"]
        #expect(try Decider.decide(.retract(reference: "2", reason: "oops"), roomy).count == 1)
        // Retracting an ordinary event of an active goal never counts against the quarter.
        var plain = full
        plain.goal = after
        #expect(try Decider.decide(.retract(reference: "2", reason: "oops"), plain).count == 1)
    }
}
