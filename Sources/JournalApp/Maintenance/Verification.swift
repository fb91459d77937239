import JournalStore
import Projections

/// What `verify` found: the hash chain, an earlier head the journal must still hold, and (deep) each derived
/// table that differs from what the log gives.
public struct Verification: Equatable, Sendable {
    /// The chain's own check, and how many events the log holds.
    public let chain: VerifyResult
    public let events: Int64
    /// Asked about only when an earlier head was given and the chain is intact: where the log holds it (nil: it
    /// no longer does).
    public let earlierHead: EarlierHead?
    /// Checked only when deep, the chain intact and any earlier head still held.
    public let derived: [DerivedTableDifference]?

    public struct EarlierHead: Equatable, Sendable {
        public let hash: [UInt8]
        public let position: Int64?
    }

    /// True when nothing was found wrong.
    public var isOK: Bool {
        guard case .ok = chain else { return false }
        return (earlierHead.map { $0.position != nil } ?? true) && (derived ?? []).isEmpty
    }

    /// Checks the log; with `earlierHead`, that the journal still holds it; with `deep`, every derived table.
    public static func run<Store: EventStore & ProjectionCheckpoints & LogVerification>(
        _ store: Store, earlierHead: [UInt8]?, deep: Bool) throws -> Verification {
        try run(store, earlierHead: earlierHead, deep: deep, chain: try store.verify())
    }

    /// The same on a journal file, reporting the chain check's progress (the long part) to `progress`.
    public static func run(_ store: SQLiteEventStore, earlierHead: [UInt8]?, deep: Bool,
                           progress: ProgressHandler?) throws -> Verification {
        try run(store, earlierHead: earlierHead, deep: deep, chain: try store.verify(progress: progress))
    }

    static func run<Store: EventStore & ProjectionCheckpoints & LogVerification>(
        _ store: Store, earlierHead: [UInt8]?, deep: Bool, chain: VerifyResult) throws -> Verification {
        guard case .ok(let count, _) = chain else {
            return Verification(chain: chain, events: try store.count(), earlierHead: nil, derived: nil)
        }
        let earlier = try earlierHead.map { hash in EarlierHead(hash: hash, position: try store.position(ofChainHash: hash)) }
        // A journal cut off or rewritten is reported as that: its derived tables say nothing more.
        if let earlier, earlier.position == nil {
            return Verification(chain: chain, events: count, earlierHead: earlier, derived: nil)
        }
        let derived = deep ? try DerivedStateCheck.differences(in: store, projection: LedgerSlices.projection) : nil
        return Verification(chain: chain, events: count, earlierHead: earlier, derived: derived)
    }
}
