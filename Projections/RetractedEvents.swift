import JournalDomain

/// Which events have been retracted, and why: every projection leaves these out; listings mark them.
public struct RetractedEvents: Equatable, Sendable {
    public private(set) var reasons: [String: String] = [:]
    /// The last log position folded in, so catching up can resume after it.
    public private(set) var position: Int64 = 0

    public init() {}

    public func contains(_ eventId: String) -> Bool { reasons[eventId] != nil }

    public mutating func apply(_ envelope: Envelope) {
        if case .eventRetracted(let r) = envelope.event { reasons[r.target] = r.reason }
        position = max(position, envelope.position)
    }

    public static func fold<S: Sequence>(_ envelopes: S) -> RetractedEvents where S.Element == Envelope {
        var state = RetractedEvents()
        for envelope in envelopes { state.apply(envelope) }
        return state
    }
}
