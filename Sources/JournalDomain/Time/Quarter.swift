/// A calendar quarter: the unit of a sprint. It has 13 weeks: week N is days 7N-6 to 7N counted
/// from the quarter's first day, and week 13 runs on to the quarter's last day (6 to 8 days).
public struct Quarter: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let number: Int

    public static let weekCount = 13

    public init?(year: Int, number: Int) {
        guard LocalDate.supportedYears.contains(year), (1...4).contains(number) else { return nil }
        self.year = year
        self.number = number
    }

    init(validYear year: Int, number: Int) {
        self.year = year
        self.number = number
    }

    /// Reads 2025-Q2, Q2-2025 and "Q2 2025" (any case, surrounding spaces ignored).
    public init?(parsing raw: String) {
        let text = raw.trimmingCharactersInWhitespace().uppercased()
        let parts = text.split(whereSeparator: { $0 == "-" || $0 == " " })
        guard parts.count == 2 else { return nil }
        let (yearPart, quarterPart) = parts[0].hasPrefix("Q") ? (parts[1], parts[0]) : (parts[0], parts[1])
        guard yearPart.count == 4, quarterPart.count == 2, quarterPart.hasPrefix("Q"),
              let year = LocalDate.digits(ArraySlice(yearPart.utf8)),
              let number = LocalDate.digits(ArraySlice(quarterPart.dropFirst().utf8)) else { return nil }
        self.init(year: year, number: number)
    }

    // Both computed without a year check: a quarter next to the supported years (1899-Q4 before 1900-Q1, 10000-Q1
    // after 9999-Q4) still has its real days, so no range built from them can be upside down.
    public var firstDay: LocalDate {
        LocalDate(validYear: year, month: (number - 1) * 3 + 1, day: 1)
    }

    public var lastDay: LocalDate {
        let month = number * 3
        return LocalDate(validYear: year, month: month, day: LocalDate.daysIn(month: month, year: year))
    }

    /// Whether the quarter is one a person can name (its year is a supported one); `next` and `previous` of the
    /// first and last such quarters are not.
    public var isSupported: Bool { LocalDate.supportedYears.contains(year) }

    public var next: Quarter {
        number == 4 ? Quarter(validYear: year + 1, number: 1) : Quarter(validYear: year, number: number + 1)
    }

    public var previous: Quarter {
        number == 1 ? Quarter(validYear: year - 1, number: 4) : Quarter(validYear: year, number: number - 1)
    }

    public func contains(_ date: LocalDate) -> Bool { date >= firstDay && date <= lastDay }

    /// The sprint week (1...13) a date of this quarter falls in; nil outside the quarter.
    public func week(of date: LocalDate) -> Int? {
        guard contains(date) else { return nil }
        return min(firstDay.days(until: date) / 7 + 1, Quarter.weekCount)
    }

    /// First and last day of sprint week `week` (1...13).
    public func days(ofWeek week: Int) -> ClosedRange<LocalDate>? {
        guard (1...Quarter.weekCount).contains(week) else { return nil }
        let start = firstDay.adding(days: 7 * (week - 1))
        let end = week == Quarter.weekCount ? lastDay : start.adding(days: 6)
        return start...end
    }

    public static func < (a: Quarter, b: Quarter) -> Bool { (a.year, a.number) < (b.year, b.number) }

    /// The canonical form: 2025-Q2.
    public var description: String { "\(year)-Q\(number)" }
}

extension Quarter: Codable {
    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let quarter = Quarter(parsing: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                                                    debugDescription: "not a quarter: \(text)"))
        }
        self = quarter
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }
}

extension String {
    func trimmingCharactersInWhitespace() -> String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s = s.dropFirst() }
        while let l = s.last, l.isWhitespace { s = s.dropLast() }
        return String(s)
    }
}
