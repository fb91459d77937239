/// Times of day as people type them where a moment is asked (`stop --at`, `log activity --from/--to`), read in
/// the journal's time zone relative to "now" (JOURNAL_NOW): a clock time today (9:30, 14:05, 9:30pm), a day and a
/// clock time ("yesterday 17:00", "monday 9:00", "2025-04-10 9:30"), "now", "N minutes ago", "N hours ago"
/// ("an hour ago", "90 min ago"), and every form `DateInput.moment` reads (ISO date-times). Pure: the zone's
/// daylight-saving jumps are the TimeContext's (a skipped wall time resolves as `TimeContext.instant` says).
public enum TimeInput {
    /// With `after` (the end of a span, read after its start), a bare clock time is the first such time after it
    /// (--from "yesterday 19:00" --to 21:30 ends yesterday evening; --from 23:30 --to 0:45 ends after midnight).
    public static func moment(_ raw: String, option: String, time: TimeContext, after: Instant? = nil) throws(DomainError) -> Instant {
        let text = DateInput.normalized(raw)
        if let after, let clock = clock(text) {
            let day = time.localDate(of: after)
            var end = time.instant(day, hour: clock.hour, minute: clock.minute)
            if end <= after { end = time.instant(day.adding(days: 1), hour: clock.hour, minute: clock.minute) }
            return try DateInput.supported(end, raw: raw, option: option, time: time)
        }
        if text == "now" { return time.now }
        if let back = ago(text) {
            return try DateInput.supported(Instant(millisecondsSinceEpoch: time.now.millisecondsSinceEpoch - back),
                                           raw: raw, option: option, time: time)
        }
        if let clock = clock(text) {
            return try DateInput.supported(time.instant(time.today, hour: clock.hour, minute: clock.minute), raw: raw, option: option, time: time)
        }
        // "yesterday 17:00", "last monday 9:30", "2025-04-10 9:30": a day form, then a clock time.
        if let space = text.lastIndex(of: " "), let clock = clock(String(text[text.index(after: space)...])) {
            let dayText = String(text[..<space])
            if let day = try? DateInput.day(dayText, option: option, time: time) {
                return try DateInput.supported(time.instant(day, hour: clock.hour, minute: clock.minute), raw: raw, option: option, time: time)
            }
            throw .invalidDate(name: .named(option), raw: raw, reading: .time)
        }
        if case .dateTime? = DateTimeSyntax.parse(text) {
            return try DateInput.moment(raw, option: option, time: time)
        }
        throw .invalidDate(name: .named(option), raw: raw, reading: .time)
    }

    /// 9:30, 09:30, 14:05, 9:30am, 9:30pm, 9am, 12am (midnight), 12pm (noon).
    static func clock(_ text: String) -> (hour: Int, minute: Int)? {
        var body = Substring(text)
        var meridiem: String?
        for suffix in ["am", "pm"] where body.hasSuffix(suffix) {
            meridiem = suffix
            body = body.dropLast(2)
            while body.last == " " { body.removeLast() }
        }
        let parts = body.split(separator: ":", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), (1...2).contains(parts[0].count),
              let hour = LocalDate.digits(ArraySlice(parts[0].utf8)) else { return nil }
        var minute = 0
        if parts.count == 2 {
            guard parts[1].count == 2, let m = LocalDate.digits(ArraySlice(parts[1].utf8)), m < 60 else { return nil }
            minute = m
        } else if meridiem == nil {
            return nil // "9" alone is a number, not a time
        }
        switch meridiem {
        case nil:
            guard hour < 24 else { return nil }
            return (hour, minute)
        case "am"?:
            guard (1...12).contains(hour) else { return nil }
            return (hour % 12, minute)
        default:
            guard (1...12).contains(hour) else { return nil }
            return (hour % 12 + 12, minute)
        }
    }

    /// "30 minutes ago", "an hour ago", "2 hours ago", "90 min ago": how far back, in milliseconds.
    static func ago(_ text: String) -> Int64? {
        let words = text.split(separator: " ")
        guard words.count == 3, words[2] == "ago", let n = DateInput.count(words[0]) else { return nil }
        switch words[1] {
        case "minute", "minutes", "min", "mins": return Int64(n) * 60_000
        case "hour", "hours", "h", "hr", "hrs": return Int64(n) * 3_600_000
        default: return nil
        }
    }
}
