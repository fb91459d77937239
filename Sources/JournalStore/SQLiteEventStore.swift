import CSQLite
import JournalDomain
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The embedded event log: one SQLite file in WAL mode with synchronous=FULL.
public final class SQLiteEventStore: JournalStorage {
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
        } else if let kind = SQLiteEventStore.notAFileKind(info.st_mode) {
            // SQLite would open a device or a FIFO and make its rollback journal beside it (/dev/null-journal).
            throw StoreError.notAJournal(path: path, reason: "it is \(kind)")
        }
        do {
            if exists, let snapshot = SQLiteEventStore.readOnlySnapshotURI(path) {
                db = try SQLiteDatabase(path: snapshot, flags: SQLITE_OPEN_READONLY | SQLITE_OPEN_URI)
            } else {
                db = try SQLiteDatabase(path: path, flags: SQLITE_OPEN_READWRITE)
            }
        } catch {
            throw StoreError(error, path: path)
        }
        sqlite3_busy_timeout(db.handle, SQLiteEventStore.busyTimeoutMilliseconds)
        // While another process creates the journal and switches it to WAL, SQLite can answer "busy" at once,
        // without waiting through the busy timeout: try again, for as long as that timeout would have waited.
        var waited: Int32 = 0
        while true {
            do {
                try checkSchema(mode: mode)
                return
            } catch StoreError.busy(let busyPath) {
                guard waited < SQLiteEventStore.busyTimeoutMilliseconds else { throw StoreError.busy(path: busyPath) }
                let pause = Int32.random(in: 5...25)
                usleep(useconds_t(pause * 1000))
                waited += pause
            }
        }
    }

    /// What a path that is no regular file is ("a folder", "a device"), nil for a regular file.
    public static func notAFileKind(_ mode: mode_t) -> String? {
        switch mode & S_IFMT {
        case S_IFREG: return nil
        case S_IFDIR: return "a folder"
        case S_IFCHR, S_IFBLK: return "a device"
        case S_IFIFO: return "a named pipe"
        case S_IFSOCK: return "a socket"
        default: return "not a regular file"
        }
    }

    /// A journal in a folder this user cannot write, with no write-ahead log beside it (its last writer closed it),
    /// is opened as an immutable snapshot: SQLite cannot create the WAL index it needs to read a WAL journal
    /// there, and nothing can be written anyway. nil for every other journal (opened as usual).
    static func readOnlySnapshotURI(_ path: String) -> String? {
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { $0 == path.startIndex ? "/" : String(path[..<$0]) } ?? "."
        var info = stat()
        guard access(folder, W_OK) != 0, stat(path + "-wal", &info) != 0 else { return nil }
        var escaped = ""
        for character in path.unicodeScalars {
            switch character {
            case "%": escaped += "%25"
            case "?": escaped += "%3f"
            case "#": escaped += "%23"
            default: escaped.unicodeScalars.append(character)
            }
        }
        return "file:" + escaped + "?immutable=1"
    }

    /// Checks the file is a journal of this schema, migrating an older one.
    private func checkSchema(mode: OpenMode) throws(StoreError) {
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
        var events: [RecordedEvent] = []
        try collect(sql, values, limit: limit, into: &events)
        return events
    }

    /// Appends the rows to `events` (forEach reuses one page's memory for the next).
    func collect(_ sql: String, _ values: [SQLValue], limit: Int, into events: inout [RecordedEvent]) throws(StoreError) {
        do {
            let statement = try db.statement(sql)
            defer { statement.reset() }
            try statement.bind(values)
            // One lock of the connection for the rows rather than two per column read (SQLite's own calls
            // re-enter it cheaply: it is recursive). Nothing else can use the connection meanwhile anyway.
            let mutex = sqlite3_db_mutex(db.handle)
            sqlite3_mutex_enter(mutex)
            defer { sqlite3_mutex_leave(mutex) }
            var previous = PreviousRow()
            var count = 0
            while count < limit, try statement.step() {
                events.append(try row(statement, &previous))
                count += 1
            }
        } catch let error as StoreError {
            throw error
        } catch let error as SQLiteError {
            throw StoreError(error, path: path)
        } catch {
            throw StoreError.io(path: path, detail: "\(error)")
        }
    }

    /// One event from the statement's current row. Consecutive events often share their stream, type, metadata
    /// and recorded time, and an event's previous hash is normally the hash of the one before: when the stored
    /// bytes are the same as the previous row's, those values are shared instead of being made again.
    private func row(_ s: PreparedStatement, _ previous: inout PreviousRow) throws(StoreError) -> RecordedEvent {
        let columns = RowColumns(s)
        guard let occurredAt = columns.instant(8, &previous.occurredAt),
              let recordedAt = columns.instant(9, &previous.recordedAt) else {
            throw StoreError.corrupt(path: path, detail: "event \(columns.int64(0)) has an unreadable time")
        }
        let hash = columns.blob(11)
        let event = RecordedEvent(position: columns.int64(0), eventId: columns.text(1),
                                  streamId: columns.text(2, reusing: &previous.streamId),
                                  streamVersion: Int(columns.int64(3)), type: columns.text(4, reusing: &previous.type),
                                  schemaVersion: Int(columns.int64(5)), payload: columns.text(6),
                                  metadata: columns.text(7, reusing: &previous.metadata), occurredAt: occurredAt,
                                  recordedAt: recordedAt, previousHash: columns.blob(10, reusing: previous.hash),
                                  hash: hash)
        previous.hash = hash
        return event
    }

    public func read(from position: Int64, limit: Int) throws(StoreError) -> [RecordedEvent] {
        try collect(SQLiteEventStore.selectColumns + " WHERE e.position >= ? ORDER BY e.position LIMIT ?",
                    [.integer(position), .integer(Int64(max(0, limit)))])
    }

    public func readStream(_ stream: String, from version: Int) throws(StoreError) -> [RecordedEvent] {
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
        var page: [RecordedEvent] = []
        if pageSize <= 10_000 { page.reserveCapacity(pageSize) }
        while true {
            // What read(from:limit:) reads, into the same memory every time.
            page.removeAll(keepingCapacity: true)
            try collect(SQLiteEventStore.selectColumns + " WHERE e.position >= ? ORDER BY e.position LIMIT ?",
                        [.integer(next), .integer(Int64(max(0, pageSize)))], limit: pageSize, into: &page)
            guard let last = page.last?.position else { return }
            let complete = page.count == pageSize
            try page.handEach(leaving: RecordedEvent.placeholder, to: body)
            guard complete else { return }
            next = last + 1
        }
    }

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
        } catch {
            throw storeError(error)
        }
    }

    /// Any error as the store reports it.
    func storeError(_ error: Error) -> StoreError {
        switch error {
        case let error as StoreError: return error
        case let error as SQLiteError: return StoreError(error, path: path)
        default: return StoreError.io(path: path, detail: "\(error)")
        }
    }

    // MARK: - Verifying

    /// Recomputes the hash chain from the first event and names the first position that does not check out.
    /// The position of the event whose chain hash is `hash`, if the log holds one. After `verify()` has found the
    /// chain intact, a head hash recorded earlier that is still found here proves that nothing up to it was cut
    /// off or rewritten; one that is not found proves that something was.
    public func position(ofChainHash hash: [UInt8]) throws(StoreError) -> Int64? {
        try wrap { try db.integer("SELECT position FROM events WHERE hash = ? ORDER BY position LIMIT 1", [.blob(hash)]) }
    }

    public func verify() throws(StoreError) -> VerifyResult { try verify(progress: nil) }

    /// The chain check, reporting the events checked a chunk at a time to `progress`.
    public func verify(progress: ProgressHandler?) throws(StoreError) -> VerifyResult {
        let total = progress == nil ? 0 : try count()
        return try wrap {
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
                    if let progress, count % progressChunk == 0 { progress(count, total) }
                }
                progress?(count, total)
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

extension Array {
    /// Calls `body` with each element in order, moving it out of the array and leaving `placeholder` (a value
    /// that owns nothing) in its place: the element is handed over without being copied (no reference counting
    /// for each of its strings). The array keeps its count; only placeholders remain of what was handed over.
    mutating func handEach(leaving placeholder: Element, to body: (Element) throws -> Void) rethrows {
        try withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            for index in 0..<buffer.count {
                let element = (base + index).move()
                (base + index).initialize(to: placeholder)
                try body(element)
            }
        }
    }
}

