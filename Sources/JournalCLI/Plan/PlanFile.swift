import JournalDomain

/// A sprint plan written as JSON for `journal plan QUARTER --from FILE`:
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
/// Dates are read like everywhere else (also "today"), so the file is turned into a plan against "now".
struct PlanFile: Decodable {
    struct CarryOver {
        var goal: String
        var action: String
        var reason: String?
        var title, metric, unit, due, direction: String?
        var target: Double?
        /// "total" or "left": what `target` means for a goal with progress (see `CarriedTarget`).
        var targetIs: String?
        /// A completion's outcome.
        var outcome: String?
    }

    struct Milestone {
        var goal: String?
        var title: String
        var week, weeks, due: String?
    }

    struct Goal {
        var title: String
        var key, metric, unit, due, direction: String?
        var target, confidence: Double?
        var milestones: [Milestone]
    }

    /// A carried milestone moved into the new quarter's weeks (or given a date).
    struct Reschedule {
        var milestone: String
        var week, weeks, due, reason: String?
    }

    var carryOver: [CarryOver] = []
    var goals: [Goal] = []
    var milestones: [Milestone] = []
    var reschedule: [Reschedule] = []

    /// No file: nothing but what --yes keeps.
    init() {}

    init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: AnswerKey.self)
        try c.onlyKeys(["carryOver", "goals", "milestones", "reschedule"])
        carryOver = try Self.list(c, "carryOver") { item in
            try item.onlyKeys(["goal", "action", "reason", "title", "metric", "target", "targetIs", "unit", "due", "direction", "outcome"])
            return CarryOver(goal: try item.required("goal"), action: try item.required("action"), reason: try item.text("reason"),
                             title: try item.text("title"), metric: try item.text("metric"), unit: try item.text("unit"),
                             due: try item.text("due"), direction: try item.text("direction"), target: try item.number("target"),
                             targetIs: try item.text("targetIs"), outcome: try item.text("outcome"))
        }
        goals = try Self.list(c, "goals") { item in
            try item.onlyKeys(["title", "key", "metric", "target", "unit", "due", "direction", "confidence", "milestones"])
            return Goal(title: try item.required("title"), key: try item.text("key"), metric: try item.text("metric"),
                        unit: try item.text("unit"), due: try item.text("due"), direction: try item.text("direction"),
                        target: try item.number("target"), confidence: try item.number("confidence"),
                        milestones: try Self.list(item, "milestones") { try Self.milestone($0, needsGoal: false) })
        }
        milestones = try Self.list(c, "milestones") { try Self.milestone($0, needsGoal: true) }
        reschedule = try Self.list(c, "reschedule") { item in
            try item.onlyKeys(["milestone", "week", "weeks", "due", "reason"])
            return Reschedule(milestone: try item.required("milestone"), week: try item.number("week").map { NumberText.format($0) },
                              weeks: try item.text("weeks"), due: try item.text("due"), reason: try item.text("reason"))
        }
    }

    static func milestone(_ item: KeyedDecodingContainer<AnswerKey>, needsGoal: Bool) throws -> Milestone {
        try item.onlyKeys((needsGoal ? ["goal"] : []) + ["title", "week", "weeks", "due"])
        return Milestone(goal: needsGoal ? try item.required("goal") : nil, title: try item.required("title"),
                         week: try item.number("week").map { NumberText.format($0) }, weeks: try item.text("weeks"), due: try item.text("due"))
    }

    static func list<T>(_ c: KeyedDecodingContainer<AnswerKey>, _ name: String,
                        _ read: (KeyedDecodingContainer<AnswerKey>) throws -> T) throws -> [T] {
        let key = AnswerKey(name)
        guard c.contains(key), try !c.decodeNil(forKey: key) else { return [] }
        var items = try c.nestedUnkeyedContainer(forKey: key)
        var result: [T] = []
        while !items.isAtEnd {
            result.append(try read(try items.nestedContainer(keyedBy: AnswerKey.self)))
        }
        return result
    }

    /// The plan this file describes. With `keepTheRest`, unfinished goals it does not mention are kept.
    func plan(_ context: PlanContext, time: TimeContext, keepTheRest: Bool, force: Bool) throws -> SprintPlan {
        let quarter = context.quarter
        var plan = SprintPlan(quarter: quarter, force: force)
        for entry in carryOver {
            let goal = try Validate.key(entry.goal, what: "carryOver goal")
            guard let state = context.unfinished.first(where: { $0.key == goal }) else {
                throw CLIError(.data, "carryOver names \(goal), which is not an unfinished goal of \(quarter.previous); list those with journal sprint --quarter \(quarter.previous)")
            }
            switch entry.action.lowercased() {
            case "keep":
                plan.carryOver.append(.keep(goal: goal, reason: entry.reason ?? SprintPlan.defaultKeepReason(from: quarter.previous)))
            case "drop":
                guard let reason = entry.reason else { throw CLIError(.usage, "carryOver \(goal): a drop needs a reason; add \"reason\"") }
                plan.carryOver.append(.drop(goal: goal, reason: reason))
            case "revise":
                guard let reason = entry.reason else { throw CLIError(.usage, "carryOver \(goal): a revision needs a reason; add \"reason\"") }
                let changes = GoalChanges(title: entry.title, metric: entry.metric, target: try Self.carriedTarget(entry, state), unit: entry.unit,
                                          due: try entry.due.map { raw throws(DomainError) in try DateInput.end(raw, option: "due", time: time, quarter: quarter) },
                                          direction: entry.direction)
                plan.carryOver.append(.revise(goal: goal, changes: changes, reason: reason))
            case "complete":
                plan.carryOver.append(.complete(goal: goal, outcome: entry.outcome))
            default:
                throw CLIError(.usage, "carryOver \(goal): action '\(DateInput.printable(entry.action))' is not keep, revise, drop or complete; set \"action\" to one of them")
            }
        }
        if keepTheRest {
            for goal in context.unfinished where !plan.carryOver.contains(where: { $0.goal == goal.key }) {
                plan.carryOver.append(.keep(goal: goal.key, reason: SprintPlan.defaultKeepReason(from: quarter.previous)))
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
                throw CLIError(.usage, "reschedule \(ref.goal)/\(ref.number): give its new \"week\", \"weeks\" or \"due\"")
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
                throw CLIError(.usage, "carryOver \(goal.key): targetIs '\(DateInput.printable(raw))' is not total or left; set \"targetIs\" to one of them")
            }
            return meaning
        }
        guard let target = entry.target else {
            if meaning != nil { throw CLIError(.usage, "carryOver \(goal.key): targetIs needs a target; add \"target\", or drop \"targetIs\"") }
            return nil
        }
        if meaning == nil, CarriedTarget.needsAsking(goal, newTarget: target) {
            throw CLIError(.usage, "carryOver \(goal.key): \(goal.key) already has \(CarriedTarget.standing(goal)); say whether target \(NumberText.format(target)) is the new total or what is left: add \"targetIs\": \"total\" or \"left\"")
        }
        return try (meaning ?? .total).total(target, current: goal.current, option: "carryOver \(goal.key) target")
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

extension KeyedDecodingContainer where Key == AnswerKey {
    func required(_ name: String) throws -> String {
        guard let text = try text(name) else {
            throw DecodingError.keyNotFound(AnswerKey(name), .init(codingPath: codingPath, debugDescription: "missing"))
        }
        return text
    }
}
