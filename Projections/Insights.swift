import JournalDomain

/// Busyness against progress over a period (mistake 4 of the article: effort that serves no goal is motion
/// without direction): how the period's minutes split between goals and nothing, what each goal's minutes
/// bought in milestones, which goals are "busy but stuck", and the warnings that apply.
///
/// A pure function of the ledger, the period and `time`: it counts what had occurred and been recorded by
/// `time.now`, and a period still running is counted up to today.
public struct Insights: Equatable, Sendable {
    /// A goal is "busy but stuck" from this many whole weeks of effort without a milestone done.
    public static let stuckWeeksThreshold = 3

    /// The period asked about: a quarter, or a span of local days (both ends included).
    public struct Period: Equatable, Sendable {
        /// The quarter for a quarter period; nil for a span of dates.
        public let quarter: Quarter?
        public let from: LocalDate
        public let to: LocalDate

        public static func quarter(_ quarter: Quarter) -> Period {
            Period(quarter: quarter, from: quarter.firstDay, to: quarter.lastDay)
        }

        public static func dates(from: LocalDate, to: LocalDate) -> Period {
            Period(quarter: nil, from: from, to: to)
        }
    }

    /// What one goal's effort bought in the period.
    public struct GoalInsight: Equatable, Sendable {
        public let key: String
        /// Minutes of activities linked to the goal in the period.
        public let minutes: Int
        /// Milestones done in the period.
        public let milestonesDone: Int
        /// `minutes / milestonesDone`, rounded to whole minutes; nil when none was done.
        public let minutesPerMilestone: Int?
        /// Whole weeks since the goal's last milestone done (or since the period's start when none was done
        /// in or before it), up to the last day counted; 0 unless effort was logged on the goal in that span.
        public let stuckWeeks: Int
        /// The day the goal's last milestone was done, up to the last day counted (nil: none by then).
        public let lastMilestoneDone: LocalDate?
        /// The day after `lastMilestoneDone`, or the period's first day: where the stuck span starts.
        public let stuckSince: LocalDate
        /// Minutes logged on the goal in the stuck span (which may begin before the period).
        public let stuckMinutes: Int
        /// Of the goal's milestones done, the share done in its last two weeks (see `Cramming`).
        public let crammedShare: Double
        /// Where the goal stood at `time.now`; nil when only activities name it (its goal-set was retracted).
        public let status: GoalStatus?

        /// Effort for `Insights.stuckWeeksThreshold` weeks or more with no milestone done.
        public var isBusyButStuck: Bool { stuckWeeks >= Insights.stuckWeeksThreshold }
    }

    /// Minutes in one week of the period (quarter periods use the sprint's weeks; the last may be shorter).
    public struct Week: Equatable, Sendable {
        public let from: LocalDate
        public let minutesLinked: Int
        public let minutesUnlinked: Int
    }

    public let period: Period
    /// The last day counted: the period's end, or today while it is still running; nil before it has begun.
    public let through: LocalDate?
    public let effort: Effort
    /// The quarter's goals (for a quarter period) and every goal with effort or a milestone done in the period,
    /// in the order they were set.
    public let goals: [GoalInsight]
    /// Weekly minutes from the period's first week up to the week of `through`.
    public let weeks: [Week]
    /// A quarter period: the sprint's warnings; a span of dates: busy-not-progress when it applies.
    public let warnings: [Warning]

    public var busyButStuck: [GoalInsight] { goals.filter(\.isBusyButStuck) }

