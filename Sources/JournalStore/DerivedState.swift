import JournalDomain

/// The tables a journal keeps beside its log, every one of them derived from it (named as in the SQLite file).
public enum DerivedTable: String, CaseIterable, Sendable {
    case goalIndex = "goal_index"
    case goalKeys = "goal_keys"
    case streams
    case projectionState = "projection_state"
    case projectionPartitions = "projection_partitions"
}

/// A goal index row as stored, in the text the file holds (an edited row need not parse).
public struct StoredGoalIndexRow: Hashable, Sendable {
    public let key: String
    public let quarter: String
    public let status: String
    /// The key the goal is shown by.
    public let shown: String

    public init(key: String, quarter: String, status: String, shown: String? = nil) {
        self.key = key
        self.quarter = quarter
        self.status = status
        self.shown = shown ?? key
    }

    init(_ entry: GoalIndexEntry) {
        self.init(key: entry.key, quarter: entry.quarter.description, status: entry.status.rawValue, shown: entry.shownKey)
    }
}

/// A goal-key row as stored: a key other than its identity that names goal `goal` (a former key, or its current
/// one).
public struct StoredGoalKeyRow: Hashable, Sendable {
    public let alias: String
    public let goal: String

    public init(alias: String, goal: String) {
        self.alias = alias
        self.goal = goal
    }

    static func rows(_ entry: GoalIndexEntry) -> [StoredGoalKeyRow] {
        entry.aliases.map { StoredGoalKeyRow(alias: $0, goal: entry.key) }
    }
}

/// Every derived table's content as stored.
public struct StoredDerivedState: Equatable, Sendable {
    public var goalIndex: [StoredGoalIndexRow]
    public var goalKeys: [StoredGoalKeyRow]
    /// Each stream's version as stored, by name.
    public var streamVersions: [String: Int]
    public var checkpoints: [String: ProjectionCheckpoint]
    /// Each partition's positions; nil for one whose stored list cannot be read.
    public var partitions: [String: [Int64]?]

    public init(goalIndex: [StoredGoalIndexRow], streamVersions: [String: Int], checkpoints: [String: ProjectionCheckpoint],
                partitions: [String: [Int64]?], goalKeys: [StoredGoalKeyRow] = []) {
        self.goalIndex = goalIndex
        self.goalKeys = goalKeys
        self.streamVersions = streamVersions
        self.checkpoints = checkpoints
        self.partitions = partitions
    }
}

/// A projection as the caller defines it: its name, its code version, and how it routes an event to partitions.
public struct ProjectionDefinition: Sendable {
    public let name: String
    public let codeVersion: Int
    public let route: @Sendable (RoutableEvent) throws -> [String]

    public init(name: String, codeVersion: Int, route: @escaping @Sendable (RoutableEvent) throws -> [String]) {
        self.name = name
        self.codeVersion = codeVersion
        self.route = route
    }
}

/// A derived table that is not what the log gives.
public struct DerivedTableDifference: Equatable, Sendable {
    public let table: DerivedTable
    /// What differs, e.g. "2 rows differ from the log (first: goal aws)".
    public let detail: String
}

/// Recomputes every derived table from the log and compares it with what is stored. A projection may lag the log
/// (written events not yet read) or have been written by another code version (the next read rebuilds it): its
/// partitions must then be what routing the log up to its checkpoint gives, or go unchecked.
public enum DerivedStateCheck {
    public static func differences(in store: some EventStore & ProjectionCheckpoints & LogVerification,
                                   projection: ProjectionDefinition) throws -> [DerivedTableDifference] {
        try store.readSnapshot {
            let stored = try store.storedDerivedState()
            var log = LogDerivedState()
            try store.forEachEnvelope(from: 1, pageSize: 2000) { try log.add($0, route: projection.route) }
            var found: [DerivedTableDifference] = []
            if let detail = goalIndexDifference(stored.goalIndex, log.goalIndex()) {
                found.append(DerivedTableDifference(table: .goalIndex, detail: detail))
            }
            if let detail = goalKeysDifference(stored.goalKeys, log.goalKeys()) {
                found.append(DerivedTableDifference(table: .goalKeys, detail: detail))
            }
            if let detail = streamsDifference(stored.streamVersions, log.versions) {
                found.append(DerivedTableDifference(table: .streams, detail: detail))
            }
            found += projectionDifferences(stored, log, projection)
            return found
        }
    }

    static func goalIndexDifference(_ stored: [StoredGoalIndexRow], _ expected: [StoredGoalIndexRow]) -> String? {
        let storedSet = Set(stored), expectedSet = Set(expected)
        let differing = Set(storedSet.symmetricDifference(expectedSet).map(\.key)).sorted()
        guard let first = differing.first else { return nil }
        return "\(rows(differing.count)) differ\(differing.count == 1 ? "s" : "") from the log (first: goal \(first))"
    }

