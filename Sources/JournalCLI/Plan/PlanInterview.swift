import JournalApp
import JournalDomain
import JournalViews

/// The guided start of a sprint: each unfinished goal of the previous quarter kept, revised or dropped; new
/// goals until there are one to three; weekly milestones for each goal of the sprint.
struct PlanInterview {
    let context: PlanContext
    let prompter: Prompter
    let time: TimeContext
    let force: Bool

    /// `back` returns to the previous step: at a carry-over's choice, to the goal before it; at a new goal's
    /// title, it takes back the goal added last (or, with none, returns to the last carry-over); at a milestone's
    /// title, it takes back the milestone added last.
    func run() throws -> SprintPlan {
        let quarter = context.quarter
        var plan = SprintPlan(quarter: quarter, force: force)
        prompter.say("Planning \(quarter) (\(TextStyle.date(quarter.firstDay, reference: quarter.lastDay)) to \(TextStyle.date(quarter.lastDay))). back returns to the previous question; Ctrl-C stops without recording.")
        if !context.unfinished.isEmpty {
            prompter.say()
            prompter.say("Unfinished in \(quarter.previous): \(TextStyle.plural(context.unfinished.count, "goal"))")
        }
        choosing: while true {
            while plan.carryOver.count < context.unfinished.count {
                if let decision = try carryOver(context.unfinished[plan.carryOver.count]) {
                    plan.carryOver.append(decision)
                } else if let last = plan.carryOver.popLast() {
                    prompter.say("  Back to \(last.goal).")
                } else {
                    prompter.say("  This is the first question.")
                }
            }
            var sprint = plan.sprintGoals(alreadyInQuarter: context.alreadyInQuarter.map(\.shownKey))
            prompter.say()
            prompter.say("Goals for \(quarter): " + (sprint.isEmpty ? "none yet" : sprint.joined(separator: ", ")) + ". One to three; three is the maximum.")
            while force || sprint.count < Decider.goalsPerQuarter {
                guard let title = try prompter.ask("New goal (Enter when done)", { try Validate.title($0, what: "goal title") }) else {
                    if sprint.isEmpty {
                        prompter.say("  A sprint needs at least one goal.")
                        continue
                    }
                    break
                }
                if title.lowercased() == Prompter.back {
                    if let last = plan.goals.popLast() {
                        sprint.removeAll { $0 == last.key }
                        prompter.say("  Took back the goal \(last.key).")
                        continue
                    }
                    if let last = plan.carryOver.popLast() {
                        prompter.say("  Back to \(last.goal).")
                        continue choosing
                    }
                    prompter.say("  This is the first question.")
                    continue
                }
                let draft = try newGoal(title, taken: Set(plan.goals.map(\.key)))
                plan.goals.append(draft)
                sprint.append(draft.key)
            }
            if sprint.count >= Decider.goalsPerQuarter, !force {
                prompter.say("That makes three goals, the maximum for a quarter.")
            }
            for key in sprint {
                plan.reschedules += try reschedules(for: key)
                plan.milestones += try milestones(for: key, plan: plan)
            }
            return plan
        }
    }

    /// The plan in one list, shown before the user is asked to record it.
    static func recap(_ plan: SprintPlan) -> [String] {
        var lines = ["Your plan for \(plan.quarter)"]
        for decision in plan.carryOver {
            switch decision {
            case .keep(let goal, let reason): lines.append("  keep \(goal): \(reason)")
            case .revise(let goal, _, let reason): lines.append("  revise \(goal): \(reason)")
            case .drop(let goal, let reason): lines.append("  drop \(goal): \(reason)")
            case .complete(let goal, let outcome): lines.append("  complete \(goal)" + (outcome.map { ": \($0)" } ?? ""))
            }
        }
        for goal in plan.goals {
            lines.append("  new goal \(goal.key): \(goal.title)" + (goal.due.map { " (due \($0))" } ?? ""))
        }
        for m in plan.reschedules {
            lines.append("  reschedule \(m.goal)/\(m.number) to \(describe(m.schedule))")
        }
        for m in plan.milestones {
            lines.append("  milestone of \(m.goal): \(m.title)" + (m.schedule.map { " (\(describe($0)))" } ?? ""))
        }
        return lines
    }

    static func describe(_ schedule: MilestoneSchedule) -> String {
        switch schedule {
        case .weeks(let span): return span.description
        case .isoWeek(let week): return "\(week)"
        case .due(let date): return "due \(date)"
        }
    }

