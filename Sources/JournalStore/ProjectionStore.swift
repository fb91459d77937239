import JournalDomain

/// Where a projection stands: the last log position its state includes, and the code version that wrote it.
public struct ProjectionCheckpoint: Equatable, Sendable {
    public let position: Int64
    public let codeVersion: Int
}

/// What a catch-up did.
public struct ProjectionUpdate: Equatable, Sendable {
    /// Events applied (the whole log for a rebuild).
    public let applied: Int
    public let position: Int64
    public let rebuilt: Bool
}

/// A projection's state in the journal file: named partitions, each the events routed to it in log order,
/// and a checkpoint written in the same transaction, so the state always matches its checkpoint.
///
/// Routing is the caller's (a pure function of the event); the store only keeps the bytes. Appending to a
/// partition never decodes what it holds, so catching up after one `journal log` touches a few small rows.
extension SQLiteEventStore {
    public func projectionCheckpoint(_ name: String) throws(StoreError) -> ProjectionCheckpoint? {
        try wrap {
            let statement = try db.statement("SELECT position, code_version FROM projection_state WHERE name = ?")
            defer { statement.reset() }
            try statement.bind([.text(name)])
            guard try statement.step() else { return nil }
            return ProjectionCheckpoint(position: statement.int64(0), codeVersion: Int(statement.int64(1)))
        }
    }

    /// Lets this connection cache up to `megabytes` of pages: a bulk append (an import) that outgrows SQLite's
    /// default 2 MB cache writes its pages out again and again before it commits.
    public func enlargeCache(megabytes: Int) throws(StoreError) {
        try wrap { try db.execute("PRAGMA cache_size=-\(megabytes * 1024)") }
    }

    /// The last position in the log (0 when empty).
    public func headPosition() throws(StoreError) -> Int64 {
        try wrap { try db.integer("SELECT max(position) FROM events") ?? 0 }
    }

    /// Brings projection `name` up to the log's head in one write transaction: the events after its checkpoint
    /// (all of them when `rebuild`, when there is no state yet, or when `codeVersion` differs) are routed to
    /// partitions by `route` and appended to them; then the checkpoint moves. Nothing is written when it is current.
    public func catchUpProjection(_ name: String, codeVersion: Int, rebuild: Bool = false,
                                  route: (Envelope) throws -> [String]) throws -> ProjectionUpdate {
        // The common case, a projection already at the head, needs no write lock.
        if !rebuild, let current = try projectionCheckpoint(name), current.codeVersion == codeVersion,
           current.position == (try headPosition()) {
            return ProjectionUpdate(applied: 0, position: current.position, rebuilt: false)
        }
        do {
            return try db.writeTransaction {
                let checkpoint = try projectionCheckpoint(name)
                let fresh = rebuild || checkpoint == nil || checkpoint?.codeVersion != codeVersion
                let start = fresh ? 0 : checkpoint?.position ?? 0
                var buffers: [String: [UInt8]] = [:]
                if fresh { try db.execute("DELETE FROM projection_partitions") }
                var applied = 0
                var last = start
                try forEachRoutedRow(from: start + 1, route: route) { keys, row in
                    for key in keys {
                        if buffers[key] == nil {
                            buffers[key] = fresh ? [] : try partitionBytes(key) ?? []
                        }
                        row.append(to: &buffers[key, default: []])
                    }
                    applied += 1
                    last = row.position
                }
                guard fresh || applied > 0 else { return ProjectionUpdate(applied: 0, position: start, rebuilt: false) }
                let save = try db.statement("INSERT INTO projection_partitions (key, events) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET events = excluded.events")
                for (key, bytes) in buffers {
                    save.reset()
                    try save.bind([.text(key), .blob(bytes)])
                    while try save.step() {}
                }
                save.reset()
                _ = try db.run("INSERT INTO projection_state (name, position, code_version) VALUES (?, ?, ?) ON CONFLICT(name) DO UPDATE SET position = excluded.position, code_version = excluded.code_version",
                               [.text(name), .integer(last), .integer(Int64(codeVersion))])
                return ProjectionUpdate(applied: applied, position: last, rebuilt: fresh)
            }
        } catch let error as SQLiteError {
            throw StoreError(error, path: path)
        }
    }

