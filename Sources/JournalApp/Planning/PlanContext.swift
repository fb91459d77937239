import JournalDomain
import Projections

/// What planning a quarter starts from: the previous quarter's unfinished goals, the goals already in the
/// quarter, the long-term directions, and the keys already taken.
public struct PlanContext: Sendable {
    public let quarter: Quarter
    public let unfinished: [GoalState]
    public let alreadyInQuarter: [GoalState]
    public let directions: [DirectionSet]
    public let takenKeys: Set<String>

    public init(ledger: Ledger, quarter: Quarter) {
        self.quarter = quarter
        unfinished = ledger.goals(in: quarter.previous).filter { $0.status == .active }
        alreadyInQuarter = ledger.goals(in: quarter).filter { $0.status != .dropped }
        directions = ledger.directions.keys.sorted().compactMap { ledger.direction($0) }
        // Every key a goal was ever known by stays its alias, so none of them is free.
        takenKeys = Set(ledger.goals.keys.compactMap { ledger.goal($0) }.flatMap(\.knownKeys))
    }

    /// The key a new goal gets: derived from its title, not taken in the journal nor earlier in the plan.
    public func freeKey(for title: String, alsoTaken: Set<String>) -> String {
        GoalKey.candidates(for: GoalKey.base(for: title)).first { !takenKeys.contains($0) && !alsoTaken.contains($0) } ?? GoalKey.base(for: title)
    }
}
