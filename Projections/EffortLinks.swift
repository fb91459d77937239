import JournalDomain

/// The goal an activity's minutes serve: the goal it names when that goal was active on the activity's day
/// (`GoalActiveDays`, the rule `log activity` applies), else none. Effort forced onto a completed, dropped or
/// other quarter's goal, or linked to a goal whose goal-set was retracted, is motion without direction: it
/// must not hide the article's mistake 4 behind a dead goal.
public struct EffortLinks {
    let ledger: Ledger
    let time: TimeContext
    let known: Knowledge
    /// Each goal's active days, found once (a period has many activities on few goals).
    private var activeDays: [String: GoalActiveDays?] = [:]

    public init(ledger: Ledger, time: TimeContext, _ known: Knowledge) {
        self.ledger = ledger
        self.time = time
        self.known = known
    }

    public mutating func servedGoal(_ activity: borrowing ActivityFact) -> String? {
        servedGoal(activity, on: time.localDate(of: activity.occurredAt))
    }

    /// The same, for an activity whose local day the caller already has.
    public mutating func servedGoal(_ activity: borrowing ActivityFact, on day: LocalDate) -> String? {
        guard let key = activity.goal else { return nil }
        let days: GoalActiveDays?
        if let found = activeDays[key] {
            days = found
        } else {
            days = GoalActiveDays(events: ledger.events(ofGoal: key, at: time.now, known), localDate: time.localDate(of:))
            activeDays[key] = days
        }
        guard let days, days.contains(day) else { return nil }
        return key
    }
}

extension Effort {
    /// The minutes of the activities that occurred on `days` (by `time.now`, as known then), split by the goal
    /// each served (`EffortLinks`).
    public init(ledger: Ledger, days: ClosedRange<LocalDate>, time: TimeContext, _ known: Knowledge) {
        self.init()
        var links = EffortLinks(ledger: ledger, time: time, known)
        ledger.forEachActivity(in: days, time: time, known, occurredBy: time.now) { activity in
            add(minutes: activity.minutes, servingGoal: links.servedGoal(activity) != nil)
        }
    }

    public mutating func add(minutes: Int, servingGoal: Bool) {
        if servingGoal { minutesLinked += minutes } else { minutesUnlinked += minutes }
    }
}
