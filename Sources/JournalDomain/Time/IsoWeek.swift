/// An ISO 8601 week: Monday to Sunday, numbered 1 to 52 or 53 in its week-based year, week 1 being the week
/// that holds the year's first Thursday. Written 2025-W07.
public struct IsoWeek: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let week: Int

    /// Returns nil for a week the year does not have (2025-W53), a year outside the supported ones, or a week
    /// whose days leave them (9999-W52 ends on 10000-01-02).
    public init?(year: Int, week: Int) {
        guard LocalDate.supportedYears.contains(year), week >= 1, week <= IsoWeek.weeks(in: year) else { return nil }
        self.year = year
        self.week = week
        guard LocalDate.supportedYears.contains(monday.year), LocalDate.supportedYears.contains(sunday.year) else { return nil }
    }

    /// The week a day falls in (which may belong to the previous or next week-based year).
    public init(containing date: LocalDate) {
        let thursday = date.adding(days: 4 - date.isoWeekday)
        year = thursday.year
        week = (IsoWeek.firstMonday(of: thursday.year).days(until: thursday)) / 7 + 1
    }

    /// Reads 2025-W07 and 2025W07 (any case).
    public init?(parsing raw: String) {
        let bytes = Array(raw.trimmingCharactersInWhitespace().uppercased().utf8)
        let hasDash = bytes.count == 8 && bytes[4] == UInt8(ascii: "-")
        let w = hasDash ? 5 : 4
        guard bytes.count == w + 3, bytes[w] == UInt8(ascii: "W"),
              let year = LocalDate.digits(bytes[0..<4]), let week = LocalDate.digits(bytes[(w + 1)...]) else { return nil }
        self.init(year: year, week: week)
    }

    public var monday: LocalDate { IsoWeek.firstMonday(of: year).adding(days: 7 * (week - 1)) }
    public var sunday: LocalDate { monday.adding(days: 6) }
    public var days: ClosedRange<LocalDate> { monday...sunday }

    /// The ISO day of this week: 1 = Monday ... 7 = Sunday.
    public func day(_ weekday: Int) -> LocalDate { monday.adding(days: weekday - 1) }

    public var description: String { "\(year)-W\(week < 10 ? "0" : "")\(week)" }

    public static func < (a: IsoWeek, b: IsoWeek) -> Bool { (a.year, a.week) < (b.year, b.week) }

    /// The Monday of week 1: the Monday on or before January 4th.
    static func firstMonday(of year: Int) -> LocalDate {
        let january4 = LocalDate(validYear: year, month: 1, day: 4)
        return january4.adding(days: 1 - january4.isoWeekday)
    }

    /// 53 when the year starts on a Thursday, or is a leap year starting on a Wednesday; else 52.
    static func weeks(in year: Int) -> Int {
        IsoWeek(containing: LocalDate(validYear: year, month: 12, day: 28)).week
    }
}
