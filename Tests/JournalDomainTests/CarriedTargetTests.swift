import Testing
@testable import JournalDomain

/// Given a goal with progress carried into a new quarter, when its new target is typed, then the stored
/// target is the total to reach; a goal that reached its target can be completed by the plan.
@Suite("Carried targets")
struct CarriedTargetTests {
    let q3 = Quarter(year: 2025, number: 3)!
    let q4 = Quarter(year: 2025, number: 4)!

    /// apply: 60 applications in 2025-Q3, `current` done.
    func apply(current: Double) -> GoalState {
        var goal = GoalState(GoalSet(key: "apply", title: "Send job applications", quarter: q3, target: 60, unit: "applications"))
        goal.current = current
        return goal
    }

    @Test func whatIsLeftIsAddedToTheProgressSoFar() throws {
        #expect(try CarriedTarget.left.total(40, current: 12, option: "target") == 52)
        #expect(try CarriedTarget.total.total(40, current: 12, option: "target") == 40)
        #expect(throws: DomainError.self) { try CarriedTarget.left.total(0, current: 12, option: "target") }
        #expect(throws: DomainError.self) { try CarriedTarget.left.total(1e12, current: 12, option: "target") }
    }

    @Test func theQuestionIsAskedOnlyForANewTargetOnAGoalWithProgress() {
        #expect(CarriedTarget.needsAsking(apply(current: 12), newTarget: 40))
        #expect(!CarriedTarget.needsAsking(apply(current: 12), newTarget: 60), "the target as it was")
        #expect(!CarriedTarget.needsAsking(apply(current: 0), newTarget: 40), "nothing measured: total and left agree")
        #expect(!CarriedTarget.needsAsking(apply(current: 12), newTarget: nil))
    }

    @Test func aReachedTargetIsNamedWithItsUnit() {
        #expect(CarriedTarget.reached(apply(current: 65)) && CarriedTarget.reached(apply(current: 60)))
        #expect(!CarriedTarget.reached(apply(current: 59)))
        #expect(CarriedTarget.standing(apply(current: 65)) == "65 of 60 applications")
    }

    @Test func aPlanCompletesAGoalWhereItIsBeforeAnyMove() throws {
        let plan = SprintPlan(quarter: q4, carryOver: [.keep(goal: "net", reason: "r"), .complete(goal: "apply", outcome: "65 sent")])
        #expect(!SprintPlan.CarryOver.complete(goal: "apply", outcome: nil).staysInSprint)
        #expect(plan.sprintGoals(alreadyInQuarter: []) == ["net"])
        let net = GoalState(GoalSet(key: "net", title: "Network", quarter: q3))
        #expect(try plan.commands(unfinished: [net, apply(current: 65)], alreadyInQuarter: []) == [
            .completeGoal(goal: "apply", outcome: "65 sent"),
            .reviseGoal(goal: "net", changes: GoalChanges(quarter: q4), reason: "r", force: false),
        ])
    }
}
