/// A moment in UTC, with millisecond precision: the resolution the log stores.
public struct Instant: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let millisecondsSinceEpoch: Int64

    public init(millisecondsSinceEpoch: Int64) {
        self.millisecondsSinceEpoch = millisecondsSinceEpoch
    }

    /// The instant a wall-clock time in a zone `offsetSeconds` east of UTC stands for.
    public init(date: LocalDate, hour: Int = 0, minute: Int = 0, second: Int = 0, millisecond: Int = 0,
                offsetSeconds: Int = 0) {
        let seconds = Int64(date.dayNumber) * 86_400 + Int64(hour * 3600 + minute * 60 + second)
            - Int64(offsetSeconds)
        self.init(millisecondsSinceEpoch: seconds * 1000 + Int64(millisecond))
    }

    /// The instants the log holds: from 1900-01-02 to 9999-12-30 in UTC, so that in every time zone (offsets
    /// of at most a day) each one falls on a supported local day (1900-01-01 to 9999-12-31). The commands refuse
    /// a time outside, in every zone, and so does an import; a reader meets one only in a journal an earlier
    /// build wrote, and reads it all the same.
    public static let supported = Instant(date: LocalDate(validYear: 1900, month: 1, day: 2))
        ... Instant(millisecondsSinceEpoch: Instant(date: LocalDate(validYear: 9999, month: 12, day: 31)).millisecondsSinceEpoch - 1)

    public static let supportedText = "1900-01-02T00:00:00.000Z to 9999-12-30T23:59:59.999Z"

    public static func < (a: Instant, b: Instant) -> Bool {
        a.millisecondsSinceEpoch < b.millisecondsSinceEpoch
    }

    /// The UTC calendar date and time of day.
    public var utcParts: (date: LocalDate, millisecondOfDay: Int) {
        let ms = millisecondsSinceEpoch
        var days = ms / 86_400_000
        var rest = ms % 86_400_000
        if rest < 0 { rest += 86_400_000; days -= 1 }
        return (LocalDate(dayNumber: Int(days)), Int(rest))
    }

    /// The local date in a zone `offsetSeconds` east of UTC.
    public func localDate(offsetSeconds: Int) -> LocalDate {
        Instant(millisecondsSinceEpoch: millisecondsSinceEpoch + Int64(offsetSeconds) * 1000).utcParts.date
    }

    /// ISO 8601 in UTC with milliseconds: 2025-04-10T12:00:00.000Z (the stored form).
    public var description: String { Instant.format(self, offsetSeconds: 0, milliseconds: true) }

    public static func format(_ instant: Instant, offsetSeconds: Int, milliseconds: Bool) -> String {
        let shifted = Instant(millisecondsSinceEpoch: instant.millisecondsSinceEpoch + Int64(offsetSeconds) * 1000)
        let (date, msOfDay) = shifted.utcParts
        let h = msOfDay / 3_600_000, m = msOfDay / 60_000 % 60, s = msOfDay / 1000 % 60, ms = msOfDay % 1000
        var text = date.description + "T" + LocalDate.pad(h, 2) + ":" + LocalDate.pad(m, 2) + ":" + LocalDate.pad(s, 2)
        if milliseconds { text += "." + LocalDate.pad(ms, 3) }
        if offsetSeconds == 0 { return text + "Z" }
        let sign = offsetSeconds < 0 ? "-" : "+"
        let off = abs(offsetSeconds) / 60
        return text + sign + LocalDate.pad(off / 60, 2) + ":" + LocalDate.pad(off % 60, 2)
    }

    /// Parses the stored form (and any ISO date-time with an explicit Z or offset).
    public init?(iso text: String) {
        if let stored = text.utf8.withContiguousStorageIfAvailable(Instant.storedForm), let stored {
            self = stored
            return
        }
        guard case .dateTime(let date, let h, let m, let s, let ms, .some(let offset))? = DateTimeSyntax.parse(text, anyYear: true)
        else { return nil }
        self.init(date: date, hour: h, minute: m, second: s, millisecond: ms, offsetSeconds: offset)
    }

    /// The same as `Instant(iso: String(decoding: utf8, as: UTF8.self))`, without making the string when the
    /// bytes are in the stored form (what the log reads back for every event).
    public init?(isoUTF8 utf8: UnsafeBufferPointer<UInt8>) {
        if let stored = Instant.storedForm(utf8) {
            self = stored
            return
        }
        guard let instant = Instant(iso: String(decoding: utf8, as: UTF8.self)) else { return nil }
        self = instant
    }

    /// Exactly YYYY-MM-DDTHH:MM:SS.mmmZ (what `description` writes) with a valid date and time; nil for
    /// anything else, which the general parser then reads (or refuses). When it gives an instant, that
    /// instant's `description` is these very bytes: text in this form can be stored as it is.
    public static func storedForm(_ b: UnsafeBufferPointer<UInt8>) -> Instant? {
        guard b.count == 24, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-"), b[10] == UInt8(ascii: "T"),
              b[13] == UInt8(ascii: ":"), b[16] == UInt8(ascii: ":"), b[19] == UInt8(ascii: "."),
              b[23] == UInt8(ascii: "Z") else { return nil }
        @inline(__always) func digit(_ i: Int) -> Int? {
            let d = b[i] &- UInt8(ascii: "0")
            return d < 10 ? Int(d) : nil
        }
        guard let y0 = digit(0), let y1 = digit(1), let y2 = digit(2), let y3 = digit(3),
              let mo0 = digit(5), let mo1 = digit(6), let d0 = digit(8), let d1 = digit(9),
              let h0 = digit(11), let h1 = digit(12), let mi0 = digit(14), let mi1 = digit(15),
              let s0 = digit(17), let s1 = digit(18), let f0 = digit(20), let f1 = digit(21), let f2 = digit(22)
        else { return nil }
        let hour = h0 * 10 + h1, minute = mi0 * 10 + mi1, second = s0 * 10 + s1
        // Any year of four digits: a time outside the supported ones (written by an earlier build) must still
        // read, so that one event cannot make the whole journal unreadable.
        guard hour < 24, minute < 60, second < 60,
              let date = LocalDate(anyYear: y0 * 1000 + y1 * 100 + y2 * 10 + y3, month: mo0 * 10 + mo1, day: d0 * 10 + d1)
        else { return nil }
        return Instant(date: date, hour: hour, minute: minute, second: second, millisecond: f0 * 100 + f1 * 10 + f2,
                       offsetSeconds: 0)
    }
}

