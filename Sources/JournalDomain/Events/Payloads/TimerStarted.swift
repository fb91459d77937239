/// A timer set running (`journal start`): the activity it will record when stopped. The running timer lives in
/// the log, so it survives the process, a reboot, an export and an import. Filed in the `timer` stream.
public struct TimerStarted: Codable, Equatable, Sendable {
    public var text: String
    public var goal: String?
    public var milestone: Int?
    /// As `ActivityLogged.tags`: keys, in the order given; stored only when there are some.
    public var tags: [String]
    /// When it started; the stop's activity minutes are counted from here.
    public var startedAt: Instant

    public init(text: String, goal: String? = nil, milestone: Int? = nil, tags: [String] = [], startedAt: Instant) {
        self.text = text
        self.goal = goal
        self.milestone = milestone
        self.tags = tags
        self.startedAt = startedAt
    }

    enum CodingKeys: String, CodingKey { case text, goal, milestone, tags, startedAt }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        text = try c.decode(String.self, forKey: .text)
        goal = try c.decodeIfPresent(String.self, forKey: .goal)
        milestone = try c.decodeIfPresent(Int.self, forKey: .milestone)
        tags = try c.decodeIfPresent([String].self, forKey: .tags) ?? []
        startedAt = try c.decode(Instant.self, forKey: .startedAt)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(text, forKey: .text)
        try c.encodeIfPresent(goal, forKey: .goal)
        try c.encodeIfPresent(milestone, forKey: .milestone)
        if !tags.isEmpty { try c.encode(tags, forKey: .tags) }
        try c.encode(startedAt, forKey: .startedAt)
    }
}

extension TimerStarted: EventPayload {
    static var kindName: String { "timer-started" }
    var event: JournalEvent { .timerStarted(self) }
    static var blank: Self { TimerStarted(text: "", startedAt: Instant(millisecondsSinceEpoch: 0)) }
    static let fields = FieldTable<Self>([
        .required("text") { $0.text = $1 },
        .optional("goal") { $0.goal = $1 },
        .optional("milestone") { $0.milestone = $1 },
        .defaulted("tags") { $0.tags = $1 },
        .required("startedAt") { $0.startedAt = $1 },
    ])
}
