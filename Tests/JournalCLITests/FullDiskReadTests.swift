import Foundation
import JournalApp
@testable import JournalCLI
import JournalDomain
@testable import JournalStore
import Testing

/// A read whose ledger slices are behind writes them first; when that write fails (a full disk) the read still
/// answers, from the whole log, and writes nothing.
@Suite("Reading a journal on a full disk")
struct FullDiskReadTests {
    @Test func aReadWhoseSlicesCannotBeWrittenFoldsTheLog() throws {
        let s = try Sandbox.demo(now: "2025-05-16T18:00")
        // Enough events that their slices need pages the file does not have: one tracked hour a day, 1,500 days.
        let day = 86_400.0, first = Date(timeIntervalSince1970: 1_577_869_200) // 2020-01-01T09:00Z
        let format = DateFormatter()
        format.locale = Locale(identifier: "en_US_POSIX")
        format.timeZone = TimeZone(identifier: "UTC")
        format.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        let records = (0..<1500).map { n in
            let start = first.addingTimeInterval(Double(n) * day)
            return "{\"id\":\(n + 1),\"start\":\"\(format.string(from: start))\",\"end\":\"\(format.string(from: start.addingTimeInterval(3600)))\",\"tags\":[\"reading\"]}"
        }
        let tracked = s.path("timew.json")
        try Data(("[\n" + records.joined(separator: ",\n") + "\n]\n").utf8).write(to: URL(fileURLWithPath: tracked))
        try s.ok(["import", "--from", "timewarrior", tracked])
        // No slices at all, and no free page left inside the file for them.
        let emptied = try SQLiteShell.run(s.db, "DELETE FROM projection_state; DELETE FROM projection_partitions; VACUUM;", in: s)
        #expect(emptied.status == 0, "\(emptied)")
        let store = try SQLiteEventStore(path: s.db, mode: .mustExist)
        // The file may not grow by a page: what a full disk does to a write, without needing a small file system.
        let pages = try #require(try store.db.integer("PRAGMA page_count"))
        try store.db.execute("PRAGMA max_page_count=\(pages)")
        #expect(throws: StoreError.diskFull(path: s.db)) { try store.catchUpSlices() }

        let time = TimeContext(now: try #require(TimeContext.parseNow("2025-05-16T18:00", zone: .gmt)), zone: .gmt)
        let q2 = try #require(Quarter(parsing: "2025-Q2"))
        let ledger = try store.ledger(.quarter(q2), time: time)
        #expect(ledger == (try store.ledger()))
        #expect(try store.projectionCheckpoint("ledger-slices") == nil, "nothing was written")
    }
}
