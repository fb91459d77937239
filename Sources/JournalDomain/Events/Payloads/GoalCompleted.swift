public struct GoalCompleted: Codable, Equatable, Sendable {
    public var goal: String
    public var outcome: String?

    public init(goal: String, outcome: String? = nil) {
        self.goal = goal
        self.outcome = outcome
    }
}

extension GoalCompleted: EventPayload {
    static var kindName: String { "goal-completed" }
    var event: JournalEvent { .goalCompleted(self) }
    static var blank: Self { GoalCompleted(goal: "") }
    static let fields = FieldTable<Self>([
        .required("goal") { $0.goal = $1 },
        .optional("outcome") { $0.outcome = $1 },
    ])
}
