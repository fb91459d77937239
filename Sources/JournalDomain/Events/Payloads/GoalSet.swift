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

extension GoalSet: EventPayload {
    static var kindName: String { "goal-set" }
    var event: JournalEvent { .goalSet(self) }
    static var blank: Self { GoalSet(key: "", title: "", quarter: Quarter(validYear: 2000, number: 1)) }
    static let fields = FieldTable<Self>([
        .required("key") { $0.key = $1 },
        .required("title") { $0.title = $1 },
        .required("quarter") { $0.quarter = $1 },
        .optional("metric") { $0.metric = $1 },
        .optional("target") { $0.target = $1 },
        .optional("unit") { $0.unit = $1 },
        .optional("due") { $0.due = $1 },
        .optional("direction") { $0.direction = $1 },
        .optional("confidence") { $0.confidence = $1 },
        .optional("forced") { $0.forced = $1 },
    ])
}
