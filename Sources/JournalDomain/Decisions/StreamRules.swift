/// What a stream's events must mean together, as the commands keep it: a goal is set once (until that setting is
/// retracted), a milestone number is planned once, a goal's other events come after its setting, a milestone is
/// done after it is planned, and a retraction takes back an earlier event of its own stream and is not recorded
/// before it. No command can break these; an import could, so it checks each stream it added to.
///
/// Recording times are compared only where one event builds on another: merged devices legitimately interleave
/// events recorded at other times, but nobody can know of a goal, a milestone or an event before it was recorded,
/// so `--as-known-at` would otherwise show what nobody knew then.
public enum StreamRules {
    public struct Conflict: Equatable, Sendable {
        public let eventId: String
        public let position: Int64
        public let reason: String
    }

    /// The first event from position `newFrom` on that breaks a rule, given the whole stream in log order (what
    /// was there before `newFrom` is taken as it is: an import does not answer for older events).
    public static func firstConflict(in stream: [Envelope], newFrom: Int64) -> Conflict? {
        var state = StreamState()
        for envelope in stream {
            if let reason = state.apply(envelope), envelope.position >= newFrom {
                return Conflict(eventId: envelope.eventId, position: envelope.position, reason: reason)
            }
        }
        return nil
    }
}

private struct StreamState {
    struct Seen {
        let kind: JournalEvent.Kind
        let recordedAt: Instant
        /// For a milestone's planning, its number.
        let milestone: Int?
    }

    var seen: [String: Seen] = [:]
    var goalSet: (id: String, recordedAt: Instant)?
    var goalEverSet: Instant?
    var planned: [Int: (id: String, recordedAt: Instant)] = [:]

    /// A stop or cancel names a timer started earlier in the timer stream, and is not recorded before it.
    func endsTimer(_ id: String, recorded: Instant) -> String? {
        guard let started = seen[id], started.kind == .timerStarted else {
            return "it ends timer \(id), which is not a timer started earlier in its stream"
        }
        if recorded < started.recordedAt {
            return "it was recorded at \(recorded), before the timer it ends was started (\(started.recordedAt))"
        }
        return nil
    }

    /// Folds one event in; returns why it breaks a rule, if it does.
    mutating func apply(_ envelope: Envelope) -> String? {
        defer {
            var number: Int?
            if case .milestonePlanned(let e) = envelope.event { number = e.number }
            seen[envelope.eventId] = Seen(kind: envelope.event.kind, recordedAt: envelope.recordedAt, milestone: number)
        }
        let recorded = envelope.recordedAt
        switch envelope.event {
        case .goalSet(let e):
            if goalSet != nil {
                return "it sets goal \(e.key) a second time; a key is set once, and later changes are revisions (journal log revise)"
            }
            goalSet = (envelope.eventId, recorded)
            if goalEverSet == nil { goalEverSet = recorded }
        case .milestonePlanned, .milestoneDone, .milestoneRevised, .progressMeasured, .goalRevised, .goalCompleted, .goalDropped:
            let key = envelope.event.goalKey ?? ""
            guard let set = goalEverSet else {
                return "it belongs to goal \(key), which is not set before it"
            }
            if recorded < set {
                return "it was recorded at \(recorded), before goal \(key) was (\(set)); nothing can be known of a goal before it is set"
            }
            switch envelope.event {
            case .milestonePlanned(let e):
                if planned[e.number] != nil {
                    return "it plans milestone \(key)/\(e.number), whose number is taken; each milestone of a goal has its own number"
                }
                planned[e.number] = (envelope.eventId, recorded)
            case .milestoneDone(let e):
                guard let plan = planned[e.number] else {
                    return "it marks milestone \(key)/\(e.number) done, which is not planned before it"
                }
                if recorded < plan.recordedAt {
                    return "it was recorded at \(recorded), before milestone \(key)/\(e.number) was planned (\(plan.recordedAt))"
                }
            case .milestoneRevised(let e):
                guard let plan = planned[e.number] else {
                    return "it revises milestone \(key)/\(e.number), which is not planned before it"
                }
                if recorded < plan.recordedAt {
                    return "it was recorded at \(recorded), before milestone \(key)/\(e.number) was planned (\(plan.recordedAt))"
                }
            default:
                break
            }
        case .eventRetracted(let e):
            guard let target = seen[e.target] else {
                return "it retracts event \(e.target), which is not earlier in its stream (a retraction goes to its target's stream)"
            }
            guard target.kind.rawValue == e.targetType else {
                return "it retracts event \(e.target) as a \(e.targetType), but that event is a \(target.kind.rawValue)"
            }
            guard target.kind != .eventRetracted else {
                return "it retracts event \(e.target), which is itself a retraction"
            }
            if recorded < target.recordedAt {
                return "it was recorded at \(recorded), before the event it retracts (\(target.recordedAt))"
            }
            if goalSet?.id == e.target { goalSet = nil }
            if let number = target.milestone, planned[number]?.id == e.target { planned[number] = nil }
        case .timerStopped(let e):
            if let reason = endsTimer(e.timer, recorded: recorded) { return reason }
        case .timerCancelled(let e):
            if let reason = endsTimer(e.timer, recorded: recorded) { return reason }
        case .directionSet, .activityLogged, .reviewRecorded, .partnerNamed, .timerStarted:
            break
        }
        return nil
    }
}
