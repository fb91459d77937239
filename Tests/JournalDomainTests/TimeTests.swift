import Foundation
import Testing
@testable import JournalDomain

@Suite("Dates, instants and quarters")
struct TimeTests {
    @Test("impossible dates are refused, real ones accepted", arguments: [
        ("2025-02-30", false), ("2025-02-29", false), ("2024-02-29", true), ("2100-02-29", false), ("2000-02-29", true),
        ("2025-13-01", false), ("2025-00-10", false), ("2025-04-31", false), ("2025-04-30", true), ("2025-4-30", false),
        ("20250430", false), ("2025-04-3a", false), ("1899-12-31", false), ("9999-12-31", true),
    ])
    func isoDates(text: String, valid: Bool) {
        #expect((LocalDate(iso: text) != nil) == valid)
    }

    /// An import stores text in the stored form as it is, instead of parsing and formatting it again.
    @Test func theStoredFormIsExactlyWhatDescriptionWrites() {
        var generator = SystemRandomNumberGenerator()
        let lowest = Instant(date: LocalDate(year: 1900, month: 1, day: 1) ?? LocalDate(dayNumber: 0)).millisecondsSinceEpoch
        let highest = Instant(date: LocalDate(year: 9999, month: 12, day: 31) ?? LocalDate(dayNumber: 0), hour: 23, minute: 59,
                              second: 59, millisecond: 999).millisecondsSinceEpoch
        let instants = [lowest, highest, 0, 951_782_400_000, 1_709_164_800_000, 1_709_251_199_999]
            + (0..<2000).map { _ in Int64.random(in: lowest...highest, using: &generator) }
        for ms in instants {
            let instant = Instant(millisecondsSinceEpoch: ms)
            let text = Array(instant.description.utf8)
            #expect(text.withUnsafeBufferPointer { Instant.storedForm($0) } == instant, "\(instant)")
        }
        for text in ["2025-04-10T12:00:00Z", "2025-04-10T12:00:00.000+00:00", "2025-04-10t12:00:00.000Z", "2025-04-10T12:00:00.000z",
                     "2025-02-29T12:00:00.000Z", "2025-04-10T24:00:00.000Z", "2025-04-10T12:00:00.0000Z",
                     "2025-04-10 12:00:00.000Z", "+2025-04-10T12:00:00.000Z"] {
            #expect(Array(text.utf8).withUnsafeBufferPointer { Instant.storedForm($0) } == nil, "\(text)")
        }
        // Times outside the supported range still read (issue 19: an earlier build stored them), any year 1-9999.
        for text in ["1899-12-31T23:59:59.999Z", "0001-01-01T00:00:00.000Z", "9999-12-31T23:59:59.999Z"] {
            let read = Array(text.utf8).withUnsafeBufferPointer { Instant.storedForm($0) }
            #expect(read?.description == text, "\(text)")
            #expect(read.map { Instant.supported.contains($0) } == false, "\(text)")
        }
        #expect(Array("0000-01-01T00:00:00.000Z".utf8).withUnsafeBufferPointer { Instant.storedForm($0) } == nil)
    }

    @Test func dayNumbersRoundTrip() throws {
        let epoch = try #require(LocalDate(iso: "1970-01-01"))
        #expect(epoch.dayNumber == 0)
        #expect(epoch.isoWeekday == 4)
        let date = try #require(LocalDate(iso: "2025-04-10"))
        #expect(LocalDate(dayNumber: date.dayNumber) == date)
        #expect(date.adding(days: 21).description == "2025-05-01")
        #expect(date.adding(days: -100).description == "2024-12-31")
        for n in stride(from: -30_000, through: 2_900_000, by: 997) {
            #expect(LocalDate(dayNumber: n).dayNumber == n)
        }
    }

    @Test func instantsFormatWithMilliseconds() throws {
        let date = try #require(LocalDate(iso: "2025-04-10"))
        let instant = Instant(date: date, hour: 9, minute: 5, second: 7, millisecond: 42)
        #expect(instant.description == "2025-04-10T09:05:07.042Z")
        #expect(Instant(iso: instant.description) == instant)
        #expect(Instant(iso: "2025-04-10T11:05:07.042+02:00") == instant)
        #expect(Instant(iso: "2025-04-10T09:05:07") == nil, "a stored instant must name its zone")
        #expect(Instant(iso: "2025-04-10T24:00:00Z") == nil)
        #expect(Instant(millisecondsSinceEpoch: -1).description == "1969-12-31T23:59:59.999Z")
    }

    @Test("quarters in the three forms people type", arguments: [
        ("2025-Q2", "2025-Q2"), ("Q2-2025", "2025-Q2"), ("Q2 2025", "2025-Q2"), ("q4 2026", "2026-Q4"), (" 2025-q1 ", "2025-Q1"),
    ])
    func quarterForms(text: String, canonical: String) throws {
        #expect(try #require(Quarter(parsing: text)).description == canonical)
    }

