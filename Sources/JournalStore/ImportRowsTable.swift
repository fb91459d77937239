import CSQLite

/// Hands an import's rows to SQLite as a virtual table, so that one INSERT ... SELECT stores them all. One
/// INSERT per event costs a statement run each: its setup, AUTOINCREMENT's read and write of sqlite_sequence
/// and twelve binds, about a third of what SQLite spends on an import. The table's columns are the events
/// table's, in the order of `columns`; the row is computed by `ImportPlan` as SQLite asks for it.
enum ImportRowsTable {
    static let name = "journal_import_rows"
    static let columns = "position, event_id, stream, stream_version, event_type, schema_version, payload, metadata, "
        + "occurred_at, recorded_at, previous_hash, hash"

    /// Stores every row of `plan`, returning where they leave the log. A row SQLite refuses (a constraint)
    /// fails the statement and undoes all of its rows.
    static func insert(_ plan: ImportPlan, into db: SQLiteDatabase) throws(SQLiteError) -> ImportPlan.Start {
        let box = PlanBox(plan)
        var rc = sqlite3_create_module_v2(db.handle, name, module, Unmanaged.passUnretained(box).toOpaque(), nil)
        guard rc == SQLITE_OK else { throw db.error(rc) }
        // Dropped (after the statement is finalized) before `box` goes, so nothing can reach it later.
        defer { sqlite3_create_module_v2(db.handle, name, nil, nil, nil) }
        var statement: OpaquePointer?
        rc = sqlite3_prepare_v2(db.handle, "INSERT INTO events (\(columns)) SELECT \(columns) FROM \(name)", -1, &statement, nil)
        guard rc == SQLITE_OK, let statement else { throw db.error(rc) }
        defer { sqlite3_finalize(statement) }
        rc = withExtendedLifetime(box) { sqlite3_step(statement) }
        guard rc == SQLITE_DONE else { throw db.error(rc) }
        if let end = box.end { return end }
        // (SQLite reads to the end of an INSERT ... SELECT that succeeds; were it not so, walk the rows here.)
        var rest = plan
        repeat { rest.advance() } while rest.row != nil
        return rest.state
    }

    /// Never freed: SQLite disconnects a dropped module's table lazily, at the connection's next statement,
    /// through this struct.
    nonisolated(unsafe) private static let module: UnsafeMutablePointer<sqlite3_module> = {
        let module = UnsafeMutablePointer<sqlite3_module>.allocate(capacity: 1)
        module.initialize(to: makeModule())
        return module
    }()

    /// The plan the table serves; each cursor walks its own copy.
    final class PlanBox {
        let plan: ImportPlan
        /// Where the rows leave the log, once a cursor has walked them all.
        var end: ImportPlan.Start?
        init(_ plan: ImportPlan) { self.plan = plan }
    }

    final class Cursor {
        let box: PlanBox
        // Only SQLite's calls, one at a time, touch these: no need for Swift's run-time exclusivity checks
        // (twelve columns of a million rows).
        @exclusivity(unchecked) private var plan: ImportPlan
        @exclusivity(unchecked) private(set) var hasRow = false
        /// The current row, where each column is read in place (a copy of the whole row for every column
        /// would cost more than the column).
        private let row = UnsafeMutablePointer<ImportPlan.Row>.allocate(capacity: 1)

        init(_ box: PlanBox) {
            self.box = box
            plan = box.plan
        }

        deinit {
            if hasRow { row.deinitialize(count: 1) }
            row.deallocate()
        }

        func restart() {
            plan = box.plan
            advance()
        }

        func advance() {
            plan.advance()
            if hasRow { row.deinitialize(count: 1) }
            hasRow = plan.row != nil
            if let next = plan.row { row.initialize(to: next) } else { box.end = plan.state }
        }

        var index: Int { hasRow ? row.pointee.index : 0 }

