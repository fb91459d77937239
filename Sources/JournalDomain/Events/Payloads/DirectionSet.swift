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

extension DirectionSet: EventPayload {
    static var kindName: String { "direction-set" }
    var event: JournalEvent { .directionSet(self) }
    static var blank: Self { DirectionSet(key: "", title: "") }
    static let fields = FieldTable<Self>([
        .required("key") { $0.key = $1 },
        .required("title") { $0.title = $1 },
        .optional("by") { $0.by = $1 },
    ])
}
