import CSQLite
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

/// What a projection's router sees of an event: where it is in the log, when it happened, and what it says.
/// (Not its ids or stream: a rebuild reads the whole log, and routing needs none of them.)
public struct RoutableEvent: Sendable {
    public let position: Int64
    public let occurredAt: Instant
    public let event: JournalEvent
}

/// A projection's state in the journal file: named partitions, each the log positions of the events routed
/// to it, in log order, and a checkpoint written in the same transaction, so the state always matches it.
///
/// A partition keeps positions, not copies of events: the log is the only copy, so a rebuild writes a few
/// bytes per event rather than the whole log again, and a read fetches the events themselves by position
/// (see PartitionReading.swift). Routing is the caller's, a pure function of the event.
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
    /// partitions by `route` and their positions appended there; then the checkpoint moves. Nothing is
    /// written when it is current.
    ///
    /// A checkpoint past the log's head cannot be this log's (the file was edited or swapped): the state is rebuilt
    /// rather than trusted, which would hide every event between the true checkpoint and the head. With `rebuild`,
    /// the goal index and the streams' versions are remade from the log in the same transaction too.
    public func catchUpProjection(_ name: String, codeVersion: Int, rebuild: Bool,
                                  route: (RoutableEvent) throws -> [String]) throws -> ProjectionUpdate {
        try catchUpProjection(name, codeVersion: codeVersion, rebuild: rebuild, progress: nil, route: route)
    }

    /// The same, reporting the events routed a chunk at a time to `progress` (of those after the checkpoint).
    public func catchUpProjection(_ name: String, codeVersion: Int, rebuild: Bool, progress: ProgressHandler?,
                                  route: (RoutableEvent) throws -> [String]) throws -> ProjectionUpdate {
        // The common case, a projection already at the head, needs no write lock.
        if !rebuild, let current = try projectionCheckpoint(name), current.codeVersion == codeVersion,
           current.position == (try headPosition()) {
            return ProjectionUpdate(applied: 0, position: current.position, rebuilt: false)
        }
        do {
            return try db.writeTransaction {
                let checkpoint = try projectionCheckpoint(name)
                let head = try headPosition()
                let fresh = rebuild || checkpoint == nil || checkpoint?.codeVersion != codeVersion
                    || (checkpoint?.position ?? 0) > head
                let start = fresh ? 0 : checkpoint?.position ?? 0
                if fresh { try db.execute("DELETE FROM projection_partitions") }
                if rebuild { try db.execute("DELETE FROM projection_state") }
                if rebuild { try remakeGoalIndex() }
                var partitions = PartitionLists()
                var applied = 0
                var last = start
                try forEachRoutableEvent(after: start) { event in
                    for key in try route(event) {
                        let slot = try partitions.slot(key) { fresh ? [] : try storedPositions(key) ?? [] }
                        partitions.append(event.position, to: slot)
                    }
                    applied += 1
                    last = event.position
                    if let progress, Int64(applied) % progressChunk == 0 { progress(Int64(applied), head - start) }
                }
                progress?(Int64(applied), head - start)
                guard fresh || applied > 0 else { return ProjectionUpdate(applied: 0, position: start, rebuilt: false) }
                let save = try db.statement("INSERT INTO projection_partitions (key, events) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET events = excluded.events")
                for (key, positions) in zip(partitions.keys, partitions.lists) {
                    save.reset()
                    try save.bind([.text(key), .blob(PositionList.bytes(positions))])
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

    /// The events after `position`, decoded for routing only: no ids, no stream names, no metadata.
    private func forEachRoutableEvent(after position: Int64, _ body: (RoutableEvent) throws -> Void) throws {
        let statement = try db.statement("""
            SELECT position, event_type, schema_version, payload, occurred_at FROM events
            WHERE position > ? ORDER BY position
            """)
        defer { statement.reset() }
        try statement.bind([.integer(position)])
        let mutex = sqlite3_db_mutex(db.handle)
        sqlite3_mutex_enter(mutex)
        defer { sqlite3_mutex_leave(mutex) }
        var occurred = TimeText()
        let none = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
        while try statement.step() {
            let columns = RowColumns(statement)
            guard let occurredAt = columns.instant(4, &occurred) else {
                throw StoreError.corrupt(path: path, detail: "event \(columns.int64(0)) has an unreadable time")
            }
            let event = try JournalEvent(typeUTF8: columns.utf8(1) ?? none, schemaVersion: Int(columns.int64(2)),
                                         payloadUTF8: columns.utf8(3) ?? none)
            try body(RoutableEvent(position: columns.int64(0), occurredAt: occurredAt, event: event))
        }
    }

    /// A partition's positions as stored, nil when it has none; a damaged list is reported, never misread.
    func storedPositions(_ key: String) throws -> [Int64]? {
        let statement = try db.statement("SELECT events FROM projection_partitions WHERE key = ?")
        defer { statement.reset() }
        try statement.bind([.text(key)])
        guard try statement.step() else { return nil }
        let value = sqlite3_column_value(statement.handle, 0)
        let count = Int(sqlite3_value_bytes(value))
        let raw = UnsafeRawBufferPointer(start: sqlite3_value_blob(value), count: count)
        guard let positions = PositionList.positions(raw) else {
            throw StoreError.corrupt(path: path, detail: "projection partition \(key) cannot be read; run journal rebuild")
        }
        return positions
    }
}

/// The partitions a catch-up is appending to. Consecutive events mostly go to the same few partitions (a day's
/// activities to one week), so the last keys are remembered and compared before any key is hashed.
struct PartitionLists {
    private(set) var keys: [String] = []
    private(set) var lists: [[Int64]] = []
    private var slots: [String: Int] = [:]
    private var recent: [(key: String, slot: Int)] = []

    /// The slot of `key`, made (holding `existing()`) the first time the key is seen.
    mutating func slot(_ key: String, existing: () throws -> [Int64]) rethrows -> Int {
        for entry in recent where entry.key == key { return entry.slot }
        let slot: Int
        if let known = slots[key] {
            slot = known
        } else {
            slot = lists.count
            slots[key] = slot
            keys.append(key)
            lists.append(try existing())
        }
        if recent.count == 4 { recent.removeFirst() }
        recent.append((key, slot))
        return slot
    }

    /// Appends `position` unless it is already the slot's last (a router that names a partition twice for one
    /// event still stores it once).
    mutating func append(_ position: Int64, to slot: Int) {
        if lists[slot].last != position { lists[slot].append(position) }
    }
}

/// How a partition's positions are stored (the `events` column of projection_partitions): 8-byte little-endian
/// integers, strictly increasing. Private to the store; a change of layout is a change of the projection's
/// code version.
enum PositionList {
    static func bytes(_ positions: [Int64]) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: positions.count * 8)
        bytes.withUnsafeMutableBytes { out in
            for (i, position) in positions.enumerated() {
                out.storeBytes(of: position.littleEndian, toByteOffset: i * 8, as: Int64.self)
            }
        }
        return bytes
    }

    /// The positions in `raw`, nil unless it is a whole number of positive, strictly increasing positions.
    static func positions(_ raw: UnsafeRawBufferPointer) -> [Int64]? {
        guard raw.count % 8 == 0 else { return nil }
        var positions: [Int64] = []
        positions.reserveCapacity(raw.count / 8)
        var previous: Int64 = 0
        for offset in stride(from: 0, to: raw.count, by: 8) {
            let position = Int64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: Int64.self))
            guard position > previous else { return nil }
            positions.append(position)
            previous = position
        }
        return positions
    }
}
