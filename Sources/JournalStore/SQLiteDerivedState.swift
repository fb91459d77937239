import CSQLite
import JournalDomain

extension SQLiteEventStore {
    /// The derived tables' rows as the file holds them, read in one snapshot.
    public func storedDerivedState() throws(StoreError) -> StoredDerivedState {
        try wrap {
            try inReadSnapshot {
                var goalIndex: [StoredGoalIndexRow] = []
                let index = try db.statement("SELECT key, quarter, status, coalesce(shown, key) FROM goal_index ORDER BY key")
                defer { index.reset() }
                while try index.step() {
                    goalIndex.append(StoredGoalIndexRow(key: index.text(0), quarter: index.text(1), status: index.text(2),
                                                        shown: index.text(3)))
                }
                var goalKeys: [StoredGoalKeyRow] = []
                let keys = try db.statement("SELECT alias, goal FROM goal_keys ORDER BY alias, goal")
                defer { keys.reset() }
                while try keys.step() { goalKeys.append(StoredGoalKeyRow(alias: keys.text(0), goal: keys.text(1))) }
                var versions: [String: Int] = [:]
                let streams = try db.statement("SELECT name, version FROM streams")
                defer { streams.reset() }
                while try streams.step() { versions[streams.text(0)] = Int(streams.int64(1)) }
                var checkpoints: [String: ProjectionCheckpoint] = [:]
                let states = try db.statement("SELECT name, position, code_version FROM projection_state")
                defer { states.reset() }
                while try states.step() {
                    checkpoints[states.text(0)] = ProjectionCheckpoint(position: states.int64(1), codeVersion: Int(states.int64(2)))
                }
                var partitions: [String: [Int64]?] = [:]
                let stored = try db.statement("SELECT key, events FROM projection_partitions")
                defer { stored.reset() }
                while try stored.step() {
                    let value = sqlite3_column_value(stored.handle, 1)
                    let raw = UnsafeRawBufferPointer(start: sqlite3_value_blob(value), count: Int(sqlite3_value_bytes(value)))
                    partitions[stored.text(0)] = .some(PositionList.positions(raw))
                }
                return StoredDerivedState(goalIndex: goalIndex, streamVersions: versions, checkpoints: checkpoints,
                                          partitions: partitions, goalKeys: goalKeys)
            }
        }
    }
}
