/// The timer that is running, if any: the fold of the `timer` stream, retracted events left out. A start is
/// running until a stop or a cancellation names it; retracting the stop sets it running again, retracting the
/// start takes it away. What `start`, `stop` and `cancel` decide on, and what the overview shows.
public struct RunningTimer: Equatable, Sendable {
    /// The timer-started event's id, which the stop or the cancellation names.
    public var eventId: String
    public var text: String
    public var goal: String?
    public var milestone: Int?
    public var tags: [String]
    public var startedAt: Instant

    public init(eventId: String, text: String, goal: String? = nil, milestone: Int? = nil, tags: [String] = [], startedAt: Instant) {
        self.eventId = eventId
        self.text = text
        self.goal = goal
        self.milestone = milestone
        self.tags = tags
        self.startedAt = startedAt
    }

    /// GOAL or GOAL/N, as the timer was started with.
    public var goalReference: String? { goal.map { goal in milestone.map { "\(goal)/\($0)" } ?? goal } }

    /// The newest start of the stream that no (unretracted) stop or cancellation ends.
    public static func replay(_ stream: [Envelope]) -> RunningTimer? {
        let retracted = Retractions.targets(in: stream)
        var running: RunningTimer?
        var ended = Set<String>()
        for envelope in stream where !retracted.contains(envelope.eventId) {
            switch envelope.event {
            case .timerStopped(let e): ended.insert(e.timer)
            case .timerCancelled(let e): ended.insert(e.timer)
            default: break
            }
        }
        for envelope in stream where !retracted.contains(envelope.eventId) {
            if case .timerStarted(let e) = envelope.event, !ended.contains(envelope.eventId) {
                running = RunningTimer(eventId: envelope.eventId, text: e.text, goal: e.goal, milestone: e.milestone,
                                       tags: e.tags, startedAt: e.startedAt)
            }
        }
        return running
    }
}

/// A span of time as activities of at most one local day and 1440 minutes each, as the importers and the timer
/// record it.
public enum DaySpans {
    /// The parts of a span typed after the fact (`log activity --from --to`), refused when it ends before it
    /// starts, ends after now, or rounds to no minutes.
    public static func checked(from: Instant, to: Instant, now: Instant, time: TimeContext) throws(DomainError) -> [(index: Int, at: Instant, minutes: Int)] {
        guard to > from else { throw .spanEndsBeforeStart(from: from, to: to) }
        guard to <= now else { throw .momentInFuture(name: .named("--to"), at: to, now: now) }
        let parts = pieces(from: from, to: to, time: time)
        guard !parts.isEmpty else { throw .spanUnderAMinute }
        return parts
    }

    /// The parts of `start..<end`, each starting at its own instant, with minutes rounded from the span's start
    /// (so the parts add up to the whole span rounded to the minute). Parts that round to no minutes are left out,
    /// keeping their index so the others' ids do not depend on them.
    public static func pieces(from start: Instant, to end: Instant, time: TimeContext) -> [(index: Int, at: Instant, minutes: Int)] {
        let dayLimit = Int64(Decider.maxMinutes) * 60_000
        func roundedMinutes(_ at: Instant) -> Int64 { (at.millisecondsSinceEpoch - start.millisecondsSinceEpoch + 30_000) / 60_000 }
        var parts: [(index: Int, at: Instant, minutes: Int)] = []
        var cursor = start
        var index = 0
        while cursor < end {
            var next = time.startOfDay(time.localDate(of: cursor).adding(days: 1))
            if next <= cursor { next = Instant(millisecondsSinceEpoch: cursor.millisecondsSinceEpoch + dayLimit) }
            let stop = min(end, next, Instant(millisecondsSinceEpoch: cursor.millisecondsSinceEpoch + dayLimit))
            let minutes = roundedMinutes(stop) - roundedMinutes(cursor)
            if minutes > 0 { parts.append((index, cursor, Int(minutes))) }
            index += 1
            cursor = stop
        }
        return parts
    }
}
