/// What the goal index keeps of one goal: the quarter it counts in and whether it still holds its place there.
/// It is a pure function of the goal's stream, so every writer gives the same row, and a rebuild or a deep check
/// can remake it from the log alone.
public struct GoalIndexEntry: Equatable, Hashable, Sendable {
    public let key: String
    public let quarter: Quarter
    public let status: GoalStatus
    /// The key the goal is shown by (its identity `key` until a key revision renames it).
    public let shownKey: String
    /// Every other key that names the goal (former keys and the current one), in the order it got them: the
    /// goal-key lookup resolves each of them to `key`.
    public let aliases: [String]

    public init(key: String, quarter: Quarter, status: GoalStatus, shownKey: String? = nil, aliases: [String] = []) {
        self.key = key
        self.quarter = quarter
        self.status = status
        self.shownKey = shownKey ?? key
        self.aliases = aliases
    }

    /// The entry of the goal whose stream `stream` is (all its events, in stream order); nil when the stream is
    /// not a goal's, or holds no goal (never set, or its setting retracted).
    public init?(stream: [Envelope]) {
        guard let first = stream.first, let key = GoalIndexEntry.key(ofStream: first.streamId),
              let goal = GoalState.replay(stream) else { return nil }
        self.init(key: key, quarter: goal.quarter, status: goal.status, shownKey: goal.shownKey,
                  aliases: goal.knownKeys.filter { $0 != key })
    }

    /// The goal key a stream belongs to (`StreamName.goal`), nil for every other stream.
    public static func key(ofStream name: String) -> String? {
        let prefix = StreamName.goal("")
        guard name.hasPrefix(prefix), name.utf8.count > prefix.utf8.count else { return nil }
        return String(name.dropFirst(prefix.count))
    }
}
