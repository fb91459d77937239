import JournalApp
import JournalDomain
import JournalViews

/// What a plan records, goal by goal, with the article's SMART advice: shown before the user confirms a
/// guided plan (from a dry run) and after a plan from a file is recorded.
enum PlanFeedback {
    static func lines(_ recorded: [Recorded], plan: SprintPlan) -> [String] {
        var finalStates: [String: GoalState] = [:]
        var order: [String] = []
        for entry in recorded {
            guard let goal = entry.goal else { continue }
            if finalStates[goal.id] == nil { order.append(goal.id) }
            finalStates[goal.id] = goal
        }
        let sprint = order.compactMap { finalStates[$0] }.filter { $0.quarter == plan.quarter && $0.status != .dropped }
        var lines = ["", "SMART check for \(plan.quarter)"]
        for goal in sprint {
            var advice = SmartAdvice.advise(goal, goalsInQuarter: nil).map(\.text)
            if goal.milestones.values.allSatisfy({ $0.doneAt != nil }) {
                advice.append("Weekly milestones: none open; without them the goal waits until week 12. Plan some with journal log milestone \(goal.shownKey) TITLE --week N")
            }
            let open = goal.milestones.values.filter { $0.doneAt == nil }.count
            lines.append("  \(ShownText.line(goal.shownKey))  \(ShownText.line(goal.title))  (\(TextStyle.plural(open, "open milestone"))" + (advice.isEmpty ? "; SMART)" : ")"))
            lines += advice.map { "    " + ShownText.line($0) }
            lines += reachedTarget(goal).map { "    " + ShownText.line($0) }
            lines += carriedWeeks(goal, into: plan.quarter).map { "    " + ShownText.line($0) }
        }
        if sprint.count == Decider.goalsPerQuarter {
            lines.append("  Focus: three goals is the maximum for a quarter; most people do better with one or two.")
        }
        for case .drop(let goal, _) in plan.carryOver {
            lines.append("  \(ShownText.line(goal)) dropped")
        }
        for case .complete(let goal, _) in plan.carryOver {
            lines.append("  \(ShownText.line(goal)) completed in \(plan.quarter.previous)")
        }
        lines.append("")
        return lines
    }

    /// Open milestones still on another quarter's weeks: their days stay those weeks' until they are rescheduled.
    static func carriedWeeks(_ goal: GoalState, into quarter: Quarter) -> [String] {
        goal.milestones.values.filter { $0.doneAt == nil && $0.weeks != nil && $0.quarter != quarter }
            .sorted { $0.number < $1.number }.map { m in
                let when = ScheduleText.text(weeks: m.weeks, of: m.quarter, shownIn: quarter, due: m.due) { TextStyle.date($0, reference: quarter.lastDay) }
                return "Carried: \(goal.shownKey)/\(m.number) keeps \(when); give it weeks of \(quarter) with journal log revise \(goal.shownKey)/\(m.number) --weeks 1-4 --reason TEXT"
            }
    }

    /// A goal carried on although its progress reached its target: completing it is the next step.
    static func reachedTarget(_ goal: GoalState) -> [String] {
        guard goal.status == .active, CarriedTarget.reached(goal) else { return [] }
        return ["Reached its target (\(CarriedTarget.standing(goal))): complete it with journal log complete \(goal.shownKey)"]
    }
}
