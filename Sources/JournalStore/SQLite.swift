import CSQLite

/// A failed SQLite call, with SQLite's extended result code and message.
public struct SQLiteError: Error, Equatable, Sendable, CustomStringConvertible {
    public let code: Int32
    public let message: String

    public var primaryCode: Int32 { code & 0xFF }
    public var isBusy: Bool { primaryCode == SQLITE_BUSY || primaryCode == SQLITE_LOCKED }
    public var isReadOnly: Bool { primaryCode == SQLITE_READONLY || primaryCode == SQLITE_PERM || primaryCode == SQLITE_AUTH }
    public var isFull: Bool { primaryCode == SQLITE_FULL }
    public var isNotADatabase: Bool { primaryCode == SQLITE_NOTADB }
    public var isCorrupt: Bool { primaryCode == SQLITE_CORRUPT }
    public var isCantOpen: Bool { primaryCode == SQLITE_CANTOPEN }
    public var isConstraint: Bool { primaryCode == SQLITE_CONSTRAINT }
    public var isIO: Bool { primaryCode == SQLITE_IOERR }

    public var description: String { "SQLite error \(code): \(message)" }
}

/// A value bound to or read from a statement.
enum SQLValue {
    case integer(Int64)
    case text(String)
    case blob([UInt8])
    case null
}

/// One connection. Statements are prepared once per connection and reused.
final class SQLiteDatabase {
    let handle: OpaquePointer
    private var cache: [String: PreparedStatement] = [:]

    init(path: String, flags: Int32) throws(SQLiteError) {
        var db: OpaquePointer?
        let rc = sqlite3_open_v2(path, &db, flags | SQLITE_OPEN_EXRESCODE, nil)
        guard rc == SQLITE_OK, let db else {
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? String(cString: sqlite3_errstr(rc))
            if let db { sqlite3_close_v2(db) }
            throw SQLiteError(code: rc, message: message)
        }
        handle = db
        sqlite3_extended_result_codes(db, 1)
    }

    deinit {
        cache.removeAll()
        sqlite3_close_v2(handle)
    }

    func error(_ rc: Int32) -> SQLiteError {
        SQLiteError(code: sqlite3_extended_errcode(handle) != 0 ? sqlite3_extended_errcode(handle) : rc,
                    message: String(cString: sqlite3_errmsg(handle)))
    }

    /// Runs SQL that returns no rows we need (schema, pragmas, transaction control).
    func execute(_ sql: String) throws(SQLiteError) {
        let rc = sqlite3_exec(handle, sql, nil, nil, nil)
        guard rc == SQLITE_OK else { throw error(rc) }
    }

    /// A cached prepared statement, reset and ready to bind.
    func statement(_ sql: String) throws(SQLiteError) -> PreparedStatement {
        if let cached = cache[sql] {
            cached.reset()
            return cached
        }
        var raw: OpaquePointer?
        let rc = sqlite3_prepare_v3(handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &raw, nil)
        guard rc == SQLITE_OK, let raw else { throw error(rc) }
        let statement = PreparedStatement(handle: raw, database: self)
        cache[sql] = statement
        return statement
    }

    /// Runs a statement to completion, returning the first column of its first row if any.
    @discardableResult
    func run(_ sql: String, _ values: [SQLValue] = []) throws(SQLiteError) -> SQLValue? {
        let statement = try self.statement(sql)
        defer { statement.reset() }
        try statement.bind(values)
        guard try statement.step() else { return nil }
        let first = statement.value(0)
        while try statement.step() {}
        return first
    }

    func integer(_ sql: String, _ values: [SQLValue] = []) throws(SQLiteError) -> Int64? {
        if case .integer(let v)? = try run(sql, values) { return v }
        return nil
    }

    var isAutocommit: Bool { sqlite3_get_autocommit(handle) != 0 }

    /// BEGIN IMMEDIATE ... COMMIT, rolled back if `body` throws. IMMEDIATE takes the write lock up front,
    /// so a decision never reads state another writer is about to change.
    func writeTransaction<T>(_ body: () throws -> T) throws -> T {
        try execute("BEGIN IMMEDIATE")
        do {
            let result = try body()
            try execute("COMMIT")
            return result
        } catch {
            if !isAutocommit { try? execute("ROLLBACK") }
            throw error
        }
    }

    /// A read transaction: one consistent snapshot for everything `body` reads.
    func readTransaction<T>(_ body: () throws -> T) throws -> T {
        try execute("BEGIN DEFERRED")
        do {
            let result = try body()
            try execute("COMMIT")
            return result
        } catch {
            if !isAutocommit { try? execute("ROLLBACK") }
            throw error
        }
    }
}

