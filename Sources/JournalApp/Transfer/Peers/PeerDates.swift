import JournalDomain

/// How a tool writes moments. The front end gives an example of each in its refusals.
public enum PeerTimeFormat: Sendable {
    /// Taskwarrior's and Timewarrior's UTC form: 20250401T090000Z.
    case compactUTC
    /// ISO 8601 with a zone offset (Watson): 2025-04-01T09:00:00+02:00, fractions of a second allowed.
    case isoWithOffset

    func parse(_ text: String) -> Instant? {
        switch self {
        case .compactUTC: return PeerDates.compactUTC(text)
        case .isoWithOffset: return Instant(iso: text)
        }
    }
}

/// How the tools write moments.
enum PeerDates {
    static func compactUTC(_ text: String) -> Instant? {
        let b = Array(text.utf8)
        guard b.count == 16, b[8] == UInt8(ascii: "T"), b[15] == UInt8(ascii: "Z") else { return nil }
        let iso = String(decoding: b[0..<4], as: UTF8.self) + "-" + String(decoding: b[4..<6], as: UTF8.self) + "-"
            + String(decoding: b[6..<8], as: UTF8.self) + "T" + String(decoding: b[9..<11], as: UTF8.self) + ":"
            + String(decoding: b[11..<13], as: UTF8.self) + ":" + String(decoding: b[13..<15], as: UTF8.self) + "Z"
        return Instant(iso: iso)
    }

    /// jrnl's date (2025-04-01) and time (09:30), a wall-clock time in the user's zone.
    static func localDateTime(date: String, time clock: String, in time: TimeContext) -> Instant? {
        let c = Array(clock.utf8)
        guard let day = LocalDate(iso: date), c.count == 5, c[2] == UInt8(ascii: ":"),
              let hour = twoDigits(c[0..<2]), let minute = twoDigits(c[3..<5]), hour < 24, minute < 60
        else { return nil }
        return time.instant(day, hour: hour, minute: minute)
    }

    private static func twoDigits(_ bytes: ArraySlice<UInt8>) -> Int? {
        guard bytes.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else { return nil }
        return bytes.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
    }
}
