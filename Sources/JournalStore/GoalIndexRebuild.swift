import JournalDomain

extension SQLiteEventStore {
    /// Remakes the goal index rows of the goal streams `names` from their events, inside the caller's write
    /// transaction: the one place the goal index is written.
    func updateGoalIndex(_ names: [String]) throws {
        guard !names.isEmpty else { return }
        let upsert = try db.statement("INSERT INTO goal_index (key, quarter, status, shown) VALUES (?, ?, ?, ?) ON CONFLICT(key) DO UPDATE SET quarter = excluded.quarter, status = excluded.status, shown = excluded.shown")
        defer { upsert.reset() }
        let alias = try db.statement("INSERT OR IGNORE INTO goal_keys (alias, goal) VALUES (?, ?)")
        defer { alias.reset() }
        for name in names {
            guard let key = GoalIndexEntry.key(ofStream: name) else { continue }
            try db.run("DELETE FROM goal_keys WHERE goal = ?", [.text(key)])
            if let entry = try GoalIndexUpkeep.entry(of: try readStream(name)) {
                upsert.reset()
                // An unrenamed goal keeps NULL, as every row written before renames existed.
                try upsert.bind([.text(entry.key), .text(entry.quarter.description), .text(entry.status.rawValue),
                                 entry.shownKey == entry.key ? .null : .text(entry.shownKey)])
                while try upsert.step() {}
                for row in StoredGoalKeyRow.rows(entry) {
                    alias.reset()
                    try alias.bind([.text(row.alias), .text(row.goal)])
                    while try alias.step() {}
                }
            } else {
                try db.run("DELETE FROM goal_index WHERE key = ?", [.text(key)])
            }
        }
    }

    /// Remakes the tables decisions read besides the log, inside the caller's write transaction: the goal index
    /// (every goal stream's `GoalIndexEntry`) and each stream's version (its last event's). Both are derived from
    /// the log; an edited copy would otherwise steer decisions ("three goals a quarter") and appends.
    func remakeGoalIndex() throws {
        try db.execute("DELETE FROM goal_index")
        try db.execute("DELETE FROM goal_keys")
        try updateGoalIndex(try goalStreamNames())
        try db.execute("UPDATE streams SET version = (SELECT coalesce(max(stream_version), 0) FROM events WHERE stream = streams.id)")
    }

    /// Every goal stream's name, in name order.
    func goalStreamNames() throws -> [String] {
        let prefix = StreamName.goal("")
        return try streamNames(prefix: prefix).filter { GoalIndexEntry.key(ofStream: $0) != nil }
    }
}
