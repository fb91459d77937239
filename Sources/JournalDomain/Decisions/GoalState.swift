public enum GoalStatus: String, Codable, Sendable {
    case active, completed, dropped
}

public struct MilestoneState: Equatable, Sendable {
    public var number: Int
    public var title: String
    public var weeks: WeekSpan?
    public var due: LocalDate?
    public var doneAt: Instant?
    /// The quarter its weeks are weeks of: its goal's quarter when they were planned. Week numbers belong to a
    /// quarter, so a milestone keeps its calendar days when its goal moves, until it is rescheduled.
    public var quarter: Quarter

    public init(number: Int, title: String, weeks: WeekSpan? = nil, due: LocalDate? = nil, doneAt: Instant? = nil,
                quarter: Quarter) {
        self.number = number
        self.title = title
        self.weeks = weeks
        self.due = due
        self.doneAt = doneAt
        self.quarter = quarter
    }

    /// When it is planned, as a revision records it.
    public var when: MilestoneWhen? {
        if let weeks { return MilestoneWhen(quarter: quarter, weeks: weeks) }
        return due.map { MilestoneWhen(due: $0) }
    }

    /// The calendar days it is planned for: its weeks' days in their quarter, or its due date alone.
    public var plannedDays: ClosedRange<LocalDate>? {
        if let weeks, let first = quarter.days(ofWeek: weeks.first), let last = quarter.days(ofWeek: weeks.last),
           first.lowerBound <= last.upperBound {
            return first.lowerBound...last.upperBound
        }
        return due.map { $0...$0 }
    }

    /// The last day it is planned for: its last week's last day, or its due date.
    public var plannedEnd: LocalDate? { plannedDays?.upperBound }
}

/// What the journal knows about one goal: the fold of its stream, retracted events left out.
public struct GoalState: Equatable, Sendable {
    /// The goal's identity: the key it was set with, its stream's name and the `goal` every one of its events
    /// stores. It never changes; look things up by it.
    public var id: String
    /// The key the goal is shown and typed by: its identity until a key revision renames it. Print this one.
    public var shownKey: String
    /// Every key it was known by before its current one (its identity included once renamed), oldest first.
    public var formerKeys: [String]
    public var title: String
    public var quarter: Quarter
    public var metric: String?
    public var target: Double?
    public var unit: String?
    public var due: LocalDate?
    public var direction: String?
    public var confidence: Int?
    public var status: GoalStatus
    public var milestones: [Int: MilestoneState]
    /// The running total of measured progress toward `target`.
    public var current: Double
    /// Numbers are never reused, even when a planned milestone was retracted.
    public var nextMilestoneNumber: Int

    public init(_ e: GoalSet) {
        id = e.key
        shownKey = e.key
        formerKeys = []
        title = e.title
        quarter = e.quarter
        metric = e.metric
        target = e.target
        unit = e.unit
        due = e.due
        direction = e.direction
        confidence = e.confidence
        status = .active
        milestones = [:]
        current = 0
        nextMilestoneNumber = 1
    }

    /// Applies one event of the goal's stream. Events for another goal or of other kinds leave it unchanged.
    public static func evolve(_ state: GoalState?, _ envelope: Envelope) -> GoalState? {
        var state = state
        evolve(&state, envelope)
        return state
    }

    /// The same step in place. Folds use this one: `state = evolve(state, e)` holds the old state while the new one
    /// is made, so every step copied the whole milestone table (a stream of n milestones cost n² copies).
    public static func evolve(_ state: inout GoalState?, _ envelope: Envelope) {
        if case .goalSet(let e) = envelope.event {
            state = GoalState(e)
        } else if state?.id == envelope.event.goalKey {
            state?.apply(envelope)
        }
    }

