import JournalDomain

/// The ledger kept in slices, so that a reading command folds only the part of a long log it needs: the
/// events of one goal, of the activities linked to one goal, of one UTC week of activities, or of one
/// quarter's goal events, plus a small global
/// slice (directions, partners, reviews, retractions). Every event is routed to its slices by a pure
/// function of the event; a read names the slices its question needs, and the ledger folded from them gives
/// the read models the same answers the whole log gives (the tests hold them to that).
///
/// A change to the routing below changes what a stored slice holds: raise `codeVersion`, and stored slices
/// are rebuilt from the log the next time they are read.
public enum LedgerSlices {
    public static let projectionName = "ledger-slices"
    public static let codeVersion = 1

    public static let global = "global"
    public static func goal(_ key: String) -> String { "goal:" + key }
    public static func week(_ number: Int) -> String { "week:" + String(number) }
    public static func quarter(_ quarter: Quarter) -> String { "quarter:" + quarter.description }
    /// The activities linked to a goal: its history shows them, its other reads do not need them.
    public static func links(_ key: String) -> String { "links:" + key }
    public static let goalPrefix = "goal:"

    /// A local day lies within this many hours of its UTC day (UTC-12 to UTC+14).
    static let zoneMarginMilliseconds: Int64 = 14 * 3_600_000
    static let dayMilliseconds: Int64 = 86_400_000

    /// The UTC week (days since 1970-01-01, divided by 7, rounded down) an instant falls in.
    public static func weekNumber(of instant: Instant) -> Int {
        let day = Int((instant.millisecondsSinceEpoch - floorRemainder(instant.millisecondsSinceEpoch, dayMilliseconds)) / dayMilliseconds)
        return (day - Int(floorRemainder(Int64(day), 7))) / 7
    }

    static func floorRemainder(_ value: Int64, _ divisor: Int64) -> Int64 {
        let r = value % divisor
        return r < 0 ? r + divisor : r
    }

    /// The quarters a moment may fall in, in any time zone.
    static func quarters(around instant: Instant) -> Set<Quarter> {
        let early = Instant(millisecondsSinceEpoch: instant.millisecondsSinceEpoch - zoneMarginMilliseconds)
        let late = Instant(millisecondsSinceEpoch: instant.millisecondsSinceEpoch + zoneMarginMilliseconds)
        return [utcDate(early).quarter, utcDate(late).quarter]
    }

    static func utcDate(_ instant: Instant) -> LocalDate {
        let ms = instant.millisecondsSinceEpoch
        return LocalDate(dayNumber: Int((ms - floorRemainder(ms, dayMilliseconds)) / dayMilliseconds))
    }

    /// The slices an event belongs to.
    public static func slices(of envelope: Envelope) -> [String] {
        switch envelope.event {
        case .activityLogged(let e):
            return [week(weekNumber(of: envelope.occurredAt))] + (e.goal.map { [links($0)] } ?? [])
        case .goalSet(let e):
            return [goal(e.key)] + quarterSlices(around: envelope.occurredAt, plus: [e.quarter])
        case .goalRevised(let e):
            // A move names both quarters, so the goal is found from either.
            let moved = e.changes.filter { $0.field == .quarter }
                .flatMap { [$0.from, $0.to] }.compactMap { $0.flatMap { Quarter(parsing: $0.description) } }
            return [goal(e.goal)] + quarterSlices(around: envelope.occurredAt, plus: moved)
        case .milestonePlanned(let e):
            return [goal(e.goal)] + quarterSlices(around: envelope.occurredAt)
        case .milestoneDone(let e):
            return [goal(e.goal)] + quarterSlices(around: envelope.occurredAt)
        case .progressMeasured(let e):
            return [goal(e.goal)] + quarterSlices(around: envelope.occurredAt)
        case .goalCompleted(let e):
            return [goal(e.goal)] + quarterSlices(around: envelope.occurredAt)
        case .goalDropped(let e):
            return [goal(e.goal)] + quarterSlices(around: envelope.occurredAt)
        case .directionSet, .partnerNamed, .reviewRecorded, .eventRetracted:
            return [global]
        }
    }

