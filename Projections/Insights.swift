import JournalDomain

/// Busyness against progress over a period (mistake 4 of the article: effort that serves no goal is motion
/// without direction): how the period's minutes split between goals and nothing, what each goal's minutes
/// bought in milestones, which goals are "busy but stuck", and the warnings that apply.
///
/// Every figure comes from what occurred in the period: its activities, its milestones done. Effort linked to a
/// goal that was not active on the activity's day (`EffortLinks`) counts as linked to no goal.
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

    /// What one goal's effort bought in the period. Every figure counts what occurred in the period, and only
    /// the effort that served the goal (`EffortLinks`: linked to it on a day it was active).
    public struct GoalInsight: Equatable, Sendable {
        public let key: String
        /// Minutes of activities that served the goal in the period.
        public let minutes: Int
        /// Milestones done in the period.
        public let milestonesDone: Int
        /// `minutes / milestonesDone`, rounded to whole minutes; nil when none was done.
        public let minutesPerMilestone: Int?
        /// The period's weeks (a quarter's sprint weeks, or seven-day blocks from a span's first day) with effort
        /// on the goal after its last milestone done (`stuckSince` to the last day counted); 0 for a goal completed
        /// or dropped by then.
        public let stuckWeeks: Int
        /// The day the goal's last milestone was done, up to the last day counted (nil: none by then). It may lie
        /// before the period: the one figure here that looks back beyond it.
        public let lastMilestoneDone: LocalDate?
        /// The day after `lastMilestoneDone`, or the period's first day when that is later: where the stuck span starts.
        public let stuckSince: LocalDate
        /// Minutes that served the goal in the stuck span (within the period).
        public let stuckMinutes: Int
        /// Of the milestones done in the period, the share done in the goal's last two weeks (the two weeks up to
        /// its deadline, or its quarter's last day, as the goal stood at the end of the last day counted); 0 when
        /// none was done in the period.
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

    /// Minutes per tag in the period, linked to a goal (serving it, as `effort` counts) or to none.
    public struct TagEffort: Equatable, Sendable {
        /// nil: the activities that carry no tag.
        public let tag: String?
        public let minutesLinked: Int
        public let minutesUnlinked: Int
        public var minutes: Int { minutesLinked + minutesUnlinked }
    }

    public let period: Period
    /// Per tag, most minutes first (then by name), the untagged row last when there is effort without tags. An
    /// activity with several tags counts in each of their rows, so the rows can add up to more than `effort`.
    public let tags: [TagEffort]
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

        // One pass over the period's activities for the effort, the weeks and what served each goal.
        var effort = Effort()
        var tally = counted.map { WeekTally(counted: $0, period: period) }
        var served: [String: [ServedEffort]] = [:]
        var perTag: [String: (linked: Int, unlinked: Int)] = [:]
        var untagged: (linked: Int, unlinked: Int)?
        if let counted {
            var links = EffortLinks(ledger: ledger, time: time, known)
            ledger.forEachActivity(in: counted, time: time, known, occurredBy: time.now) { activity in
                let day = time.localDate(of: activity.occurredAt)
                let goal = links.servedGoal(activity, on: day)
                effort.add(minutes: activity.minutes, servingGoal: goal != nil)
                tally?.add(minutes: activity.minutes, on: day, servingGoal: goal != nil)
                if let goal { served[goal, default: []].append(ServedEffort(day: day, minutes: activity.minutes)) }
                func add(_ row: inout (linked: Int, unlinked: Int)) {
                    if goal != nil { row.linked += activity.minutes } else { row.unlinked += activity.minutes }
                }
                if activity.tags.isEmpty {
                    var row = untagged ?? (0, 0)
                    add(&row)
                    untagged = row
                }
                for tag in activity.tags { add(&perTag[tag, default: (0, 0)]) }
            }
        }
        var tags = perTag.map { TagEffort(tag: $0.key, minutesLinked: $0.value.linked, minutesUnlinked: $0.value.unlinked) }
            .sorted { ($1.minutes, $0.tag ?? "") < ($0.minutes, $1.tag ?? "") }
        if let untagged { tags.append(TagEffort(tag: nil, minutesLinked: untagged.linked, minutesUnlinked: untagged.unlinked)) }
        self.tags = tags
        self.effort = effort
        weeks = tally?.weeks ?? []
        var keys = Set(served.keys)
        if let quarter = period.quarter {
            keys.formUnion(ledger.goals(in: quarter, at: time.now, known).map(\.id))
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
            Insights.goal(key, served: served[key] ?? [], ledger: ledger, period: period, counted: counted, time: time, known)
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

    /// Minutes that served a goal on a day of the period.
    struct ServedEffort {
        let day: LocalDate
        let minutes: Int
    }

    static func goal(_ key: String, served: [ServedEffort], ledger: Ledger, period: Period,
                     counted: ClosedRange<LocalDate>?, time: TimeContext, _ known: Knowledge) -> GoalInsight {
        let goal = ledger.goal(key, at: time.now, known)
        let doneDays = (goal.map { Array($0.milestones.values) } ?? []).compactMap { $0.doneAt.map(time.localDate(of:)) }
        let doneInPeriod = counted.map { range in doneDays.filter { range.contains($0) } } ?? []
        let minutes = served.reduce(0) { $0 + $1.minutes }

        // The stuck span: from the day after the last milestone done by the last day counted (or from the
        // period's first day, when that is later), through that last day. Its weeks are the period's weeks with
        // effort in the span, for a goal not completed or dropped by then.
        var since = period.from
        var lastDone: LocalDate?
        var stuckWeeks = 0, stuckMinutes = 0
        var crammed = 0.0
        if let counted {
            let through = counted.upperBound
            lastDone = doneDays.filter { $0 <= through }.max()
            if let lastDone { since = max(since, lastDone.adding(days: 1)) }
            let end = min(time.now, time.startOfDay(through.adding(days: 1)))
            // Completed or dropped by then: done with, not stuck. A goal logged after the fact still counts.
            let asItStood = ledger.goal(key, at: end, known) ?? goal
            let closed = asItStood.map { $0.status != .active } ?? false
            if !closed {
                let stuck = served.filter { $0.day >= since }
                stuckMinutes = stuck.reduce(0) { $0 + $1.minutes }
                stuckWeeks = Set(stuck.map { WeekTally.index($0.day, period) }).count
            }
            if let asItStood, !doneInPeriod.isEmpty {
                let window = lastTwoWeeks(of: asItStood)
                crammed = Double(doneInPeriod.filter { window.contains($0) }.count) / Double(doneInPeriod.count)
            }
        }
        let perMilestone = doneInPeriod.isEmpty ? nil : Int(saturating: Double(minutes) / Double(doneInPeriod.count))
        return GoalInsight(key: goal?.shownKey ?? key, minutes: minutes, milestonesDone: doneInPeriod.count, minutesPerMilestone: perMilestone,
                           stuckWeeks: stuckWeeks, lastMilestoneDone: lastDone, stuckSince: since, stuckMinutes: stuckMinutes,
                           crammedShare: crammed, status: goal?.status)
    }

    /// The goal's last two weeks, as `Cramming` reads them: the fourteen days up to its deadline, or up to its
    /// quarter's last day when it has none.
    static func lastTwoWeeks(of goal: GoalState) -> ClosedRange<LocalDate> {
        let end = goal.due ?? goal.quarter.lastDay
        return end.adding(days: -13)...end
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

        mutating func add(minutes: Int, on day: LocalDate, servingGoal: Bool) {
            let i = WeekTally.index(day, period)
            guard linked.indices.contains(i) else { return }
            if servingGoal { linked[i] += minutes } else { unlinked[i] += minutes }
        }

        var weeks: [Week] {
            linked.indices.map { i in
                Week(from: period.from.adding(days: 7 * i), minutesLinked: linked[i], minutesUnlinked: unlinked[i])
            }
        }
    }
}
