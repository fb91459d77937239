import JournalDomain

/// A sprint plan's answers as values: what a plan file (`journal plan QUARTER --from FILE`) or another front end
/// gives. Written as JSON:
///
///     {"carryOver": [{"goal": "network", "action": "keep"},
///                    {"goal": "apply", "action": "revise", "target": 40, "targetIs": "left", "reason": "40 more"},
///                    {"goal": "talk", "action": "complete", "outcome": "Gave the talk"},
///                    {"goal": "blog", "action": "drop", "reason": "Lost interest"}],
///      "goals": [{"title": "Lead the pipeline migration", "metric": "Live in production", "due": "2025-09-30",
///                 "direction": "data-lead", "confidence": 70,
///                 "milestones": [{"title": "Map the pipelines", "weeks": "1-2"}]}],
///      "milestones": [{"goal": "network", "title": "Attend a meetup", "week": 3}],
///      "reschedule": [{"milestone": "network/2", "weeks": "1-3"}]}
///
/// Dates are read like everywhere else (also "today"), so the answers are turned into a plan against "now".
public struct PlanAnswers: Equatable, Sendable {
    public struct CarryOver: Equatable, Sendable {
        public var goal: String
        /// keep, revise, drop or complete, as given.
        public var action: String
        public var reason: String?
        public var title, metric, unit, due, direction: String?
        public var target: Double?
        /// "total" or "left": what `target` means for a goal with progress (see `CarriedTarget`).
        public var targetIs: String?
        /// A completion's outcome.
        public var outcome: String?

        public init(goal: String, action: String, reason: String? = nil, title: String? = nil, metric: String? = nil,
                    unit: String? = nil, due: String? = nil, direction: String? = nil, target: Double? = nil,
                    targetIs: String? = nil, outcome: String? = nil) {
            self.goal = goal
            self.action = action
            self.reason = reason
            self.title = title
            self.metric = metric
            self.unit = unit
            self.due = due
            self.direction = direction
            self.target = target
            self.targetIs = targetIs
            self.outcome = outcome
        }
    }

    public struct Milestone: Equatable, Sendable {
        public var goal: String?
        public var title: String
        public var week, weeks, due: String?

        public init(goal: String? = nil, title: String, week: String? = nil, weeks: String? = nil, due: String? = nil) {
            self.goal = goal
            self.title = title
            self.week = week
            self.weeks = weeks
            self.due = due
        }
    }

    public struct Goal: Equatable, Sendable {
        public var title: String
        public var key, metric, unit, due, direction: String?
        public var target, confidence: Double?
        public var milestones: [Milestone]

        public init(title: String, key: String? = nil, metric: String? = nil, unit: String? = nil, due: String? = nil,
                    direction: String? = nil, target: Double? = nil, confidence: Double? = nil, milestones: [Milestone] = []) {
            self.title = title
            self.key = key
            self.metric = metric
            self.unit = unit
            self.due = due
            self.direction = direction
            self.target = target
            self.confidence = confidence
            self.milestones = milestones
        }
    }

    /// A carried milestone moved into the new quarter's weeks (or given a date).
    public struct Reschedule: Equatable, Sendable {
        public var milestone: String
        public var week, weeks, due, reason: String?

        public init(milestone: String, week: String? = nil, weeks: String? = nil, due: String? = nil, reason: String? = nil) {
            self.milestone = milestone
            self.week = week
            self.weeks = weeks
            self.due = due
            self.reason = reason
        }
    }

    public var carryOver: [CarryOver]
    public var goals: [Goal]
    public var milestones: [Milestone]
    public var reschedule: [Reschedule]

    /// No answers: nothing but what `keepTheRest` keeps.
    public init(carryOver: [CarryOver] = [], goals: [Goal] = [], milestones: [Milestone] = [], reschedule: [Reschedule] = []) {
        self.carryOver = carryOver
        self.goals = goals
        self.milestones = milestones
        self.reschedule = reschedule
    }

