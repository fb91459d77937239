/// Everything that can happen in a journal. The log stores each case under its `type` name with
/// its payload as JSON; the enum is exhaustive so every reader must handle every kind.
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
        case .directionSet, .reviewRecorded, .partnerNamed, .eventRetracted: return nil
        }
    }
}

public struct DirectionSet: Codable, Equatable, Sendable {
    public var key: String
    public var title: String
    /// A year ("2028") or a date ("2028-06-30"): when the long-term direction should be reached.
    public var by: String?

    public init(key: String, title: String, by: String? = nil) {
        self.key = key
        self.title = title
        self.by = by
    }
}

public struct GoalSet: Codable, Equatable, Sendable {
    public var key: String
    public var title: String
    public var quarter: Quarter
    public var metric: String?
    public var target: Double?
    public var unit: String?
    public var due: LocalDate?
    /// The key of the long-term direction this goal serves.
    public var direction: String?
    /// How sure the user is, 0-100, that the goal will be completed.
    public var confidence: Int?
    /// Set when the user insisted on a goal beyond the quarter's three.
    public var forced: Bool?

    public init(key: String, title: String, quarter: Quarter, metric: String? = nil, target: Double? = nil,
                unit: String? = nil, due: LocalDate? = nil, direction: String? = nil, confidence: Int? = nil,
                forced: Bool? = nil) {
        self.key = key
        self.title = title
        self.quarter = quarter
        self.metric = metric
        self.target = target
        self.unit = unit
        self.due = due
        self.direction = direction
        self.confidence = confidence
        self.forced = forced
    }
}

/// Planned sprint weeks, first and last (1...13), stored as [first, last].
public struct WeekSpan: Codable, Equatable, Sendable, CustomStringConvertible {
    public var first: Int
    public var last: Int

    public init(first: Int, last: Int) {
        self.first = first
        self.last = last
    }

    public init(from decoder: Decoder) throws {
        var c = try decoder.unkeyedContainer()
        first = try c.decode(Int.self)
        last = try c.decode(Int.self)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.unkeyedContainer()
        try c.encode(first)
        try c.encode(last)
    }

    public var description: String { first == last ? "week \(first)" : "weeks \(first)-\(last)" }
}

public struct MilestonePlanned: Codable, Equatable, Sendable {
    public var goal: String
    /// The milestone's number within its goal: its ref is GOAL/NUMBER.
    public var number: Int
    public var title: String
    public var weeks: WeekSpan?
    public var due: LocalDate?

    public init(goal: String, number: Int, title: String, weeks: WeekSpan? = nil, due: LocalDate? = nil) {
        self.goal = goal
        self.number = number
        self.title = title
        self.weeks = weeks
        self.due = due
    }
}

public struct MilestoneDone: Codable, Equatable, Sendable {
    public var goal: String
    public var number: Int

    public init(goal: String, number: Int) {
        self.goal = goal
        self.number = number
    }
}

/// When a milestone is planned: sprint weeks of a quarter (a week number means a week of one quarter, wherever its
/// goal moves later), or a due date.
public struct MilestoneWhen: Codable, Equatable, Sendable, CustomStringConvertible {
    public var quarter: Quarter?
    public var weeks: WeekSpan?
    public var due: LocalDate?

    public init(quarter: Quarter? = nil, weeks: WeekSpan? = nil, due: LocalDate? = nil) {
        self.quarter = quarter
        self.weeks = weeks
        self.due = due
    }

    /// "weeks 7-12 of 2025-Q3", "due 2025-10-03" or "unscheduled".
    public var description: String {
        if let weeks, let quarter { return "\(weeks) of \(quarter)" }
        if let due { return "due \(due)" }
        return "unscheduled"
    }

    /// The last day it is planned for: its last week's last day, or its due date.
    public var end: LocalDate? {
        if let weeks, let quarter { return quarter.days(ofWeek: weeks.last)?.upperBound }
        return due
    }
}

/// A milestone's title before and after a revision.
public struct TitleChange: Codable, Equatable, Sendable {
    public var from: String
    public var to: String

    public init(from: String, to: String) {
        self.from = from
        self.to = to
    }
}

/// A milestone's schedule before (nil: it had none) and after a rescheduling.
public struct ScheduleChange: Codable, Equatable, Sendable {
    public var from: MilestoneWhen?
    public var to: MilestoneWhen

    public init(from: MilestoneWhen?, to: MilestoneWhen) {
        self.from = from
        self.to = to
    }
}

/// A milestone retitled or rescheduled, with the reason; each change is kept from old to new. A done milestone
/// can be retitled but not rescheduled.
public struct MilestoneRevised: Codable, Equatable, Sendable {
    public var goal: String
    public var number: Int
    public var title: TitleChange?
    public var schedule: ScheduleChange?
    public var reason: String

    public init(goal: String, number: Int, title: TitleChange? = nil, schedule: ScheduleChange? = nil, reason: String) {
        self.goal = goal
        self.number = number
        self.title = title
        self.schedule = schedule
        self.reason = reason
    }
}

public struct ProgressMeasured: Codable, Equatable, Sendable {
    public var goal: String
    /// Added toward the target ("3 more connections").
    public var amount: Double?
    /// An absolute reading that replaces the running total.
    public var value: Double?
    public var note: String?

