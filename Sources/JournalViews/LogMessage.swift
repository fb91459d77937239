import JournalDomain

/// The one line each `journal log` prints: what was recorded, its key or ref, and its position.
public enum LogMessage {
    /// What the line tells of one recorded event, as values: any front end that records can say it the same way.
    public struct Subject: Sendable {
        /// The event as decided.
        public let change: JournalEvent
        /// Where the log put it.
        public let position: Int64
        public let occurredAt: Instant
        /// The goal as it stands after the event, for events about a goal.
        public let goal: GoalState?
        /// For retractions: the event retracted.
        public let target: RetractTarget?
        /// For a direction set: the direction the key named before (nil: a new one).
        public let previousDirection: DirectionState?

        public init(change: JournalEvent, position: Int64, occurredAt: Instant, goal: GoalState?, target: RetractTarget?,
                    previousDirection: DirectionState?) {
            self.change = change
            self.position = position
            self.occurredAt = occurredAt
            self.goal = goal
            self.target = target
            self.previousDirection = previousDirection
        }
    }

    /// The line with what users typed shown escaped (ShownText): a reason's line break shows as \n, keeping it one line.
    public static func describe(_ recorded: Subject, time: TimeContext) -> String {
        ShownText.line(words(recorded, time: time))
    }

    static func words(_ recorded: Subject, time: TimeContext) -> String {
        let position = " (event \(recorded.position))"
        let day = time.localDate(of: recorded.occurredAt)
        // Events store a goal's identity; the line names it by the key it is shown by now.
        func shown(_ key: String) -> String { recorded.goal.map { $0.id == key ? $0.shownKey : key } ?? key }
        switch recorded.change {
        case .directionSet(let e):
            guard let before = recorded.previousDirection else {
                return "Direction \(e.key) set: \(e.title)" + (e.by.map { " (by \($0))" } ?? "") + position
            }
            // The key is derived from the title, so the same title again updates that direction: say so, and what moved.
            var changes: [String] = []
            if before.title != e.title { changes.append("title \(before.title) -> \(e.title)") }
            if before.by != e.by { changes.append("by \(before.by ?? "none") -> \(e.by ?? "none")") }
            return "Direction \(e.key) updated (\(changes.isEmpty ? "nothing changed" : changes.joined(separator: "; "))): \(e.title)" + position
        case .goalSet(let e):
            var details: [String] = []
            if let metric = e.metric { details.append("metric: \(metric)") }
            if let target = e.target { details.append("target: \(NumberText.format(target))" + (e.unit.map { " \($0)" } ?? "")) }
            if let due = e.due { details.append("due \(due)") }
            if e.forced == true { details.append("a fourth goal, forced") }
            let suffix = details.isEmpty ? "" : " [" + details.joined(separator: "; ") + "]"
            return "Goal \(e.key) set for \(e.quarter): \(e.title)\(suffix)" + position
        case .milestonePlanned(let e):
            let when = e.weeks.map { " for \($0)" } ?? e.due.map { " due \($0)" } ?? ""
            return "Milestone \(shown(e.goal))/\(e.number) planned\(when): \(e.title)" + position
        case .milestoneDone(let e):
            let title = recorded.goal?.milestones[e.number]?.title ?? ""
            return "Milestone \(shown(e.goal))/\(e.number) done on \(day): \(title)" + position
        case .milestoneRevised(let e):
            var changes: [String] = []
            if let title = e.title { changes.append("title \(title.from) -> \(title.to)") }
            if let schedule = e.schedule { changes.append("\(schedule.from?.description ?? "unscheduled") -> \(schedule.to)") }
            return "Milestone \(shown(e.goal))/\(e.number) revised (\(changes.joined(separator: "; "))): \(e.reason)" + position
        case .progressMeasured(let e):
            let unit = recorded.goal?.unit.map { " \($0)" } ?? ""
            let change = e.value.map { "set to \(NumberText.format($0))" } ?? "+\(NumberText.format(e.amount ?? 0))"
            var standing = ""
            if let goal = recorded.goal, let target = goal.target {
                standing = " (now \(NumberText.format(goal.current)) of \(NumberText.format(target))\(unit))"
            }
            return "Progress on \(shown(e.goal)): \(change)\(unit)\(standing)" + position
        case .activityLogged(let e):
            var details: [String] = []
            if let minutes = e.minutes { details.append("\(minutes) min") }
            details.append(e.goal.map(shown).map { goal in e.milestone.map { "\(goal)/\($0)" } ?? goal } ?? "no goal")
            if e.amends != nil, let target = recorded.target {
                return "Amended event \(target.position): activity on \(day) (\(details.joined(separator: ", "))): \(e.text)"
                    + Tags.suffix(e.tags) + position
            }
            return "Activity logged on \(day) (\(details.joined(separator: ", "))): \(e.text)" + Tags.suffix(e.tags) + position
        case .goalRevised(let e):
            // A rename names the goal by the key it had; a rename alone reads as one.
            let rename = e.changes.first { $0.field == .key }
            let before = rename?.from?.description ?? shown(e.goal)
            if let rename, e.changes.count == 1 {
                return "Goal \(before) renamed to \(rename.to?.description ?? ""): \(e.reason)" + position
            }
            let changes = e.changes.map { c in
                "\(c.field.rawValue) \(c.from?.description ?? "none") -> \(c.to?.description ?? "none")"
            }
            return "Goal \(before) revised (\(changes.joined(separator: "; "))): \(e.reason)" + position
        case .goalCompleted(let e):
            return "Goal \(shown(e.goal)) completed on \(day)" + (e.outcome.map { ": \($0)" } ?? "") + position
        case .goalDropped(let e):
            return "Goal \(shown(e.goal)) dropped: \(e.reason)" + position
        case .reviewRecorded(let e):
            let blockers = e.blockers.isEmpty ? "" : " (blockers: \(e.blockers.map(\.rawValue).joined(separator: ", ")))"
            return "Review of \(e.quarter) recorded\(blockers)" + position
        case .partnerNamed(let e):
            return "Accountability partner: \(e.name)" + position
        case .eventRetracted(let e):
            let target = recorded.target.map { "event \($0.position)" } ?? "event \(e.target)"
            return "Retracted \(target) (\(e.targetType)): \(e.reason)" + position
        case .timerStarted(let e):
            let link = e.goal.map(shown).map { goal in e.milestone.map { "\(goal)/\($0)" } ?? goal } ?? "no goal"
            return "Timer started at \(time.display(e.startedAt)) (\(link)): \(e.text)" + Tags.suffix(e.tags) + position
        case .timerStopped:
            return "Timer stopped at \(time.display(recorded.occurredAt))" + position
        case .timerCancelled:
            return "Timer cancelled; nothing recorded for it" + position
        }
    }
}
