/// The journal's SQLite schema, as ordered migrations. PRAGMA user_version holds the last one applied;
/// PRAGMA application_id marks the file as a journal.
enum Schema {
    /// 'JRNL'
    static let applicationID: Int64 = 0x4A52_4E4C
    static var currentVersion: Int { migrations.count }

    static let migrations: [String] = [
        // 1: the event log, its streams, immutability triggers, and the goal index decisions read.
        """
        CREATE TABLE streams (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            version INTEGER NOT NULL CHECK (version >= 0)
        );
        CREATE TABLE events (
            position INTEGER PRIMARY KEY AUTOINCREMENT,
            event_id TEXT NOT NULL UNIQUE,
            stream INTEGER NOT NULL REFERENCES streams(id),
            stream_version INTEGER NOT NULL CHECK (stream_version >= 1),
            event_type TEXT NOT NULL,
            schema_version INTEGER NOT NULL,
            payload TEXT NOT NULL CHECK (json_valid(payload)),
            metadata TEXT NOT NULL CHECK (json_valid(metadata)),
            occurred_at TEXT NOT NULL,
            recorded_at TEXT NOT NULL,
            previous_hash BLOB NOT NULL,
            hash BLOB NOT NULL,
            UNIQUE (stream, stream_version)
        );
        CREATE TRIGGER events_are_immutable_update BEFORE UPDATE ON events
        BEGIN SELECT RAISE(ABORT, 'events are immutable: record a correction (journal log retract) instead'); END;
        CREATE TRIGGER events_are_immutable_delete BEFORE DELETE ON events
        BEGIN SELECT RAISE(ABORT, 'events are immutable: record a correction (journal log retract) instead'); END;
        CREATE TABLE goal_index (
            key TEXT PRIMARY KEY,
            quarter TEXT NOT NULL,
            status TEXT NOT NULL
        ) WITHOUT ROWID;
        CREATE INDEX goal_index_by_quarter ON goal_index (quarter, status);
        """,
        // 2: projection state. Derived from the log, never a source of truth: rebuilt whenever it is missing,
        // out of date with the code, or asked for (journal rebuild).
        """
        CREATE TABLE projection_state (
            name TEXT PRIMARY KEY,
            position INTEGER NOT NULL,
            code_version INTEGER NOT NULL
        ) WITHOUT ROWID;
        CREATE TABLE projection_partitions (
            key TEXT PRIMARY KEY,
            events BLOB NOT NULL
        );
        """,
        // 3: renamed goals (journal log revise GOAL --key NEW). Derived from the log like the goal index: the key
        // each goal is shown by (NULL: its identity, as every row written before this had) and every other key
        // that names it. A journal from before has renamed nothing, so neither needs filling in.
        """
        ALTER TABLE goal_index ADD COLUMN shown TEXT;
        CREATE TABLE goal_keys (
            alias TEXT NOT NULL,
            goal TEXT NOT NULL,
            PRIMARY KEY (alias, goal)
        ) WITHOUT ROWID;
        """,
        // 4: the remotes `journal sync` talks to (docs/sync.md): a name, its URL (never with a password), the last
        // server position pulled and the last local position pushed. Local settings, not facts: not in the log.
        """
        CREATE TABLE remotes (
            name TEXT PRIMARY KEY,
            url TEXT NOT NULL,
            pulled INTEGER NOT NULL DEFAULT 0,
            pushed INTEGER NOT NULL DEFAULT 0
        ) WITHOUT ROWID;
        """,
    ]
}
