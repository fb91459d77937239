/// Everything that can happen in a journal. The log stores each case under its `type` name with
/// its payload as JSON; the enum is exhaustive so every reader must handle every kind.
///
/// A new kind of event is a payload type conforming to `EventPayload` (one file in Payloads/), its case here and in
/// `Kind`; the compiler then asks for its line in each switch below, and in the decisions and folds that use it
/// (docs/architecture.md has the recipe).
///
/// The large, rare cases are boxed (`indirect`): an event is then about as small as an activity, the case
/// nearly every event is, and reads that hold thousands of events copy and touch far less memory.
public enum JournalEvent: Equatable, Sendable {
    case directionSet(DirectionSet)
    indirect case goalSet(GoalSet)
    indirect case milestonePlanned(MilestonePlanned)
    case milestoneDone(MilestoneDone)
    indirect case milestoneRevised(MilestoneRevised)
    indirect case progressMeasured(ProgressMeasured)
    case activityLogged(ActivityLogged)
    case goalRevised(GoalRevised)
    case goalCompleted(GoalCompleted)
    case goalDropped(GoalDropped)
    indirect case reviewRecorded(ReviewRecorded)
    case partnerNamed(PartnerNamed)
    case eventRetracted(EventRetracted)
    case timerStarted(TimerStarted)
    case timerStopped(TimerStopped)
    case timerCancelled(TimerCancelled)

    /// The kinds of event, without their payloads: what a stored row's `type` names.
    public enum Kind: CaseIterable, Sendable, RawRepresentable {
        case directionSet, goalSet, milestonePlanned, milestoneDone, milestoneRevised, progressMeasured, activityLogged
        case goalRevised, goalCompleted, goalDropped, reviewRecorded, partnerNamed, eventRetracted
        case timerStarted, timerStopped, timerCancelled

        /// The registry: each kind's payload type, which knows its name, version and readers. Exhaustive (no
        /// `default`), so a new kind does not compile without its type.
        var payloadType: any EventPayload.Type {
            switch self {
            case .directionSet: DirectionSet.self
            case .goalSet: GoalSet.self
            case .milestonePlanned: MilestonePlanned.self
            case .milestoneDone: MilestoneDone.self
            case .milestoneRevised: MilestoneRevised.self
            case .progressMeasured: ProgressMeasured.self
            case .activityLogged: ActivityLogged.self
            case .goalRevised: GoalRevised.self
            case .goalCompleted: GoalCompleted.self
            case .goalDropped: GoalDropped.self
            case .reviewRecorded: ReviewRecorded.self
            case .partnerNamed: PartnerNamed.self
            case .eventRetracted: EventRetracted.self
            case .timerStarted: TimerStarted.self
            case .timerStopped: TimerStopped.self
            case .timerCancelled: TimerCancelled.self
            }
        }

        /// The stored `type` name, as the payload type states it.
        public var rawValue: String { payloadType.kindName }

        /// The kind stored under exactly this name.
        public init?(rawValue: String) {
            guard let kind = Kind.named(rawValue) else { return nil }
            self = kind
        }

        /// The version new events of this kind are written with; every version from 1 up to it is readable.
        public var schemaVersion: Int { payloadType.schemaVersion }
    }

    public var kind: Kind {
        switch self {
        case .directionSet: .directionSet
        case .goalSet: .goalSet
        case .milestonePlanned: .milestonePlanned
        case .milestoneDone: .milestoneDone
        case .milestoneRevised: .milestoneRevised
        case .progressMeasured: .progressMeasured
        case .activityLogged: .activityLogged
        case .goalRevised: .goalRevised
        case .goalCompleted: .goalCompleted
        case .goalDropped: .goalDropped
        case .reviewRecorded: .reviewRecorded
        case .partnerNamed: .partnerNamed
        case .eventRetracted: .eventRetracted
        case .timerStarted: .timerStarted
        case .timerStopped: .timerStopped
        case .timerCancelled: .timerCancelled
        }
    }

    /// The payload, for what every kind does alike (encoding).
    var payload: any EventPayload {
        switch self {
        case .directionSet(let e): e
        case .goalSet(let e): e
        case .milestonePlanned(let e): e
        case .milestoneDone(let e): e
        case .milestoneRevised(let e): e
        case .progressMeasured(let e): e
        case .activityLogged(let e): e
        case .goalRevised(let e): e
        case .goalCompleted(let e): e
        case .goalDropped(let e): e
        case .reviewRecorded(let e): e
        case .partnerNamed(let e): e
        case .eventRetracted(let e): e
        case .timerStarted(let e): e
        case .timerStopped(let e): e
        case .timerCancelled(let e): e
        }
    }

    /// The goal an event belongs to, if any (activities name theirs optionally).
    public var goalKey: String? {
        switch self {
        case .goalSet(let e): return e.key
        case .milestonePlanned(let e): return e.goal
        case .milestoneDone(let e): return e.goal
        case .milestoneRevised(let e): return e.goal
        case .progressMeasured(let e): return e.goal
        case .activityLogged(let e): return e.goal
        case .goalRevised(let e): return e.goal
        case .goalCompleted(let e): return e.goal
        case .goalDropped(let e): return e.goal
        // A timer names a goal only for the activity its stop records; it is not an event of the goal's stream.
        case .directionSet, .reviewRecorded, .partnerNamed, .eventRetracted, .timerStarted, .timerStopped, .timerCancelled: return nil
        }
    }
}

/// Numbers as people write them: 15, 2.5 (no trailing .0, no exponent for everyday sizes).
public enum NumberText {
    public static func format(_ value: Double) -> String {
        if value.isFinite, value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }
}

extension Int {
    /// The nearest whole number to `value` that an Int holds: a ratio of values from the log (1 of a target of
    /// 1e-300 is 1e300) must print as a large number, never trap the conversion. Not-a-number is 0.
    public init(saturating value: Double) {
        if value.isNaN { self = 0; return }
        let rounded = value.rounded()
        if rounded >= 9.2e18 { self = .max; return }
        if rounded <= -9.2e18 { self = .min; return }
        self = Int(rounded)
    }

    /// One more, or Int.max: the next milestone number after one an earlier build let in at Int.max.
    public var saturatingSuccessor: Int { self == .max ? .max : self + 1 }
}
