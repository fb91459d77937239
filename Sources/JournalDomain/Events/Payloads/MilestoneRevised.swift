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

extension MilestoneRevised: EventPayload {
    static var kindName: String { "milestone-revised" }
    var event: JournalEvent { .milestoneRevised(self) }
    static var blank: Self { MilestoneRevised(goal: "", number: 0, reason: "") }
    static let fields = FieldTable<Self>([
        .required("goal") { $0.goal = $1 },
        .required("number") { $0.number = $1 },
        .optional("title") { $0.title = $1 },
        .optional("schedule") { $0.schedule = $1 },
        .required("reason") { $0.reason = $1 },
    ])
}

extension MilestoneWhen: FastReadable {
    static var blank: Self { MilestoneWhen() }
    static let fields = FieldTable<Self>([
        .optional("quarter") { $0.quarter = $1 },
        .optional("weeks") { $0.weeks = $1 },
        .optional("due") { $0.due = $1 },
    ])
}

extension TitleChange: FastReadable {
    static var blank: Self { TitleChange(from: "", to: "") }
    static let fields = FieldTable<Self>([
        .required("from") { $0.from = $1 },
        .required("to") { $0.to = $1 },
    ])
}

extension ScheduleChange: FastReadable {
    static var blank: Self { ScheduleChange(from: nil, to: MilestoneWhen()) }
    static let fields = FieldTable<Self>([
        .optional("from") { $0.from = $1 },
        .required("to") { $0.to = $1 },
    ])
}
