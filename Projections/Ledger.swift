import JournalDomain

/// The facts every read model draws on, folded from the log in order: each goal's own events, every
/// activity, reviews, partners and directions, and which events were retracted (and when that became known).
///
/// Retracted events stay in the ledger: whether an event counts depends on what was known when (a
/// `Knowledge` cut-off), so one ledger answers both "as it is known now" and "as it was known on a day".
/// Applying events one by one or all at once gives the same ledger; nothing here reads a clock or a file.
public struct Ledger: Equatable, Sendable {
    /// The last log position folded in: catching up resumes after it.
    public private(set) var position: Int64 = 0
    public private(set) var goals: [String: GoalTimeline] = [:]
    /// Every activity, in log order.
    public private(set) var activities: [ActivityFact] = []
    public private(set) var reviews: [Quarter: [Fact<ReviewRecorded>]] = [:]
    public private(set) var partners: [Fact<PartnerNamed>] = []
    public private(set) var directions: [String: [Fact<DirectionSet>]] = [:]
    /// Retractions by the id of the event they retract.
    public private(set) var retractions: [String: Fact<EventRetracted>] = [:]
    /// Which ids may be retracted, checked before the dictionary: reads ask about every activity several times.
    private var mayBeRetracted = IdFilter()
    /// Where each goal's linked activities are in `activities`: a read that asks about every goal's effort would
    /// otherwise pass over all activities once per goal.
    private var activityIndicesByGoal: [String: [Int]] = [:]

    public init() {}

    public mutating func apply(_ envelope: Envelope) {
        position = max(position, envelope.position)
        switch envelope.event {
        case .goalSet, .milestonePlanned, .milestoneDone, .milestoneRevised, .progressMeasured, .goalRevised, .goalCompleted, .goalDropped:
            // A goal's events count in its own stream only, as the decisions read them (an earlier build's import let
            // a goal-completed into the partner's stream: folds routed it by its payload, decisions never saw it).
            if let key = envelope.event.goalKey, Self.isGoalStream(envelope.streamId, of: key) {
                goals[key, default: GoalTimeline(key: key)].events.append(envelope)
            }
        case .activityLogged(let e):
            if let goal = e.goal { activityIndicesByGoal[goal, default: []].append(activities.count) }
            activities.append(ActivityFact(envelope, e))
        case .reviewRecorded(let e):
            reviews[e.quarter, default: []].append(Fact(envelope, e))
        case .partnerNamed(let e):
            partners.append(Fact(envelope, e))
        case .directionSet(let e):
            directions[e.key, default: []].append(Fact(envelope, e))
        case .eventRetracted(let e):
            // The first retraction of an event is the one that counts; the domain refuses a second.
            if retractions[e.target] == nil {
                retractions[e.target] = Fact(envelope, e)
                mayBeRetracted.insert(e.target)
            }
        case .timerStarted, .timerStopped, .timerCancelled:
            // A timer counts only through the activities its stop records.
            break
        }
    }

    /// Whether `stream` is `StreamName.goal(key)`, compared without building that name.
    static func isGoalStream(_ stream: String, of key: String) -> Bool {
        stream.utf8.count == key.utf8.count + 5 && stream.hasPrefix("goal-") && stream.utf8.dropFirst(5).elementsEqual(key.utf8)
    }

    /// Room for `count` more activities, when a caller knows how many are coming (a long fold grows the list once).
    public mutating func reserveActivities(_ count: Int) {
        activities.reserveCapacity(activities.count + count)
    }

    public static func fold<S: Sequence>(_ envelopes: S) -> Ledger where S.Element == Envelope {
        var ledger = Ledger()
        for envelope in envelopes { ledger.apply(envelope) }
        return ledger
    }

    // MARK: - Questions every read model asks

    /// Whether an event counts under `knowledge`: recorded by then, and not retracted by then.
    public func counts(eventId: String, recordedAt: Instant, _ knowledge: Knowledge) -> Bool {
        guard knowledge.knows(recordedAt) else { return false }
        if mayBeRetracted.mayContain(eventId), let retraction = retractions[eventId], knowledge.knows(retraction.recordedAt) {
            return false
        }
        return true
    }

    public func counts(_ envelope: Envelope, _ knowledge: Knowledge) -> Bool {
        counts(eventId: envelope.eventId, recordedAt: envelope.recordedAt, knowledge)
    }

    /// A goal as it stood at `instant` (events that occurred up to then; nil: all of them), under `knowledge`.
    ///
    /// With `retractionsFromOccurrence`, a retraction takes effect only from when it occurred: the goal as it
    /// was planned then, before a milestone was taken back (the quarter report's drift needs that view).
    public func goal(_ key: String, at instant: Instant? = nil, _ knowledge: Knowledge = .now,
                     retractionsFromOccurrence: Bool = false) -> GoalState? {
        guard let timeline = goals[key] else { return nil }
        var state: GoalState?
        var highestNumber = 0
        for envelope in timeline.events where knowledge.knows(envelope.recordedAt) {
            if let instant, envelope.occurredAt > instant { continue }
            if let retraction = retractions[envelope.eventId], knowledge.knows(retraction.recordedAt),
               !(retractionsFromOccurrence && instant.map { retraction.occurredAt > $0 } ?? false) { continue }
            if case .milestonePlanned(let e) = envelope.event { highestNumber = max(highestNumber, e.number) }
            GoalState.evolve(&state, envelope)
        }
        guard var result = state else { return nil }
        result.nextMilestoneNumber = max(result.nextMilestoneNumber, highestNumber.saturatingSuccessor)
        return result
    }

