/// decide(state, command) -> events: the journal's rules, as a pure function.
public enum Decider {
    public static let goalsPerQuarter = 3
    public static let maxMinutes = 24 * 60

    public static func decide(_ command: Command, _ state: DecisionState) throws(DomainError) -> [JournalEvent] {
        switch command {
        case .setDirection(let key, let title, let by):
            return [.directionSet(DirectionSet(key: try Validate.key(key), title: try Validate.title(title, what: "direction title"),
                                               by: try by.map { raw throws(DomainError) in try Validate.directionHorizon(raw) }))]

        case .setGoal(let draft):
            return [.goalSet(try decideGoal(draft, state))]

        case .planMilestone(let key, let title, let schedule):
            let goal = try openGoal(key, state, doing: .planMilestone)
            let title = try Validate.title(title, what: "milestone title")
            let when = try schedule.map { s throws(DomainError) in try resolve(s, in: goal) }
            return [.milestonePlanned(MilestonePlanned(goal: goal.id, number: goal.nextMilestoneNumber, title: title,
                                                       weeks: when?.weeks, due: when?.due))]

        case .markDone(let key, let number):
            let goal = try existingGoal(key, state)
            guard goal.status != .dropped else {
                throw .milestoneOfDroppedGoal(goal: goal.shownKey)
            }
            guard let milestone = goal.milestones[number] else {
                throw .unknownMilestone(goal: goal.shownKey, number: number)
            }
            guard milestone.doneAt == nil else {
                throw .milestoneAlreadyDone(goal: goal.shownKey, number: number)
            }
            try notInFuture(state)
            return [.milestoneDone(MilestoneDone(goal: key, number: number))]

        case .reviseMilestone(let key, let number, let title, let schedule, let reason):
            return [.milestoneRevised(try reviseMilestone(key, number, title: title, schedule: schedule, reason: reason, state))]

        case .measureProgress(let key, let amount, let value, let note):
            let goal = try openGoal(key, state, doing: .measureProgress)
            guard goal.target != nil else {
                throw .noTarget(goal: goal.shownKey)
            }
            let note = try Validate.optionalText(note, what: "note")
            switch (amount, value) {
            case (let amount?, nil):
                return [.progressMeasured(ProgressMeasured(goal: key, amount: try Validate.amount(amount, name: .input(.amount)), note: note))]
            case (nil, let value?):
                guard value.isFinite, value >= 0, value <= Validate.maxAmount else {
                    throw .progressValueOutOfRange(value: value)
                }
                return [.progressMeasured(ProgressMeasured(goal: key, value: value, note: note))]
            default:
                throw .progressAmountOrValue
            }

        case .logActivity(let text, let key, let number, let minutes, let tags, let force):
            let text = try Validate.title(text, what: "activity")
            let tags = try Validate.tags(tags)
            if let minutes, !(1...maxMinutes).contains(minutes) {
                throw .minutesOutOfRange(minutes: minutes, limit: maxMinutes)
            }
            if let key {
                let goal = try existingGoal(key, state)
                if let number, goal.milestones[number] == nil {
                    throw .unknownMilestone(goal: goal.shownKey, number: number)
                }
            }
            try notInFuture(state)
            if let key, !force { try activeOnTheDay(key, state) }
            return [.activityLogged(ActivityLogged(text: text, goal: key, milestone: number, minutes: minutes, tags: tags))]

        case .reviseGoal(let key, var changes, let reason, let force):
            let goal = try openGoal(key, state, doing: .revise)
            let reason = try Validate.text(reason, what: "reason")
            // A move that would leave the deadline before the new quarter carries it to that quarter's last day,
            // as a plan's keep does; the event records it as a change like any other.
            if changes.due == nil, let quarter = changes.quarter {
                changes.due = SprintPlan.carriedDue(goal, into: quarter)
            }
            try DeadlineRule.check(changes.due, in: changes.quarter ?? goal.quarter, goal: key)
            if let newKey = changes.key {
                let newKey = try Validate.key(newKey, what: "goal key")
                guard newKey != goal.shownKey else { throw .goalKeyUnchanged(key: newKey) }
                // A key this goal had before may come back; another goal's, now or before, may not.
                if let holder = state.keyHolder, holder.goal != goal.id {
                    throw .goalKeyTaken(key: newKey, goal: holder.shownKey)
                }
                changes.key = newKey
            }
            let list = try fieldChanges(goal, changes, state)
            guard !list.isEmpty else {
                throw .goalRevisionChangesNothing(goal: goal.shownKey)
            }
            if let quarter = changes.quarter, quarter != goal.quarter {
                try roomInQuarter(quarter, state, force: force)
            }
            return [.goalRevised(GoalRevised(goal: key, changes: list, reason: reason, forced: force ? true : nil))]

        case .completeGoal(let key, let outcome):
            _ = try openGoal(key, state, doing: .complete)
            try notInFuture(state)
            return [.goalCompleted(GoalCompleted(goal: key, outcome: try Validate.optionalText(outcome, what: "outcome")))]

        case .dropGoal(let key, let reason):
            _ = try openGoal(key, state, doing: .drop)
            return [.goalDropped(GoalDropped(goal: key, reason: try Validate.text(reason, what: "reason")))]

        case .recordReview(let review):
            if let on = state.occurredOn { try reviewable(review.quarter, on: on) }
            var r = review
            r.planned = try Validate.text(review.planned, what: .reviewAnswer(.planned))
            r.accomplished = try Validate.text(review.accomplished, what: .reviewAnswer(.accomplished))
            r.obstacles = try Validate.text(review.obstacles, what: .reviewAnswer(.obstacles))
            r.learned = try Validate.text(review.learned, what: .reviewAnswer(.learned))
            r.next = try Validate.text(review.next, what: .reviewAnswer(.next))
            var seen = Set<Blocker>()
            r.blockers = review.blockers.filter { seen.insert($0).inserted }
            return [.reviewRecorded(r)]

        case .namePartner(let name):
            return [.partnerNamed(PartnerNamed(name: try Validate.title(name, what: "partner's name")))]

        case .retract(let reference, let reason, let force):
            guard let target = state.retractTarget else {
                throw .unknownEvent(reference: reference)
            }
            guard target.type != JournalEvent.Kind.eventRetracted.rawValue else {
                throw .retractRetraction(position: target.position)
            }
            guard !target.alreadyRetracted else {
                throw .alreadyRetracted(position: target.position)
            }
            if let after = state.goalAfterRetraction, after.status != .dropped,
               !(state.goal.map { $0.status != .dropped && $0.quarter == after.quarter } ?? false) {
                try roomInQuarter(after.quarter, state, force: force)
            }
            return [.eventRetracted(EventRetracted(target: target.eventId, targetType: target.type,
                                                   reason: try Validate.text(reason, what: "reason")))]

        case .startTimer(let text, let key, let number, let tags, let force):
            if let at = state.occurredAt, let now = state.now, at > now { throw .momentInFuture(name: .named("--at"), at: at, now: now) }
            // The activity the stop will record, checked now so that a start the stop would refuse is refused.
            guard case .activityLogged(let a)? = try decide(.logActivity(text: text, goal: key, milestone: number, minutes: nil,
                                                                         tags: tags, force: force), state).first,
                  let at = state.occurredAt else { return [] }
            return [.timerStarted(TimerStarted(text: a.text, goal: a.goal, milestone: a.milestone, tags: a.tags, startedAt: at))]

        case .stopTimer(let activities):
            let timer = try running(state)
            if let at = state.occurredAt {
                guard at >= timer.startedAt else { throw .timerStopBeforeStart(stop: at, started: timer.startedAt) }
                if let now = state.now, at > now { throw .momentInFuture(name: .named("--at"), at: at, now: now) }
            }
            return [.timerStopped(TimerStopped(timer: timer.eventId, activities: activities))]

        case .cancelTimer:
            return [.timerCancelled(TimerCancelled(timer: try running(state).eventId))]

        case .amendActivity(let reference, let amendment, let reason, let force):
            return try amend(reference, amendment, reason: reason, force: force, state)
        }
    }