extension Instant: Codable {
    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let instant = Instant(iso: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                                                    debugDescription: "not an ISO date-time: \(text)"))
        }
        self = instant
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }
}

/// The ISO 8601 shapes we read: a date, or a date-time with optional seconds, fraction and zone.
enum DateTimeSyntax: Equatable {
    case date(LocalDate)
    /// offset nil means "local time": the caller applies the user's zone.
    case dateTime(LocalDate, Int, Int, Int, Int, Int?)

    /// With `anyYear`, a date of any year from 1 to 9999 (times as stored, which an earlier build may have written
    /// outside the supported years); else only the supported years, as people may type them.
    static func parse(_ text: String, anyYear: Bool = false) -> DateTimeSyntax? {
        let bytes = Array(text.utf8)
        guard bytes.count >= 10, let date = LocalDate(isoBytes: bytes[0..<10], anyYear: anyYear)
        else { return nil }
        if bytes.count == 10 { return .date(date) }
        guard bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: "t") || bytes[10] == UInt8(ascii: " "),
              bytes.count >= 16,
              bytes[13] == UInt8(ascii: ":"),
              let h = LocalDate.digits(bytes[11..<13]), let m = LocalDate.digits(bytes[14..<16]),
              h < 24, m < 60 else { return nil }
        var i = 16
        var s = 0, ms = 0
        if i < bytes.count, bytes[i] == UInt8(ascii: ":") {
            guard i + 3 <= bytes.count, let sec = LocalDate.digits(bytes[(i + 1)..<(i + 3)]), sec < 60 else { return nil }
            s = sec
            i += 3
            if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
                var j = i + 1
                var digits = 0
                var value = 0
                while j < bytes.count, bytes[j] >= 48, bytes[j] <= 57 {
                    if digits < 3 { value = value * 10 + Int(bytes[j] - 48) }
                    digits += 1
                    j += 1
                }
                guard digits > 0, digits <= 9 else { return nil }
                // (digits..<3 with more than three digits would trap: an empty range needs lower <= upper.)
                if digits < 3 { for _ in digits..<3 { value *= 10 } }
                ms = value
                i = j
            }
        }
        if i == bytes.count { return .dateTime(date, h, m, s, ms, nil) }
        if bytes[i] == UInt8(ascii: "Z") || bytes[i] == UInt8(ascii: "z") {
            return i + 1 == bytes.count ? .dateTime(date, h, m, s, ms, 0) : nil
        }
        guard bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-"), i + 6 == bytes.count,
              bytes[i + 3] == UInt8(ascii: ":"),
              let oh = LocalDate.digits(bytes[(i + 1)..<(i + 3)]), let om = LocalDate.digits(bytes[(i + 4)..<(i + 6)]),
              oh <= 14, om < 60 else { return nil }
        let offset = (oh * 3600 + om * 60) * (bytes[i] == UInt8(ascii: "-") ? -1 : 1)
        return .dateTime(date, h, m, s, ms, offset)
    }
}
