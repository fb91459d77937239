import JournalDomain
import JournalStore

extension RecordedEvent {
    /// The domain's view of a stored event.
    public func envelope() throws -> Envelope {
        Envelope(position: position, eventId: eventId, streamId: streamId, streamVersion: streamVersion,
                 occurredAt: occurredAt, recordedAt: recordedAt,
                 event: try JournalEvent(type: type, schemaVersion: schemaVersion, payload: payload))
    }
}