    public init(ledger: Ledger, period: Period, time: TimeContext) {
        let known = Knowledge(asKnownAt: time.now)
        let through = min(period.to, time.today)
        let counted = period.from <= through ? period.from...through : nil
        self.period = period
        self.through = counted?.upperBound

        // One pass over the period's activities for the effort, the weeks and each goal's minutes.
        var effort = Effort()
        var tally = counted.map { WeekTally(counted: $0, period: period) }
        var minutesByGoal: [String: Int] = [:]
        if let counted {
            ledger.forEachActivity(in: counted, time: time, known, occurredBy: time.now) { activity in
                effort.add(activity)
                tally?.add(activity, time: time)
                if let goal = activity.goal { minutesByGoal[goal, default: 0] += activity.minutes }
            }
        }
        self.effort = effort
        weeks = tally?.weeks ?? []
        var keys = Set(minutesByGoal.keys)
        if let quarter = period.quarter {
            keys.formUnion(ledger.goals(in: quarter, at: time.now, known).map(\.key))
        }
        if let counted {
            for key in ledger.goals.keys where !keys.contains(key) {
                let done = ledger.goal(key, at: time.now, known)?.milestones.values.contains { milestone in
                    milestone.doneAt.map { counted.contains(time.localDate(of: $0)) } ?? false
                }
                if done == true { keys.insert(key) }
            }
        }
        goals = keys.sorted { (ledger.setPosition($0), $0) < (ledger.setPosition($1), $1) }.map { key in
            Insights.goal(key, minutes: minutesByGoal[key] ?? 0, ledger: ledger, period: period,
                          counted: counted, time: time, known)
        }

        if let quarter = period.quarter {
            warnings = Warnings.forSprint(quarter: quarter, ledger: ledger, time: time)
        } else if let counted {
            let name = "\(counted.lowerBound) to \(counted.upperBound)"
            warnings = Warnings.busyWarning(effort, period: name).map { [$0] } ?? []
        } else {
            warnings = []
        }
    }

    static func goal(_ key: String, minutes: Int, ledger: Ledger, period: Period,
                     counted: ClosedRange<LocalDate>?, time: TimeContext, _ known: Knowledge) -> GoalInsight {
        let goal = ledger.goal(key, at: time.now, known)
        let doneDays = (goal.map { Array($0.milestones.values) } ?? []).compactMap { $0.doneAt.map(time.localDate(of:)) }
        let doneInPeriod = counted.map { range in doneDays.filter { range.contains($0) }.count } ?? 0

        // The stuck span: from the day after the last milestone done by the last day counted (or from the
        // period's first day), through that last day. It counts only for a goal not completed or dropped by then.
        var since = period.from
        var lastDone: LocalDate?
        var stuckWeeks = 0, stuckMinutes = 0
        if let through = counted?.upperBound {
            lastDone = doneDays.filter { $0 <= through }.max()
            if let lastDone { since = lastDone.adding(days: 1) }
            let end = min(time.now, time.startOfDay(through.adding(days: 1)))
            // Completed or dropped by then: done with, not stuck. A goal logged after the fact still counts.
            let closed = ledger.goal(key, at: end, known).map { $0.status != .active } ?? false
            if !closed, since <= through {
                ledger.forEachActivity(in: since...through, time: time, known, linkedTo: key, occurredBy: time.now) {
                    stuckMinutes += $0.minutes
                }
                if stuckMinutes > 0 { stuckWeeks = (since.days(until: through) + 1) / 7 }
            }
        }
        let perMilestone = doneInPeriod == 0 ? nil : Int(saturating: Double(minutes) / Double(doneInPeriod))
        return GoalInsight(key: key, minutes: minutes, milestonesDone: doneInPeriod, minutesPerMilestone: perMilestone,
                           stuckWeeks: stuckWeeks, lastMilestoneDone: lastDone, stuckSince: since, stuckMinutes: stuckMinutes,
                           crammedShare: goal.map { Cramming(goal: $0, time: time).share } ?? 0,
                           status: goal?.status)
    }

    /// Weekly linked and unlinked minutes, from the period's first week to the week of its last day counted.
    struct WeekTally {
        let period: Period
        var linked: [Int], unlinked: [Int]

        init(counted: ClosedRange<LocalDate>, period: Period) {
            self.period = period
            let count = WeekTally.index(counted.upperBound, period) + 1
            linked = Array(repeating: 0, count: count)
            unlinked = Array(repeating: 0, count: count)
        }

        static func index(_ date: LocalDate, _ period: Period) -> Int {
            if let quarter = period.quarter, let week = quarter.week(of: date) { return week - 1 }
            return period.from.days(until: date) / 7
        }

        mutating func add(_ activity: borrowing ActivityFact, time: TimeContext) {
            let i = WeekTally.index(time.localDate(of: activity.occurredAt), period)
            guard linked.indices.contains(i) else { return }
            if activity.goal == nil { unlinked[i] += activity.minutes } else { linked[i] += activity.minutes }
        }

        var weeks: [Week] {
            linked.indices.map { i in
                Week(from: period.from.adding(days: 7 * i), minutesLinked: linked[i], minutesUnlinked: unlinked[i])
            }
        }
    }
}
