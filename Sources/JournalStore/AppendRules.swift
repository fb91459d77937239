/// What every store checks of an append before it writes anything, in this order, with these errors.
enum AppendRules {
    static func validate(_ batches: [AppendBatch]) throws(StoreError) {
        var ids = Set<String>()
        for batch in batches {
            guard !batch.stream.isEmpty, batch.stream.utf8.count <= 200 else {
                throw StoreError.invalidEvent("a stream name must have 1 to 200 bytes")
            }
            for event in batch.events {
                guard EventIdSyntax.isLowercaseUUID(event.eventId) else {
                    throw StoreError.invalidEvent("event id '\(event.eventId)' is not a lowercase UUID")
                }
                guard ids.insert(event.eventId).inserted else {
                    throw StoreError.invalidEvent("event id \(event.eventId) appears twice in one append")
                }
                guard !event.type.isEmpty, event.schemaVersion >= 1 else {
                    throw StoreError.invalidEvent("event \(event.eventId) needs a type and a schema version of 1 or more")
                }
            }
        }
    }
}
