import JournalDomain

/// A journal held in memory, written to the same contract as SQLiteEventStore (StoreConformanceTests runs the
/// one suite against both): for the application's tests and as the pattern a second backend follows. Not shared
/// between threads or processes; nothing survives the value.
public final class InMemoryEventStore: JournalStorage {
    var tables = InMemoryTables()
    private var writing = false

    public init() {}

    // MARK: - Event log

    public func append(_ batches: [AppendBatch], recordedAt: Instant) throws(StoreError) -> [RecordedEvent] {
        do {
            return try write(recordedAt: recordedAt) { session in try session.append(batches) }
        } catch {
            throw error as? StoreError ?? StoreError.io(path: InMemoryTables.name, detail: "\(error)")
        }
    }

    public func read(from position: Int64, limit: Int) throws(StoreError) -> [RecordedEvent] {
        Array(tables.events.lazy.filter { $0.position >= position }.prefix(max(0, limit)))
    }

    public func readStream(_ stream: String, from version: Int) throws(StoreError) -> [RecordedEvent] {
        tables.readStream(stream, from: version)
    }

    public func event(atPosition position: Int64) throws(StoreError) -> RecordedEvent? { tables.event(atPosition: position) }
    public func event(withId id: String) throws(StoreError) -> RecordedEvent? { tables.event(withId: id) }
    public func streamVersion(_ stream: String) throws(StoreError) -> Int { tables.streamVersions[stream] ?? 0 }
    public func count() throws(StoreError) -> Int64 { Int64(tables.events.count) }
    public func headPosition() throws(StoreError) -> Int64 { tables.head }

    public func forEachEnvelope(from position: Int64 = 1, pageSize: Int = 2000, _ body: (Envelope) throws -> Void) throws {
        for index in tables.events.indices where tables.events[index].position >= position {
            try body(try tables.envelope(at: index))
        }
    }

    // MARK: - Decision index

    public func goalKeys(in quarter: Quarter) throws(StoreError) -> [String] { tables.goalKeys(in: quarter) }

    public func goalKeys(status: GoalStatus?) throws(StoreError) -> [String] {
        tables.goalIndex.values.filter { status == nil || $0.status == status?.rawValue }.map(\.shown).sorted()
    }

    public func goalHolding(key: String) throws(StoreError) -> KeyHolder? { tables.goalHolding(key: key) }

    // MARK: - Write sessions

    public func write<T>(recordedAt: Instant, _ body: (InMemoryWriteSession) throws -> T) throws -> T {
        // A journal file cannot open a transaction inside another either.
        guard !writing else { throw StoreError.busy(path: InMemoryTables.name) }
        writing = true
        defer { writing = false }
        let transaction = InMemoryTransaction(tables: tables)
        defer { transaction.isOpen = false }
        let result = try body(InMemoryWriteSession(transaction: transaction, recordedAt: recordedAt))
        try transaction.settleGoalIndex()
        tables = transaction.tables
        return result
    }

    // MARK: - Projection checkpoints

    public func projectionCheckpoint(_ name: String) throws(StoreError) -> ProjectionCheckpoint? { tables.checkpoints[name] }

    public func catchUpProjection(_ name: String, codeVersion: Int, rebuild: Bool,
                                  route: (RoutableEvent) throws -> [String]) throws -> ProjectionUpdate {
        let checkpoint = tables.checkpoints[name]
        let head = tables.head
        if !rebuild, let checkpoint, checkpoint.codeVersion == codeVersion, checkpoint.position == head {
            return ProjectionUpdate(applied: 0, position: checkpoint.position, rebuilt: false)
        }
        var next = tables
        let fresh = rebuild || checkpoint == nil || checkpoint?.codeVersion != codeVersion || (checkpoint?.position ?? 0) > head
        let start = fresh ? 0 : checkpoint?.position ?? 0
        if fresh { next.partitions = [:] }
        if rebuild {
            next.checkpoints = [:]
            try next.remakeGoalIndexAndVersions()
        }
        var applied = 0
        var last = start
        for index in next.events.indices where next.events[index].position > start {
            let envelope = try next.envelope(at: index)
            for key in try route(RoutableEvent(position: envelope.position, occurredAt: envelope.occurredAt, event: envelope.event))
            where next.partitions[key]?.last != envelope.position {
                next.partitions[key, default: []].append(envelope.position)
            }
            applied += 1
            last = envelope.position
        }
        guard fresh || applied > 0 else { return ProjectionUpdate(applied: 0, position: start, rebuilt: false) }
        next.checkpoints[name] = ProjectionCheckpoint(position: last, codeVersion: codeVersion)
        tables = next
        return ProjectionUpdate(applied: applied, position: last, rebuilt: fresh)
    }

    public func partitionKeys(prefix: String) throws(StoreError) -> [String] {
        tables.partitions.keys.filter { $0.hasPrefix(prefix) }.sorted()
    }

    public func partitionEnvelopeBatches(_ keys: [String]) throws -> [[Envelope]] {
        let positions = PositionList.sortedUnique(keys.flatMap { tables.partitions[$0] ?? [] })
        return [try positions.map { position in
            guard let index = tables.indexByPosition[position] else {
                throw StoreError.corrupt(path: InMemoryTables.name, detail: "a projection partition names event \(position), which the log does not hold; run journal rebuild")
            }
            return try tables.envelope(at: index)
        }]
    }

    public func readSnapshot<T>(_ body: () throws -> T) throws -> T { try body() }

    // MARK: - Verification

    public func verify() throws(StoreError) -> VerifyResult {
        var previous = HashChain.genesis
        for (offset, event) in tables.events.enumerated() {
            let expected = Int64(offset) + 1
            guard event.position == expected else {
                return .broken(position: expected, reason: event.position > expected ? "the event at this position is missing (deleted)" : "positions are out of order")
            }
            guard event.previousHash == previous else {
                return .broken(position: event.position, reason: "it does not chain to the event before it (an event was removed, inserted or reordered)")
            }
            let computed = HashChain.hash(of: event)
            guard computed == event.hash else {
                return .broken(position: event.position, reason: "its content does not match its hash (it was altered)")
            }
            previous = computed
        }
        return .ok(count: Int64(tables.events.count), head: previous)
    }

    public func position(ofChainHash hash: [UInt8]) throws(StoreError) -> Int64? {
        tables.events.first { $0.hash == hash }?.position
    }

    public func storedDerivedState() throws(StoreError) -> StoredDerivedState {
        StoredDerivedState(goalIndex: tables.goalIndex.values.sorted { $0.key < $1.key }, streamVersions: tables.streamVersions,
                           checkpoints: tables.checkpoints, partitions: tables.partitions.mapValues { .some($0) },
                           goalKeys: tables.goalKeys.values.joined().sorted { ($0.alias, $0.goal) < ($1.alias, $1.goal) })
    }
}

/// An in-memory write transaction: the tables it works on, whether it is still open, the goal streams it touched.
final class InMemoryTransaction {
    var tables: InMemoryTables
    var isOpen = true
    var goalStreams = GoalStreamsTouched()

    init(tables: InMemoryTables) { self.tables = tables }

    /// Remakes the goal index rows of the goal streams appended to since this last ran.
    func settleGoalIndex() throws(StoreError) {
        let names = goalStreams.take()
        do {
            try tables.updateGoalIndex(names)
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError.io(path: InMemoryTables.name, detail: "\(error)")
        }
    }
}