    /// The events of the named partitions, decoded straight from the stored bytes, partition after partition:
    /// each partition's in log order; an event routed to several partitions comes once for each (the caller merges).
    public func partitionEnvelopes(_ keys: [String]) throws -> [Envelope] {
        do {
            return try db.readTransaction {
                var stored: [(key: String, bytes: [UInt8])] = []
                for key in keys {
                    if let bytes = try partitionBytes(key) { stored.append((key, bytes)) }
                }
                // A stored event takes 100 bytes or more: room for them all up front rather than by doubling.
                var envelopes: [Envelope] = []
                envelopes.reserveCapacity(stored.reduce(0) { $0 + $1.bytes.count } / 100)
                for (key, bytes) in stored {
                    guard try PartitionCoding.decodeEnvelopes(bytes, into: &envelopes) else {
                        throw StoreError.corrupt(path: path, detail: "projection partition \(key) cannot be read; run journal rebuild")
                    }
                }
                return envelopes
            }
        } catch let error as SQLiteError {
            throw StoreError(error, path: path)
        }
    }

    /// Partition keys that start with `prefix` (e.g. every goal's).
    public func partitionKeys(prefix: String) throws(StoreError) -> [String] {
        try wrap {
            let statement = try db.statement("SELECT key FROM projection_partitions WHERE key >= ? AND key < ? ORDER BY key")
            defer { statement.reset() }
            try statement.bind([.text(prefix), .text(prefix + "\u{10FFFF}")])
            var keys: [String] = []
            while try statement.step() { keys.append(statement.text(0)) }
            return keys
        }
    }

    /// The events from `position` on, each decoded for `route` and handed over with its stored bytes, which go
    /// into partitions as they are: no string is made of a payload. Reads only the columns a partition keeps.
    private func forEachRoutedRow(from position: Int64, route: (Envelope) throws -> [String],
                                  _ body: ([String], RoutedRow) throws -> Void) throws {
        let statement = try db.statement(SQLiteEventStore.envelopeColumns)
        defer { statement.reset() }
        var next = position
        let pageSize = 10_000
        var occurred = TimeText(), recorded = TimeText()
        var streamId = ""
        let none = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
        while true {
            statement.reset()
            try statement.bind([.integer(next), .integer(Int64(pageSize))])
            var rows = 0
            while try statement.step() {
                rows += 1
                let columns = RowColumns(statement)
                guard let occurredAt = columns.instant(7, &occurred), let recordedAt = columns.instant(8, &recorded) else {
                    throw StoreError.corrupt(path: path, detail: "event \(columns.int64(0)) has an unreadable time")
                }
                let event = try JournalEvent(typeUTF8: columns.utf8(4) ?? none, schemaVersion: Int(columns.int64(5)),
                                             payloadUTF8: columns.utf8(6) ?? none)
                let envelope = Envelope(position: columns.int64(0), eventId: columns.text(1), streamId: columns.text(2, reusing: &streamId),
                                        streamVersion: Int(columns.int64(3)), occurredAt: occurredAt, recordedAt: recordedAt, event: event)
                let keys = try route(envelope)
                try body(keys, RoutedRow(columns: columns, envelope: envelope, none: none))
                next = envelope.position + 1
            }
            guard rows == pageSize else { return }
        }
    }

    private func partitionBytes(_ key: String) throws -> [UInt8]? {
        let statement = try db.statement("SELECT events FROM projection_partitions WHERE key = ?")
        defer { statement.reset() }
        try statement.bind([.text(key)])
        return try statement.step() ? statement.blob(0) : nil
    }
}

