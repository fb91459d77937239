import CSQLite
import JournalDomain

extension SQLiteEventStore {
    /// Every event from `position` on, in log order, as the domain reads it: event for event and error for error
    /// what `forEach` followed by `JournalEvent(type:schemaVersion:payload:)` on each event hands over (the same
    /// pages, so an unreadable time fails its page before any of it is handed over, and an event that cannot
    /// be decoded fails when its turn comes, after the events before it). Made for replaying the whole log: it
    /// does not read the columns only the hash chain needs (metadata, hashes) and decodes payloads straight from
    /// SQLite's bytes, without making strings of them.
    public func forEachEnvelope(from position: Int64 = 1, pageSize: Int = 2000,
                                _ body: (Envelope) throws -> Void) throws {
        var next = position
        var page: [Envelope] = []
        if pageSize <= 10_000 { page.reserveCapacity(pageSize) }
        while true {
            page.removeAll(keepingCapacity: true)
            let (rows, failure) = try readEnvelopes(from: next, limit: pageSize, into: &page)
            let last = page.last?.position
            try page.handEach(leaving: Envelope.placeholder, to: body)
            // The first event that cannot be decoded stops the replay when its turn comes.
            if let failure { throw failure }
            guard let last, rows == pageSize else { return }
            next = last + 1
        }
    }

    static let envelopeColumns = """
        SELECT e.position, e.event_id, s.name, e.stream_version, e.event_type, e.schema_version, e.payload,
               e.occurred_at, e.recorded_at
        FROM events e JOIN streams s ON s.id = e.stream WHERE e.position >= ? ORDER BY e.position LIMIT ?
        """

    /// Reads a page: the envelopes up to the first event that cannot be decoded, that event's error, and how
    /// many rows were read. Every row's times are checked, as forEach checks them before handing anything over.
    private func readEnvelopes(from position: Int64, limit: Int,
                               into page: inout [Envelope]) throws(StoreError) -> (rows: Int, failure: (any Error)?) {
        try wrap {
            let statement = try db.statement(SQLiteEventStore.envelopeColumns)
            defer { statement.reset() }
            try statement.bind([.integer(position), .integer(Int64(max(0, limit)))])
            // One lock of the connection for the page rather than two per column read (SQLite's own calls
            // re-enter it cheaply: it is recursive). Nothing else can use the connection meanwhile anyway.
            let mutex = sqlite3_db_mutex(db.handle)
            sqlite3_mutex_enter(mutex)
            defer { sqlite3_mutex_leave(mutex) }
            var streamId = ""
            var occurred = TimeText(), recorded = TimeText()
            let none = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
            var failure: (any Error)?
            var rows = 0
            while rows < limit, try statement.step() {
                rows += 1
                let columns = RowColumns(statement)
                guard let occurredAt = columns.instant(7, &occurred), let recordedAt = columns.instant(8, &recorded) else {
                    throw StoreError.corrupt(path: path, detail: "event \(columns.int64(0)) has an unreadable time")
                }
                if failure != nil { continue }
                do {
                    let event = try JournalEvent(typeUTF8: columns.utf8(4) ?? none, schemaVersion: Int(columns.int64(5)),
                                                 payloadUTF8: columns.utf8(6) ?? none)
                    page.append(Envelope(position: columns.int64(0), eventId: columns.text(1),
                                         streamId: columns.text(2, reusing: &streamId),
                                         streamVersion: Int(columns.int64(3)), occurredAt: occurredAt,
                                         recordedAt: recordedAt, event: event))
                } catch {
                    failure = error
                }
            }
            return (rows, failure)
        }
    }
}

extension Envelope {
    /// What a handed-over envelope leaves in its page: owns nothing.
    static let placeholder = Envelope(position: 0, eventId: "", streamId: "", streamVersion: 0,
                                      occurredAt: Instant(millisecondsSinceEpoch: 0), recordedAt: Instant(millisecondsSinceEpoch: 0),
                                      event: .partnerNamed(PartnerNamed(name: "")))
}
