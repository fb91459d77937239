import JournalDomain
import JournalStore

/// A goal key as a reader typed it, resolved at the edge: every key a goal was ever known by (its identity, a
/// former key, its current key) names it, and reads look it up by its identity.
public struct ResolvedGoalKey: Equatable, Sendable {
    /// The goal's identity: what its stream and its events are named by (the key as typed when no goal has it).
    public let identity: String
    /// Set when the key typed is one the goal no longer has, for the front end's note.
    public let formerKey: FormerKeyUse?

    public init(identity: String, formerKey: FormerKeyUse?) {
        self.identity = identity
        self.formerKey = formerKey
    }

    /// Resolves `typed` through the store's goal-key lookup.
    public static func resolve(_ typed: String, in store: some DecisionIndex) throws -> ResolvedGoalKey {
        guard let holder = try store.goalHolding(key: typed) else { return ResolvedGoalKey(identity: typed, formerKey: nil) }
        return ResolvedGoalKey(identity: holder.goal,
                               formerKey: typed == holder.shownKey ? nil : FormerKeyUse(typed: typed, shownKey: holder.shownKey))
    }
}

extension Reading where Store: DecisionIndex {
    public func goalKey(_ typed: String) throws -> ResolvedGoalKey { try ResolvedGoalKey.resolve(typed, in: store) }
}
