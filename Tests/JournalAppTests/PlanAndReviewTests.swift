import JournalApp
import JournalDomain
import JournalStore
import Projections
import Testing

/// A sprint plan and a review, each applied from answers given as values.
@Suite struct PlanAndReviewTests {
    let store = InMemoryEventStore()

    /// Q2 with one unfinished goal ("network", a milestone open), planned from on the last day of Q2.
    func planning() throws -> (SprintPlanning<InMemoryEventStore>, TimeContext) {
        let before = Recorder(store: store, time: try at("2025-04-02T09:00"))
        _ = try before.recordAll([goal("network", "Build a network"), .planMilestone(goal: "network", title: "Meetup", schedule: weeks(9, 10))],
                                 commandName: "test")
        let time = try at("2025-06-28T10:00")
        let context = try Reading(store: store, time: time).planContext(q3)
        #expect(context.unfinished.map(\.id) == ["network"])
        return (SprintPlanning(recorder: Recorder(store: store, time: time), context: context), time)
    }

    let answers = PlanAnswers(
        carryOver: [.init(goal: "network", action: "keep")],
        goals: [.init(title: "Lead the pipeline migration", metric: "Live", milestones: [.init(title: "Map the pipelines", weeks: "1-2")])],
        reschedule: [.init(milestone: "network/1", weeks: "3-4")])

    @Test func answersBecomeAPlanAndItsDryRunRecordsNothing() throws {
        let (planning, time) = try planning()
        let plan = try answers.plan(planning.context, time: time, keepTheRest: false, force: false)
        #expect(plan.goals.map(\.key) == ["lead-pipeline"], "a key derived from the title")
        let wouldRecord = try planning.dryRun(plan)
        #expect(try wouldRecord.count == planning.commands(plan).count)
        #expect(wouldRecord.compactMap(\.goal).contains { $0.id == "network" && $0.quarter == q3 })
        #expect(try store.count() == 2, "the dry run was rolled back")
        let recorded = try planning.record(plan)
        #expect(recorded.map(\.event.position) == Array(3...Int64(2 + wouldRecord.count)))
        #expect(try store.goalKeys(in: q3) == ["lead-pipeline", "network"])
        #expect(recorded.compactMap(\.goal).last { $0.id == "network" }?.milestones[1]?.weeks == WeekSpan(first: 3, last: 4))
    }

    @Test func aRefusedPlanRecordsNothing() throws {
        let (planning, time) = try planning()
        var tooMany = answers
        tooMany.goals += ["B", "C"].map { PlanAnswers.Goal(title: "Goal \($0)") }
        let plan = try tooMany.plan(planning.context, time: time, keepTheRest: false, force: false)
        #expect(throws: DomainError.self) { try planning.record(plan) }
        #expect(throws: DomainError.self) { try planning.dryRun(plan) }
        #expect(try store.count() == 2)
    }

    @Test func answersThatCannotBeAPlanAreRefusedAsData() throws {
        let (planning, time) = try planning()
        func refusal(_ answers: PlanAnswers) -> AppError? {
            do {
                _ = try answers.plan(planning.context, time: time, keepTheRest: false, force: false)
                return nil
            } catch {
                return error as? AppError
            }
        }
        #expect(refusal(PlanAnswers(carryOver: [.init(goal: "blog", action: "keep")])) == .carryOverNotUnfinished(goal: "blog", previous: q2))
        #expect(refusal(PlanAnswers(carryOver: [.init(goal: "network", action: "drop")])) == .carryOverNeedsReason(goal: "network", action: .drop))
        #expect(refusal(PlanAnswers(carryOver: [.init(goal: "network", action: "pause")])) == .carryOverUnknownAction(goal: "network", action: "pause"))
        #expect(refusal(PlanAnswers(reschedule: [.init(milestone: "network/1")])) == .rescheduleWithoutSchedule(goal: "network", number: 1))
        #expect(refusal(PlanAnswers()) == nil)
    }

    @Test func keepingTheRestCarriesOverWhatTheAnswersLeaveOut() throws {
        let (planning, time) = try planning()
        let plan = try PlanAnswers().plan(planning.context, time: time, keepTheRest: true, force: false)
        #expect(plan.carryOver.map(\.goal) == ["network"])
    }

    let review = ReviewAnswers(planned: "p", accomplished: "a", obstacles: "o", learned: "l", next: "n", blockers: [.other])

    @Test func aReviewIsRecordedFromItsAnswers() throws {
        let recorder = Recorder(store: store, time: try at("2025-07-01T09:00"))
        let recorded = try Reviewing.record(review, of: q2, recorder: recorder)
        guard case .reviewRecorded(let event) = recorded.change else { throw AppTestFailure.unexpected("\(recorded.change)") }
        #expect(event.quarter == q2 && event.blockers == [.other] && event.next == "n")
        #expect(try Reading(store: store, time: recorder.time).reviewContext(q2).existing?.value == event)
    }

    @Test func aReviewMissingAnswersOrOfAQuarterNotStartedRecordsNothing() throws {
        let recorder = Recorder(store: store, time: try at("2025-07-01T09:00"))
        var partial = review
        partial.learned = nil
        partial.next = nil
        #expect(throws: AppError.reviewMissingAnswers(["learned", "next"])) { try Reviewing.record(partial, of: q2, recorder: recorder) }
        #expect(throws: DomainError.self) { try Reviewing.record(review, of: Quarter(parsing: "2025-Q4") ?? q2, recorder: recorder) }
        #expect(try store.count() == 0)
    }
}

enum AppTestFailure: Error { case unexpected(String) }
