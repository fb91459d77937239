/// The goal fields a revision may change. `key` is the key the goal is shown and typed by: its identity (the
/// stream's name and the `goal` every event stores) never changes, so older payloads never hold it and need no
/// schema bump.
public enum GoalField: String, Codable, Sendable, CaseIterable, FastValue {
    case title, metric, target, unit, due, quarter, direction, key
}

/// A field's value before or after a revision: text (also dates and quarters, in ISO form) or a number.
public enum FieldValue: Codable, Equatable, Sendable, CustomStringConvertible {
    case text(String)
    case number(Double)

    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if let n = try? c.decode(Double.self) { self = .number(n) } else { self = .text(try c.decode(String.self)) }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .text(let s): try c.encode(s)
        case .number(let n): try c.encode(n)
        }
    }

    public var description: String {
        switch self {
        case .text(let s): return s
        case .number(let n): return NumberText.format(n)
        }
    }
}

public struct FieldChange: Codable, Equatable, Sendable {
    public var field: GoalField
    public var from: FieldValue?
    public var to: FieldValue?

    public init(field: GoalField, from: FieldValue?, to: FieldValue?) {
        self.field = field
        self.from = from
        self.to = to
    }
}

public struct GoalRevised: Codable, Equatable, Sendable {
    public var goal: String
    public var changes: [FieldChange]
    public var reason: String
    public var forced: Bool?

    public init(goal: String, changes: [FieldChange], reason: String, forced: Bool? = nil) {
        self.goal = goal
        self.changes = changes
        self.reason = reason
        self.forced = forced
    }
}

extension GoalRevised: EventPayload {
    static var kindName: String { "goal-revised" }
    var event: JournalEvent { .goalRevised(self) }
    static var blank: Self { GoalRevised(goal: "", changes: [], reason: "") }
    static let fields = FieldTable<Self>([
        .required("goal") { $0.goal = $1 },
        .required("changes") { $0.changes = $1 },
        .required("reason") { $0.reason = $1 },
        .optional("forced") { $0.forced = $1 },
    ])
}

extension FieldChange: FastReadable {
    static var blank: Self { FieldChange(field: .title, from: nil, to: nil) }
    static let fields = FieldTable<Self>([
        .required("field") { $0.field = $1 },
        .optional("from") { $0.from = $1 },
        .optional("to") { $0.to = $1 },
    ])
}