extension RecordedEvent {
    /// What a handed-over event leaves in its page: owns nothing.
    static let placeholder = RecordedEvent(position: 0, eventId: "", streamId: "", streamVersion: 0, type: "", schemaVersion: 0,
                                           payload: "", metadata: "", occurredAt: Instant(millisecondsSinceEpoch: 0),
                                           recordedAt: Instant(millisecondsSinceEpoch: 0), previousHash: [], hash: [])
}

/// What `row` may share with the row before.
struct PreviousRow {
    var streamId = ""
    var type = ""
    var metadata = ""
    var hash: [UInt8] = []
    var occurredAt = TimeText()
    var recordedAt = TimeText()
}

/// A stored time in its canonical 24-byte form, and what it parsed to.
struct TimeText {
    var words: (UInt64, UInt64, UInt64) = (0, 0, 0)
    var instant: Instant?

    /// The instant in `bytes` (nil when unreadable), as `Instant(iso: String(decoding: bytes, as: UTF8.self))`;
    /// the same stored form as the time before is not parsed again.
    mutating func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Instant? {
        guard bytes.count == 24, let base = bytes.baseAddress else { return Instant(isoUTF8: bytes) }
        let raw = UnsafeRawPointer(base)
        let words = (raw.loadUnaligned(as: UInt64.self), raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self),
                     raw.loadUnaligned(fromByteOffset: 16, as: UInt64.self))
        if let instant, words == self.words { return instant }
        let parsed = Instant(isoUTF8: bytes)
        self = TimeText(words: words, instant: parsed)
        return parsed
    }
}

