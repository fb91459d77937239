import JournalDomain
import Projections

/// What planning a quarter starts from: the previous quarter's unfinished goals, the goals already in the
/// quarter, the long-term directions, and the keys already taken.
struct PlanContext {
    let quarter: Quarter
    let unfinished: [GoalState]
    let alreadyInQuarter: [GoalState]
    let directions: [DirectionSet]
    let takenKeys: Set<String>

    init(ledger: Ledger, quarter: Quarter) {
        self.quarter = quarter
        unfinished = ledger.goals(in: quarter.previous).filter { $0.status == .active }
        alreadyInQuarter = ledger.goals(in: quarter).filter { $0.status != .dropped }
        directions = ledger.directions.keys.sorted().compactMap { ledger.direction($0) }
        takenKeys = Set(ledger.goals.keys.filter { ledger.goal($0) != nil })
    }

    /// The key a new goal gets: derived from its title, not taken in the journal nor earlier in the plan.
    func freeKey(for title: String, alsoTaken: Set<String>) -> String {
        GoalKey.candidates(for: GoalKey.base(for: title)).first { !takenKeys.contains($0) && !alsoTaken.contains($0) } ?? GoalKey.base(for: title)
    }

    /// One line about a goal: "network  Build professional network  2/5 milestones, 12/15 connections, due Jun 30".
    static func describe(_ goal: GoalState) -> String {
        var facts: [String] = []
        let done = goal.milestones.values.filter { $0.doneAt != nil }.count
        facts.append("\(done)/\(goal.milestones.count) milestones")
        if let target = goal.target {
            facts.append("\(NumberText.format(goal.current))/\(NumberText.format(target))" + (goal.unit.map { " " + $0 } ?? ""))
        }
        if let due = goal.due { facts.append("due \(due)") }
        return "\(goal.key)  \(goal.title)  (\(facts.joined(separator: ", ")))"
    }
}
