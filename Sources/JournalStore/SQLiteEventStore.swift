import CSQLite
import JournalDomain
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The embedded event log: one SQLite file in WAL mode with synchronous=FULL.
public final class SQLiteEventStore: EventStore {
    public enum OpenMode: Sendable {
        /// Create the file (0600, in a 0700 folder) and schema if missing; migrate an older schema.
        case createIfMissing
        /// The journal must already exist (reading commands).
        case mustExist
    }

    public let path: String
    let db: SQLiteDatabase

    /// How long a command waits for another process's write to finish before giving up.
    public static let busyTimeoutMilliseconds: Int32 = 30_000

    public init(path: String, mode: OpenMode) throws(StoreError) {
        self.path = path
        var info = stat()
        let exists = stat(path, &info) == 0
        if !exists {
            guard mode == .createIfMissing else { throw StoreError.noJournal(path: path) }
            try SQLiteEventStore.createFile(at: path)
        } else if (info.st_mode & S_IFMT) == S_IFDIR {
            throw StoreError.notAJournal(path: path, reason: "it is a folder")
        }
        do {
            db = try SQLiteDatabase(path: path, flags: SQLITE_OPEN_READWRITE)
        } catch {
            throw StoreError(error, path: path)
        }
        sqlite3_busy_timeout(db.handle, SQLiteEventStore.busyTimeoutMilliseconds)
        do {
            try db.execute("PRAGMA synchronous=FULL")
            let version = try db.integer("PRAGMA user_version") ?? 0
            if version != Int64(Schema.currentVersion) {
                try migrate(from: version, mode: mode)
            } else if try db.integer("PRAGMA application_id") != Schema.applicationID {
                throw StoreError.notAJournal(path: path, reason: "an SQLite database of another program")
            }
        } catch let error as StoreError {
            throw error
        } catch let error as SQLiteError {
            throw StoreError(error, path: path)
        } catch {
            throw StoreError.io(path: path, detail: "\(error)")
        }
    }

    /// Creates missing folders with mode 0700 and the file with mode 0600, so a journal is private from the start.
    static func createFile(at path: String) throws(StoreError) {
        var folders: [String] = []
        var parent = path
        while let slash = parent.lastIndex(of: "/") {
            parent = String(parent[..<slash])
            if parent.isEmpty { break }
            var info = stat()
            if stat(parent, &info) == 0 { break }
            folders.append(parent)
        }
        for folder in folders.reversed() where mkdir(folder, 0o700) != 0 && errno != EEXIST {
            throw StoreError.io(path: path, detail: "cannot create folder \(folder): \(String(cString: strerror(errno)))")
        }
        let fd = open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
        if fd < 0 {
            if errno == EEXIST { return }
            let reason = String(cString: strerror(errno))
            if errno == EACCES || errno == EROFS || errno == EPERM { throw StoreError.readOnly(path: path, detail: reason) }
            throw StoreError.io(path: path, detail: reason)
        }
        close(fd)
    }

    private func migrate(from found: Int64, mode: OpenMode) throws {
        if found > Int64(Schema.currentVersion) {
            throw StoreError.newerSchema(path: path, found: Int(found), supported: Schema.currentVersion)
        }
        if found == 0 {
            // Look before touching anything: another program's database must be left exactly as it was.
            let tables = try db.integer("SELECT count(*) FROM sqlite_schema") ?? 0
            if tables > 0, try db.integer("PRAGMA application_id") != Schema.applicationID {
                throw StoreError.notAJournal(path: path, reason: "an SQLite database of another program")
            }
            if tables == 0 {
                guard mode == .createIfMissing else { throw StoreError.noJournal(path: path) }
                // WAL cannot be switched on inside a transaction; it is a property of the file from then on.
                _ = try db.run("PRAGMA journal_mode=WAL")
            }
        }
        try db.writeTransaction {
            // Another process may have migrated while we waited for the write lock.
            let version = try db.integer("PRAGMA user_version") ?? 0
            if version == 0 {
                let tables = try db.integer("SELECT count(*) FROM sqlite_schema") ?? 0
                guard tables == 0 else {
                    throw StoreError.notAJournal(path: path, reason: "an SQLite database of another program")
                }
                try db.execute("PRAGMA application_id=\(Schema.applicationID)")
            } else if try db.integer("PRAGMA application_id") != Schema.applicationID {
                throw StoreError.notAJournal(path: path, reason: "an SQLite database of another program")
            }
            guard version <= Int64(Schema.currentVersion) else {
                throw StoreError.newerSchema(path: path, found: Int(version), supported: Schema.currentVersion)
            }
            for step in Int(version)..<Schema.currentVersion {
                try db.execute(Schema.migrations[step])
            }
            try db.execute("PRAGMA user_version=\(Schema.currentVersion)")
        }
    }

