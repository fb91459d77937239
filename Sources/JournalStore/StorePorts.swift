import JournalDomain

/// The goal index decisions read ("three goals a quarter") and completion lists. The store keeps it: at the end
/// of every write transaction each goal stream the transaction appended to gets the row `GoalIndexEntry(stream:)`
/// gives (or none), so no writer maintains it by hand.
public protocol DecisionIndex: AnyObject {
    /// Goals whose place counts in `quarter`: active or completed (dropped goals free theirs), in key order.
    func goalKeys(in quarter: Quarter) throws(StoreError) -> [String]
    /// The keys goals are shown by (their current keys), in key order; with `status`, only goals in that state.
    func goalKeys(status: GoalStatus?) throws(StoreError) -> [String]
    /// The goal `key` names: the goal whose identity it is, else the goal it is a former or current key of (the
    /// first by identity, should a merge have given two goals one key); nil when no goal has it.
    func goalHolding(key: String) throws(StoreError) -> KeyHolder?
}

/// Projection state beside the log: named partitions of log positions and a checkpoint, always written together.
public protocol ProjectionCheckpoints: AnyObject {
    func projectionCheckpoint(_ name: String) throws(StoreError) -> ProjectionCheckpoint?
    /// Brings projection `name` up to the log's head (see `SQLiteEventStore.catchUpProjection`). With `rebuild`,
    /// every derived table is remade from the log in the same transaction: partitions, checkpoints, the goal
    /// index and the streams' versions.
    func catchUpProjection(_ name: String, codeVersion: Int, rebuild: Bool,
                           route: (RoutableEvent) throws -> [String]) throws -> ProjectionUpdate
    /// Partition keys that start with `prefix`, in key order.
    func partitionKeys(prefix: String) throws(StoreError) -> [String]
    /// The events of the named partitions, each once, as batches that follow each other in log order.
    func partitionEnvelopeBatches(_ keys: [String]) throws -> [[Envelope]]
    /// Runs `body` against one state of the journal.
    func readSnapshot<T>(_ body: () throws -> T) throws -> T
}

/// Appends of many events at once, inside a write session, exactly as `appendCounting` would append them in
/// batches of consecutive events of one stream, each `.any` version, with the recorded times they carry.
public protocol BulkImport {
    /// Returns how many events were new. `progress` hears of the events stored so far, of `count`.
    func importCounting(streams: [String], count: Int, progress: ProgressHandler?, _ event: (Int) -> ImportedEvent) throws(StoreError) -> Int
}

extension BulkImport {
    public func importCounting(streams: [String], count: Int, _ event: (Int) -> ImportedEvent) throws(StoreError) -> Int {
        try importCounting(streams: streams, count: count, progress: nil, event)
    }
}

/// One write transaction: what a decision reads and what it appends, under one lock from the first read to the
/// commit, so concurrent commands never decide on stale state. Valid only inside the `write` that made it.
public protocol WriteSession: BulkImport {
    var recordedAt: Instant { get }
    func readStream(_ stream: String) throws(StoreError) -> [RecordedEvent]
    func streamVersion(_ stream: String) throws(StoreError) -> Int
    func event(atPosition position: Int64) throws(StoreError) -> RecordedEvent?
    func event(withId id: String) throws(StoreError) -> RecordedEvent?
    func goalKeys(in quarter: Quarter) throws(StoreError) -> [String]
    /// As `DecisionIndex.goalHolding(key:)`, seeing what the session appended.
    func goalHolding(key: String) throws(StoreError) -> KeyHolder?
    /// The last position of the log (0 when it is empty).
    func count() throws(StoreError) -> Int64
    func append(_ batches: [AppendBatch]) throws(StoreError) -> [RecordedEvent]
    /// Appends like `append` without collecting what it stored; returns how many events were new.
    func appendCounting(_ batches: [AppendBatch]) throws(StoreError) -> Int
}

/// A store that runs write sessions: nothing appended in one survives if its body throws.
public protocol TransactionalStore: AnyObject {
    associatedtype Session: WriteSession
    func write<T>(recordedAt: Instant, _ body: (Session) throws -> T) throws -> T
}

/// The checks `journal verify` runs: the hash chain, an earlier head, and the derived tables against the log.
public protocol LogVerification: AnyObject {
    func verify() throws(StoreError) -> VerifyResult
    /// The position of the event whose chain hash is `hash`, if the log holds one.
    func position(ofChainHash hash: [UInt8]) throws(StoreError) -> Int64?
    /// The derived state as stored, to be compared with what the log gives (`DerivedStateCheck`).
    func storedDerivedState() throws(StoreError) -> StoredDerivedState
}

/// Everything the application needs of a journal's storage.
public typealias JournalStorage = EventStore & DecisionIndex & ProjectionCheckpoints & TransactionalStore & LogVerification

extension EventStore {
    public func readStream(_ stream: String) throws(StoreError) -> [RecordedEvent] { try readStream(stream, from: 1) }
}

extension ProjectionCheckpoints {
    public func catchUpProjection(_ name: String, codeVersion: Int,
                                  route: (RoutableEvent) throws -> [String]) throws -> ProjectionUpdate {
        try catchUpProjection(name, codeVersion: codeVersion, rebuild: false, route: route)
    }

    /// The events of the named partitions, each once, in log order (a missing partition adds nothing).
    public func partitionEnvelopes(_ keys: [String]) throws -> [Envelope] {
        Array(try partitionEnvelopeBatches(keys).joined())
    }
}
