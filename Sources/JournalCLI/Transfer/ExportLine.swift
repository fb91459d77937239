import JournalDomain
import JournalStore

/// The lines of an export: one for each event with every stored field, then the closing line with the head hash.
/// `ExportLineParser` reads them back.
enum ExportLine {
    /// The event as `journal export` writes it: the `journal events --format jsonl` fields without `retracted`
    /// (that is derived, not stored).
    static func text(_ e: RecordedEvent) -> String {
        "{\"position\":\(e.position),\"eventId\":\(EventListing.quote(e.eventId)),\"streamId\":\(EventListing.quote(e.streamId)),"
            + "\"streamVersion\":\(e.streamVersion),\"type\":\(EventListing.quote(e.type)),\"schemaVersion\":\(e.schemaVersion),"
            + "\"payload\":\(e.payload),\"metadata\":\(e.metadata),\"occurredAt\":\(EventListing.quote(e.occurredAt.description)),"
            + "\"recordedAt\":\(EventListing.quote(e.recordedAt.description)),\"previousHash\":\(EventListing.quote(HashChain.hex(e.previousHash))),"
            + "\"hash\":\(EventListing.quote(HashChain.hex(e.hash)))}"
    }

    static func headText(hash: [UInt8], events: Int64) -> String {
        "{\"head\":\(EventListing.quote(HashChain.hex(hash))),\"events\":\(events)}"
    }
}