    // MARK: - Reading

    static let selectColumns = """
        SELECT e.position, e.event_id, s.name, e.stream_version, e.event_type, e.schema_version, e.payload,
               e.metadata, e.occurred_at, e.recorded_at, e.previous_hash, e.hash
        FROM events e JOIN streams s ON s.id = e.stream
        """

    func collect(_ sql: String, _ values: [SQLValue], limit: Int = .max) throws(StoreError) -> [RecordedEvent] {
        do {
            let statement = try db.statement(sql)
            defer { statement.reset() }
            try statement.bind(values)
            var events: [RecordedEvent] = []
            while events.count < limit, try statement.step() {
                events.append(try row(statement))
            }
            return events
        } catch let error as StoreError {
            throw error
        } catch let error as SQLiteError {
            throw StoreError(error, path: path)
        } catch {
            throw StoreError.io(path: path, detail: "\(error)")
        }
    }

    private func row(_ s: PreparedStatement) throws(StoreError) -> RecordedEvent {
        let occurred = s.text(8), recorded = s.text(9)
        guard let occurredAt = Instant(iso: occurred), let recordedAt = Instant(iso: recorded) else {
            throw StoreError.corrupt(path: path, detail: "event \(s.int64(0)) has an unreadable time")
        }
        return RecordedEvent(position: s.int64(0), eventId: s.text(1), streamId: s.text(2), streamVersion: Int(s.int64(3)),
                             type: s.text(4), schemaVersion: Int(s.int64(5)), payload: s.text(6), metadata: s.text(7),
                             occurredAt: occurredAt, recordedAt: recordedAt, previousHash: s.blob(10), hash: s.blob(11))
    }

    public func read(from position: Int64, limit: Int) throws(StoreError) -> [RecordedEvent] {
        try collect(SQLiteEventStore.selectColumns + " WHERE e.position >= ? ORDER BY e.position LIMIT ?",
                    [.integer(position), .integer(Int64(max(0, limit)))])
    }

    public func readStream(_ stream: String, from version: Int = 1) throws(StoreError) -> [RecordedEvent] {
        try collect(SQLiteEventStore.selectColumns
                    + " WHERE e.stream = (SELECT id FROM streams WHERE name = ?) AND e.stream_version >= ? ORDER BY e.stream_version",
                    [.text(stream), .integer(Int64(version))])
    }

    public func event(atPosition position: Int64) throws(StoreError) -> RecordedEvent? {
        try collect(SQLiteEventStore.selectColumns + " WHERE e.position = ?", [.integer(position)]).first
    }

    public func event(withId id: String) throws(StoreError) -> RecordedEvent? {
        try collect(SQLiteEventStore.selectColumns + " WHERE e.event_id = ?", [.text(id)]).first
    }

    /// The current version of a stream; 0 when it has no events.
    public func streamVersion(_ stream: String) throws(StoreError) -> Int {
        try wrap { Int(try db.integer("SELECT version FROM streams WHERE name = ?", [.text(stream)]) ?? 0) }
    }

