import JournalDomain

/// The goal streams appended to since their goal index rows were last remade, in the order first met. The rows
/// are remade after every append (a command recorded next in the same transaction decides on them: a plan's
/// fourth goal) and before the commit (what an import in parts appended).
struct GoalStreamsTouched {
    private var names: [String] = []
    private var seen = Set<String>()

    mutating func note(_ stream: String) {
        guard GoalIndexEntry.key(ofStream: stream) != nil, seen.insert(stream).inserted else { return }
        names.append(stream)
    }

    /// The streams noted so far, forgotten from now on.
    mutating func take() -> [String] {
        defer { names = []; seen = [] }
        return names
    }
}

extension RecordedEvent {
    /// The domain's view of a stored event.
    public func envelope() throws -> Envelope {
        Envelope(position: position, eventId: eventId, streamId: streamId, streamVersion: streamVersion,
                 occurredAt: occurredAt, recordedAt: recordedAt,
                 event: try JournalEvent(type: type, schemaVersion: schemaVersion, payload: payload))
    }
}

enum GoalIndexUpkeep {
    /// The goal index row of the goal stream `name`, from its events; an event it cannot decode fails the write
    /// (the row would otherwise be a guess).
    static func entry(of events: [RecordedEvent]) throws(StoreError) -> GoalIndexEntry? {
        do {
            return GoalIndexEntry(stream: try events.map { try $0.envelope() })
        } catch {
            throw StoreError.invalidEvent("goal stream \(events.first?.streamId ?? "") holds an event this journal cannot read (\(error)), so its goal index row cannot be kept")
        }
    }
}
