/// Effort. Schema version 2 added `tags` (version 1 rows are read through `ActivityLoggedV1`, with none).
public struct ActivityLogged: Codable, Equatable, Sendable {
    public var text: String
    /// nil: effort linked to no goal ("motion without direction").
    public var goal: String?
    public var milestone: Int?
    public var minutes: Int?
    /// Free labels (keys: lowercase letters, digits, dashes), in the order given; stored only when there are some.
    public var tags: [String]
    /// For a correction (`journal log amend`): the id of the activity this entry replaces, which the same append
    /// retracts. Optional, so older rows simply lack it.
    public var amends: String?

    public init(text: String, goal: String? = nil, milestone: Int? = nil, minutes: Int? = nil, tags: [String] = [],
                amends: String? = nil) {
        self.text = text
        self.goal = goal
        self.milestone = milestone
        self.minutes = minutes
        self.tags = tags
        self.amends = amends
    }

    enum CodingKeys: String, CodingKey { case text, goal, milestone, minutes, tags, amends }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        text = try c.decode(String.self, forKey: .text)
        goal = try c.decodeIfPresent(String.self, forKey: .goal)
        milestone = try c.decodeIfPresent(Int.self, forKey: .milestone)
        minutes = try c.decodeIfPresent(Int.self, forKey: .minutes)
        tags = try c.decodeIfPresent([String].self, forKey: .tags) ?? []
        amends = try c.decodeIfPresent(String.self, forKey: .amends)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(text, forKey: .text)
        try c.encodeIfPresent(goal, forKey: .goal)
        try c.encodeIfPresent(milestone, forKey: .milestone)
        try c.encodeIfPresent(minutes, forKey: .minutes)
        if !tags.isEmpty { try c.encode(tags, forKey: .tags) }
        try c.encodeIfPresent(amends, forKey: .amends)
    }
}

/// How tags read in a line of text: " #networking #events" (nothing without tags).
public enum Tags {
    public static func suffix(_ tags: [String]) -> String {
        tags.isEmpty ? "" : " " + tags.map { "#" + $0 }.joined(separator: " ")
    }
}

extension ActivityLogged: EventPayload {
    static var kindName: String { "activity-logged" }
    static var schemaVersion: Int { 2 }
    var event: JournalEvent { .activityLogged(self) }
    static var blank: Self { ActivityLogged(text: "") }
    static let fields = FieldTable<Self>([
        .required("text") { $0.text = $1 },
        .optional("goal") { $0.goal = $1 },
        .optional("minutes") { $0.minutes = $1 },
        .optional("milestone") { $0.milestone = $1 },
        .defaulted("tags", since: 2) { $0.tags = $1 },
        .optional("amends", since: 2) { $0.amends = $1 },
    ])
}
