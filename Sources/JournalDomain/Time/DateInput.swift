/// Dates as people type them, read in their time zone. The forms: an ISO date (2025-04-10),
/// "today", "yesterday", "N days ago"; where a moment is meant, also an ISO date-time
/// (2025-04-10T14:30, local unless it carries Z or an offset).
public enum DateInput {
    /// A calendar day. Impossible dates such as 2025-02-30 are refused.
    public static func day(_ raw: String, option: String, time: TimeContext) throws(DomainError) -> LocalDate {
        let text = raw.trimmingCharactersInWhitespace().lowercased()
        if let relative = relativeDay(text, today: time.today) { return relative }
        switch DateTimeSyntax.parse(text) {
        case .date(let date)?:
            return date
        default:
            throw DomainError(.invalidDate, "\(option) '\(printable(raw))' is not a valid date; use YYYY-MM-DD (e.g. 2025-04-10), today, yesterday or 'N days ago'")
        }
    }

    /// A moment: a date-time, or a day (now if it is today, else noon local time that day).
    public static func moment(_ raw: String, option: String, time: TimeContext) throws(DomainError) -> Instant {
        let text = raw.trimmingCharactersInWhitespace().lowercased()
        switch DateTimeSyntax.parse(text) {
        case .dateTime(let date, let h, let m, let s, let ms, let offset)?:
            if let offset { return Instant(date: date, hour: h, minute: m, second: s, millisecond: ms, offsetSeconds: offset) }
            return time.instant(date, hour: h, minute: m, second: s, millisecond: ms)
        default:
            let date = try day(raw, option: option, time: time)
            return date == time.today ? time.now : time.instant(date, hour: 12)
        }
    }

    static func relativeDay(_ text: String, today: LocalDate) -> LocalDate? {
        switch text {
        case "today": return today
        case "yesterday": return today.adding(days: -1)
        default: break
        }
        let words = text.split(separator: " ")
        guard words.count == 3, words[2] == "ago", words[1] == "days" || words[1] == "day",
              words[0].count <= 5, let n = LocalDate.digits(ArraySlice(words[0].utf8)) else { return nil }
        let date = today.adding(days: -n)
        return LocalDate.supportedYears.contains(date.year) ? date : nil
    }

    /// Keeps error messages on one line whatever the user typed.
    public static func printable(_ text: String, limit: Int = 40) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            if out.count >= limit { return out + "…" }
            if scalar.value < 0x20 || scalar.value == 0x7F { out += "?" } else { out.unicodeScalars.append(scalar) }
        }
        return out
    }
}
