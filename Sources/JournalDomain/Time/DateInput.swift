/// Dates as people type them, read in their time zone. This is the reading for past facts (--on, --since,
/// --as-of, --as-known-at); deadlines and ends have their own (`end`, EndDateInput.swift). The forms: an ISO
/// date (2025-04-10), today, yesterday, tomorrow, "N days ago", "N weeks ago", a weekday name (the most recent
/// one: "monday" on a Wednesday is two days ago, on a Monday today; "last monday" is never today), an ISO week
/// day (2025-W07-3); a week (2025-W07, this week, last week, next week) stands for its Monday, or its Sunday
/// where the last day of what is asked about is meant. Where a moment is meant, also an ISO date-time
/// (2025-04-10T14:30, local unless it carries Z or an offset).
public enum DateInput {
    /// Which day of a week stands for the week where one day is asked for.
    public enum WeekSide: Sendable {
        /// Its Monday: --on, --since.
        case first
        /// Its Sunday: --as-of, --as-known-at (and every end or deadline, which `end` reads).
        case last
    }

    /// A calendar day. Impossible dates such as 2025-02-30 are refused.
    public static func day(_ raw: String, option: String, time: TimeContext, week side: WeekSide = .first) throws(DomainError) -> LocalDate {
        let text = normalized(raw)
        let found: LocalDate
        if let relative = relativeDay(text, today: time.today) {
            found = relative
        } else if let week = week(text, today: time.today) {
            found = side == .first ? week.monday : week.sunday
        } else if let day = isoWeekDay(text) {
            found = day
        } else if case .date(let date)? = DateTimeSyntax.parse(text) {
            found = date
        } else {
            throw .invalidDate(name: .named(option), raw: raw, reading: .past)
        }
        // A word or a week next to the ends of the calendar ("tomorrow" on 9999-12-31, the Sunday of 9999-W52)
        // can name a day no stored date can hold.
        guard supported(found) != nil else {
            throw .dateOutOfRange(name: .named(option), raw: raw, day: found)
        }
        return found
    }

    /// The days a date may name: those whose every instant, in every time zone, is a supported instant's.
    public static let supportedDays = "1900-01-01 to 9999-12-31"

    /// A week: 2025-W07, this week, last week, next week, "N weeks ago", or any day form (the week holding it).
    public static func week(_ raw: String, option: String, time: TimeContext) throws(DomainError) -> IsoWeek {
        if let week = week(normalized(raw), today: time.today) { return week }
        do {
            return IsoWeek(containing: try day(raw, option: option, time: time))
        } catch {
            throw .invalidWeekDate(name: .named(option), raw: raw)
        }
    }

    /// A moment: a date-time, or a day (now if it is today, else noon local time that day).
    public static func moment(_ raw: String, option: String, time: TimeContext) throws(DomainError) -> Instant {
        let text = normalized(raw)
        switch DateTimeSyntax.parse(text) {
        case .dateTime(let date, let h, let m, let s, let ms, let offset)?:
            let instant = offset.map { Instant(date: date, hour: h, minute: m, second: s, millisecond: ms, offsetSeconds: $0) }
                ?? time.instant(date, hour: h, minute: m, second: s, millisecond: ms)
            return try supported(instant, raw: raw, option: option, time: time)
        default:
            let date = try day(raw, option: option, time: time)
            return try supported(date == time.today ? time.now : time.instant(date, hour: 12), raw: raw, option: option, time: time)
        }
    }

    /// The moment, if the log can hold it: in some zones the first and last days of the calendar begin or end
    /// outside the supported instants (noon of 1900-01-01 in Tonga is still 1899 in UTC).
    static func supported(_ instant: Instant, raw: String, option: String, time: TimeContext) throws(DomainError) -> Instant {
        guard Instant.supported.contains(instant) else {
            throw .momentOutOfRange(name: .named(option), raw: raw, instant: instant)
        }
        return instant
    }

    /// Lowercased, trimmed, runs of spaces made one; "last-week" written as "last week".
    static func normalized(_ raw: String) -> String {
        let words = raw.lowercased().split(whereSeparator: { $0.isWhitespace })
        let text = words.joined(separator: " ")
        guard text.contains("-"), !text.contains(where: { $0.isNumber }) else { return text }
        return text.split(separator: "-").joined(separator: " ")
    }

    static func relativeDay(_ text: String, today: LocalDate) -> LocalDate? {
        switch text {
        case "today": return today
        case "yesterday": return today.adding(days: -1)
        case "tomorrow": return today.adding(days: 1)
        default: break
        }
        if let weekday = weekdays[text] { return supported(today.adding(days: -((today.isoWeekday - weekday + 7) % 7))) }
        let words = text.split(separator: " ")
        if words.count == 2, words[0] == "last", let weekday = weekdays[String(words[1])] {
            let back = (today.isoWeekday - weekday + 7) % 7
            return supported(today.adding(days: -(back == 0 ? 7 : back)))
        }
        guard words.count == 3, words[2] == "ago", let n = count(words[0]) else { return nil }
        switch words[1] {
        case "day", "days": return supported(today.adding(days: -n))
        case "week", "weeks": return supported(today.adding(days: -7 * n))
        default: return nil
        }
    }

    /// The weeks people name: 2025-W07, this week, last week, next week.
    static func week(_ text: String, today: LocalDate) -> IsoWeek? {
        let current = IsoWeek(containing: today)
        switch text {
        case "this week": return current
        case "last week": return supportedWeek(current.monday.adding(days: -7))
        case "next week": return supportedWeek(current.monday.adding(days: 7))
        default: return IsoWeek(parsing: text)
        }
    }

    /// 2025-W07-3: the Wednesday of that ISO week.
    static func isoWeekDay(_ text: String) -> LocalDate? {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[8] == UInt8(ascii: "-"), let weekday = LocalDate.digits(bytes[9...]),
              (1...7).contains(weekday), let week = IsoWeek(parsing: String(decoding: bytes[0..<8], as: UTF8.self)) else { return nil }
        return supported(week.day(weekday))
    }

    static let weekdays: [String: Int] = [
        "monday": 1, "mon": 1, "tuesday": 2, "tue": 2, "tues": 2, "wednesday": 3, "wed": 3,
        "thursday": 4, "thu": 4, "thur": 4, "thurs": 4, "friday": 5, "fri": 5, "saturday": 6, "sat": 6,
        "sunday": 7, "sun": 7,
    ]

    /// "3", "a", "an" or "one" in "3 days ago", "a week ago".
    static func count(_ word: Substring) -> Int? {
        if word == "a" || word == "an" || word == "one" { return 1 }
        guard word.count <= 5 else { return nil }
        return LocalDate.digits(ArraySlice(word.utf8))
    }

    static func supported(_ date: LocalDate) -> LocalDate? {
        LocalDate.supportedYears.contains(date.year) ? date : nil
    }

    static func supportedWeek(_ monday: LocalDate) -> IsoWeek? {
        supported(monday).map { IsoWeek(containing: $0) }
    }

    /// Keeps error messages on one line, short, and inert on a terminal whatever the user typed (ShownText.line).
    public static func printable(_ text: String, limit: Int = 40) -> String {
        let head = text.prefix(limit)
        return ShownText.line(String(head)) + (head.endIndex < text.endIndex ? "…" : "")
    }
}
