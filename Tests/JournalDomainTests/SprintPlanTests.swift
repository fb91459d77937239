import Testing
@testable import JournalDomain

/// A sprint plan becomes ordinary commands, in an order the rules accept.
@Suite("Sprint plans")
struct SprintPlanTests {
    let q2 = Quarter(year: 2025, number: 2)!
    let q3 = Quarter(year: 2025, number: 3)!

    func goal(_ key: String, due: String? = nil) -> GoalState {
        GoalState(GoalSet(key: key, title: "Goal \(key)", quarter: q2, due: due.flatMap { LocalDate(iso: $0) }))
    }

    @Test func dropsComeFirstThenMovesThenNewGoalsThenMilestones() throws {
        let plan = SprintPlan(
            quarter: q3,
            carryOver: [.keep(goal: "net", reason: "still worth it"), .drop(goal: "blog", reason: "lost interest"),
                        .revise(goal: "cert", changes: GoalChanges(target: 2), reason: "smaller")],
            goals: [GoalDraft(key: "lead", title: "Lead the migration", quarter: q3)],
            milestones: [SprintPlan.Milestone(goal: "lead", title: "Map it", schedule: .weeks(WeekSpan(first: 1, last: 2))),
                         SprintPlan.Milestone(goal: "net", title: "Meetup", schedule: nil)])
        let unfinished = [goal("net", due: "2025-06-30"), goal("blog"), goal("cert", due: "2025-09-15")]
        let commands = try plan.commands(unfinished: unfinished, alreadyInQuarter: [])
        #expect(commands == [
            .dropGoal(goal: "blog", reason: "lost interest"),
            // A deadline before the new quarter moves to its last day; one inside it stays.
            .reviseGoal(goal: "net", changes: GoalChanges(due: q3.lastDay, quarter: q3), reason: "still worth it", force: false),
            .reviseGoal(goal: "cert", changes: GoalChanges(target: 2, quarter: q3), reason: "smaller", force: false),
            .setGoal(GoalDraft(key: "lead", title: "Lead the migration", quarter: q3)),
            .planMilestone(goal: "lead", title: "Map it", schedule: .weeks(WeekSpan(first: 1, last: 2))),
            .planMilestone(goal: "net", title: "Meetup", schedule: nil),
        ])
        #expect(plan.sprintGoals(alreadyInQuarter: ["old"]) == ["old", "net", "cert", "lead"])
    }

    @Test func forceReachesEveryGoalAndMove() throws {
        let plan = SprintPlan(quarter: q3, carryOver: [.keep(goal: "net", reason: "r")],
                              goals: [GoalDraft(key: "a", title: "A", quarter: q3)], force: true)
        let commands = try plan.commands(unfinished: [goal("net")], alreadyInQuarter: ["x", "y", "z"])
        #expect(commands == [
            .reviseGoal(goal: "net", changes: GoalChanges(quarter: q3), reason: "r", force: true),
            .setGoal(GoalDraft(key: "a", title: "A", quarter: q3, force: true)),
        ])
    }

    @Test func everyUnfinishedGoalNeedsADecision() {
        let plan = SprintPlan(quarter: q3, carryOver: [.keep(goal: "net", reason: "r")])
        do {
            _ = try plan.commands(unfinished: [goal("net"), goal("blog")], alreadyInQuarter: [])
            Issue.record("a plan that leaves blog undecided was accepted")
        } catch {
            #expect(error == .undecidedCarryOver(goals: ["blog"], from: q3.previous))
        }
    }

    @Test func aSprintNeedsAGoal() throws {
        let empty = SprintPlan(quarter: q3, carryOver: [.drop(goal: "net", reason: "r")])
        do {
            _ = try empty.commands(unfinished: [goal("net")], alreadyInQuarter: [])
            Issue.record("an empty sprint was accepted")
        } catch {
            #expect(error.code == .emptySprint)
        }
        // A goal already in the quarter is enough.
        #expect(try empty.commands(unfinished: [goal("net")], alreadyInQuarter: ["set-earlier"]) == [.dropGoal(goal: "net", reason: "r")])
    }
}