final class PreparedStatement {
    let handle: OpaquePointer
    unowned let database: SQLiteDatabase

    static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    init(handle: OpaquePointer, database: SQLiteDatabase) {
        self.handle = handle
        self.database = database
    }

    deinit { sqlite3_finalize(handle) }

    func reset() {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
    }

    func bind(_ values: [SQLValue]) throws(SQLiteError) {
        for (offset, value) in values.enumerated() {
            let index = Int32(offset + 1)
            let rc: Int32
            switch value {
            case .integer(let v): rc = sqlite3_bind_int64(handle, index, v)
            case .text(var s):
                // An explicit byte count keeps text with NUL characters whole.
                rc = s.withUTF8 { buffer in
                    guard let base = buffer.baseAddress else {
                        return sqlite3_bind_text(handle, index, "", 0, PreparedStatement.transient)
                    }
                    return base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                        sqlite3_bind_text(handle, index, $0, Int32(buffer.count), PreparedStatement.transient)
                    }
                }
            case .blob(let bytes):
                rc = bytes.withUnsafeBytes { raw in
                    sqlite3_bind_blob(handle, index, raw.baseAddress, Int32(raw.count), PreparedStatement.transient)
                }
            case .null: rc = sqlite3_bind_null(handle, index)
            }
            guard rc == SQLITE_OK else { throw database.error(rc) }
        }
    }

    /// Binds text given as UTF-8 bytes (copied by SQLite).
    func bind(_ index: Int32, utf8 bytes: UnsafeBufferPointer<UInt8>) throws(SQLiteError) {
        let rc = bytes.withMemoryRebound(to: CChar.self) { chars in
            // A NULL pointer would bind NULL, not empty text.
            sqlite3_bind_text(handle, index, chars.baseAddress ?? PreparedStatement.empty, Int32(chars.count), PreparedStatement.transient)
        }
        guard rc == SQLITE_OK else { throw database.error(rc) }
    }

    func bind(_ index: Int32, blob bytes: UnsafeRawBufferPointer) throws(SQLiteError) {
        let rc = sqlite3_bind_blob(handle, index, bytes.baseAddress ?? UnsafeRawPointer(PreparedStatement.empty), Int32(bytes.count),
                                   PreparedStatement.transient)
        guard rc == SQLITE_OK else { throw database.error(rc) }
    }

    func bind(_ index: Int32, integer value: Int64) throws(SQLiteError) {
        let rc = sqlite3_bind_int64(handle, index, value)
        guard rc == SQLITE_OK else { throw database.error(rc) }
    }

    /// Empty text that is not NULL: a literal's terminating zero.
    static var empty: UnsafePointer<CChar> { UnsafeRawPointer(("" as StaticString).utf8Start).assumingMemoryBound(to: CChar.self) }

    /// Advances; true when a row is available.
    func step() throws(SQLiteError) -> Bool {
        let rc = sqlite3_step(handle)
        switch rc {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default: throw database.error(rc)
        }
    }

    func int64(_ column: Int32) -> Int64 { sqlite3_column_int64(handle, column) }

    func text(_ column: Int32) -> String {
        guard let pointer = sqlite3_column_text(handle, column) else { return "" }
        let count = Int(sqlite3_column_bytes(handle, column))
        return String(decoding: UnsafeBufferPointer(start: pointer, count: count), as: UTF8.self)
    }

    /// The column's text as UTF-8 bytes, valid until the statement steps or resets; empty for NULL.
    func utf8(_ column: Int32) -> UnsafeBufferPointer<UInt8> {
        guard let pointer = sqlite3_column_text(handle, column) else { return UnsafeBufferPointer(start: nil, count: 0) }
        return UnsafeBufferPointer(start: pointer, count: Int(sqlite3_column_bytes(handle, column)))
    }

    func blob(_ column: Int32) -> [UInt8] {
        let count = Int(sqlite3_column_bytes(handle, column))
        guard count > 0, let pointer = sqlite3_column_blob(handle, column) else { return [] }
        return Array(UnsafeRawBufferPointer(start: pointer, count: count))
    }

    func value(_ column: Int32) -> SQLValue {
        switch sqlite3_column_type(handle, column) {
        case SQLITE_INTEGER: return .integer(int64(column))
        case SQLITE_TEXT: return .text(text(column))
        case SQLITE_BLOB: return .blob(blob(column))
        default: return .null
        }
    }
}

func lastInsertRowID(_ db: SQLiteDatabase) -> Int64 { sqlite3_last_insert_rowid(db.handle) }
