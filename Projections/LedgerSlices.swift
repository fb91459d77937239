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
    /// 2: partitions keep log positions rather than copies of the events.
    public static let codeVersion = 2

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
        slices(of: envelope.event, at: envelope.occurredAt)
    }

    /// The slices an event that happened at `occurredAt` belongs to.
    public static func slices(of event: JournalEvent, at occurredAt: Instant) -> [String] {
        switch event {
        case .activityLogged(let e):
            let week = week(weekNumber(of: occurredAt))
            return e.goal.map { [week, links($0)] } ?? [week]
        case .goalSet(let e):
            return [goal(e.key)] + quarterSlices(around: occurredAt, plus: [e.quarter])
        case .goalRevised(let e):
            // A move names both quarters, so the goal is found from either.
            let moved = e.changes.filter { $0.field == .quarter }
                .flatMap { [$0.from, $0.to] }.compactMap { $0.flatMap { Quarter(parsing: $0.description) } }
            return [goal(e.goal)] + quarterSlices(around: occurredAt, plus: moved)
        case .milestonePlanned(let e):
            return [goal(e.goal)] + quarterSlices(around: occurredAt)
        case .milestoneDone(let e):
            return [goal(e.goal)] + quarterSlices(around: occurredAt)
        case .milestoneRevised(let e):
            return [goal(e.goal)] + quarterSlices(around: occurredAt, plus: [e.schedule?.from?.quarter, e.schedule?.to.quarter].compactMap { $0 })
        case .progressMeasured(let e):
            return [goal(e.goal)] + quarterSlices(around: occurredAt)
        case .goalCompleted(let e):
            return [goal(e.goal)] + quarterSlices(around: occurredAt)
        case .goalDropped(let e):
            return [goal(e.goal)] + quarterSlices(around: occurredAt)
        case .directionSet, .partnerNamed, .reviewRecorded, .eventRetracted:
            return [global]
        case .timerStarted, .timerStopped, .timerCancelled:
            // No read model folds them (the running timer is read from its own stream), so no slice holds them.
            return []
        }
    }

    static func quarterSlices(around instant: Instant, plus named: [Quarter] = []) -> [String] {
        quarters(around: instant).union(named).sorted().map(quarter)
    }

    /// What a read asks about.
    public enum Scope: Equatable, Sendable {
        /// Goals that belonged to, or had anything happen in, these quarters; activities on these local days.
        case quarters([Quarter], days: ClosedRange<LocalDate>?)
        /// One goal: its events and the activities linked to it.
        case goal(String)
        /// Every goal, without activities (resumes, calibration).
        case allGoals
    }

    /// The slices a scope starts from: the global one, the quarters' goal-event slices, and the weeks of the days.
    /// The goals those name, and the goals the weeks' activities link to, are read in a second step (`goalSlices`).
    public static func firstSlices(_ scope: Scope, time: TimeContext) -> [String] {
        switch scope {
        case .quarters(let quarters, let days):
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
    public static func goalSlices(of batches: [[Envelope]]) -> [String] {
        var keys = Set<String>()
        for batch in batches {
            for envelope in batch { if let key = envelope.event.goalKey { keys.insert(key) } }
        }
        return keys.sorted().map(goal)
    }

    /// The ledger `scope` needs, folded from the slices `read` returns: first the global, quarter and week
    /// slices, then the slices of the goals their events name (for `allGoals`, of every goal `goalSliceKeys` lists).
    /// `read` returns the events of the slices it is given, each once, in log order, in one or more batches.
    public static func ledger(_ scope: Scope, time: TimeContext, goalSliceKeys: () throws -> [String],
                              read: ([String]) throws -> [[Envelope]]) throws -> Ledger {
        var loaded = Set<String>()
        var batches: [[Envelope]] = []
        func load(_ keys: [String]) throws {
            let fresh = keys.filter { loaded.insert($0).inserted }
            if !fresh.isEmpty { batches += try read(fresh) }
        }
        try load(firstSlices(scope, time: time))
        switch scope {
        case .allGoals: try load(try goalSliceKeys())
        case .goal: try load(goalSlices(of: batches))
        case .quarters:
            try load(goalSlices(of: batches))
        }
        // Slices overlap (an activity linked to a goal is in its week and its links): the batches are merged by
        // position, each event folded once, in log order, without copying the events into one array.
        var ledger = Ledger()
        ledger.reserveActivities(batches.reduce(0) { $0 + $1.count })
        var heads = Array(repeating: 0, count: batches.count)
        while true {
            var next: Int64 = .max
            for (b, batch) in batches.enumerated() where heads[b] < batch.count {
                next = min(next, batch[heads[b]].position)
            }
            guard next != .max else { break }
            var applied = false
            for b in batches.indices where heads[b] < batches[b].count && batches[b][heads[b]].position == next {
                if !applied { ledger.apply(batches[b][heads[b]]) }
                applied = true
                heads[b] += 1
            }
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
