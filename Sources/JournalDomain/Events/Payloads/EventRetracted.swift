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

extension EventRetracted: EventPayload {
    static var kindName: String { "event-retracted" }
    var event: JournalEvent { .eventRetracted(self) }
    static var blank: Self { EventRetracted(target: "", targetType: "", reason: "") }
    static let fields = FieldTable<Self>([
        .required("target") { $0.target = $1 },
        .required("targetType") { $0.targetType = $1 },
        .required("reason") { $0.reason = $1 },
    ])
}
