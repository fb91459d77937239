import CSQLite

/// A remote `journal sync` talks to, as this journal remembers it.
public struct StoredRemote: Equatable, Sendable {
    public var name: String
    public var url: String
    /// The last server position pulled into this journal, and the last local position pushed to the server.
    public var pulled: Int64
    public var pushed: Int64

    public init(name: String, url: String, pulled: Int64 = 0, pushed: Int64 = 0) {
        self.name = name
        self.url = url
        self.pulled = pulled
        self.pushed = pushed
    }
}

extension SQLiteEventStore {
    /// Every remote, by name.
    public func remotes() throws(StoreError) -> [StoredRemote] {
        try wrap {
            let statement = try db.statement("SELECT name, url, pulled, pushed FROM remotes ORDER BY name")
            var remotes: [StoredRemote] = []
            while try statement.step() {
                remotes.append(StoredRemote(name: statement.text(0), url: statement.text(1), pulled: statement.int64(2),
                                            pushed: statement.int64(3)))
            }
            return remotes
        }
    }

    /// Adds a remote; false when one of that name is there already (it is left as it was).
    public func addRemote(_ remote: StoredRemote) throws(StoreError) -> Bool {
        try wrap {
            try db.writeTransaction {
                guard try db.integer("SELECT count(*) FROM remotes WHERE name = ?", [.text(remote.name)]) == 0 else { return false }
                _ = try db.run("INSERT INTO remotes (name, url, pulled, pushed) VALUES (?, ?, 0, 0)",
                               [.text(remote.name), .text(remote.url)])
                return true
            }
        }
    }

    /// Removes a remote; false when there is none of that name. The events it brought stay: they are facts.
    public func removeRemote(named name: String) throws(StoreError) -> Bool {
        try wrap {
            try db.writeTransaction {
                guard try db.integer("SELECT count(*) FROM remotes WHERE name = ?", [.text(name)]) == 1 else { return false }
                _ = try db.run("DELETE FROM remotes WHERE name = ?", [.text(name)])
                return true
            }
        }
    }

    /// Remembers how far a sync got with a remote.
    public func setRemotePositions(named name: String, pulled: Int64, pushed: Int64) throws(StoreError) {
        try wrap {
            _ = try db.run("UPDATE remotes SET pulled = ?, pushed = ? WHERE name = ?", [.integer(pulled), .integer(pushed), .text(name)])
        }
    }
}