    static func quarterSlices(around instant: Instant, plus named: [Quarter] = []) -> [String] {
        quarters(around: instant).union(named).sorted().map(quarter)
    }

    /// What a read asks about.
    public enum Scope: Equatable, Sendable {
        /// Goals that belonged to, or had anything happen in, these quarters; activities on these local days.
        /// With `goalEffort`, also the effort linked to those goals before the days when they had a milestone done
        /// before them (insights count a goal's effort since its last milestone).
        case quarters([Quarter], days: ClosedRange<LocalDate>?, goalEffort: Bool = false)
        /// One goal: its events and the activities linked to it.
        case goal(String)
        /// Every goal, without activities (resumes, calibration).
        case allGoals
    }

    /// The slices a scope starts from: the global one, the quarters' goal-event slices, and the weeks of the days.
    /// The goals those name, and the goals the weeks' activities link to, are read in a second step (`goalSlices`).
    public static func firstSlices(_ scope: Scope, time: TimeContext) -> [String] {
        switch scope {
        case .quarters(let quarters, let days, _):
            var keys = [global] + quarters.map(quarter)
            if let days {
                let start = time.startOfDay(days.lowerBound)
                let end = Instant(millisecondsSinceEpoch: time.startOfDay(days.upperBound.adding(days: 1)).millisecondsSinceEpoch - 1)
                keys += (weekNumber(of: start)...weekNumber(of: end)).map(week)
            }
            return keys
        case .goal(let key):
            return [global, goal(key), links(key)]
        case .allGoals:
            return [global]
        }
    }

    /// The goal slices the first slices' events point at.
    public static func goalSlices(of envelopes: [Envelope]) -> [String] {
        Set(envelopes.compactMap { $0.event.goalKey }).sorted().map(goal)
    }

    /// The ledger `scope` needs, folded from the slices `read` returns: first the global, quarter and week
    /// slices, then the slices of the goals their events name (for `allGoals`, of every goal `goalSliceKeys` lists).
    public static func ledger(_ scope: Scope, time: TimeContext, goalSliceKeys: () throws -> [String],
                              read: ([String]) throws -> [Envelope]) throws -> Ledger {
        var loaded = Set<String>()
        var envelopes: [Envelope] = []
        func load(_ keys: [String]) throws {
            let fresh = keys.filter { loaded.insert($0).inserted }
            if !fresh.isEmpty { envelopes += try read(fresh) }
        }
        try load(firstSlices(scope, time: time))
        switch scope {
        case .allGoals: try load(try goalSliceKeys())
        case .goal: try load(goalSlices(of: envelopes))
        case .quarters(_, let days, let goalEffort):
            try load(goalSlices(of: envelopes))
            // A goal's effort before the days counts only from a milestone done before them: load the linked
            // effort of just those goals (the days' own effort is in their weeks).
            if goalEffort, let days {
                let start = time.startOfDay(days.lowerBound)
                var early = Set<String>()
                for envelope in envelopes where envelope.occurredAt < start {
                    if case .milestoneDone(let e) = envelope.event { early.insert(e.goal) }
                }
                try load(early.sorted().map(links))
            }
        }
        // Slices overlap (an activity linked to a goal is in its week and its links): each event is folded once, in log order.
        envelopes.sort { $0.position < $1.position }
        var ledger = Ledger()
        ledger.reserveActivities(envelopes.count)
        var last: Int64?
        for envelope in envelopes where envelope.position != last {
            ledger.apply(envelope)
            last = envelope.position
        }
        return ledger
    }

    /// The quarters a span of days touches.
    public static func quarters(of days: ClosedRange<LocalDate>) -> [Quarter] {
        var quarters: [Quarter] = []
        var quarter = days.lowerBound.quarter
        while quarter <= days.upperBound.quarter {
            quarters.append(quarter)
            quarter = quarter.next
        }
        return quarters
    }
}
