import JournalDomain
import JournalStore

/// The keys and refs an argument naming a goal, a milestone or a direction would accept, read from the goal
/// index and a few goal streams (never the whole log): what the shell offers on TAB.
public enum CompletionList: Sendable, CaseIterable {
    /// Goals still open: what milestone, revise, complete and drop accept.
    case activeGoals
    /// Open goals with a numeric target: progress refuses the others.
    case goalsWithTarget
    /// Every goal, whatever became of it: history and events read them all.
    case anyGoal
    /// GOAL/N for each milestone not yet done of an open goal, for done. (Done also takes the milestones of
    /// completed goals, but offering every old goal's leftovers would bury this quarter's.)
    case openMilestones
    /// Open goals and their milestones not yet done, for activity --goal GOAL[/N].
    case activeGoalsAndOpenMilestones
    /// Long-term direction keys, for --direction (and log direction --key, which updates one).
    case directions

    /// The list from a journal file (directions are found by their streams' names, which SQLite indexes).
    public func candidates(in store: SQLiteEventStore) throws -> [String] {
        switch self {
        case .activeGoals:
            return try store.goalKeys(status: .active)
        case .anyGoal:
            return try store.goalKeys(status: nil)
        case .goalsWithTarget:
            return try Self.openGoals(in: store).filter { $0.target != nil }.map(\.shownKey)
        case .openMilestones:
            return try Self.openGoals(in: store).flatMap(Self.openMilestoneRefs)
        case .activeGoalsAndOpenMilestones:
            return try Self.openGoals(in: store).flatMap { [$0.shownKey] + Self.openMilestoneRefs($0) }
        case .directions:
            return try store.streamNames(prefix: StreamName.direction("")).compactMap { stream in
                // A direction whose setting was retracted has a stream but no longer exists.
                DirectionState.replay(try store.readStream(stream).map { try $0.envelope() })?.key
            }
        }
    }

    /// The open goals as their own streams tell them (the goal index knows keys and status, not milestones).
    static func openGoals<Store: EventStore & DecisionIndex>(in store: Store) throws -> [GoalState] {
        // The index lists shown keys; a goal's stream is named by its identity.
        try store.goalKeys(status: .active).compactMap { key in
            GoalState.replay(try store.readStream(StreamName.goal(try store.goalHolding(key: key)?.goal ?? key)).map { try $0.envelope() })
        }
    }

    static func openMilestoneRefs(_ goal: GoalState) -> [String] {
        goal.milestones.values.filter { $0.doneAt == nil }.map(\.number).sorted().map { "\(goal.shownKey)/\($0)" }
    }
}
