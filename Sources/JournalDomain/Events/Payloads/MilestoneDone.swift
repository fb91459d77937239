public struct MilestoneDone: Codable, Equatable, Sendable {
    public var goal: String
    public var number: Int

    public init(goal: String, number: Int) {
        self.goal = goal
        self.number = number
    }
}

extension MilestoneDone: EventPayload {
    static var kindName: String { "milestone-done" }
    var event: JournalEvent { .milestoneDone(self) }
    static var blank: Self { MilestoneDone(goal: "", number: 0) }
    static let fields = FieldTable<Self>([
        .required("goal") { $0.goal = $1 },
        .required("number") { $0.number = $1 },
    ])
}
