import Foundation
import Testing
@testable import JournalDomain

@Suite("Natural dates, ISO weeks and relative quarters")
struct NaturalDateTests {
    /// Thursday 2025-04-10 in UTC, unless another day is named.
    func context(_ now: String = "2025-04-10T09:00") throws -> TimeContext {
        let utc = try #require(TimeZone(identifier: "UTC"))
        return TimeContext(now: try #require(TimeContext.parseNow(now, zone: utc)), zone: utc)
    }

    func day(_ text: String, _ now: String = "2025-04-10T09:00", week side: DateInput.WeekSide = .first) throws -> String {
        try DateInput.day(text, option: "--on", time: try context(now), week: side).description
    }

    @Test("relative days", arguments: [
        ("today", "2025-04-10"), ("yesterday", "2025-04-09"), ("tomorrow", "2025-04-11"),
        ("3 days ago", "2025-04-07"), ("1 day ago", "2025-04-09"), ("a day ago", "2025-04-09"),
        ("2 weeks ago", "2025-03-27"), ("a week ago", "2025-04-03"), ("  3   Days   AGO ", "2025-04-07"),
    ])
    func relativeDays(text: String, expected: String) throws {
        #expect(try day(text) == expected)
    }

    /// The past bias Watson's and jrnl's users asked for: a weekday is the most recent one, never a future day.
    @Test("weekday names mean the most recent one", arguments: [
        ("monday", "2025-04-07"), ("Mon", "2025-04-07"), ("wednesday", "2025-04-09"), ("thursday", "2025-04-10"),
        ("friday", "2025-04-04"), ("sun", "2025-04-06"), ("tues", "2025-04-08"),
        ("last thursday", "2025-04-03"), ("last monday", "2025-04-07"), ("last-friday", "2025-04-04"),
    ])
    func weekdays(text: String, expected: String) throws {
        #expect(try day(text) == expected)
    }

    @Test func mondayOnAWednesdayIsTwoDaysAgo() throws {
        #expect(try day("monday", "2025-04-09T10:00") == "2025-04-07")
        #expect(try day("wednesday", "2025-04-09T10:00") == "2025-04-09")
        #expect(try day("last wednesday", "2025-04-09T10:00") == "2025-04-02")
    }

    @Test("weeks stand for their Monday, or their Sunday at the end of a span", arguments: [
        ("2025-W07", "2025-02-10", "2025-02-16"), ("2025w07", "2025-02-10", "2025-02-16"),
        ("this week", "2025-04-07", "2025-04-13"), ("last week", "2025-03-31", "2025-04-06"),
        ("last-week", "2025-03-31", "2025-04-06"), ("next week", "2025-04-14", "2025-04-20"),
        ("2026-W01", "2025-12-29", "2026-01-04"), ("2020-W53", "2020-12-28", "2021-01-03"),
    ])
    func weeksAsDays(text: String, monday: String, sunday: String) throws {
        #expect(try day(text, week: .first) == monday)
        #expect(try day(text, week: .last) == sunday)
    }

    @Test func isoWeekDays() throws {
        #expect(try day("2025-W07-3") == "2025-02-12")
        #expect(try day("2025-W01-1") == "2024-12-30")
        #expect(throws: DomainError.self) { try day("2025-W07-8") }
        #expect(throws: DomainError.self) { try day("2025-W07-0") }
    }

    @Test("ISO week numbering", arguments: [
        ("2025-04-10", "2025-W15"), ("2024-12-30", "2025-W01"), ("2021-01-03", "2020-W53"), ("2015-12-31", "2015-W53"),
        ("2016-01-03", "2015-W53"), ("2016-01-04", "2016-W01"), ("2026-12-31", "2026-W53"), ("2027-01-01", "2026-W53"),
    ])
    func weekOfDay(date: String, week: String) throws {
        let local = try #require(LocalDate(iso: date))
        let isoWeek = IsoWeek(containing: local)
        #expect(isoWeek.description == week)
        #expect(isoWeek.days.contains(local))
        #expect(isoWeek.monday.isoWeekday == 1)
        #expect(IsoWeek(parsing: week) == isoWeek)
    }

    @Test func everyDayOfFourHundredYearsIsInTheWeekItsWeekNames() throws {
        let start = try #require(LocalDate(iso: "2000-01-01"))
        var previous = IsoWeek(containing: start)
        for offset in 1..<(146_097 / 4) {
            let date = start.adding(days: offset)
            let week = IsoWeek(containing: date)
            #expect(week.monday.adding(days: date.isoWeekday - 1) == date)
            if date.isoWeekday == 1 {
                // Weeks follow each other without gaps: the next week number, or week 1 of the next year.
                let expected = previous.week == IsoWeek.weeks(in: previous.year) ? (previous.year + 1, 1) : (previous.year, previous.week + 1)
                #expect((week.year, week.week) == expected, "\(date)")
            } else {
                #expect(week == previous, "\(date)")
            }
            previous = week
        }
    }

    @Test("weeks a year does not have, and malformed weeks, are refused", arguments: [
        "2025-W53", "2025-W00", "2025-W7", "2025-W007", "1899-W52", "W07-2025", "2025-Q1", "next tuesday", "last", "monday ago",
    ])
    func badWeeks(text: String) throws {
        let time = try context()
        #expect(IsoWeek(parsing: text) == nil)
        #expect(throws: DomainError.self) { try DateInput.day(text, option: "--since", time: time) }
    }

    @Test func aWeekCanBeNamedByAnyDayInIt() throws {
        let time = try context()
        #expect(try DateInput.week("2025-04-09", option: "--week", time: time).description == "2025-W15")
        #expect(try DateInput.week("last week", option: "--week", time: time).description == "2025-W14")
        #expect(try DateInput.week("2 weeks ago", option: "--week", time: time).description == "2025-W13")
        #expect(try DateInput.week("2025-W07", option: "--week", time: time).description == "2025-W07")
        do {
            _ = try DateInput.week("soon", option: "--week", time: time)
            Issue.record("'soon' was read as a week")
        } catch {
            #expect(error == .invalidWeekDate(name: .named("--week"), raw: "soon"))
        }
    }

    @Test func aMomentOnANamedDayIsNoonThatDay() throws {
        let time = try context()
        #expect(try DateInput.moment("monday", option: "--on", time: time).description == "2025-04-07T12:00:00.000Z")
        #expect(try DateInput.moment("thursday", option: "--on", time: time) == time.now)
        #expect(try DateInput.moment("last week", option: "--on", time: time).description == "2025-03-31T12:00:00.000Z")
    }

    @Test("quarters, absolute and relative", arguments: [
        ("2025-Q2", "2025-Q2"), ("Q2-2025", "2025-Q2"), ("q2 2025", "2025-Q2"), ("this-quarter", "2025-Q2"),
        ("this quarter", "2025-Q2"), ("last-quarter", "2025-Q1"), ("Last Quarter", "2025-Q1"), ("next-quarter", "2025-Q3"),
    ])
    func quarters(text: String, expected: String) throws {
        #expect(try Validate.quarter(text, today: try #require(LocalDate(iso: "2025-04-10"))).description == expected)
    }

    @Test func relativeQuartersCrossYears() throws {
        #expect(try Validate.quarter("last-quarter", today: try #require(LocalDate(iso: "2025-01-15"))).description == "2024-Q4")
        #expect(try Validate.quarter("next-quarter", today: try #require(LocalDate(iso: "2025-12-31"))).description == "2026-Q1")
    }

    @Test("relative words are not quarters in stored data", arguments: ["this-quarter", "last-quarter", "2025-Q5", "quarter"])
    func storedQuartersAreAbsolute(text: String) throws {
        #expect(Quarter(parsing: text) == nil)
        if text != "this-quarter" && text != "last-quarter" {
            #expect(throws: DomainError.self) { try Validate.quarter(text, today: try #require(LocalDate(iso: "2025-04-10"))) }
        }
    }

    @Test func aCalendarWeekBecomesTheSprintWeeksItsDaysFallIn() throws {
        // 2025-Q2 starts on Tuesday April 1: sprint week 1 is Apr 1-7, so the ISO week of Apr 7-13 spans weeks 1 and 2.
        let q2 = try #require(Quarter(parsing: "2025-Q2"))
        let goal = GoalState(GoalSet(key: "aws", title: "Pass the AWS exam", quarter: q2))
        #expect(try Decider.sprintWeeks(of: try #require(IsoWeek(parsing: "2025-W15")), in: goal) == WeekSpan(first: 1, last: 2))
        // The week holding Apr 1 begins in March: only its days in the quarter count.
        #expect(try Decider.sprintWeeks(of: try #require(IsoWeek(parsing: "2025-W14")), in: goal) == WeekSpan(first: 1, last: 1))
        // June 30 is a Monday: its ISO week ends in Q3, and sprint week 13 runs to the quarter's last day.
        #expect(try Decider.sprintWeeks(of: try #require(IsoWeek(parsing: "2025-W27")), in: goal) == WeekSpan(first: 13, last: 13))
        #expect(throws: DomainError.self) { try Decider.sprintWeeks(of: try #require(IsoWeek(parsing: "2025-W28")), in: goal) }
        #expect(throws: DomainError.self) { try Decider.sprintWeeks(of: try #require(IsoWeek(parsing: "2025-W13")), in: goal) }
    }
}

/// Dates that end something (--due, --by, --until, a plan's deadlines) look ahead; past facts keep the past bias.
@Suite("Deadlines and ends read ahead")
struct EndDateTests {
    func context(_ today: String) throws -> TimeContext {
        let utc = try #require(TimeZone(identifier: "UTC"))
        return TimeContext(now: try #require(TimeContext.parseNow(today + "T09:00", zone: utc)), zone: utc)
    }

    func end(_ text: String, on today: String = "2025-04-10", quarter: Quarter? = nil) throws -> String {
        try DateInput.end(text, option: "--due", time: try context(today), quarter: quarter).description
    }

    /// Thursday 2025-04-10.
    @Test("the forms, on a Thursday", arguments: [
        ("friday", "2025-04-11"), ("Fri", "2025-04-11"), ("thursday", "2025-04-10"), ("wednesday", "2025-04-16"),
        ("monday", "2025-04-14"), ("sun", "2025-04-13"),
        ("next friday", "2025-04-11"), ("next thursday", "2025-04-17"), ("next-monday", "2025-04-14"),
        ("in 3 days", "2025-04-13"), ("in 1 day", "2025-04-11"), ("in a day", "2025-04-11"), ("in 0 days", "2025-04-10"),
        ("in 2 weeks", "2025-04-24"), ("In One Week", "2025-04-17"),
        ("end of week", "2025-04-13"), ("end of month", "2025-04-30"), ("end-of-month", "2025-04-30"),
        ("end of quarter", "2025-06-30"), ("end of year", "2025-12-31"),
        ("today", "2025-04-10"), ("tomorrow", "2025-04-11"), ("this week", "2025-04-13"), ("next week", "2025-04-20"),
        ("2025-W20", "2025-05-18"), ("2025-W20-2", "2025-05-13"), ("2025-06-15", "2025-06-15"),
        // Past forms that cannot be mistaken keep their meaning: a span may end in the past.
        ("yesterday", "2025-04-09"), ("3 days ago", "2025-04-07"), ("last friday", "2025-04-04"), ("last week", "2025-04-06"),
    ])
    func formsOnAThursday(text: String, expected: String) throws {
        #expect(try end(text) == expected)
    }

    /// Every weekday as today, every weekday named: the next such day (today on that day), "next" never today,
    /// while the past reading still gives the most recent one.
    @Test func everyWeekdayAsToday() throws {
        let names = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
        let monday = try #require(LocalDate(iso: "2025-04-07"))
        for offset in 0..<7 {
            let today = monday.adding(days: offset)
            let time = try context(today.description)
            for (index, name) in names.enumerated() {
                let weekday = index + 1
                let ahead = try DateInput.end(name, option: "--due", time: time)
                let next = try DateInput.end("next " + name, option: "--due", time: time)
                let past = try DateInput.day(name, option: "--on", time: time)
                #expect(ahead.isoWeekday == weekday && ahead >= today && today.days(until: ahead) < 7, "\(name) on \(today)")
                #expect(next.isoWeekday == weekday && next > today && today.days(until: next) <= 7, "next \(name) on \(today)")
                #expect(past.isoWeekday == weekday && past <= today && past.days(until: today) < 7, "\(name) in the past on \(today)")
                #expect((ahead == today) == (today.isoWeekday == weekday))
                #expect(next == (ahead == today ? today.adding(days: 7) : ahead))
            }
        }
    }

    @Test("month ends, leap years included", arguments: [
        ("2025-01-31", "2025-01-31"), ("2025-02-01", "2025-02-28"), ("2024-02-10", "2024-02-29"), ("2000-02-01", "2000-02-29"),
        ("2100-02-03", "2100-02-28"), ("2025-04-01", "2025-04-30"), ("2025-12-15", "2025-12-31"),
    ])
    func monthEnds(today: String, expected: String) throws {
        #expect(try end("end of month", on: today) == expected)
    }

    @Test("quarter ends: today's quarter, or the goal's when the command names it", arguments: [
        ("2025-03-31", nil, "2025-03-31"), ("2025-04-01", nil, "2025-06-30"), ("2025-09-30", nil, "2025-09-30"),
        ("2025-12-31", nil, "2025-12-31"), ("2025-09-28", "2025-Q4", "2025-12-31"), ("2025-11-20", "2025-Q3", "2025-09-30"),
    ])
    func quarterEnds(today: String, quarter: String?, expected: String) throws {
        #expect(try end("end of quarter", on: today, quarter: quarter.flatMap(Quarter.init(parsing:))) == expected)
    }

    @Test("across the year's end", arguments: [
        ("2025-12-30", "in 3 days", "2026-01-02"), ("2025-12-29", "friday", "2026-01-02"), ("2025-12-31", "end of year", "2025-12-31"),
        ("2025-12-31", "next monday", "2026-01-05"), ("2026-12-31", "end of week", "2027-01-03"), ("2025-12-31", "tomorrow", "2026-01-01"),
        ("2025-12-24", "in 2 weeks", "2026-01-07"), ("2025-12-31", "next week", "2026-01-11"),
    ])
    func yearEnd(today: String, text: String, expected: String) throws {
        #expect(try end(text, on: today) == expected)
    }

    @Test("around a leap day", arguments: [
        ("2024-02-28", "in 1 day", "2024-02-29"), ("2024-02-29", "tomorrow", "2024-03-01"), ("2024-02-25", "in 1 week", "2024-03-03"),
        ("2024-02-29", "in 52 weeks", "2025-02-27"), ("2024-02-29", "end of month", "2024-02-29"), ("2024-02-26", "thursday", "2024-02-29"),
        ("2023-02-28", "in 1 day", "2023-03-01"),
    ])
    func leapDay(today: String, text: String, expected: String) throws {
        #expect(try end(text, on: today) == expected)
    }

    /// The last day a UTC "now" can fall on is 9999-12-30; the last day a date can name is 9999-12-31.
    @Test func theSupportedEdges() throws {
        #expect(try end("tomorrow", on: "9999-12-30") == "9999-12-31")
        #expect(try end("end of year", on: "9999-12-30") == "9999-12-31")
        #expect(try end("end of quarter", on: "9999-12-30") == "9999-12-31")
        #expect(try end("in 1 day", on: "9999-12-30") == "9999-12-31")
        let time = try context("9999-12-30")
        for text in ["in 2 days", "in 99999 weeks", "next " + ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"][time.today.isoWeekday - 1]] {
            do {
                _ = try DateInput.end(text, option: "--due", time: time)
                Issue.record("\(text) on 9999-12-30 was read")
            } catch {
                guard case .dateOutOfRange(.named("--due"), text, let found) = error else {
                    Issue.record("\(text) on 9999-12-30 was refused as \(error), not as a day outside the calendar")
                    continue
                }
                #expect(found.year > 9999, "\(found)")
            }
        }
        #expect(throws: DomainError.self) { try DateInput.end("next week", option: "--due", time: time) }
        #expect(try end("monday", on: "1900-01-02") == "1900-01-08")
        #expect(try end("yesterday", on: "1900-01-02") == "1900-01-01")
        #expect(throws: DomainError.self) { try DateInput.end("3 days ago", option: "--due", time: try context("1900-01-02")) }
    }

    /// A deadline's refusal is of the end reading (its words suggest deadline forms: DomainErrorWordsTests); a
    /// past fact's, of the past reading.
    @Test func refusalsSayWhichReadingTheDateWasGivenTo() throws {
        let time = try context("2025-04-10")
        do {
            _ = try DateInput.end("someday", option: "--due", time: time)
            Issue.record("'someday' was read as a deadline")
        } catch {
            #expect(error.code == .invalidDate)
            #expect(error == .invalidDate(name: .named("--due"), raw: "someday", reading: .end))
        }
        do {
            _ = try DateInput.day("someday", option: "--on", time: time)
            Issue.record("'someday' was read as a past day")
        } catch {
            #expect(error == .invalidDate(name: .named("--on"), raw: "someday", reading: .past))
        }
    }

    /// The past reading is untouched: the deadline forms are not past facts.
    @Test("past facts do not read the deadline forms", arguments: ["next friday", "in 2 weeks", "in 3 days", "end of month", "end of quarter"])
    func pastFactsKeepTheirForms(text: String) throws {
        #expect(throws: DomainError.self) { try DateInput.day(text, option: "--on", time: try context("2025-04-10")) }
        #expect(throws: DomainError.self) { try DateInput.day(text, option: "--as-of", time: try context("2025-04-10"), week: .last) }
    }

    @Test("words that are not deadlines", arguments: ["in days", "in 3", "in 3 months", "end of", "end of the month", "next", "next 3", "friday next", "in -3 days"])
    func notDeadlines(text: String) throws {
        #expect(throws: DomainError.self) { try DateInput.end(text, option: "--due", time: try context("2025-04-10")) }
    }
}
