import Foundation
import JournalApp
import JournalDomain
import JournalStore
import JournalTestSupport
import Testing

/// "Now" at a UTC time written like JOURNAL_NOW, for the application's tests.
func at(_ text: String) throws -> TimeContext {
    let zone = try #require(TimeZone(identifier: "UTC"))
    let now = try #require(TimeContext.parseNow(text, zone: zone))
    return TimeContext(now: now, zone: zone)
}

let q2 = Quarter(parsing: "2025-Q2") ?? LocalDate(dayNumber: 0).quarter
let q3 = Quarter(parsing: "2025-Q3") ?? LocalDate(dayNumber: 0).quarter

func goal(_ key: String, _ title: String, quarter: Quarter = q2, target: Double? = nil, unit: String? = nil) -> Command {
    .setGoal(GoalDraft(key: key, title: title, quarter: quarter, metric: "Done", target: target, unit: unit))
}

func weeks(_ first: Int, _ last: Int) -> MilestoneSchedule { .weeks(WeekSpan(first: first, last: last)) }

/// A journal file in a folder of its own, removed with the value.
final class TemporaryJournalFile {
    private let folder: TemporaryFolder
    var path: String { folder.path + "/journal.sqlite" }

    init() throws { folder = try TemporaryFolder(prefix: "journal-app-tests-") }

    func open() throws -> SQLiteEventStore { try SQLiteEventStore(path: path, mode: .createIfMissing) }
}
