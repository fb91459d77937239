import JournalDomain

/// The goals of one quarter, or of every quarter, each as the sprint board shows it: so finding a goal's key
/// needs no reading of raw events. Quarters in calendar order, goals in the order they were set.
public struct GoalList: Equatable, Sendable {
    /// The quarter asked for; nil for every quarter.
    public let quarter: Quarter?
    public let today: LocalDate
    public let quarters: [QuarterGoals]

    public struct QuarterGoals: Equatable, Sendable {
        public let quarter: Quarter
        public let goals: [SprintBoard.Card]
    }

    public init(ledger: Ledger, quarter: Quarter?, time: TimeContext) {
        self.quarter = quarter
        today = time.today
        let shown = quarter.map { [$0] } ?? GoalList.quarters(ledger: ledger, time: time)
        quarters = shown.map { QuarterGoals(quarter: $0, goals: SprintBoard.cards(ledger: ledger, quarter: $0, time: time)) }
            .filter { !$0.goals.isEmpty }
    }

    public var isEmpty: Bool { quarters.isEmpty }

    /// The quarters the ledger's goals belong to now, in calendar order.
    public static func quarters(ledger: Ledger, time: TimeContext) -> [Quarter] {
        let known = Knowledge(asKnownAt: time.now)
        return Set(ledger.goals.keys.compactMap { ledger.goal($0, at: time.now, known)?.quarter }).sorted()
    }

    /// The first quarter after `quarter` with goals, for a board of a quarter that has none.
    public static func laterQuarter(after quarter: Quarter, ledger: Ledger, time: TimeContext) -> Quarter? {
        quarters(ledger: ledger, time: time).first { $0 > quarter }
    }
}
