public struct PartnerNamed: Codable, Equatable, Sendable {
    public var name: String

    public init(name: String) { self.name = name }
}

extension PartnerNamed: EventPayload {
    static var kindName: String { "partner-named" }
    var event: JournalEvent { .partnerNamed(self) }
    static var blank: Self { PartnerNamed(name: "") }
    static let fields = FieldTable<Self>([
        .required("name") { $0.name = $1 },
    ])
}