    /// The plan this file describes. With `keepTheRest`, unfinished goals it does not mention are kept.
    public func plan(_ context: PlanContext, time: TimeContext, keepTheRest: Bool, force: Bool) throws -> SprintPlan {
        let quarter = context.quarter
        var plan = SprintPlan(quarter: quarter, force: force)
        for entry in carryOver {
            let goal = try Validate.key(entry.goal, what: "carryOver goal")
            guard let state = context.unfinished.first(where: { $0.isNamed(by: goal) }) else {
                throw AppError.carryOverNotUnfinished(goal: goal, previous: quarter.previous)
            }
            switch entry.action.lowercased() {
            case "keep":
                plan.carryOver.append(.keep(goal: goal, reason: entry.reason ?? SprintPlan.defaultKeepReason(from: quarter.previous)))
            case "drop":
                guard let reason = entry.reason else { throw AppError.carryOverNeedsReason(goal: goal, action: .drop) }
                plan.carryOver.append(.drop(goal: goal, reason: reason))
            case "revise":
                guard let reason = entry.reason else { throw AppError.carryOverNeedsReason(goal: goal, action: .revision) }
                let changes = GoalChanges(title: entry.title, metric: entry.metric, target: try Self.carriedTarget(entry, state), unit: entry.unit,
                                          due: try entry.due.map { raw throws(DomainError) in try DateInput.end(raw, option: "due", time: time, quarter: quarter) },
                                          direction: entry.direction)
                plan.carryOver.append(.revise(goal: goal, changes: changes, reason: reason))
            case "complete":
                plan.carryOver.append(.complete(goal: goal, outcome: entry.outcome))
            default:
                throw AppError.carryOverUnknownAction(goal: goal, action: entry.action)
            }
        }
        if keepTheRest {
            for goal in context.unfinished where !plan.carryOver.contains(where: { goal.isNamed(by: $0.goal) }) {
                plan.carryOver.append(.keep(goal: goal.shownKey, reason: SprintPlan.defaultKeepReason(from: quarter.previous)))
            }
        }
        var chosen = Set<String>()
        for goal in goals {
            let key = try goal.key.map { raw throws(DomainError) in try Validate.key(raw, what: "goal key") }
                ?? context.freeKey(for: goal.title, alsoTaken: chosen)
            chosen.insert(key)
            plan.goals.append(GoalDraft(
                key: key, title: goal.title, quarter: quarter, metric: goal.metric, target: goal.target, unit: goal.unit,
                due: try goal.due.map { raw throws(DomainError) in try DateInput.end(raw, option: "due", time: time, quarter: quarter) },
                direction: goal.direction, confidence: try goal.confidence.map { value throws(DomainError) in try Self.confidence(value) }))
            for milestone in goal.milestones {
                plan.milestones.append(try Self.milestone(milestone, goal: key, time: time, quarter: quarter))
            }
        }
        for milestone in milestones {
            plan.milestones.append(try Self.milestone(milestone, goal: try Validate.key(milestone.goal ?? "", what: "milestone goal"), time: time, quarter: quarter))
        }
        for entry in reschedule {
            let ref = try Validate.milestoneRef(entry.milestone)
            guard let schedule = try MilestoneScheduleInput.schedule(week: entry.week, weeks: entry.weeks, due: entry.due, time: time, quarter: quarter) else {
                throw AppError.rescheduleWithoutSchedule(goal: ref.goal, number: ref.number)
            }
            plan.reschedules.append(SprintPlan.Reschedule(goal: ref.goal, number: ref.number, schedule: schedule,
                                                          reason: entry.reason ?? SprintPlan.defaultRescheduleReason(into: quarter)))
        }
        return plan
    }

    /// The total target a revision gives a carried goal. Once progress has been measured, a new target must say
    /// whether it is the total or what is left: a guess either way would misstate the goal.
    static func carriedTarget(_ entry: CarryOver, _ goal: GoalState) throws -> Double? {
        let meaning = try entry.targetIs.map { raw throws -> CarriedTarget in
            guard let meaning = CarriedTarget(rawValue: raw.lowercased()) else {
                throw AppError.carryOverUnknownTargetMeaning(goal: goal.shownKey, given: raw)
            }
            return meaning
        }
        guard let target = entry.target else {
            if meaning != nil { throw AppError.carryOverTargetMeaningWithoutTarget(goal: goal.shownKey) }
            return nil
        }
        if meaning == nil, CarriedTarget.needsAsking(goal, newTarget: target) {
            throw AppError.carryOverTargetNeedsMeaning(goal: goal.shownKey, standing: CarriedTarget.standing(goal), target: target)
        }
        return try (meaning ?? .total).total(target, current: goal.current, option: "carryOver \(goal.shownKey) target")
    }

    static func milestone(_ m: Milestone, goal: String, time: TimeContext, quarter: Quarter) throws -> SprintPlan.Milestone {
        SprintPlan.Milestone(goal: goal, title: m.title,
                             schedule: try MilestoneScheduleInput.schedule(week: m.week, weeks: m.weeks, due: m.due, time: time, quarter: quarter))
    }

    static func confidence(_ value: Double) throws(DomainError) -> Int {
        guard value == value.rounded(), value >= 0, value <= 100 else {
            throw .planConfidenceOutOfRange(confidence: value)
        }
        return Int(value)
    }
}