/// The bytes of a partition: events one after another, each as little-endian integers and length-prefixed
/// UTF-8 strings. Private to the store; a change of layout is a change of the projection's code version.
enum PartitionCoding {
    static func integer(_ value: Int64, _ bytes: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    static func utf8(_ text: UnsafeBufferPointer<UInt8>, _ bytes: inout [UInt8]) {
        integer(Int64(text.count), &bytes)
        bytes.append(contentsOf: text)
    }


    /// Appends the partition's events, decoded without making strings of their types and payloads; false when
    /// the bytes are not a whole sequence of events. An event the domain cannot read throws its decoding error.
    static func decodeEnvelopes(_ bytes: [UInt8], into envelopes: inout [Envelope]) throws -> Bool {
        try bytes.withUnsafeBytes { raw -> Bool in
            var reader = Reader(raw: raw)
            while !reader.atEnd {
                guard let position = reader.integer(), let eventId = reader.string(), let streamId = reader.string(),
                      let streamVersion = reader.integer(), let type = reader.bytes(), let schemaVersion = reader.integer(),
                      let payload = reader.bytes(), let occurred = reader.integer(), let recorded = reader.integer() else {
                    return false
                }
                let event = try JournalEvent(typeUTF8: type, schemaVersion: Int(schemaVersion), payloadUTF8: payload)
                envelopes.append(Envelope(position: position, eventId: eventId, streamId: streamId, streamVersion: Int(streamVersion),
                                          occurredAt: Instant(millisecondsSinceEpoch: occurred),
                                          recordedAt: Instant(millisecondsSinceEpoch: recorded), event: event))
            }
            return true
        }
    }

    struct Reader {
        let raw: UnsafeRawBufferPointer
        var offset = 0

        var atEnd: Bool { offset >= raw.count }

        mutating func integer() -> Int64? {
            guard offset + 8 <= raw.count else { return nil }
            let value = raw.loadUnaligned(fromByteOffset: offset, as: Int64.self)
            offset += 8
            return Int64(littleEndian: value)
        }

        mutating func bytes() -> UnsafeBufferPointer<UInt8>? {
            guard let length = integer(), length >= 0, offset + Int(length) <= raw.count else { return nil }
            let slice = UnsafeRawBufferPointer(rebasing: raw[offset..<(offset + Int(length))]).bindMemory(to: UInt8.self)
            offset += Int(length)
            return slice
        }

        mutating func string() -> String? {
            guard let length = integer(), length >= 0, offset + Int(length) <= raw.count else { return nil }
            let text = String(decoding: UnsafeRawBufferPointer(rebasing: raw[offset..<(offset + Int(length))]), as: UTF8.self)
            offset += Int(length)
            return text
        }
    }
}

/// One stored row on its way into partitions: the columns as SQLite holds them, valid until the next step.
struct RoutedRow {
    let columns: RowColumns
    let envelope: Envelope
    let none: UnsafeBufferPointer<UInt8>

    var position: Int64 { envelope.position }

    /// The row in a partition's layout (see PartitionCoding.decodeEnvelopes), straight from the column bytes.
    func append(to bytes: inout [UInt8]) {
        PartitionCoding.integer(envelope.position, &bytes)
        PartitionCoding.utf8(columns.utf8(1) ?? none, &bytes)
        PartitionCoding.utf8(columns.utf8(2) ?? none, &bytes)
        PartitionCoding.integer(Int64(envelope.streamVersion), &bytes)
        PartitionCoding.utf8(columns.utf8(4) ?? none, &bytes)
        PartitionCoding.integer(columns.int64(5), &bytes)
        PartitionCoding.utf8(columns.utf8(6) ?? none, &bytes)
        PartitionCoding.integer(envelope.occurredAt.millisecondsSinceEpoch, &bytes)
        PartitionCoding.integer(envelope.recordedAt.millisecondsSinceEpoch, &bytes)
    }
}
