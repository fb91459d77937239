import JournalDomain

/// `journal activities`: the activities of a span of local days, readable (not raw payloads), filtered by goal,
/// tag and words, retracted ones left out, oldest first (newest last), with their total.
public struct ActivityList: Equatable, Sendable {
    public struct Item: Equatable, Sendable {
        public let eventId: String
        public let position: Int64
        public let occurredAt: Instant
        /// The local day it is filed under.
        public let day: LocalDate
        /// nil: logged without minutes.
        public let minutes: Int?
        public let goal: String?
        public let milestone: Int?
        public let text: String
        public let tags: [String]

        /// GOAL or GOAL/N.
        public var goalReference: String? { goal.map { goal in milestone.map { "\(goal)/\($0)" } ?? goal } }
    }

    public let from: LocalDate
    public let to: LocalDate
    public let items: [Item]
    public var totalMinutes: Int { items.reduce(0) { $0 + ($1.minutes ?? 0) } }

    /// `grep` matches the text case-insensitively; `tag` is a tag key; `goal` keeps the activities linked to it.
    public init(ledger: Ledger, from: LocalDate, to: LocalDate, goal: String? = nil, tag: String? = nil, grep: String? = nil,
                time: TimeContext) {
        self.from = from
        self.to = to
        let needle = grep?.lowercased()
        var items: [Item] = []
        let shownKeys = ledger.shownKeys()
        if from <= to {
            ledger.forEachActivity(in: from...to, time: time, .now, linkedTo: goal, occurredBy: time.now) { a in
                if let tag, !a.tags.contains(tag) { return }
                if let needle, !a.text.lowercased().contains(needle) { return }
                items.append(Item(eventId: a.eventId, position: a.position, occurredAt: a.occurredAt, day: time.localDate(of: a.occurredAt),
                                  minutes: a.minutes > 0 ? a.minutes : nil, goal: a.goal.map { shownKeys[$0] ?? $0 }, milestone: a.milestone, text: a.text, tags: a.tags))
            }
        }
        self.items = items.sorted { ($0.occurredAt, $0.position) < ($1.occurredAt, $1.position) }
    }
}