    static func goalKeysDifference(_ stored: [StoredGoalKeyRow], _ expected: [StoredGoalKeyRow]) -> String? {
        let differing = Set(stored).symmetricDifference(Set(expected)).sorted { ($0.alias, $0.goal) < ($1.alias, $1.goal) }
        guard let first = differing.first else { return nil }
        return "\(rows(differing.count)) differ\(differing.count == 1 ? "s" : "") from the log (first: key \(first.alias) of goal \(first.goal))"
    }

    static func streamsDifference(_ stored: [String: Int], _ expected: [String: Int]) -> String? {
        let names = Set(stored.keys).union(expected.keys).filter { stored[$0] != (expected[$0] ?? 0) }.sorted()
        guard let first = names.first else { return nil }
        return "\(names.count) stream version\(names.count == 1 ? "" : "s") differ\(names.count == 1 ? "s" : "") from the log (first: \(first), \(stored[first].map(String.init) ?? "missing") instead of \(expected[first] ?? 0))"
    }

    static func projectionDifferences(_ stored: StoredDerivedState, _ log: LogDerivedState,
                                      _ projection: ProjectionDefinition) -> [DerivedTableDifference] {
        func state(_ detail: String) -> [DerivedTableDifference] { [DerivedTableDifference(table: .projectionState, detail: detail)] }
        if let other = stored.checkpoints.keys.filter({ $0 != projection.name }).sorted().first {
            return state("it holds a checkpoint for \(other), a projection this journal does not keep")
        }
        guard let checkpoint = stored.checkpoints[projection.name] else {
            return stored.partitions.isEmpty ? [] : state("it holds no checkpoint, but \(stored.partitions.count) partition\(stored.partitions.count == 1 ? "" : "s") are stored")
        }
        guard checkpoint.codeVersion == projection.codeVersion else { return [] }
        guard checkpoint.position <= log.head else {
            return state("its checkpoint, position \(checkpoint.position), lies past the log's last event, \(log.head)")
        }
        if let unreadable = stored.partitions.filter({ $0.value == nil }).keys.sorted().first {
            return [DerivedTableDifference(table: .projectionPartitions, detail: "partition \(unreadable) cannot be read")]
        }
        let partitions = stored.partitions.compactMapValues { $0 }
        if partitions == log.partitions(upTo: checkpoint.position) { return [] }
        let storedEnd = partitions.values.compactMap(\.last).max() ?? 0
        if storedEnd > checkpoint.position, partitions == log.partitions(upTo: storedEnd) {
            return state("its checkpoint, position \(checkpoint.position), is behind the partitions, which hold the log up to \(storedEnd)")
        }
        let expected = log.partitions(upTo: checkpoint.position)
        let differing = Set(partitions.keys).union(expected.keys).filter { partitions[$0] != expected[$0] }.sorted()
        return [DerivedTableDifference(table: .projectionPartitions,
                                       detail: "\(differing.count) partition\(differing.count == 1 ? "" : "s") differ\(differing.count == 1 ? "s" : "") from the log up to the checkpoint, position \(checkpoint.position) (first: \(differing.first ?? ""))")]
    }

    private static func rows(_ count: Int) -> String { "\(count) row\(count == 1 ? "" : "s")" }
}

/// The derived tables as one pass over the log makes them.
struct LogDerivedState {
    var head: Int64 = 0
    var versions: [String: Int] = [:]
    var goalStreams: [String: [Envelope]] = [:]
    var routed: [String: [Int64]] = [:]

    mutating func add(_ envelope: Envelope, route: (RoutableEvent) throws -> [String]) throws {
        head = envelope.position
        versions[envelope.streamId] = envelope.streamVersion
        if GoalIndexEntry.key(ofStream: envelope.streamId) != nil { goalStreams[envelope.streamId, default: []].append(envelope) }
        for key in try route(RoutableEvent(position: envelope.position, occurredAt: envelope.occurredAt, event: envelope.event))
        where routed[key]?.last != envelope.position {
            routed[key, default: []].append(envelope.position)
        }
    }

    func goalIndex() -> [StoredGoalIndexRow] {
        goalStreams.values.compactMap { GoalIndexEntry(stream: $0).map(StoredGoalIndexRow.init) }
    }

    func goalKeys() -> [StoredGoalKeyRow] {
        goalStreams.values.flatMap { GoalIndexEntry(stream: $0).map(StoredGoalKeyRow.rows) ?? [] }
    }

    /// The partitions a catch-up to `position` gives: only partitions that hold an event by then exist.
    func partitions(upTo position: Int64) -> [String: [Int64]] {
        guard position < head else { return routed }
        return routed.compactMapValues { positions in
            let kept = positions.prefix { $0 <= position }
            return kept.isEmpty ? nil : Array(kept)
        }
    }
}
