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
        let local = Instant(millisecondsSinceEpoch: instant.millisecondsSinceEpoch + Int64(offset(at: instant)) * 1000)
        let (date, millisecondOfDay) = local.utcParts
        let hour = millisecondOfDay / 3_600_000, minute = millisecondOfDay / 60_000 % 60
        guard (0...9999).contains(date.year) else {
            return date.description + " " + LocalDate.pad(hour, 2) + ":" + LocalDate.pad(minute, 2)
        }
        // Written digit by digit: a history prints thousands of these, and string concatenation was most of its time.
        return String(unsafeUninitializedCapacity: 16) { out in
            func put(_ value: Int, _ width: Int, at offset: Int) {
                var rest = value
                for i in stride(from: offset + width - 1, through: offset, by: -1) {
                    out[i] = UInt8(ascii: "0") + UInt8(rest % 10)
                    rest /= 10
                }
            }
            put(date.year, 4, at: 0)
            out[4] = UInt8(ascii: "-")
            put(date.month, 2, at: 5)
            out[7] = UInt8(ascii: "-")
            put(date.day, 2, at: 8)
            out[10] = UInt8(ascii: " ")
            put(hour, 2, at: 11)
            out[13] = UInt8(ascii: ":")
            put(minute, 2, at: 14)
            return 16
        }
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
