import JournalDomain

/// The audit of one goal: every event that touched it, in log order (its own stream's events, the activities
/// linked to it, and the retractions of either), retracted ones included and marked with the retraction's
/// reason; and, when asked, the goal as it stood at the end of a local day.
///
/// It is the log as known now: every recorded event and every retraction counts, whatever `time.now` says.
/// `time` only turns the as-of day into an instant in the user's zone.
public struct GoalHistory: Equatable, Sendable {
    public let key: String
    /// The goal's title now; nil when its goal-set was retracted (the goal does not count any more).
    public let title: String?
    /// The goal's status now; nil when its goal-set was retracted.
    public let status: GoalStatus?
    public let entries: [Entry]
    /// The day `stateAsOf` describes, when one was asked for.
    public let asOf: LocalDate?
    /// The goal at the end of `asOf` (events that occurred by then, as known now); nil without `asOf`, or
    /// when the goal had not been set by then (or its goal-set was retracted).
    public let stateAsOf: Snapshot?

    public struct Entry: Equatable, Sendable {
        public let position: Int64
        public let eventId: String
        /// The event's type as stored: goal-set, milestone-done, activity-logged, event-retracted, ...
        public let type: String
        public let occurredAt: Instant
        public let recordedAt: Instant
        /// A revision's changed fields, each from -> to; empty for every other entry.
        public let changes: [FieldChange]
        /// A revision's or a drop's reason, or a retraction entry's own reason; nil otherwise.
        public let reason: String?
        /// One line saying what happened.
        public let summary: String
        /// The reason of the retraction that retracted this entry; nil when it counts.
        public let retractedBecause: String?

        public var retracted: Bool { retractedBecause != nil }
    }

    public struct Snapshot: Equatable, Sendable {
        public let title: String
        public let quarter: Quarter
        public let status: GoalStatus
        public let metric: String?
        public let target: Double?
        /// Progress toward `target`; nil when the goal has no target.
        public let current: Double?
        public let unit: String?
        public let due: LocalDate?
        public let direction: String?
        public let milestones: [Milestone]
    }

    public struct Milestone: Equatable, Sendable {
        public let number: Int
        public let ref: String
        public let title: String
        public let weeks: WeekSpan?
        /// The quarter its weeks are weeks of (the one it was planned or rescheduled in); nil without weeks.
        public let weeksQuarter: Quarter?
        public let due: LocalDate?
        /// The local day it was done, if it was by then.
        public let doneOn: LocalDate?
    }

    /// The history of `key`; nil when no event ever touched that goal.
    public init?(ledger: Ledger, key: String, asOf: LocalDate? = nil, time: TimeContext) {
        let own = ledger.goals[key]?.events ?? []
        let linked = ledger.activities(linkedTo: key)
        guard !own.isEmpty || !linked.isEmpty else { return nil }

        var titles: [Int: String] = [:]
        for envelope in own {
            if case .milestonePlanned(let e) = envelope.event { titles[e.number] = e.title }
        }
        let current = ledger.goal(key)
        // Shown by its current key; `key` (the identity) finds its events.
        let describe = Describer(key: current?.shownKey ?? key, unit: current?.unit, milestoneTitles: titles)

        // A retraction shows as an entry of its own after the entry it retracts (sorted into place below).
        var entries: [Entry] = []
        entries.reserveCapacity(own.count + linked.count)
        func add(_ entry: Entry) {
            entries.append(entry)
            guard let retraction = ledger.retractions[entry.eventId] else { return }
            entries.append(Entry(position: retraction.position, eventId: retraction.eventId,
                                 type: JournalEvent.Kind.eventRetracted.rawValue, occurredAt: retraction.occurredAt,
                                 recordedAt: retraction.recordedAt, changes: [], reason: retraction.value.reason,
                                 summary: "Retracted event \(entry.position) (\(entry.type)): \(retraction.value.reason)",
                                 retractedBecause: nil))
        }
        for envelope in own {
            add(Entry(position: envelope.position, eventId: envelope.eventId, type: envelope.event.type,
                      occurredAt: envelope.occurredAt, recordedAt: envelope.recordedAt,
                      changes: GoalHistory.changes(of: envelope.event), reason: GoalHistory.reason(of: envelope.event),
                      summary: describe.summary(of: envelope.event),
                      retractedBecause: ledger.retractions[envelope.eventId]?.value.reason))
        }
        // An amendment's original is usually linked to the same goal; one linked elsewhere (or to none) is
        // named by its retraction, which sits in the global slice with every other.
        // One pass to find the originals, and only when there are amendments: a history may hold thousands.
        let amended = Set(linked.compactMap(\.amends))
        var amendedPositions: [String: Int64] = [:]
        if !amended.isEmpty {
            for activity in linked where amended.contains(activity.eventId) { amendedPositions[activity.eventId] = activity.position }
        }
        for activity in linked {
            var summary = describe.activity(activity)
            if let id = activity.amends {
                summary += amendedPositions[id].map { " (amended #\($0))" } ?? " (an amendment)"
            }
            add(Entry(position: activity.position, eventId: activity.eventId, type: JournalEvent.Kind.activityLogged.rawValue,
                      occurredAt: activity.occurredAt, recordedAt: activity.recordedAt, changes: [], reason: nil,
                      summary: summary, retractedBecause: ledger.retractions[activity.eventId]?.value.reason))
        }
        self.key = current?.shownKey ?? key
        entries.sort { $0.position < $1.position }
        self.entries = entries
        title = current?.title
        status = current?.status
        self.asOf = asOf
        stateAsOf = asOf.flatMap { day in
            let endOfDay = Instant(millisecondsSinceEpoch: time.startOfDay(day.adding(days: 1)).millisecondsSinceEpoch - 1)
            return ledger.goal(key, at: endOfDay).map { Snapshot($0, time: time) }
        }
    }

