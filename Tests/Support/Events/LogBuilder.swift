import Foundation
import JournalDomain

/// Builds a log by hand for projection tests: positions and ids in order, times in UTC.
public struct LogBuilder {
    public private(set) var envelopes: [Envelope] = []
    public static let utc = TimeZone(identifier: "UTC") ?? TimeZone.current

    public static func instant(_ text: String) -> Instant {
        guard let instant = TimeContext.parseNow(text, zone: utc) else { preconditionFailure("bad test time \(text)") }
        return instant
    }

    public static func time(_ now: String) -> TimeContext { TimeContext(now: instant(now), zone: utc) }

    public static func date(_ text: String) -> LocalDate {
        guard let date = LocalDate(iso: text) else { preconditionFailure("bad test date \(text)") }
        return date
    }

    public static let q2 = Quarter(parsing: "2025-Q2") ?? LocalDate(dayNumber: 0).quarter

    public init() {}

    /// Appends an event recorded at `at` that occurred at `on` (default: when recorded); returns its id.
    @discardableResult
    public mutating func add(_ event: JournalEvent, at: String, on: String? = nil) -> String {
        let position = Int64(envelopes.count + 1)
        let id = "e\(position)"
        envelopes.append(Envelope(position: position, eventId: id, streamId: event.goalKey.map { StreamName.goal($0) } ?? "s", streamVersion: Int(position),
                                  occurredAt: LogBuilder.instant(on ?? at), recordedAt: LogBuilder.instant(at), event: event))
        return id
    }

    @discardableResult
    public mutating func retract(_ id: String, at: String, reason: String = "mistake") -> String {
        let type = envelopes.first { $0.eventId == id }?.event.type ?? "?"
        return add(.eventRetracted(EventRetracted(target: id, targetType: type, reason: reason)), at: at)
    }

    public mutating func goal(_ key: String, _ title: String? = nil, quarter: Quarter = LogBuilder.q2, metric: String? = "metric",
                       target: Double? = nil, unit: String? = nil, due: String? = "2025-06-30", direction: String? = "dir",
                       at: String) {
        add(.goalSet(GoalSet(key: key, title: title ?? "Goal \(key)", quarter: quarter, metric: metric, target: target,
                             unit: unit, due: due.map(LogBuilder.date), direction: direction)), at: at)
    }

    public mutating func milestone(_ key: String, _ number: Int, weeks: (Int, Int)? = nil, due: String? = nil, at: String) {
        add(.milestonePlanned(MilestonePlanned(goal: key, number: number, title: "M\(number) of \(key)",
                                               weeks: weeks.map { WeekSpan(first: $0.0, last: $0.1) },
                                               due: due.map(LogBuilder.date))), at: at)
    }

    @discardableResult
    public mutating func done(_ key: String, _ number: Int, at: String, on: String? = nil) -> String {
        add(.milestoneDone(MilestoneDone(goal: key, number: number)), at: at, on: on)
    }

    @discardableResult
    public mutating func activity(_ text: String = "work", goal: String? = nil, minutes: Int, at: String, on: String? = nil) -> String {
        add(.activityLogged(ActivityLogged(text: text, goal: goal, minutes: minutes)), at: at, on: on)
    }
}