    /// The goals whose quarter is `quarter` at `instant`, sorted by when they were set, then key.
    public func goals(in quarter: Quarter, at instant: Instant? = nil, _ knowledge: Knowledge = .now) -> [GoalState] {
        // Each goal's sort key is looked up once, not at every comparison.
        let found = goals.keys.compactMap { goal($0, at: instant, knowledge) }.filter { $0.quarter == quarter }
        let order = found.indices.map { (setOrder(found[$0].id), found[$0].id, $0) }
            .sorted { ($0.0.recorded, $0.0.position, $0.1) < ($1.0.recorded, $1.0.position, $1.1) }
        return order.map { found[$0.2] }
    }

    /// The key goal `id` is shown by (see `goal(_:at:_:)`): its identity unless a key revision renamed it.
    public func shownKey(of id: String, at instant: Instant? = nil, _ knowledge: Knowledge = .now) -> String {
        goal(id, at: instant, knowledge)?.shownKey ?? id
    }

    /// The shown key of every goal that was renamed, by identity: for read models that print many activities'
    /// links (an identity not in it is shown as it is).
    public func shownKeys(at instant: Instant? = nil, _ knowledge: Knowledge = .now) -> [String: String] {
        var keys: [String: String] = [:]
        for (id, timeline) in goals where timeline.events.contains(where: { if case .goalRevised(let e) = $0.event { e.changes.contains { $0.field == .key } } else { false } }) {
            let shown = shownKey(of: id, at: instant, knowledge)
            if shown != id { keys[id] = shown }
        }
        return keys
    }

    /// The log position of a goal's first goal-set, for a stable "order they were set" sort.
    func setPosition(_ key: String) -> Int64 {
        goals[key]?.events.first.map(\.position) ?? .max
    }

    /// When a goal was first set (recorded), then its log position: devices that synced hold the same events at
    /// different local positions, and the recorded time orders them the same on every device (only events recorded
    /// in the same millisecond fall back to the local order).
    func setOrder(_ key: String) -> (recorded: Int64, position: Int64) {
        guard let first = goals[key]?.events.first else { return (.max, .max) }
        return (first.recordedAt.millisecondsSinceEpoch, first.position)
    }

    /// The goal's events that count, in log order (occurred up to `instant` when given).
    public func events(ofGoal key: String, at instant: Instant? = nil, _ knowledge: Knowledge = .now) -> [Envelope] {
        (goals[key]?.events ?? []).filter { envelope in
            counts(envelope, knowledge) && (instant.map { envelope.occurredAt <= $0 } ?? true)
        }
    }

    /// Activities that count and occurred in `range` (local days, inclusive), in log order.
    /// With `goal`, only the activities linked to it (checked first: it is the cheapest test); with `latest`, only
    /// those that occurred by then.
    public func activities(in range: ClosedRange<LocalDate>, time: TimeContext, _ knowledge: Knowledge = .now,
                           linkedTo goal: String? = nil, occurredBy latest: Instant? = nil) -> [ActivityFact] {
        // Room for every activity up front: growing by doubling copied a quarter's activities again and again.
        var matching: [ActivityFact] = []
        matching.reserveCapacity(activities.count)
        forEachActivity(in: range, time: time, knowledge, linkedTo: goal, occurredBy: latest) { matching.append($0) }
        return matching
    }

    /// The same activities as `activities(in:...)`, handed to `body` one by one without copying them into a list
    /// (a long read's many passes over tens of thousands of activities).
    public func forEachActivity(in range: ClosedRange<LocalDate>, time: TimeContext, _ knowledge: Knowledge = .now,
                                linkedTo goal: String? = nil, occurredBy latest: Instant? = nil,
                                _ body: (borrowing ActivityFact) -> Void) {
        let start = time.startOfDay(range.lowerBound), end = time.startOfDay(range.upperBound.adding(days: 1))
        let last = latest.map { min($0, Instant(millisecondsSinceEpoch: end.millisecondsSinceEpoch - 1)) }
            ?? Instant(millisecondsSinceEpoch: end.millisecondsSinceEpoch - 1)
        func visit(_ i: Int) {
            guard activities[i].occurredAt >= start, activities[i].occurredAt <= last,
                  counts(eventId: activities[i].eventId, recordedAt: activities[i].recordedAt, knowledge) else { return }
            body(activities[i])
        }
        if let goal {
            for i in activityIndicesByGoal[goal] ?? [] { visit(i) }
        } else {
            for i in activities.indices { visit(i) }
        }
    }

