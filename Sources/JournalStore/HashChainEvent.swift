// The chain's encoding lives in JournalChain so that the sync helper can share it without linking SQLite;
// every user of the store keeps seeing it through `import JournalStore`.
@_exported import JournalChain
import JournalDomain

extension HashChain {
    public static func hash(of event: RecordedEvent) -> [UInt8] {
        hash(previous: event.previousHash, position: event.position, eventId: event.eventId, streamId: event.streamId,
             streamVersion: event.streamVersion, type: event.type, schemaVersion: event.schemaVersion,
             payload: event.payload, metadata: event.metadata, occurredAt: event.occurredAt.description,
             recordedAt: event.recordedAt.description)
    }
}