    /// For a goal carried over: each open milestone planned in weeks of another quarter, offered new weeks of this
    /// one (Enter keeps its old days, and it stays late if they have passed).
    func reschedules(for key: String) throws -> [SprintPlan.Reschedule] {
        guard let goal = context.unfinished.first(where: { $0.isNamed(by: key) }) else { return [] }
        let quarter = context.quarter
        let carried = goal.milestones.values.filter { $0.doneAt == nil && $0.weeks != nil && $0.quarter != quarter }
            .sorted { $0.number < $1.number }
        guard !carried.isEmpty else { return [] }
        prompter.say()
        prompter.say("Carried milestones of \(key): their weeks are \(goal.quarter)'s until you reschedule them")
        var result: [SprintPlan.Reschedule] = []
        for m in carried {
            let when = ScheduleText.text(weeks: m.weeks, of: m.quarter, shownIn: quarter, due: m.due) { TextStyle.date($0, reference: quarter.lastDay) }
            prompter.say("  \(key)/\(m.number) \(m.title): \(when)")
            guard let schedule = try prompter.ask("    New week (e.g. 3), weeks (1-4) or a due date in \(quarter) (Enter keeps it)",
                                                  { try MilestoneScheduleInput.parse($0, time: time, quarter: quarter) }) else { continue }
            result.append(SprintPlan.Reschedule(goal: key, number: m.number, schedule: schedule,
                                                reason: SprintPlan.defaultRescheduleReason(into: quarter)))
        }
        return result
    }

    /// The decision on one unfinished goal; nil when the user typed `back`.
    func carryOver(_ goal: GoalState) throws -> SprintPlan.CarryOver? {
        let previous = context.quarter.previous
        prompter.say()
        prompter.say(PlanInterview.describe(goal))
        if let completion = try offerCompletion(goal) { return completion }
        switch try prompter.choose("  Keep it, revise it, or drop it?", ["keep", "revise", "drop"], orBack: true) {
        case Prompter.back:
            return nil
        case "keep":
            let reason = try prompter.ask("  Why keep it?", prefill: SprintPlan.defaultKeepReason(from: previous)) ?? ""
            return .keep(goal: goal.shownKey, reason: reason)
        case "drop":
            return .drop(goal: goal.shownKey, reason: try prompter.ask("  Why drop it?") ?? "")
        default:
            let changes = try revisions(of: goal)
            return .revise(goal: goal.shownKey, changes: changes, reason: try prompter.ask("  Why revise it?") ?? "")
        }
    }

    /// New values for a carried-over goal; Enter keeps each as it is.
    func revisions(of goal: GoalState) throws -> GoalChanges {
        var changes = GoalChanges()
        changes.title = try prompter.ask("  Title", prefill: goal.title) { try Validate.title($0, what: "goal title") }
        changes.metric = try prompter.ask("  Success metric", prefill: goal.metric) { try Validate.title($0, what: "metric") }
        if goal.target != nil {
            let typed = try prompter.ask("  Target", prefill: goal.target.map(NumberText.format)) { try Validate.number($0, option: "target") }
            changes.target = try carriedTarget(typed, of: goal)
        }
        let due = SprintPlan.carriedDue(goal, into: context.quarter) ?? goal.due
        changes.due = try prompter.ask("  Deadline", prefill: due?.description) { try deadline($0, goal: goal.shownKey) }
        return changes
    }

    /// A goal whose progress reached its numeric target is offered completion before anything else; nil when
    /// it has not reached it, or the user would rather keep, revise or drop it.
    func offerCompletion(_ goal: GoalState) throws -> SprintPlan.CarryOver? {
        guard CarriedTarget.reached(goal) else { return nil }
        prompter.say("  It reached its target (\(CarriedTarget.standing(goal))).")
        guard try prompter.confirm("  Complete it in \(context.quarter.previous)?") else { return nil }
        let outcome = try prompter.ask("  What came of it? (Enter for none)") { try Validate.text($0, what: "outcome") }
        return .complete(goal: goal.shownKey, outcome: outcome)
    }

    /// The total target for a carried goal: once progress has been measured, a new number is asked about,
    /// since "40" may mean the total or 40 more.
    func carriedTarget(_ typed: Double?, of goal: GoalState) throws -> Double? {
        guard let typed, CarriedTarget.needsAsking(goal, newTarget: typed) else { return typed }
        let question = "  \(goal.shownKey) has \(CarriedTarget.standing(goal)) so far: is \(NumberText.format(typed)) the new total, or what is left to do?"
        let meaning = CarriedTarget(rawValue: try prompter.choose(question, CarriedTarget.allCases.map(\.rawValue))) ?? .total
        let total = try meaning.total(typed, current: goal.current, option: "target")
        if meaning == .left { prompter.say("  New target: \(NumberText.format(total)) in all.") }
        return total
    }

