import JournalDomain

/// Minutes of logged effort, split into effort that served a goal and effort that served none
/// ("motion without direction").
public struct Effort: Equatable, Sendable {
    public var minutesLinked: Int
    public var minutesUnlinked: Int

    public init(minutesLinked: Int = 0, minutesUnlinked: Int = 0) {
        self.minutesLinked = minutesLinked
        self.minutesUnlinked = minutesUnlinked
    }

    public init<S: Sequence>(_ activities: S) where S.Element == ActivityFact {
        self.init()
        for activity in activities { add(activity) }
    }

    public mutating func add(_ activity: borrowing ActivityFact) {
        if activity.goal == nil { minutesUnlinked += activity.minutes } else { minutesLinked += activity.minutes }
    }

    public var totalMinutes: Int { minutesLinked + minutesUnlinked }

    /// The unlinked fraction of all minutes, 0 to 1 (0 when nothing was logged).
    public var unlinkedShare: Double {
        totalMinutes == 0 ? 0 : Double(minutesUnlinked) / Double(totalMinutes)
    }
}
