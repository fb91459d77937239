import JournalDomain

/// The two cheap lookups shell completion needs (see JournalCLI's Completion folder): which goal keys exist,
/// and which streams have a name of a kind. Both read small tables through their keys, never the event log.
extension SQLiteEventStore {
    /// The keys goals are shown by, in key order; with `status`, only goals in that state.
    public func goalKeys(status: GoalStatus?) throws(StoreError) -> [String] {
        try wrap {
            let sql = "SELECT coalesce(shown, key) AS k FROM goal_index" + (status == nil ? "" : " WHERE status = ?") + " ORDER BY k"
            let statement = try db.statement(sql)
            defer { statement.reset() }
            try statement.bind(status.map { [.text($0.rawValue)] } ?? [])
            var keys: [String] = []
            while try statement.step() { keys.append(statement.text(0)) }
            return keys
        }
    }

    /// The goal `key` names (see `DecisionIndex.goalHolding(key:)`): two lookups through the tables' keys.
    public func goalHolding(key: String) throws(StoreError) -> KeyHolder? {
        try wrap {
            let own = try db.statement("SELECT key, coalesce(shown, key) FROM goal_index WHERE key = ?")
            defer { own.reset() }
            try own.bind([.text(key)])
            if try own.step() { return KeyHolder(goal: own.text(0), shownKey: own.text(1)) }
            let alias = try db.statement("SELECT g.key, coalesce(g.shown, g.key) FROM goal_keys a JOIN goal_index g ON g.key = a.goal WHERE a.alias = ? ORDER BY g.key LIMIT 1")
            defer { alias.reset() }
            try alias.bind([.text(key)])
            if try alias.step() { return KeyHolder(goal: alias.text(0), shownKey: alias.text(1)) }
            return nil
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
