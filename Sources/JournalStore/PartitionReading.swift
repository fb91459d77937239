import CSQLite
import JournalDomain

extension SQLiteEventStore {
    /// The same events as `partitionEnvelopes`, as batches that follow each other in log order (one, today:
    /// reading the later half on a second connection and core measured slower, its own page cache and set-up
    /// costing more than the decoding it took over).
    public func partitionEnvelopeBatches(_ keys: [String]) throws -> [[Envelope]] {
        do {
            return try inReadSnapshot {
                var positions: [Int64] = []
                for key in keys {
                    if let stored = try storedPositions(key) { positions += stored }
                }
                if keys.count > 1 { positions = PositionList.sortedUnique(positions) }
                return [try EventsByPosition.read(positions[...], from: db, path: path)]
            }
        } catch let error as SQLiteError {
            throw StoreError(error, path: path)
        }
    }
}

extension SQLiteEventStore {
    /// Runs `body` in one read transaction, so that everything it reads comes from one state of the file; inside
    /// a transaction already open (a caller's snapshot), it just runs.
    public func readSnapshot<T>(_ body: () throws -> T) throws -> T {
        do {
            return try inReadSnapshot(body)
        } catch let error as SQLiteError {
            throw StoreError(error, path: path)
        }
    }

    func inReadSnapshot<T>(_ body: () throws -> T) throws -> T {
        db.isAutocommit ? try db.readTransaction(body) : try body()
    }
}

enum EventsByPosition {
    /// The events at `positions` (sorted, unique). Neighbouring positions are read in one range scan that steps
    /// over the few rows between them without decoding them: a seek costs about what a dozen steps do.
    static func read(_ positions: ArraySlice<Int64>, from db: SQLiteDatabase, path: String) throws -> [Envelope] {
        var envelopes: [Envelope] = []
        envelopes.reserveCapacity(positions.count)
        guard !positions.isEmpty else { return envelopes }
        let statement = try db.statement("""
            SELECT position, event_id, stream, stream_version, event_type, schema_version, payload, occurred_at, recorded_at
            FROM events WHERE position BETWEEN ? AND ? ORDER BY position
            """)
        defer { statement.reset() }
        let mutex = sqlite3_db_mutex(db.handle)
        sqlite3_mutex_enter(mutex)
        defer { sqlite3_mutex_leave(mutex) }
        var streams = StreamNames()
        var occurred = TimeText(), recorded = TimeText()
        let none = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
        var next = positions.startIndex
        while next < positions.endIndex {
            var end = next
            while end + 1 < positions.endIndex, positions[end + 1] - positions[end] <= PositionList.stepOverLimit { end += 1 }
            statement.reset()
            try statement.bind([.integer(positions[next]), .integer(positions[end])])
            while next <= end, try statement.step() {
                let columns = RowColumns(statement)
                let position = columns.int64(0)
                guard position >= positions[next] else { continue }
                guard position == positions[next] else { break }
                next += 1
                guard let occurredAt = columns.instant(7, &occurred), let recordedAt = columns.instant(8, &recorded) else {
                    throw StoreError.corrupt(path: path, detail: "event \(position) has an unreadable time")
                }
                let event = try JournalEvent(typeUTF8: columns.utf8(4) ?? none, schemaVersion: Int(columns.int64(5)),
                                             payloadUTF8: columns.utf8(6) ?? none)
                envelopes.append(Envelope(position: position, eventId: columns.text(1),
                                          streamId: try streams.name(columns.int64(2), in: db),
                                          streamVersion: Int(columns.int64(3)), occurredAt: occurredAt,
                                          recordedAt: recordedAt, event: event))
            }
            // A position a partition names but the log does not hold: the partition is not this log's.
            guard next > end else {
                throw StoreError.corrupt(path: path, detail: "a projection partition names event \(positions[next]), which the log does not hold; run journal rebuild")
            }
        }
        return envelopes
    }
}

/// Stream names by id, each looked up once per read: a read touches few streams and many events.
private struct StreamNames {
    var names: [Int64: String] = [:]

    mutating func name(_ id: Int64, in db: SQLiteDatabase) throws -> String {
        if let name = names[id] { return name }
        let statement = try db.statement("SELECT name FROM streams WHERE id = ?")
        defer { statement.reset() }
        try statement.bind([.integer(id)])
        let name = try statement.step() ? statement.text(0) : ""
        names[id] = name
        return name
    }
}

extension PositionList {
    /// Rows between two wanted positions that a read steps over rather than seeking anew.
    static let stepOverLimit: Int64 = 16

    static func sortedUnique(_ positions: [Int64]) -> [Int64] {
        var sorted = positions
        sorted.sort()
        var unique: [Int64] = []
        unique.reserveCapacity(sorted.count)
        for position in sorted where position != unique.last { unique.append(position) }
        return unique
    }
}
