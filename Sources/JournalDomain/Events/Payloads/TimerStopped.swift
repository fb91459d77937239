/// A running timer stopped (`journal stop`, or a second `journal start`): its envelope's occurredAt is the stop
/// time. It names the timer by event id and the activities the stop recorded in the same append (one per local
/// day the span touched), so an undo of the stop takes them back with it.
public struct TimerStopped: Codable, Equatable, Sendable {
    public var timer: String
    /// Event ids of the activities recorded with this stop (none when the span was under a minute).
    public var activities: [String]

    public init(timer: String, activities: [String] = []) {
        self.timer = timer
        self.activities = activities
    }

    enum CodingKeys: String, CodingKey { case timer, activities }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        timer = try c.decode(String.self, forKey: .timer)
        activities = try c.decodeIfPresent([String].self, forKey: .activities) ?? []
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(timer, forKey: .timer)
        if !activities.isEmpty { try c.encode(activities, forKey: .activities) }
    }
}

extension TimerStopped: EventPayload {
    static var kindName: String { "timer-stopped" }
    var event: JournalEvent { .timerStopped(self) }
    static var blank: Self { TimerStopped(timer: "") }
    static let fields = FieldTable<Self>([
        .required("timer") { $0.timer = $1 },
        .defaulted("activities") { $0.activities = $1 },
    ])
}

/// A running timer thrown away (`journal cancel`): nothing is recorded for it.
public struct TimerCancelled: Codable, Equatable, Sendable {
    public var timer: String

    public init(timer: String) { self.timer = timer }
}

extension TimerCancelled: EventPayload {
    static var kindName: String { "timer-cancelled" }
    var event: JournalEvent { .timerCancelled(self) }
    static var blank: Self { TimerCancelled(timer: "") }
    static let fields = FieldTable<Self>([
        .required("timer") { $0.timer = $1 },
    ])
}
