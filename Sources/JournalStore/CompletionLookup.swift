import JournalDomain

/// The two cheap lookups shell completion needs (see JournalCLI's Completion folder): which goal keys exist,
/// and which streams have a name of a kind. Both read small tables through their keys, never the event log.
extension SQLiteEventStore {
    /// Goal keys in the goal index, in key order; with `status`, only goals in that state.
    public func goalKeys(status: GoalStatus?) throws(StoreError) -> [String] {
        try wrap {
            let sql = "SELECT key FROM goal_index" + (status == nil ? "" : " WHERE status = ?") + " ORDER BY key"
            let statement = try db.statement(sql)
            defer { statement.reset() }
            try statement.bind(status.map { [.text($0.rawValue)] } ?? [])
            var keys: [String] = []
            while try statement.step() { keys.append(statement.text(0)) }
            return keys
        }
    }

    /// Names of the streams that start with `prefix` (e.g. every direction's), in name order.
    public func streamNames(prefix: String) throws(StoreError) -> [String] {
        try wrap {
            let statement = try db.statement("SELECT name FROM streams WHERE name >= ? AND name < ? ORDER BY name")
            defer { statement.reset() }
            try statement.bind([.text(prefix), .text(prefix + "\u{10FFFF}")])
            var names: [String] = []
            while try statement.step() { names.append(statement.text(0)) }
            return names
        }
    }
}
