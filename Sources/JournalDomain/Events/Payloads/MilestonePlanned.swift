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

extension MilestonePlanned: EventPayload {
    static var kindName: String { "milestone-planned" }
    var event: JournalEvent { .milestonePlanned(self) }
    static var blank: Self { MilestonePlanned(goal: "", number: 0, title: "") }
    static let fields = FieldTable<Self>([
        .required("goal") { $0.goal = $1 },
        .required("number") { $0.number = $1 },
        .required("title") { $0.title = $1 },
        .optional("weeks") { $0.weeks = $1 },
        .optional("due") { $0.due = $1 },
    ])
}
