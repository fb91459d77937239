import JournalDomain

/// Forecast calibration: how the confidence stated when goals were set (`--confidence 0-100`) compares with
/// what was completed, over every quarter that has ended, and how many goals a quarter were really finished.
///
/// A goal counts once, in the quarter it was first set for (its goal-set's quarter, whatever moves came later),
/// as known at `time.now`, retracted events left out: the confidence was stated about that sprint. Its
/// **outcome** is 1 when it is completed and the completion occurred on or before that quarter's last day
/// (local day), else 0: a goal dropped, still active, moved away unfinished, or completed after the quarter
/// ended was not completed within the sprint it was set for. A goal carried into a later quarter and completed
/// there is no hit in that later quarter either: it was not set there.
///
/// A pure function of the ledger and `time`: a quarter is past when its last day is before `time.today`.
public struct Calibration: Equatable, Sendable {
    /// The reliability table's bands of stated confidence, in points (both ends included).
    public static let bandRanges: [ClosedRange<Int>] = [0...20, 21...40, 41...60, 61...80, 81...100]
    /// The method's one to three goals a quarter: the suggested sprint size stays within it.
    public static let sprintSizes = 1...3

    /// One goal of a past quarter and how it ended.
    public struct Outcome: Equatable, Sendable {
        public let key: String
        /// The quarter the goal was first set for.
        public let quarter: Quarter
        /// As stated when the goal was set, 0-100; nil when none was given.
        public let confidence: Int?
        /// Completed on or before the last day of the quarter it was first set for.
        public let completed: Bool
    }

    /// A past quarter that had goals.
    public struct QuarterTally: Equatable, Sendable {
        public let quarter: Quarter
        public let goalsSet: Int
        public let goalsCompleted: Int
    }

    /// One band of the reliability table.
    public struct Band: Equatable, Sendable {
        public let range: ClosedRange<Int>
        public let goals: Int
        /// Mean stated confidence in the band, in points; nil when the band is empty.
        public let meanConfidence: Double?
        /// Share (0-1) of the band's goals completed within their quarter; nil when the band is empty.
        public let completionRate: Double?
    }

    public let today: LocalDate
    /// Every goal of a past quarter, by quarter, then in the order they were set.
    public let outcomes: [Outcome]
    /// Past quarters with at least one goal, oldest first.
    public let quarters: [QuarterTally]
    /// Mean of (confidence/100 - outcome)² over goals with a stated confidence; nil when there are none.
    public let brierScore: Double?
    /// The five bands of `bandRanges`, empty ones included.
    public let bands: [Band]
    /// Mean stated confidence over goals with one, in points; nil when there are none.
    public let meanConfidence: Double?
    /// Share (0-1) of the goals with a stated confidence that were completed; nil when there are none.
    public let completionRate: Double?
    /// Goals set and completed per past quarter with goals; nil when there is none.
    public let averageSet: Double?
    public let averageCompleted: Double?
    /// What one quarter's sprint could hold, going by the record: see `suggestedSize(completed:quarters:)`.
    public let suggestedSprintSize: Int?

    public var goalsTotal: Int { outcomes.count }
    public var goalsWithConfidence: Int { outcomes.filter { $0.confidence != nil }.count }
    public var isEmpty: Bool { outcomes.isEmpty }

    /// Stated minus actual, in points (mean confidence - completion rate × 100): above 0 is overconfident.
    public var gap: Double? {
        guard let meanConfidence, let completionRate else { return nil }
        return meanConfidence - completionRate * 100
    }

    public init(ledger: Ledger, time: TimeContext) {
        let known = Knowledge(asKnownAt: time.now)
        let today = time.today
        self.today = today

        // Sorted by identity (when each was set), shown by the key each has now.
        outcomes = ledger.goals.keys.compactMap { key -> (String, Outcome)? in
            guard let goal = ledger.goal(key, at: time.now, known) else { return nil }
            let events = ledger.events(ofGoal: key, at: time.now, known)
            let setFor = Calibration.quarterFirstSetFor(events) ?? goal.quarter
            guard setFor.lastDay < today else { return nil }
            return (key, Outcome(key: goal.shownKey, quarter: setFor, confidence: goal.confidence,
                                 completed: Calibration.completed(goal, events, within: setFor, time: time)))
        }.sorted { ($0.1.quarter, ledger.setPosition($0.0), $0.0) < ($1.1.quarter, ledger.setPosition($1.0), $1.0) }.map(\.1)

        var tallies: [QuarterTally] = []
        for outcome in outcomes {
            let done = outcome.completed ? 1 : 0
            if let last = tallies.last, last.quarter == outcome.quarter {
                tallies[tallies.count - 1] = QuarterTally(quarter: last.quarter, goalsSet: last.goalsSet + 1,
                                                          goalsCompleted: last.goalsCompleted + done)
            } else {
                tallies.append(QuarterTally(quarter: outcome.quarter, goalsSet: 1, goalsCompleted: done))
            }
        }
        quarters = tallies

        let stated = outcomes.compactMap { o in o.confidence.map { (confidence: $0, completed: o.completed) } }
        brierScore = Calibration.mean(stated.map { s in
            let error = Double(s.confidence) / 100 - (s.completed ? 1 : 0)
            return error * error
        })
        meanConfidence = Calibration.mean(stated.map { Double($0.confidence) })
        completionRate = Calibration.mean(stated.map { $0.completed ? 1 : 0 })
        bands = Calibration.bandRanges.map { range in
            let inBand = stated.filter { range.contains($0.confidence) }
            return Band(range: range, goals: inBand.count,
                        meanConfidence: Calibration.mean(inBand.map { Double($0.confidence) }),
                        completionRate: Calibration.mean(inBand.map { $0.completed ? 1 : 0 }))
        }

        let completed = outcomes.filter(\.completed).count
        averageSet = tallies.isEmpty ? nil : Double(outcomes.count) / Double(tallies.count)
        averageCompleted = tallies.isEmpty ? nil : Double(completed) / Double(tallies.count)
        suggestedSprintSize = Calibration.suggestedSize(completed: completed, quarters: tallies.count)
    }

    /// The average completed a quarter rounded half up (1.5 gives 2), then kept within `sprintSizes`: a record
    /// of nothing completed still suggests one goal, and no record suggests more than the method's three.
    /// Integer arithmetic, so a half is a half whatever the division would round it to. Nil without quarters.
    public static func suggestedSize(completed: Int, quarters: Int) -> Int? {
        guard quarters > 0 else { return nil }
        let rounded = (2 * completed + quarters) / (2 * quarters)
        return min(max(rounded, sprintSizes.lowerBound), sprintSizes.upperBound)
    }

    /// The quarter of the goal-set its state comes from (the newest that counts: a goal set again starts afresh).
    static func quarterFirstSetFor(_ events: [Envelope]) -> Quarter? {
        for envelope in events.reversed() {
            if case .goalSet(let e) = envelope.event { return e.quarter }
        }
        return nil
    }

    /// Completed, by a completion whose local day is on or before `quarter`'s last day.
    static func completed(_ goal: GoalState, _ events: [Envelope], within quarter: Quarter, time: TimeContext) -> Bool {
        guard goal.status == .completed else { return false }
        // The newest completion that counts is the one the status comes from (an earlier one may have been retracted).
        let completion = events.last { envelope in
            if case .goalCompleted = envelope.event { true } else { false }
        }
        guard let completion else { return false }
        return time.localDate(of: completion.occurredAt) <= quarter.lastDay
    }

    static func mean(_ values: [Double]) -> Double? {
        values.isEmpty ? nil : values.reduce(0, +) / Double(values.count)
    }
}
