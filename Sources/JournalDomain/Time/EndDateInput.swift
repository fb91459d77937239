/// Dates that end something: a deadline (--due, --by, a plan's deadline) or the last day of a span (--until).
/// Such a date is about what is still to come, so a weekday name means the next one (today when it is that
/// day), and the forms people use for deadlines are read: "next friday" (never today), "in 3 days",
/// "in 2 weeks", "end of week", "end of month", "end of quarter", "end of year". A week stands for its Sunday.
/// Past forms that cannot be mistaken ("yesterday", "3 days ago", "last friday", "last week") keep their
/// meaning, so a span can still end in the past.
extension DateInput {
    /// The day an end or a deadline names. `quarter` is the quarter "end of quarter" means: the goal's, when
    /// the command names it, else the one holding today.
    public static func end(_ raw: String, option: String, time: TimeContext, quarter: Quarter? = nil) throws(DomainError) -> LocalDate {
        let text = normalized(raw)
        let today = time.today
        let found: LocalDate
        if let ahead = aheadDay(text, today: today, quarter: quarter ?? today.quarter) {
            found = ahead
        } else if let relative = relativeDay(text, today: today) {
            found = relative
        } else if let week = week(text, today: today) {
            found = week.sunday
        } else if let day = isoWeekDay(text) {
            found = day
        } else if case .date(let date)? = DateTimeSyntax.parse(text) {
            found = date
        } else {
            throw .invalidDate(name: .named(option), raw: raw, reading: .end)
        }
        guard supported(found) != nil else {
            throw .dateOutOfRange(name: .named(option), raw: raw, day: found)
        }
        return found
    }

    /// The forward-looking forms; nil for anything else (left to the forms both readings share).
    static func aheadDay(_ text: String, today: LocalDate, quarter: Quarter) -> LocalDate? {
        if let weekday = weekdays[text] { return today.adding(days: (weekday - today.isoWeekday + 7) % 7) }
        let words = text.split(separator: " ")
        if words.count == 2, words[0] == "next", let weekday = weekdays[String(words[1])] {
            let ahead = (weekday - today.isoWeekday + 7) % 7
            return today.adding(days: ahead == 0 ? 7 : ahead)
        }
        if words.count == 3, words[0] == "in", let n = count(words[1]) {
            switch words[2] {
            case "day", "days": return today.adding(days: n)
            case "week", "weeks": return today.adding(days: 7 * n)
            default: return nil
            }
        }
        guard words.count == 3, words[0] == "end", words[1] == "of" else { return nil }
        switch words[2] {
        case "week": return IsoWeek(containing: today).sunday
        case "month": return LocalDate(validYear: today.year, month: today.month, day: LocalDate.daysIn(month: today.month, year: today.year))
        case "quarter": return quarter.lastDay
        case "year": return LocalDate(validYear: today.year, month: 12, day: 31)
        default: return nil
        }
    }
}