    @Test("malformed quarters", arguments: ["2025-Q5", "2025-Q0", "Q5 2025", "2025", "25-Q2", "2025-Q2-1", "", "Q2/2025", "2025-Q22"])
    func malformedQuarters(text: String) {
        #expect(Quarter(parsing: text) == nil)
    }

    @Test func quarterHasThirteenWeeks() throws {
        let q2 = try #require(Quarter(parsing: "2025-Q2"))
        #expect(q2.firstDay.description == "2025-04-01")
        #expect(q2.lastDay.description == "2025-06-30")
        #expect(q2.days(ofWeek: 1)?.lowerBound.description == "2025-04-01")
        #expect(q2.days(ofWeek: 1)?.upperBound.description == "2025-04-07")
        #expect(q2.days(ofWeek: 12)?.upperBound.description == "2025-06-23")
        // Week 13 runs on to the last day: 91 days - 84 = 7 days here.
        #expect(q2.days(ofWeek: 13)?.lowerBound.description == "2025-06-24")
        #expect(q2.days(ofWeek: 13)?.upperBound.description == "2025-06-30")
        #expect(q2.week(of: try #require(LocalDate(iso: "2025-04-08"))) == 2)
        #expect(q2.week(of: try #require(LocalDate(iso: "2025-06-30"))) == 13)
        #expect(q2.week(of: try #require(LocalDate(iso: "2025-07-01"))) == nil)
        #expect(q2.days(ofWeek: 14) == nil)
        // Q3 has 92 days, so its week 13 has 8; Q1 of a common year has 90, so 6.
        let q3 = try #require(Quarter(parsing: "2025-Q3"))
        #expect(q3.days(ofWeek: 13).map { $0.lowerBound.days(until: $0.upperBound) + 1 } == 8)
        let q1 = try #require(Quarter(parsing: "2025-Q1"))
        #expect(q1.days(ofWeek: 13).map { $0.lowerBound.days(until: $0.upperBound) + 1 } == 6)
        #expect(q1.previous.description == "2024-Q4")
        #expect(try #require(Quarter(parsing: "2025-Q4")).next.description == "2026-Q1")
    }

    func context(_ now: String, zone: String) throws -> TimeContext {
        let tz = try #require(TimeZone(identifier: zone))
        return TimeContext(now: try #require(TimeContext.parseNow(now, zone: tz)), zone: tz)
    }

    @Test func datesAreReadInTheUsersZone() throws {
        let time = try context("2025-04-10T23:30", zone: "America/Los_Angeles")
        #expect(time.now.description == "2025-04-11T06:30:00.000Z")
        #expect(time.today.description == "2025-04-10")
        #expect(try DateInput.day("yesterday", option: "--on", time: time).description == "2025-04-09")
        #expect(try DateInput.day("today", option: "--on", time: time).description == "2025-04-10")
        #expect(try DateInput.day("3 days ago", option: "--on", time: time).description == "2025-04-07")
        // A past day is noon local time; today is now; a date-time is local unless it names a zone.
        #expect(try DateInput.moment("2025-04-08", option: "--on", time: time).description == "2025-04-08T19:00:00.000Z")
        #expect(try DateInput.moment("today", option: "--on", time: time) == time.now)
        #expect(try DateInput.moment("2025-04-08T14:30", option: "--on", time: time).description == "2025-04-08T21:30:00.000Z")
        #expect(try DateInput.moment("2025-04-08T14:30Z", option: "--on", time: time).description == "2025-04-08T14:30:00.000Z")
        // Daylight saving: January is UTC-8.
        #expect(try DateInput.moment("2025-01-08T14:30", option: "--on", time: time).description == "2025-01-08T22:30:00.000Z")
    }

    @Test("malformed and impossible typed dates are usage errors", arguments: ["2025-02-30", "next tuesday", "", "2025/04/10", "99999 days ago", "2025-04-10T25:00"])
    func badTypedDates(text: String) throws {
        let time = try context("2025-04-10", zone: "UTC")
        #expect(throws: DomainError.self) { try DateInput.moment(text, option: "--on", time: time) }
        do {
            _ = try DateInput.moment(text, option: "--on", time: time)
        } catch {
            #expect(error.code == .invalidDate)
            #expect(error.isUsageError)
            // The raw text is carried as typed; the words keep it to one line (DomainErrorWordsTests).
            #expect(error == .invalidDate(name: .named("--on"), raw: text, reading: .past), "\(error)")
        }
    }

    @Test func journalNowAcceptsDatesAndDateTimes() throws {
        let utc = try #require(TimeZone(identifier: "UTC"))
        #expect(TimeContext.parseNow("2025-04-10", zone: utc)?.description == "2025-04-10T00:00:00.000Z")
        #expect(TimeContext.parseNow("2025-04-10T09:30:15.5Z", zone: utc)?.description == "2025-04-10T09:30:15.500Z")
        #expect(TimeContext.parseNow("tomorrow", zone: utc) == nil)
    }
}
