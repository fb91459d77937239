import JournalDomain
import JournalStore

/// The lines of an export: one for each event with every stored field, then the closing line with the head hash.
/// `ExportLineParser` reads them back.
public enum ExportLine {
    /// The event as `journal export` writes it: the `journal events --format jsonl` fields without `retracted`
    /// (that is derived, not stored).
    public static func text(_ e: RecordedEvent) -> String {
        "{\"position\":\(e.position),\"eventId\":\(JSONText.quote(e.eventId)),\"streamId\":\(JSONText.quote(e.streamId)),"
            + "\"streamVersion\":\(e.streamVersion),\"type\":\(JSONText.quote(e.type)),\"schemaVersion\":\(e.schemaVersion),"
            + "\"payload\":\(e.payload),\"metadata\":\(e.metadata),\"occurredAt\":\(JSONText.quote(e.occurredAt.description)),"
            + "\"recordedAt\":\(JSONText.quote(e.recordedAt.description)),\"previousHash\":\(JSONText.quote(HashChain.hex(e.previousHash))),"
            + "\"hash\":\(JSONText.quote(HashChain.hex(e.hash)))}"
    }

    public static func headText(hash: [UInt8], events: Int64) -> String {
        "{\"head\":\(JSONText.quote(HashChain.hex(hash))),\"events\":\(events)}"
    }
}