    public func count() throws(StoreError) -> Int64 {
        try wrap { try db.integer("SELECT count(*) FROM events") ?? 0 }
    }

    /// Visits every event from `position` on, in pages, without holding the whole log in memory.
    public func forEach(from position: Int64 = 1, pageSize: Int = 2000,
                        _ body: (RecordedEvent) throws -> Void) throws {
        var next = position
        while true {
            let page = try read(from: next, limit: pageSize)
            for event in page { try body(event) }
            guard let last = page.last, page.count == pageSize else { return }
            next = last.position + 1
        }
    }

    /// Goals whose place counts in `quarter`: active or completed (dropped goals free theirs).
    public func goalKeys(in quarter: Quarter) throws(StoreError) -> [String] {
        try wrap {
            let statement = try db.statement("SELECT key FROM goal_index WHERE quarter = ? AND status != 'dropped' ORDER BY key")
            defer { statement.reset() }
            try statement.bind([.text(quarter.description)])
            var keys: [String] = []
            while try statement.step() { keys.append(statement.text(0)) }
            return keys
        }
    }

    func wrap<T>(_ body: () throws -> T) throws(StoreError) -> T {
        do {
            return try body()
        } catch let error as StoreError {
            throw error
        } catch let error as SQLiteError {
            throw StoreError(error, path: path)
        } catch {
            throw StoreError.io(path: path, detail: "\(error)")
        }
    }

    // MARK: - Verifying

    /// Recomputes the hash chain from the first event and names the first position that does not check out.
    public func verify() throws(StoreError) -> VerifyResult {
        try wrap {
            try db.readTransaction {
                let statement = try db.statement("""
                    SELECT e.position, e.event_id, s.name, e.stream_version, e.event_type, e.schema_version, e.payload,
                           e.metadata, e.occurred_at, e.recorded_at, e.previous_hash, e.hash
                    FROM events e LEFT JOIN streams s ON s.id = e.stream ORDER BY e.position
                    """)
                defer { statement.reset() }
                var previous = HashChain.genesis
                var expectedPosition: Int64 = 1
                var count: Int64 = 0
                while try statement.step() {
                    let position = statement.int64(0)
                    if position != expectedPosition {
                        return .broken(position: expectedPosition, reason: position > expectedPosition
                                       ? "the event at this position is missing (deleted)"
                                       : "positions are out of order")
                    }
                    if statement.blob(10) != previous {
                        return .broken(position: position, reason: "it does not chain to the event before it (an event was removed, inserted or reordered)")
                    }
                    let computed = HashChain.hash(
                        previous: previous, position: position, eventId: statement.text(1), streamId: statement.text(2),
                        streamVersion: Int(statement.int64(3)), type: statement.text(4), schemaVersion: Int(statement.int64(5)),
                        payload: statement.text(6), metadata: statement.text(7), occurredAt: statement.text(8),
                        recordedAt: statement.text(9))
                    if computed != statement.blob(11) {
                        return .broken(position: position, reason: "its content does not match its hash (it was altered)")
                    }
                    previous = computed
                    expectedPosition += 1
                    count += 1
                }
                return .ok(count: count, head: previous)
            }
        }
    }
}

extension StoreError {
    /// Maps SQLite's failures to what a user can act on.
    init(_ error: SQLiteError, path: String) {
        if error.isBusy {
            self = .busy(path: path)
        } else if error.isReadOnly {
            self = .readOnly(path: path, detail: error.message)
        } else if error.isFull {
            self = .diskFull(path: path)
        } else if error.isNotADatabase {
            self = .notAJournal(path: path, reason: "not an SQLite database")
        } else if error.isCorrupt {
            self = .corrupt(path: path, detail: error.message)
        } else if error.isCantOpen || error.isIO {
            self = .io(path: path, detail: error.message)
        } else {
            self = .sqlite(error)
        }
    }
}
