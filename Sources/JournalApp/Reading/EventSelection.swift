import JournalDomain
import JournalStore
import Projections

/// The events `journal events` lists: those about a goal (its own, the activities linked to it, and the
/// retractions of either), of some types, or from a moment on, each marked when retracted.
public struct EventSelection {
    public struct Listed: Equatable, Sendable {
        public let event: RecordedEvent
        public let retracted: Bool
        /// For a corrected entry (`log amend`): the position of the activity it replaces.
        public var amended: Int64? = nil
    }

    public let goal: String?
    /// Type names; empty: every type.
    public let types: [String]
    public let since: Instant?
    /// Only events carrying this tag (activities and timers), and the retractions of those.
    public let tag: String?

    public init(goal: String?, types: [String], since: Instant?, tag: String? = nil) {
        self.tag = tag
        self.goal = goal
        self.types = types
        self.since = since
    }

    /// The selected events in log order, read through `read(from:limit:)` a page at a time.
    public func select<Store: EventStore>(in store: Store) throws -> [Listed] {
        var fold = Fold(selection: self)
        var next: Int64 = 1
        while case let page = try store.read(from: next, limit: 2000), let last = page.last {
            for event in page { try fold.consider(event) }
            next = last.position + 1
        }
        return try linkAmendments(fold.listed, in: store)
    }

    /// The same from SQLite, whose pages are read into the same memory every time.
    public func select(in store: SQLiteEventStore) throws -> [Listed] {
        var fold = Fold(selection: self)
        try store.forEach { try fold.consider($0) }
        return try linkAmendments(fold.listed, in: store)
    }

    /// Each corrected entry's original, looked up by id: amendments are few, so a lookup each costs less than
    /// keeping every id's position while reading the log.
    private func linkAmendments<Store: EventStore>(_ listed: [Listed], in store: Store) throws -> [Listed] {
        try listed.map { item in
            guard item.event.type == JournalEvent.Kind.activityLogged.rawValue, item.event.payload.contains("\"amends\""),
                  case .activityLogged(let activity) = try item.event.envelope().event, let id = activity.amends else { return item }
            var linked = item
            linked.amended = try store.event(withId: id)?.position
            return linked
        }
    }

    /// Retractions can come after what they retract, so "retracted" is known only once the whole log is read.
    private struct Fold {
        let selection: EventSelection
        var retracted = RetractedEvents()
        var selected: [RecordedEvent] = []
        var selectedIds = Set<String>()

        mutating func consider(_ recorded: RecordedEvent) throws {
            let envelope = try recorded.envelope()
            retracted.apply(envelope)
            if let goal = selection.goal {
                var matches = envelope.event.goalKey == goal
                if case .eventRetracted(let r) = envelope.event { matches = selectedIds.contains(r.target) }
                guard matches else { return }
            }
            if let tag = selection.tag {
                let matches: Bool
                switch envelope.event {
                case .activityLogged(let e): matches = e.tags.contains(tag)
                case .timerStarted(let e): matches = e.tags.contains(tag)
                case .eventRetracted(let r): matches = selectedIds.contains(r.target)
                default: matches = false
                }
                guard matches else { return }
            }
            if !selection.types.isEmpty, !selection.types.contains(recorded.type) { return }
            if let since = selection.since, recorded.occurredAt < since { return }
            selected.append(recorded)
            selectedIds.insert(recorded.eventId)
        }

        var listed: [Listed] { selected.map { Listed(event: $0, retracted: retracted.contains($0.eventId)) } }
    }
}