    static func running(_ state: DecisionState) throws(DomainError) -> RunningTimer {
        guard let timer = state.timer else { throw .noRunningTimer }
        return timer
    }

    /// An amendment: the original's retraction, then the corrected entry naming it in `amends`. The corrected
    /// entry meets the rules a new activity meets, except that a kept goal link is not checked again (the goal
    /// may have closed since; the entry keeps what it had).
    static func amend(_ reference: String, _ amendment: ActivityAmendment, reason: String, force: Bool,
                      _ state: DecisionState) throws(DomainError) -> [JournalEvent] {
        guard let target = state.amendTarget else {
            throw .unknownEvent(reference: reference)
        }
        let position = target.event.position
        guard var corrected = target.activity else {
            throw .amendNotActivity(position: position, type: target.event.type)
        }
        guard !target.event.alreadyRetracted else {
            throw .amendRetracted(position: position)
        }
        let original = corrected
        corrected.amends = nil
        if let text = amendment.text { corrected.text = try Validate.title(text, what: "activity") }
        if let minutes = amendment.minutes {
            guard (1...maxMinutes).contains(minutes) else {
                throw .minutesOutOfRange(minutes: minutes, limit: maxMinutes)
            }
            corrected.minutes = minutes
        }
        switch amendment.link {
        case .keep: break
        case .unlink: corrected.goal = nil; corrected.milestone = nil
        case .goal(let key, let number): corrected.goal = key; corrected.milestone = number
        }
        if let tags = amendment.tags { corrected.tags = try Validate.tags(tags) }
        let day = state.occurredOn ?? target.day
        var unchanged = original
        unchanged.amends = nil
        guard corrected != unchanged || day != target.day else {
            throw .amendChangesNothing(position: position)
        }
        let relinked = corrected.goal != original.goal || corrected.milestone != original.milestone
        if let key = corrected.goal, relinked {
            let goal = try existingGoal(key, state)
            if let number = corrected.milestone, goal.milestones[number] == nil {
                throw .unknownMilestone(goal: goal.shownKey, number: number)
            }
        }
        try notInFuture(state)
        if let key = corrected.goal, relinked || day != target.day, !force { try activeOnTheDay(key, state) }
        corrected.amends = target.event.eventId
        let retraction = EventRetracted(target: target.event.eventId, targetType: target.event.type,
                                        reason: try Validate.text(reason, what: "reason"))
        return [.eventRetracted(retraction), .activityLogged(corrected)]
    }

