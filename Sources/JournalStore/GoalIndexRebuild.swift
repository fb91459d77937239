import JournalDomain

extension SQLiteEventStore {
    /// Remakes the goal index rows of the goal streams `names` from their events, inside the caller's write
    /// transaction: the one place the goal index is written.
    func updateGoalIndex(_ names: [String]) throws {
        guard !names.isEmpty else { return }
        let upsert = try db.statement("INSERT INTO goal_index (key, quarter, status) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET quarter = excluded.quarter, status = excluded.status")
        defer { upsert.reset() }
        for name in names {
            guard let key = GoalIndexEntry.key(ofStream: name) else { continue }
            if let entry = try GoalIndexUpkeep.entry(of: try readStream(name)) {
                upsert.reset()
                try upsert.bind([.text(entry.key), .text(entry.quarter.description), .text(entry.status.rawValue)])
                while try upsert.step() {}
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
        try updateGoalIndex(try goalStreamNames())
        try db.execute("UPDATE streams SET version = (SELECT coalesce(max(stream_version), 0) FROM events WHERE stream = streams.id)")
    }

    /// Every goal stream's name, in name order.
    func goalStreamNames() throws -> [String] {
        let prefix = StreamName.goal("")
        return try streamNames(prefix: prefix).filter { GoalIndexEntry.key(ofStream: $0) != nil }
    }
}