    /// A deadline answer, read as a deadline of the planned quarter; one before the quarter begins is asked
    /// again here rather than refused with the whole plan at the end.
    func deadline(_ answer: String, goal: String) throws(DomainError) -> LocalDate {
        let due = try DateInput.end(answer, option: "deadline", time: time, quarter: context.quarter)
        try DeadlineRule.check(due, in: context.quarter, goal: goal)
        return due
    }

    func newGoal(_ title: String, taken: Set<String>) throws -> GoalDraft {
        let quarter = context.quarter
        var draft = GoalDraft(key: "", title: title, quarter: quarter)
        draft.metric = try prompter.ask("  Success metric: how will you know you succeeded? (Enter for none)") { try Validate.title($0, what: "metric") }
        draft.target = try prompter.ask("  A number to reach, e.g. 15 (Enter for none)") { try Validate.amount(try Validate.number($0, option: "target"), option: "target") }
        if draft.target != nil {
            draft.unit = try prompter.ask("  Unit of that number, e.g. connections") { try Validate.title($0, what: "unit") }
        }
        draft.due = try prompter.ask("  Deadline", prefill: quarter.lastDay.description) { try deadline($0, goal: title) }
        if !context.directions.isEmpty {
            let choices = context.directions.map { "\($0.key) = \($0.title)" }.joined(separator: "; ")
            prompter.say("  Long-term directions: \(choices)")
            let prefill = context.directions.count == 1 ? context.directions.first?.key : nil
            draft.direction = try prompter.ask("  Direction it serves (- for none)", prefill: prefill) { typed throws -> String? in
                if typed == "-" { return nil }
                guard context.directions.contains(where: { $0.key == typed }) else {
                    throw CLIError(.usage, "no direction \(typed); choose one of \(context.directions.map(\.key).joined(separator: ", ")) or - for none")
                }
                return typed
            } ?? nil
        }
        draft.confidence = try prompter.ask("  How sure are you that you will complete it, 0-100? (Enter to skip)") { typed throws -> Int in
            guard let value = try parseInt(typed, option: "confidence"), (0...100).contains(value) else {
                throw CLIError(.usage, "give a whole number from 0 to 100")
            }
            return value
        }
        draft.key = try prompter.ask("  Key", prefill: context.freeKey(for: title, alsoTaken: taken)) { typed throws -> String in
            let key = try Validate.key(typed, what: "key")
            guard !context.takenKeys.contains(key), !taken.contains(key) else {
                throw CLIError(.usage, "the key \(key) is taken; choose another")
            }
            return key
        } ?? context.freeKey(for: title, alsoTaken: taken)
        return draft
    }

    func milestones(for key: String, plan: SprintPlan) throws -> [SprintPlan.Milestone] {
        let existing = (context.alreadyInQuarter + context.unfinished).first { $0.isNamed(by: key) }
        let title = existing?.title ?? plan.goals.first { $0.key == key }?.title ?? key
        prompter.say()
        prompter.say("Weekly milestones for \(key): \(title)")
        let open = existing?.milestones.values.filter { $0.doneAt == nil }.sorted { $0.number < $1.number } ?? []
        let quarter = context.quarter
        for m in open {
            let when = plan.reschedules.last { $0.goal == key && $0.number == m.number }.map { "rescheduled to " + Self.describe($0.schedule) }
                ?? ScheduleText.text(weeks: m.weeks, of: m.quarter, shownIn: quarter, due: m.due) { TextStyle.date($0, reference: quarter.lastDay) }
            prompter.say("  already planned: \(key)/\(m.number) \(m.title) (\(when))")
        }
        var added: [SprintPlan.Milestone] = []
        while let title = try prompter.ask("  Milestone (Enter when done)", { try Validate.title($0, what: "milestone title") }) {
            if title.lowercased() == Prompter.back {
                if let last = added.popLast() { prompter.say("    Took back the milestone \(last.title).") }
                else { prompter.say("    No milestone of \(key) to take back.") }
                continue
            }
            let schedule = try prompter.ask("    Week (e.g. 3), weeks (1-4) or a due date") { try MilestoneScheduleInput.parse($0, time: time, quarter: context.quarter) }
            added.append(SprintPlan.Milestone(goal: key, title: title, schedule: schedule))
        }
        return added
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
        return "\(goal.shownKey)  \(goal.title)  (\(facts.joined(separator: ", ")))"
    }
}
