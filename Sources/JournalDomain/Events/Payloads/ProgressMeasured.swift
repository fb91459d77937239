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

extension ProgressMeasured: EventPayload {
    static var kindName: String { "progress-measured" }
    var event: JournalEvent { .progressMeasured(self) }
    static var blank: Self { ProgressMeasured(goal: "") }
    static let fields = FieldTable<Self>([
        .required("goal") { $0.goal = $1 },
        .optional("amount") { $0.amount = $1 },
        .optional("value") { $0.value = $1 },
        .optional("note") { $0.note = $1 },
    ])
}