    /// The activities linked to a goal, in log order, whether they count or not (a goal's history shows them all).
    public func activities(linkedTo goal: String) -> [ActivityFact] {
        (activityIndicesByGoal[goal] ?? []).map { activities[$0] }
    }

    /// A goal's measured progress at each of `instants` (nil where it had not been set by then): what
    /// `goal(key, at:)?.current` gives, without folding every milestone again for each instant (a chart asks
    /// once a week).
    public func progress(ofGoal key: String, at instants: [Instant], _ knowledge: Knowledge = .now) -> [Double?] {
        let steps = (goals[key]?.events ?? []).filter { envelope in
            switch envelope.event {
            case .goalSet, .progressMeasured: return counts(envelope, knowledge)
            default: return false
            }
        }
        return instants.map { instant in
            var current: Double?
            for envelope in steps where envelope.occurredAt <= instant {
                switch envelope.event {
                case .goalSet: current = 0
                case .progressMeasured(let e):
                    guard let total = current else { continue }
                    if let value = e.value { current = value } else if let amount = e.amount { current = total + amount }
                default: continue
                }
            }
            return current
        }
    }

    /// The review of a quarter: the newest that counts.
    public func review(of quarter: Quarter, _ knowledge: Knowledge = .now) -> Fact<ReviewRecorded>? {
        reviews[quarter]?.last { counts(eventId: $0.eventId, recordedAt: $0.recordedAt, knowledge) }
    }

    /// The accountability partner now: the newest naming that counts.
    public func partner(_ knowledge: Knowledge = .now) -> String? {
        partners.last { counts(eventId: $0.eventId, recordedAt: $0.recordedAt, knowledge) }?.value.name
    }

    public func direction(_ key: String, _ knowledge: Knowledge = .now) -> DirectionSet? {
        directions[key]?.last { counts(eventId: $0.eventId, recordedAt: $0.recordedAt, knowledge) }?.value
    }
}

/// What was known: everything (now), or only what had been recorded by an instant.
public struct Knowledge: Equatable, Sendable {
    public let asKnownAt: Instant?

    public static let now = Knowledge(asKnownAt: nil)

    public init(asKnownAt: Instant?) { self.asKnownAt = asKnownAt }

    public func knows(_ recordedAt: Instant) -> Bool {
        asKnownAt.map { recordedAt <= $0 } ?? true
    }
}

/// One goal's own events (its stream), retracted ones included, in log order.
public struct GoalTimeline: Equatable, Sendable {
    public let key: String
    public internal(set) var events: [Envelope] = []
}

/// An event's value with where and when it was recorded.
public struct Fact<Value: Equatable & Sendable>: Equatable, Sendable {
    public let eventId: String
    public let position: Int64
    public let occurredAt: Instant
    public let recordedAt: Instant
    public let value: Value

    init(_ envelope: Envelope, _ value: Value) {
        eventId = envelope.eventId
        position = envelope.position
        occurredAt = envelope.occurredAt
        recordedAt = envelope.recordedAt
        self.value = value
    }
}

/// One logged activity, flattened for the sums the reports make.
public struct ActivityFact: Equatable, Sendable {
    public let eventId: String
    public let position: Int64
    public let occurredAt: Instant
    public let recordedAt: Instant
    public let text: String
    public let goal: String?
    public let milestone: Int?
    public let minutes: Int
    public let tags: [String]
    /// For a corrected entry: the id of the activity it replaced (`log amend`).
    public let amends: String?

    init(_ envelope: Envelope, _ e: ActivityLogged) {
        eventId = envelope.eventId
        position = envelope.position
        occurredAt = envelope.occurredAt
        recordedAt = envelope.recordedAt
        text = e.text
        goal = e.goal
        milestone = e.milestone
        // What an entry can hold (1 to 24 hours): a journal an earlier build imported into may carry any Int, and
        // every sum of minutes must stay far from overflow.
        minutes = min(max(e.minutes ?? 0, 0), Decider.maxMinutes)
        tags = e.tags
        amends = e.amends
    }
}

/// A set of ids that answers "certainly not" cheaply: 1,024 bits, one per id, chosen by its first eight bytes
/// (event ids are UUIDs, whose first characters are random). "Maybe" is then settled by a real lookup.
struct IdFilter: Equatable, Sendable {
    private var words = [UInt64](repeating: 0, count: 16)

    mutating func insert(_ id: String) {
        let bit = IdFilter.bit(id)
        words[bit >> 6] |= 1 << UInt64(bit & 63)
    }

    func mayContain(_ id: String) -> Bool {
        let bit = IdFilter.bit(id)
        return words[bit >> 6] & (1 << UInt64(bit & 63)) != 0
    }

    static func bit(_ id: String) -> Int {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in id.utf8.prefix(8) { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        return Int(truncatingIfNeeded: hash >> 54)   // the top 10 bits: 0..<1024
    }
}