        func result(_ context: OpaquePointer?, column: Int32) -> Int32 {
            guard hasRow else { return SQLITE_ERROR }
            switch column {
            case 0: sqlite3_result_int64(context, row.pointee.position)
            case 1: ImportRowsTable.result(context, text: row.pointee.event.eventId)
            case 2: sqlite3_result_int64(context, row.pointee.streamRowID)
            case 3: sqlite3_result_int64(context, Int64(row.pointee.streamVersion))
            case 4: ImportRowsTable.result(context, text: row.pointee.event.type)
            case 5: sqlite3_result_int64(context, Int64(row.pointee.event.schemaVersion))
            case 6: ImportRowsTable.result(context, text: row.pointee.event.payload)
            case 7: ImportRowsTable.result(context, text: row.pointee.event.metadata)
            case 8: ImportRowsTable.result(context, text: row.pointee.event.occurredAt)
            case 9: ImportRowsTable.result(context, text: row.pointee.event.recordedAt)
            case 10: row.pointee.withPreviousHash { ImportRowsTable.result(context, blob: $0) }
            case 11: row.pointee.hash.withUnsafeBytes { ImportRowsTable.result(context, blob: $0) }
            default: return SQLITE_ERROR
            }
            return SQLITE_OK
        }
    }

    /// The caller's bytes as they are (SQLITE_STATIC): they outlive the statement.
    private static func result(_ context: OpaquePointer?, text bytes: UnsafeBufferPointer<UInt8>) {
        bytes.withMemoryRebound(to: CChar.self) { chars in
            sqlite3_result_text(context, chars.baseAddress ?? PreparedStatement.empty, Int32(chars.count), nil)
        }
    }

    /// Copied: the hashes live in the cursor, which moves on.
    private static func result(_ context: OpaquePointer?, blob bytes: UnsafeRawBufferPointer) {
        sqlite3_result_blob(context, bytes.baseAddress ?? UnsafeRawPointer(PreparedStatement.empty), Int32(bytes.count),
                            PreparedStatement.transient)
    }

    // MARK: - The module: SQLite's structs, each followed by the pointer to its Swift object

    private static let tableSize = MemoryLayout<sqlite3_vtab>.stride
    private static let cursorSize = MemoryLayout<sqlite3_vtab_cursor>.stride

    private static func box(_ table: UnsafeMutablePointer<sqlite3_vtab>) -> PlanBox? {
        guard let pointer = UnsafeMutableRawPointer(table).load(fromByteOffset: tableSize, as: UnsafeMutableRawPointer?.self) else {
            return nil
        }
        return Unmanaged<PlanBox>.fromOpaque(pointer).takeUnretainedValue()
    }

    private static func cursor(_ cursor: UnsafeMutablePointer<sqlite3_vtab_cursor>?) -> Unmanaged<Cursor>? {
        guard let cursor,
              let pointer = UnsafeMutableRawPointer(cursor).load(fromByteOffset: cursorSize, as: UnsafeMutableRawPointer?.self) else {
            return nil
        }
        return Unmanaged<Cursor>.fromOpaque(pointer)
    }