/// `previous` itself (no new allocation) when `bytes` are exactly its UTF-8; otherwise the text of the bytes,
/// which becomes `previous`. The same value as `String(decoding: bytes, as: UTF8.self)` either way.
func sharedText(_ bytes: UnsafeBufferPointer<UInt8>, reusing previous: inout String) -> String {
    let same = previous.utf8.count == bytes.count && previous.withUTF8 { existing in
        guard let mine = existing.baseAddress, let stored = bytes.baseAddress else { return bytes.isEmpty }
        return memcmp(mine, stored, bytes.count) == 0
    }
    if !same { previous = String(decoding: bytes, as: UTF8.self) }
    return previous
}

/// The columns of a statement's current row, read through `sqlite3_column_value`: one call per column instead
/// of two, and no string is made for the times. SQLite calls such values unprotected: they are read right away,
/// before the statement steps again, by the thread holding the connection's mutex (the readers above take it
/// for all their rows). Each reader gives the same value as PreparedStatement's reader of the same name.
struct RowColumns {
    let handle: OpaquePointer

    init(_ statement: PreparedStatement) { handle = statement.handle }

    func int64(_ column: Int32) -> Int64 { sqlite3_value_int64(sqlite3_column_value(handle, column)) }

    /// The text as UTF-8 bytes (a pointer into SQLite's row, valid until the next step), nil for NULL.
    func utf8(_ column: Int32) -> UnsafeBufferPointer<UInt8>? {
        let value = sqlite3_column_value(handle, column)
        guard let pointer = sqlite3_value_text(value) else { return nil }
        return UnsafeBufferPointer(start: pointer, count: Int(sqlite3_value_bytes(value)))
    }

    func text(_ column: Int32) -> String {
        guard let bytes = utf8(column) else { return "" }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The text, shared with `previous` when it is the same (see `sharedText(_:reusing:)`).
    func text(_ column: Int32, reusing previous: inout String) -> String {
        guard let bytes = utf8(column) else { return "" }
        return sharedText(bytes, reusing: &previous)
    }

    func blob(_ column: Int32) -> [UInt8] {
        let value = sqlite3_column_value(handle, column)
        guard let pointer = sqlite3_value_blob(value) else { return [] }
        let count = Int(sqlite3_value_bytes(value))
        return count > 0 ? Array(UnsafeRawBufferPointer(start: pointer, count: count)) : []
    }

    /// `candidate` itself when the stored bytes are the same.
    func blob(_ column: Int32, reusing candidate: [UInt8]) -> [UInt8] {
        let value = sqlite3_column_value(handle, column)
        guard let pointer = sqlite3_value_blob(value) else { return [] }
        let count = Int(sqlite3_value_bytes(value))
        guard count > 0 else { return [] }
        let same = count == candidate.count && candidate.withUnsafeBytes { existing in
            existing.baseAddress.map { memcmp($0, pointer, count) == 0 } ?? false
        }
        return same ? candidate : Array(UnsafeRawBufferPointer(start: pointer, count: count))
    }

    /// The instant stored as text, parsed from its bytes (nil when unreadable), as `Instant(iso: text(column))`.
    func instant(_ column: Int32, _ previous: inout TimeText) -> Instant? {
        guard let bytes = utf8(column) else { return Instant(iso: "") }
        return previous.parse(bytes)
    }
}