    private mutating func apply(_ envelope: Envelope) {
        switch envelope.event {
        case .milestonePlanned(let e):
            milestones[e.number] = MilestoneState(number: e.number, title: e.title, weeks: e.weeks, due: e.due, quarter: quarter)
            // Saturating: a number an earlier build let in (Int.max) must not trap the replay.
            nextMilestoneNumber = max(nextMilestoneNumber, e.number.saturatingSuccessor)
        case .milestoneDone(let e):
            milestones[e.number]?.doneAt = envelope.occurredAt
        case .milestoneRevised(let e):
            guard var milestone = milestones[e.number] else { break }
            if let title = e.title { milestone.title = title.to }
            if let schedule = e.schedule {
                milestone.weeks = schedule.to.quarter == nil ? nil : schedule.to.weeks
                milestone.due = schedule.to.weeks == nil || schedule.to.quarter == nil ? schedule.to.due : nil
                if let weeksQuarter = schedule.to.quarter, schedule.to.weeks != nil { milestone.quarter = weeksQuarter }
            }
            milestones[e.number] = milestone
        case .progressMeasured(let e):
            if let value = e.value { current = value } else if let amount = e.amount { current += amount }
        case .goalRevised(let e):
            for change in e.changes { apply(change) }
        case .goalCompleted:
            status = .completed
        case .goalDropped:
            status = .dropped
        case .goalSet, .directionSet, .activityLogged, .reviewRecorded, .partnerNamed, .eventRetracted,
             .timerStarted, .timerStopped, .timerCancelled:
            break
        }
    }

    mutating func apply(_ change: FieldChange) {
        switch change.field {
        case .title: if case .text(let v)? = change.to { title = v }
        case .metric: metric = change.to?.description
        case .target: if case .number(let v)? = change.to { target = v } else { target = nil }
        case .unit: unit = change.to?.description
        case .due: due = change.to.flatMap { LocalDate(iso: $0.description) }
        case .quarter: if let q = change.to.flatMap({ Quarter(parsing: $0.description) }) { quarter = q }
        case .direction: direction = change.to?.description
        case .key:
            if case .text(let v)? = change.to, v != shownKey {
                formerKeys.removeAll { $0 == v }
                if !formerKeys.contains(shownKey) { formerKeys.append(shownKey) }
                shownKey = v
            }
        }
    }

    /// Every key that names the goal: its identity, its former keys and its current key.
    public var knownKeys: [String] {
        var keys = [id]
        for k in formerKeys + [shownKey] where !keys.contains(k) { keys.append(k) }
        return keys
    }

    /// Whether `key` names the goal: its identity, a former key or its current one.
    public func isNamed(by key: String) -> Bool { key == id || key == shownKey || formerKeys.contains(key) }

    /// Folds a goal's whole stream, leaving out retracted events (and `alsoLeavingOut`, to see a retraction's effect).
    public static func replay(_ stream: [Envelope], alsoLeavingOut extra: String? = nil) -> GoalState? {
        var retracted = Retractions.targets(in: stream)
        if let extra { retracted.insert(extra) }
        var state: GoalState?
        var highestNumber = 0
        for envelope in stream {
            if case .milestonePlanned(let e) = envelope.event { highestNumber = max(highestNumber, e.number) }
            guard !retracted.contains(envelope.eventId) else { continue }
            evolve(&state, envelope)
        }
        guard var result = state else { return nil }
        result.nextMilestoneNumber = max(result.nextMilestoneNumber, highestNumber.saturatingSuccessor)
        return result
    }
}

public struct DirectionState: Equatable, Sendable {
    public var key: String
    public var title: String
    public var by: String?

    public static func replay(_ stream: [Envelope]) -> DirectionState? {
        let retracted = Retractions.targets(in: stream)
        var state: DirectionState?
        for envelope in stream where !retracted.contains(envelope.eventId) {
            if case .directionSet(let e) = envelope.event { state = DirectionState(key: e.key, title: e.title, by: e.by) }
        }
        return state
    }
}

public enum Retractions {
    /// The ids of the events that the given events retract.
    public static func targets(in events: [Envelope]) -> Set<String> {
        var ids = Set<String>()
        for envelope in events {
            if case .eventRetracted(let r) = envelope.event { ids.insert(r.target) }
        }
        return ids
    }
}