    private static func makeModule() -> sqlite3_module {
        var module = sqlite3_module()
        // No xCreate: an eponymous table, there as soon as the module is, never in the schema.
        module.xConnect = { db, aux, _, _, table, _ in
            let rc = sqlite3_declare_vtab(db, "CREATE TABLE x(\(ImportRowsTable.columns))")
            guard rc == SQLITE_OK else { return rc }
            let memory = UnsafeMutableRawPointer.allocate(byteCount: ImportRowsTable.tableSize + MemoryLayout<UnsafeMutableRawPointer?>.stride,
                                                          alignment: MemoryLayout<UnsafeMutableRawPointer?>.alignment)
            let vtab = memory.initializeMemory(as: sqlite3_vtab.self, repeating: sqlite3_vtab(), count: 1)
            memory.storeBytes(of: aux, toByteOffset: ImportRowsTable.tableSize, as: UnsafeMutableRawPointer?.self)
            table?.pointee = vtab
            return SQLITE_OK
        }
        module.xBestIndex = { _, info in
            info?.pointee.estimatedCost = 1_000_000
            return SQLITE_OK
        }
        module.xDisconnect = { table in
            table?.deinitialize(count: 1)
            UnsafeMutableRawPointer(table)?.deallocate()
            return SQLITE_OK
        }
        module.xOpen = { table, cursorOut in
            guard let table, let box = ImportRowsTable.box(table) else { return SQLITE_ERROR }
            let memory = UnsafeMutableRawPointer.allocate(byteCount: ImportRowsTable.cursorSize + MemoryLayout<UnsafeMutableRawPointer?>.stride,
                                                          alignment: MemoryLayout<UnsafeMutableRawPointer?>.alignment)
            let cursor = memory.initializeMemory(as: sqlite3_vtab_cursor.self, repeating: sqlite3_vtab_cursor(), count: 1)
            memory.storeBytes(of: Unmanaged.passRetained(Cursor(box)).toOpaque(), toByteOffset: ImportRowsTable.cursorSize,
                              as: UnsafeMutableRawPointer?.self)
            cursorOut?.pointee = cursor
            return SQLITE_OK
        }
        module.xClose = { cursor in
            ImportRowsTable.cursor(cursor)?.release()
            cursor?.deinitialize(count: 1)
            UnsafeMutableRawPointer(cursor)?.deallocate()
            return SQLITE_OK
        }
        module.xFilter = { cursor, _, _, _, _ in
            guard let state = ImportRowsTable.cursor(cursor) else { return SQLITE_ERROR }
            state._withUnsafeGuaranteedRef { $0.restart() }
            return SQLITE_OK
        }
        module.xNext = { cursor in
            guard let state = ImportRowsTable.cursor(cursor) else { return SQLITE_ERROR }
            state._withUnsafeGuaranteedRef { $0.advance() }
            return SQLITE_OK
        }
        module.xEof = { cursor in
            guard let state = ImportRowsTable.cursor(cursor) else { return 1 }
            return state._withUnsafeGuaranteedRef { $0.hasRow } ? 0 : 1
        }
        module.xColumn = { cursor, context, column in
            guard let state = ImportRowsTable.cursor(cursor) else { return SQLITE_ERROR }
            return state._withUnsafeGuaranteedRef { $0.result(context, column: column) }
        }
        module.xRowid = { cursor, rowid in
            guard let state = ImportRowsTable.cursor(cursor) else { return SQLITE_ERROR }
            rowid?.pointee = Int64(state._withUnsafeGuaranteedRef { $0.index })
            return SQLITE_OK
        }
        return module
    }
}

extension SQLiteEventStore {
    /// Stores the plan's rows; when SQLite refuses one, names it as `appendInTransaction` does, by storing the
    /// rows again one at a time (the refused statement undid its rows) until the same refusal comes.
    func insertRows(_ plan: ImportPlan) throws -> ImportPlan.Start {
        let refusal: SQLiteError
        do {
            return try ImportRowsTable.insert(plan, into: db)
        } catch {
            guard error.isConstraint else { throw error }
            refusal = error
        }
        try insertOneByOne(plan)
        throw StoreError.invalidEvent("an event was refused by the log's constraints (\(refusal.message))")
    }

    private func insertOneByOne(_ start: ImportPlan) throws {
        var plan = start
        plan.advance()
        let insert = try db.statement(SQLiteEventStore.insertEvent)
        while let row = plan.row {
            insert.reset()
            try bind(row, to: insert)
            let refusal: SQLiteError?
            do {
                while try insert.step() {}
                refusal = nil
            } catch {
                guard error.isConstraint else { throw error }
                refusal = error
            }
            insert.reset()
            if let refusal {
                throw StoreError.invalidEvent("event \(String(decoding: row.event.eventId, as: UTF8.self)) was refused by the log's constraints (\(refusal.message))")
            }
            plan.advance()
        }
    }

    private func bind(_ row: ImportPlan.Row, to insert: PreparedStatement) throws {
        try insert.bind(1, integer: row.position)
        try insert.bind(2, utf8: row.event.eventId)
        try insert.bind(3, integer: row.streamRowID)
        try insert.bind(4, integer: Int64(row.streamVersion))
        try insert.bind(5, utf8: row.event.type)
        try insert.bind(6, integer: Int64(row.event.schemaVersion))
        try insert.bind(7, utf8: row.event.payload)
        try insert.bind(8, utf8: row.event.metadata)
        try insert.bind(9, utf8: row.event.occurredAt)
        try insert.bind(10, utf8: row.event.recordedAt)
        let previous = row.oddPrevious ?? row.previous.bytes
        try previous.withUnsafeBytes { try insert.bind(11, blob: $0) }
        try row.hash.bytes.withUnsafeBytes { try insert.bind(12, blob: $0) }
    }
}