    static func decideGoal(_ draft: GoalDraft, _ state: DecisionState) throws(DomainError) -> GoalSet {
        let key = try Validate.key(draft.key, what: "goal key")
        if state.goal != nil {
            throw .duplicateGoalKey(key: key)
        }
        if let holder = state.keyHolder, holder.goal != key {
            throw .goalKeyTaken(key: key, goal: holder.shownKey)
        }
        let title = try Validate.title(draft.title, what: "goal title")
        let metric = try Validate.optionalTitle(draft.metric, what: "metric")
        let unit = try Validate.optionalTitle(draft.unit, what: "unit")
        if unit != nil, draft.target == nil {
            throw .unitWithoutTarget
        }
        let target = try draft.target.map { v throws(DomainError) in try Validate.amount(v, name: .input(.target)) }
        if let confidence = draft.confidence, !(0...100).contains(confidence) {
            throw .confidenceOutOfRange(confidence: confidence)
        }
        if let direction = draft.direction {
            _ = try Validate.key(direction, what: "direction key")
            guard state.direction != nil else {
                throw .unknownDirection(key: direction)
            }
        }
        try DeadlineRule.check(draft.due, in: draft.quarter, goal: key)
        try roomInQuarter(draft.quarter, state, force: draft.force)
        let forced = draft.force && state.quarterGoals.count >= goalsPerQuarter
        return GoalSet(key: key, title: title, quarter: draft.quarter, metric: metric, target: target, unit: unit,
                       due: draft.due, direction: draft.direction, confidence: draft.confidence, forced: forced ? true : nil)
    }

    static func roomInQuarter(_ quarter: Quarter, _ state: DecisionState, force: Bool) throws(DomainError) {
        guard state.quarterGoals.count >= goalsPerQuarter, !force else { return }
        throw .tooManyGoals(quarter: quarter, goals: state.quarterGoals.sorted())
    }

