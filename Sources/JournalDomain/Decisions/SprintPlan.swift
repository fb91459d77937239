/// The start of a sprint as one unit: what happens to the previous quarter's unfinished goals, the new goals,
/// and the weekly milestones. It becomes ordinary commands, recorded in one atomic append.
public struct SprintPlan: Equatable, Sendable {
    /// What happens to an unfinished goal of the previous quarter.
    public enum CarryOver: Equatable, Sendable {
        /// Moved into the new quarter unchanged (its deadline too, when it fell before the new quarter).
        case keep(goal: String, reason: String)
        /// Moved into the new quarter with changes.
        case revise(goal: String, changes: GoalChanges, reason: String)
        case drop(goal: String, reason: String)
        /// Completed where it is (it reached its numeric target): it stays in the previous quarter.
        case complete(goal: String, outcome: String?)

        public var goal: String {
            switch self {
            case .keep(let goal, _), .revise(let goal, _, _), .drop(let goal, _), .complete(let goal, _): return goal
            }
        }

        public var staysInSprint: Bool {
            switch self {
            case .drop, .complete: return false
            case .keep, .revise: return true
            }
        }
    }

    public struct Milestone: Equatable, Sendable {
        public var goal: String
        public var title: String
        public var schedule: MilestoneSchedule?

        public init(goal: String, title: String, schedule: MilestoneSchedule?) {
            self.goal = goal
            self.title = title
            self.schedule = schedule
        }
    }

    /// A carried open milestone moved into the new quarter's weeks (or given a date). Until then it keeps the days
    /// its old quarter's weeks named.
    public struct Reschedule: Equatable, Sendable {
        public var goal: String
        public var number: Int
        public var schedule: MilestoneSchedule
        public var reason: String

        public init(goal: String, number: Int, schedule: MilestoneSchedule, reason: String) {
            self.goal = goal
            self.number = number
            self.schedule = schedule
            self.reason = reason
        }
    }

    public var quarter: Quarter
    public var carryOver: [CarryOver]
    /// New goals, each with its key already chosen so that milestones can name it.
    public var goals: [GoalDraft]
    /// Milestones for any goal of the sprint (new, carried over, or set before planning), in the order given.
    public var milestones: [Milestone]
    /// Carried milestones rescheduled into the new quarter, recorded after the moves (new weeks are the new quarter's).
    public var reschedules: [Reschedule]
    /// Accept a fourth goal in the quarter (the user insisted).
    public var force: Bool

    public init(quarter: Quarter, carryOver: [CarryOver] = [], goals: [GoalDraft] = [], milestones: [Milestone] = [],
                reschedules: [Reschedule] = [], force: Bool = false) {
        self.quarter = quarter
        self.carryOver = carryOver
        self.goals = goals
        self.milestones = milestones
        self.reschedules = reschedules
        self.force = force
    }

    /// The reason a carried milestone's rescheduling records when the user gives none.
    public static func defaultRescheduleReason(into quarter: Quarter) -> String {
        "Carried into \(quarter) with its goal"
    }

    /// The keys of the sprint's goals once the plan is recorded: those already in the quarter, the carried over, the new.
    public func sprintGoals(alreadyInQuarter: [String]) -> [String] {
        var keys = alreadyInQuarter.filter { key in !carryOver.contains { $0.goal == key && !$0.staysInSprint } }
        for decision in carryOver where decision.staysInSprint && !keys.contains(decision.goal) { keys.append(decision.goal) }
        for draft in goals where !keys.contains(draft.key) { keys.append(draft.key) }
        return keys
    }

    /// The plan as commands, in an order the rules accept: drops and completions first (they leave the
    /// previous quarter's goals where they are), then moves, the reschedulings of carried milestones, then each
    /// new goal followed by the milestones.
    ///
    /// - Parameters:
    ///   - unfinished: the previous quarter's unfinished goals, for the deadlines a move must carry along.
    ///   - alreadyInQuarter: keys of the goals already in the quarter (not dropped).
    public func commands(unfinished: [GoalState], alreadyInQuarter: [String]) throws(DomainError) -> [Command] {
        let undecided = unfinished.filter { goal in !carryOver.contains { goal.isNamed(by: $0.goal) } }.map(\.shownKey)
        if !undecided.isEmpty {
            throw .undecidedCarryOver(goals: undecided, from: quarter.previous)
        }
        let count = sprintGoals(alreadyInQuarter: alreadyInQuarter).count
        guard count >= 1 else {
            throw .emptySprint(quarter: quarter)
        }
        var commands: [Command] = []
        for case .drop(let goal, let reason) in carryOver {
            commands.append(.dropGoal(goal: goal, reason: reason))
        }
        for case .complete(let goal, let outcome) in carryOver {
            commands.append(.completeGoal(goal: goal, outcome: outcome))
        }
        for decision in carryOver {
            let state = unfinished.first { $0.isNamed(by: decision.goal) }
            switch decision {
            case .keep(let goal, let reason):
                commands.append(.reviseGoal(goal: goal, changes: GoalChanges(due: Self.carriedDue(state, into: quarter), quarter: quarter),
                                            reason: reason, force: force))
            case .revise(let goal, var changes, let reason):
                changes.quarter = quarter
                if changes.due == nil { changes.due = Self.carriedDue(state, into: quarter) }
                commands.append(.reviseGoal(goal: goal, changes: changes, reason: reason, force: force))
            case .drop, .complete:
                break
            }
        }
        for r in reschedules {
            commands.append(.reviseMilestone(goal: r.goal, number: r.number, title: nil, schedule: r.schedule, reason: r.reason))
        }
        for var draft in goals {
            draft.force = draft.force || force
            commands.append(.setGoal(draft))
        }
        for milestone in milestones {
            commands.append(.planMilestone(goal: milestone.goal, title: milestone.title, schedule: milestone.schedule))
        }
        return commands
    }

    /// A deadline that fell before the new quarter moves to the new quarter's last day: a sprint goal due
    /// before its sprint starts would read as behind from its first day.
    public static func carriedDue(_ goal: GoalState?, into quarter: Quarter) -> LocalDate? {
        guard let due = goal?.due, due < quarter.firstDay else { return nil }
        return quarter.lastDay
    }

    /// The reason a kept goal's move records when the user gives none.
    public static func defaultKeepReason(from previous: Quarter) -> String {
        "Unfinished in \(previous); carried over to keep working on it"
    }
}