    static func changes(of event: JournalEvent) -> [FieldChange] {
        if case .goalRevised(let e) = event { return e.changes }
        return []
    }

    static func reason(of event: JournalEvent) -> String? {
        switch event {
        case .goalRevised(let e): return e.reason
        case .milestoneRevised(let e): return e.reason
        case .goalDropped(let e): return e.reason
        case .eventRetracted(let e): return e.reason
        default: return nil
        }
    }
}

extension GoalHistory.Snapshot {
    init(_ goal: GoalState, time: TimeContext) {
        title = goal.title
        quarter = goal.quarter
        status = goal.status
        metric = goal.metric
        target = goal.target
        current = goal.target == nil ? nil : goal.current
        unit = goal.unit
        due = goal.due
        direction = goal.direction
        milestones = goal.milestones.values.sorted { $0.number < $1.number }.map { m in
            GoalHistory.Milestone(number: m.number, ref: "\(goal.shownKey)/\(m.number)", title: m.title, weeks: m.weeks,
                                  weeksQuarter: m.weeks == nil ? nil : m.quarter, due: m.due, doneOn: m.doneAt.map(time.localDate(of:)))
        }
    }
}

/// One-line descriptions of a goal's events.
private struct Describer {
    let key: String
    let unit: String?
    let milestoneTitles: [Int: String]

    func summary(of event: JournalEvent) -> String {
        switch event {
        case .goalSet(let e):
            var details: [String] = []
            if let metric = e.metric { details.append("metric: \(metric)") }
            if let target = e.target { details.append("target: " + amount(target, e.unit)) }
            if let due = e.due { details.append("due \(due)") }
            if let direction = e.direction { details.append("direction: \(direction)") }
            return "Goal set for \(e.quarter): \(e.title)" + (details.isEmpty ? "" : " [" + details.joined(separator: "; ") + "]")
        case .milestonePlanned(let e):
            let when = e.weeks.map { " for \($0)" } ?? e.due.map { " due \($0)" } ?? ""
            return "Milestone \(key)/\(e.number) planned\(when): \(e.title)"
        case .milestoneDone(let e):
            return "Milestone \(key)/\(e.number) done" + (milestoneTitles[e.number].map { ": \($0)" } ?? "")
        case .milestoneRevised(let e):
            var changes: [String] = []
            if let title = e.title { changes.append("retitled from \"\(title.from)\" to \"\(title.to)\"") }
            if let schedule = e.schedule { changes.append("rescheduled from \(schedule.from?.description ?? "unscheduled") to \(schedule.to)") }
            return "Milestone \(key)/\(e.number) " + changes.joined(separator: "; ")
        case .progressMeasured(let e):
            let change = e.value.map { "set to " + amount($0, unit) } ?? "+" + amount(e.amount ?? 0, unit)
            return "Progress \(change)" + (e.note.map { ": \($0)" } ?? "")
        case .goalRevised(let e):
            return "Revised " + e.changes.map(\.field.rawValue).joined(separator: ", ")
        case .goalCompleted(let e):
            return "Completed" + (e.outcome.map { ": \($0)" } ?? "")
        case .goalDropped(let e):
            return "Dropped: \(e.reason)"
        case .activityLogged(let e):
            return "Activity: \(e.text)"
        case .eventRetracted(let e):
            return "Retracted an event (\(e.targetType)): \(e.reason)"
        case .directionSet, .reviewRecorded, .partnerNamed, .timerStarted, .timerStopped, .timerCancelled:
            return event.type
        }
    }

    /// "Activity (45 min, publish-4/1): Edited a draft", appended piece by piece: a history has thousands.
    func activity(_ a: ActivityFact) -> String {
        var line = "Activity"
        line.reserveCapacity(32 + key.utf8.count + a.text.utf8.count)
        if a.minutes > 0 || a.milestone != nil {
            line += " ("
            if a.minutes > 0 { line += String(a.minutes); line += " min" }
            if let milestone = a.milestone {
                if a.minutes > 0 { line += ", " }
                line += key; line += "/"; line += String(milestone)
            }
            line += ")"
        }
        line += ": "
        line += a.text
        if !a.tags.isEmpty { line += Tags.suffix(a.tags) }
        return line
    }

    func amount(_ value: Double, _ unit: String?) -> String {
        NumberText.format(value) + (unit.map { " \($0)" } ?? "")
    }
}
