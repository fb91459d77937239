import JournalDomain

extension SQLiteEventStore {
    /// Remakes the tables decisions read besides the log, inside the caller's write transaction: the goal index
    /// (each goal stream folded by `entry`) and each stream's version (its last event's). Both are derived from the
    /// log; an edited copy would otherwise steer decisions ("three goals a quarter") and appends.
    func remakeGoalIndex(_ entry: ([RecordedEvent]) throws -> (quarter: Quarter, status: GoalStatus)?) throws {
        try db.execute("DELETE FROM goal_index")
        let select = try db.statement("SELECT name FROM streams WHERE name >= 'goal-' AND name < 'goal.' ORDER BY name")
        var names: [String] = []
        while try select.step() { names.append(select.text(0)) }
        select.reset()
        for name in names {
            guard let found = try entry(try readStream(name)) else { continue }
            try db.run("INSERT INTO goal_index (key, quarter, status) VALUES (?, ?, ?)",
                       [.text(String(name.dropFirst("goal-".count))), .text(found.quarter.description), .text(found.status.rawValue)])
        }
        try db.execute("UPDATE streams SET version = (SELECT coalesce(max(stream_version), 0) FROM events WHERE stream = streams.id)")
    }
}
