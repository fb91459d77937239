import JournalDomain
import JournalStore
import Projections

extension EventStore {
    /// Folds the whole log into the ledger: the reference every sliced read must agree with.
    public func ledger() throws -> Ledger {
        var ledger = Ledger()
        try forEachEnvelope(from: 1, pageSize: 2000) { ledger.apply($0) }
        return ledger
    }
}

extension ProjectionCheckpoints where Self: EventStore {
    /// Brings the stored ledger slices up to the log's head (rebuilding them when asked, when missing, or when
    /// the routing code changed): one write transaction, state and checkpoint together.
    @discardableResult
    public func catchUpSlices(rebuild: Bool = false) throws -> ProjectionUpdate {
        try catchUpProjection(LedgerSlices.projectionName, codeVersion: LedgerSlices.codeVersion, rebuild: rebuild,
                              route: LedgerSlices.projection.route)
    }

    /// The ledger a read needs: its slices caught up, then folded. A journal that cannot be written (a
    /// read-only file or folder, a full disk, a failing write) cannot keep its slices, so it is folded whole:
    /// slower, the same answers. A read must not fail because a cache of it could not be saved.
    public func ledger(_ scope: LedgerSlices.Scope, time: TimeContext) throws -> Ledger {
        do {
            try catchUpSlices()
        } catch StoreError.readOnly, StoreError.diskFull, StoreError.io {
            return try ledger()
        }
        // One snapshot for every slice read: another process appending and catching the slices up between two
        // reads would otherwise mix two states of the log (a milestone without its goal).
        return try readSnapshot {
            try LedgerSlices.ledger(scope, time: time, goalSliceKeys: { try partitionKeys(prefix: LedgerSlices.goalPrefix) },
                                    read: { keys in try partitionEnvelopeBatches(keys) })
        }
    }
}

extension SQLiteEventStore {
    /// `catchUpSlices`, reporting the events routed to `progress` (`journal rebuild` on a terminal).
    @discardableResult
    public func catchUpSlices(rebuild: Bool, progress: ProgressHandler?) throws -> ProjectionUpdate {
        try catchUpProjection(LedgerSlices.projectionName, codeVersion: LedgerSlices.codeVersion, rebuild: rebuild,
                              progress: progress, route: LedgerSlices.projection.route)
    }
}

extension LedgerSlices {
    /// The ledger slices as the store keeps them: `journal rebuild` remakes them and `journal verify --deep` checks them.
    public static let projection = ProjectionDefinition(name: projectionName, codeVersion: codeVersion,
                                                        route: { slices(of: $0.event, at: $0.occurredAt) })
}

extension LedgerSlices.Scope {
    /// A quarter's goals and its days' activities (and, with `alsoGoalsOf`, the goals of other quarters).
    public static func quarter(_ quarter: Quarter, alsoGoalsOf others: [Quarter] = []) -> Self {
        .quarters([quarter] + others, days: quarter.firstDay...quarter.lastDay)
    }
}