    static func fieldChanges(_ goal: GoalState, _ c: GoalChanges, _ state: DecisionState) throws(DomainError) -> [FieldChange] {
        var list: [FieldChange] = []
        func text(_ field: GoalField, _ old: String?, _ new: String?) {
            if let new, new != old { list.append(FieldChange(field: field, from: old.map(FieldValue.text), to: .text(new))) }
        }
        text(.title, goal.title, try Validate.optionalTitle(c.title, what: "goal title"))
        text(.metric, goal.metric, try Validate.optionalTitle(c.metric, what: "metric"))
        if let target = c.target {
            let value = try Validate.amount(target, name: .input(.target))
            if value != goal.target {
                list.append(FieldChange(field: .target, from: goal.target.map(FieldValue.number), to: .number(value)))
            }
        }
        text(.unit, goal.unit, try Validate.optionalTitle(c.unit, what: "unit"))
        text(.due, goal.due?.description, c.due?.description)
        text(.quarter, goal.quarter.description, c.quarter?.description)
        if let direction = c.direction {
            _ = try Validate.key(direction, what: "direction key")
            if direction != goal.direction, state.direction == nil {
                throw .unknownDirection(key: direction)
            }
        }
        text(.direction, goal.direction, c.direction)
        text(.key, goal.shownKey, c.key)
        return list
    }

    static func existingGoal(_ key: String, _ state: DecisionState) throws(DomainError) -> GoalState {
        guard let goal = state.goal, goal.id == key else {
            throw .unknownGoal(key: key)
        }
        return goal
    }

    static func openGoal(_ key: String, _ state: DecisionState, doing action: GoalAction) throws(DomainError) -> GoalState {
        let goal = try existingGoal(key, state)
        guard goal.status == .active else {
            throw .goalClosed(goal: goal.shownKey, status: goal.status, action: action)
        }
        return goal
    }

    /// Effort linked to a goal done with, or of another quarter, is refused unless forced: it would read as
    /// progress on a goal while serving none.
    static func activeOnTheDay(_ key: String, _ state: DecisionState) throws(DomainError) {
        guard let day = state.occurredOn, let days = state.goalActiveDays, let why = days.inactive(on: day) else { return }
        switch why {
        case .closed(let closing):
            throw .goalClosedBefore(goal: key, status: closing.status, closedOn: closing.on, day: day)
        case .otherQuarter(let quarter):
            throw .goalOfOtherQuarter(goal: key, quarter: quarter, day: day)
        }
    }

    /// A review looks back on a sprint, so its quarter must have begun by the day it is recorded for.
    public static func reviewable(_ quarter: Quarter, on day: LocalDate) throws(DomainError) {
        guard day < quarter.firstDay else { return }
        throw .quarterNotStarted(quarter: quarter, day: day)
    }

    static func notInFuture(_ state: DecisionState) throws(DomainError) {
        if let on = state.occurredOn, let today = state.today, on > today {
            throw .futureDate(on: on, today: today)
        }
    }

    /// A schedule as typed, in the goal's quarter: sprint weeks (checked to be 1-13), a calendar week's sprint
    /// weeks, or a due date.
    static func resolve(_ schedule: MilestoneSchedule, in goal: GoalState) throws(DomainError) -> MilestoneWhen {
        switch schedule {
        case .weeks(let span):
            guard (1...Quarter.weekCount).contains(span.first), (1...Quarter.weekCount).contains(span.last),
                  span.first <= span.last else {
                throw .notSprintWeeks(span)
            }
            return MilestoneWhen(quarter: goal.quarter, weeks: span)
        case .isoWeek(let week):
            return MilestoneWhen(quarter: goal.quarter, weeks: try sprintWeeks(of: week, in: goal))
        case .due(let date):
            return MilestoneWhen(due: date)
        }
    }

    /// The sprint weeks (1...13) of the goal's quarter that a calendar week's days fall in: one, or two when the
    /// quarter's weeks do not start on Mondays.
    static func sprintWeeks(of week: IsoWeek, in goal: GoalState) throws(DomainError) -> WeekSpan {
        let quarter = goal.quarter
        let first = max(week.monday, quarter.firstDay), last = min(week.sunday, quarter.lastDay)
        guard first <= last, let a = quarter.week(of: first), let b = quarter.week(of: last) else {
            throw .weekOutsideQuarter(week: week, goal: goal.shownKey, quarter: quarter)
        }
        return WeekSpan(first: a, last: b)
    }

}
