public struct GoalDropped: Codable, Equatable, Sendable {
    public var goal: String
    public var reason: String

    public init(goal: String, reason: String) {
        self.goal = goal
        self.reason = reason
    }
}

extension GoalDropped: EventPayload {
    static var kindName: String { "goal-dropped" }
    var event: JournalEvent { .goalDropped(self) }
    static var blank: Self { GoalDropped(goal: "", reason: "") }
    static let fields = FieldTable<Self>([
        .required("goal") { $0.goal = $1 },
        .required("reason") { $0.reason = $1 },
    ])
}
