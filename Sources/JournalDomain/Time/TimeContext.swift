import Foundation

/// "Now" and the user's time zone, passed in from the edge (JOURNAL_NOW, TZ): the domain never reads a clock.
public struct TimeContext: Sendable {
    public let now: Instant
    public let zone: TimeZone

    public init(now: Instant, zone: TimeZone) {
        self.now = now
        self.zone = zone
    }

    public func offset(at instant: Instant) -> Int {
        zone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(instant.millisecondsSinceEpoch) / 1000))
    }

    public var today: LocalDate { localDate(of: now) }

    public func localDate(of instant: Instant) -> LocalDate {
        instant.localDate(offsetSeconds: offset(at: instant))
    }

    /// The instant a local wall-clock time stands for. A time that a daylight-saving jump skips resolves,
    /// deterministically, to the instant the zone's offset just before the jump gives it.
    public func instant(_ date: LocalDate, hour: Int = 0, minute: Int = 0, second: Int = 0, millisecond: Int = 0) -> Instant {
        let asUTC = Instant(date: date, hour: hour, minute: minute, second: second, millisecond: millisecond)
        let guess = Instant(millisecondsSinceEpoch: asUTC.millisecondsSinceEpoch - Int64(offset(at: asUTC)) * 1000)
        let corrected = offset(at: guess)
        return Instant(millisecondsSinceEpoch: asUTC.millisecondsSinceEpoch - Int64(corrected) * 1000)
    }

    public func startOfDay(_ date: LocalDate) -> Instant { instant(date) }

    /// Local time as people read it: 2025-04-10 14:05.
    public func display(_ instant: Instant) -> String {
        let text = Instant.format(instant, offsetSeconds: offset(at: instant), milliseconds: false)
        // "2025-04-10T14:05..." with the T a space, without Foundation's search (a history prints thousands).
        var bytes = Array(text.utf8.prefix(16))
        for i in bytes.indices where bytes[i] == UInt8(ascii: "T") { bytes[i] = UInt8(ascii: " ") }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Reads JOURNAL_NOW: an ISO date (start of that local day) or date-time (local unless it names a zone).
    public static func parseNow(_ text: String, zone: TimeZone) -> Instant? {
        let probe = TimeContext(now: Instant(millisecondsSinceEpoch: 0), zone: zone)
        switch DateTimeSyntax.parse(text) {
        case .date(let date)?:
            return probe.instant(date)
        case .dateTime(let date, let h, let m, let s, let ms, let offset)?:
            if let offset { return Instant(date: date, hour: h, minute: m, second: s, millisecond: ms, offsetSeconds: offset) }
            return probe.instant(date, hour: h, minute: m, second: s, millisecond: ms)
        case nil:
            return nil
        }
    }
}