    public init(goal: String, amount: Double? = nil, value: Double? = nil, note: String? = nil) {
        self.goal = goal
        self.amount = amount
        self.value = value
        self.note = note
    }
}

/// Effort. Schema version 2 added `tags` (version 1 rows are read through `ActivityLoggedV1`, with none).
public struct ActivityLogged: Codable, Equatable, Sendable {
    public var text: String
    /// nil: effort linked to no goal ("motion without direction").
    public var goal: String?
    public var milestone: Int?
    public var minutes: Int?
    /// Free labels (keys: lowercase letters, digits, dashes), in the order given; stored only when there are some.
    public var tags: [String]

    public init(text: String, goal: String? = nil, milestone: Int? = nil, minutes: Int? = nil, tags: [String] = []) {
        self.text = text
        self.goal = goal
        self.milestone = milestone
        self.minutes = minutes
        self.tags = tags
    }

    enum CodingKeys: String, CodingKey { case text, goal, milestone, minutes, tags }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        text = try c.decode(String.self, forKey: .text)
        goal = try c.decodeIfPresent(String.self, forKey: .goal)
        milestone = try c.decodeIfPresent(Int.self, forKey: .milestone)
        minutes = try c.decodeIfPresent(Int.self, forKey: .minutes)
        tags = try c.decodeIfPresent([String].self, forKey: .tags) ?? []
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(text, forKey: .text)
        try c.encodeIfPresent(goal, forKey: .goal)
        try c.encodeIfPresent(milestone, forKey: .milestone)
        try c.encodeIfPresent(minutes, forKey: .minutes)
        if !tags.isEmpty { try c.encode(tags, forKey: .tags) }
    }
}

/// How tags read in a line of text: " #networking #events" (nothing without tags).
public enum Tags {
    public static func suffix(_ tags: [String]) -> String {
        tags.isEmpty ? "" : " " + tags.map { "#" + $0 }.joined(separator: " ")
    }
}

/// The goal fields a revision may change.
public enum GoalField: String, Codable, Sendable, CaseIterable {
    case title, metric, target, unit, due, quarter, direction
}

/// A field's value before or after a revision: text (also dates and quarters, in ISO form) or a number.
public enum FieldValue: Codable, Equatable, Sendable, CustomStringConvertible {
    case text(String)
    case number(Double)

    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if let n = try? c.decode(Double.self) { self = .number(n) } else { self = .text(try c.decode(String.self)) }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .text(let s): try c.encode(s)
        case .number(let n): try c.encode(n)
        }
    }

    public var description: String {
        switch self {
        case .text(let s): return s
        case .number(let n): return NumberText.format(n)
        }
    }
}

public struct FieldChange: Codable, Equatable, Sendable {
    public var field: GoalField
    public var from: FieldValue?
    public var to: FieldValue?

    public init(field: GoalField, from: FieldValue?, to: FieldValue?) {
        self.field = field
        self.from = from
        self.to = to
    }
}

public struct GoalRevised: Codable, Equatable, Sendable {
    public var goal: String
    public var changes: [FieldChange]
    public var reason: String
    public var forced: Bool?

    public init(goal: String, changes: [FieldChange], reason: String, forced: Bool? = nil) {
        self.goal = goal
        self.changes = changes
        self.reason = reason
        self.forced = forced
    }
}

public struct GoalCompleted: Codable, Equatable, Sendable {
    public var goal: String
    public var outcome: String?

    public init(goal: String, outcome: String? = nil) {
        self.goal = goal
        self.outcome = outcome
    }
}

public struct GoalDropped: Codable, Equatable, Sendable {
    public var goal: String
    public var reason: String

    public init(goal: String, reason: String) {
        self.goal = goal
        self.reason = reason
    }
}

/// The article's blockers: what got in the way.
public enum Blocker: String, Codable, Sendable, CaseIterable {
    case overcommitting
    case tooManyGoals = "too-many-goals"
    case lostInterest = "lost-interest"
    case wrongGoal = "wrong-goal"
    case other
}

/// The answers to the article's five review questions.
public struct ReviewRecorded: Codable, Equatable, Sendable {
    public var quarter: Quarter
    public var planned: String
    public var accomplished: String
    public var obstacles: String
    public var learned: String
    public var next: String
    public var blockers: [Blocker]

    public init(quarter: Quarter, planned: String, accomplished: String, obstacles: String, learned: String,
                next: String, blockers: [Blocker]) {
        self.quarter = quarter
        self.planned = planned
        self.accomplished = accomplished
        self.obstacles = obstacles
        self.learned = learned
        self.next = next
        self.blockers = blockers
    }
}

public struct PartnerNamed: Codable, Equatable, Sendable {
    public var name: String

    public init(name: String) { self.name = name }
}

/// A correction: the target stays in the log, and projections ignore it from now on.
/// It names its target by event id so it keeps its meaning after export, import and merge.
public struct EventRetracted: Codable, Equatable, Sendable {
    public var target: String
    public var targetType: String
    public var reason: String

    public init(target: String, targetType: String, reason: String) {
        self.target = target
        self.targetType = targetType
        self.reason = reason
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
