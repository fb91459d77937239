import Foundation
import JournalDomain
import JournalStore
import Testing

/// Issue 19, items 2 and 4: whatever the log holds, every reader reads it. A journal an earlier build wrote (its
/// imports took any value, its --on any time) is built here through the store, below every check, and then read
/// by every reading command in every format: each must end with a documented status, never a trap.
@Suite struct LegacyValuesTests {
    static let documented: Set<Int32> = [0, 64, 65, 66, 74, 75]

    /// A journal holding the values the hostile review found, appended as an earlier build would have stored them.
    func legacyJournal(_ s: Sandbox) throws {
        let store = try SQLiteEventStore(path: s.db, mode: .createIfMissing)
        let noon = try #require(Instant(iso: "2025-10-01T12:00:00.000Z"))
        func event(_ type: String, _ payload: String, schema: Int = 1, at: Instant = noon) -> NewEvent {
            NewEvent(eventId: UUID().uuidString.lowercased(), type: type, schemaVersion: schema, payload: payload, occurredAt: at)
        }
        let old = try #require(Instant(iso: "1899-12-31T23:40:48.000Z"))
        let batches: [AppendBatch] = [
            AppendBatch(stream: "goal-p", expected: .any, events: [
                event("goal-set", #"{"confidence":9223372036854775807,"key":"p","quarter":"2025-Q4","target":1e-300,"title":"Ship the portfolio"}"#),
                event("milestone-planned", #"{"goal":"p","number":9223372036854775807,"title":"Last","weeks":[0,9999]}"#),
                event("milestone-planned", #"{"goal":"p","number":5,"title":"Backwards","weeks":[13,1]}"#),
                event("milestone-done", #"{"goal":"p","number":9223372036854775807}"#),
                event("progress-measured", #"{"amount":-1e300,"goal":"p"}"#),
                event("progress-measured", #"{"amount":1,"goal":"p"}"#),
            ]),
            AppendBatch(stream: "goal-q", expected: .any, events: [
                event("goal-set", #"{"key":"q","quarter":"2025-Q4","target":1e300,"title":"Huge"}"#),
                event("progress-measured", #"{"value":1e300,"goal":"q"}"#),
            ]),
            AppendBatch(stream: "goal-r", expected: .any, events: [
                event("goal-set", #"{"due":"1900-01-01","key":"r","quarter":"2025-Q4","target":5,"title":"Due long ago"}"#),
                event("milestone-planned", #"{"due":"9999-12-31","goal":"r","number":1,"title":"Far"}"#),
                event("goal-revised", #"{"changes":[{"field":"target","from":5,"to":1e300},{"field":"due","from":"1900-01-01","to":"9999-12-31"}],"goal":"r","reason":"x"}"#),
                event("progress-measured", #"{"value":0,"goal":"r"}"#),
            ]),
            AppendBatch(stream: "partner", expected: .any, events: [event("goal-completed", #"{"goal":"p"}"#)]),
            AppendBatch(stream: "activities-2025-10-01", expected: .any, events: [
                event("activity-logged", #"{"goal":"p","milestone":9223372036854775807,"minutes":9223372036854775807,"text":"Forever"}"#, schema: 2),
                event("activity-logged", #"{"minutes":9223372036854775807,"text":"Again forever"}"#, schema: 2),
            ]),
            AppendBatch(stream: "activities-1900-01-01", expected: .any, events: [
                event("activity-logged", #"{"text":"oldest memory"}"#, schema: 2, at: old),
            ]),
        ]
        _ = try store.append(batches, recordedAt: noon)
    }

    func expectRead(_ s: Sandbox, _ arguments: [String], env: [String: String?] = [:],
                    sourceLocation: SourceLocation = #_sourceLocation) throws {
        let result = try s.run(arguments + ["--db", s.db], env: env)
        #expect(result.exited && Self.documented.contains(result.status), "\(result)", sourceLocation: sourceLocation)
        #expect(!result.stderr.contains("Fatal error") && !result.stderr.contains("damaged"), "\(result)", sourceLocation: sourceLocation)
    }

    @Test func everyReadingCommandReadsAJournalOfExtremeValues() throws {
        let s = try Sandbox(tz: "Pacific/Tongatapu", now: "2025-11-20")
        try legacyJournal(s)
        let reads: [[String]] = [
            ["sprint"], ["sprint", "--format", "json"], ["sprint", "--format", "markdown"], ["sprint", "--format", "html"],
            ["report", "2025-Q4"], ["report", "2025-Q4", "--format", "json"], ["report", "2025-Q4", "--format", "markdown"],
            ["report", "2025-Q4", "--format", "html"], ["report", "1900-Q1"], ["report", "9999-Q4"],
            ["sprint", "--quarter", "9999-Q4"], ["sprint", "--quarter", "1900-Q1"], ["insights"], ["insights", "--quarter", "9999-Q4"],
            ["insights", "--format", "json"], ["share"], ["share", "--format", "markdown"], ["share", "--format", "json"],
            ["history", "p"], ["history", "p", "--format", "json"], ["history", "q"], ["resume"], ["resume", "--format", "json"],
            ["events"], ["events", "--format", "json"], ["export"], ["verify"], ["rebuild"],
        ]
        for arguments in reads { try expectRead(s, arguments) }
        // The goal-completed in the partner's stream completes nothing, for the folds as for the decisions.
        let board = try s.ok(["sprint", "--format", "json", "--db", s.db])
        #expect(!board.contains("\"completed\""), "\(board)")
        _ = try s.log("drop", "p", "--reason", "The decisions see p open", "--db", s.db)
        // At the far end of the calendar, too.
        try expectRead(s, ["sprint"], env: ["JOURNAL_NOW": "9999-10-01"])
        try expectRead(s, ["insights"], env: ["JOURNAL_NOW": "9999-12-30"])
        try expectRead(s, ["sprint"], env: ["JOURNAL_NOW": "1900-01-02"])
    }

    @Test func anEventOutsideTheSupportedTimesReadsAndCanBeRetracted() throws {
        let s = try Sandbox(tz: "Pacific/Tongatapu", now: "2025-11-20")
        try legacyJournal(s)
        let oldest = try #require(try s.events().first { $0.occurredAt.hasPrefix("1899") })
        for arguments in [["sprint"], ["report", "2025-Q4"], ["history", "p"], ["export"], ["rebuild"]] {
            _ = try s.ok(arguments + ["--db", s.db])
        }
        let retract = try s.run(["log", "retract", String(oldest.position), "--reason", "Out of range", "--db", s.db])
        #expect(retract.status == 0, "\(retract)")
        let events = try s.ok(["events", "--format", "json", "--db", s.db])
        #expect(events.contains("1899-12-31T23:40:48.000Z") && events.contains("Out of range"))
    }

    @Test func theDoorRefusesTimesOutsideTheRangeInEveryZone() throws {
        for (zone, date) in [("Pacific/Tongatapu", "1900-01-01"), ("Pacific/Kiritimati", "1900-01-01"),
                             ("America/Adak", "9999-12-31"), ("UTC", "9999-12-31T12:00Z"), ("Asia/Kathmandu", "1900-01-01T03:00")] {
            let s = try Sandbox(tz: zone, now: "2025-11-20")
            let result = try s.run(["log", "activity", "oldest memory", "--on", date, "--db", s.db])
            expectRefusal(result, status: 64, mentioning: ["outside the times the journal holds"])
            #expect(try s.count() == 0)
        }
        let s = try Sandbox(tz: "UTC", now: "2025-11-20")
        expectRefusal(try s.run(["sprint", "--db", s.db], env: ["JOURNAL_NOW": "9999-12-31"]), status: 64, mentioning: ["JOURNAL_NOW"])
        // The first and last days themselves are fine where the zone keeps them inside.
        _ = try s.log("activity", "first day", "--on", "1900-01-02", "--db", s.db)
    }

    @Test func aDeadlineWeekPastTheCalendarIsRefusedNotStoredAsNoDeadline() throws {
        let s = try Sandbox(tz: "UTC", now: "2025-10-01")
        _ = try s.ok(["log", "goal", "Due test", "--quarter", "2025-Q4", "--key", "d", "--quiet", "--db", s.db])
        expectRefusal(try s.run(["log", "revise", "d", "--due", "9999-W52", "--reason", "x", "--db", s.db]), status: 64)
        #expect(try s.count() == 1)
    }
}

@Suite struct TinyTargetTests {
    @Test func shareAndEveryReadOfATinyTargetPrintALargeShare() throws {
        let s = try Sandbox(tz: "UTC", now: "2025-10-10")
        _ = try s.ok(["log", "goal", "Tiny", "--quarter", "2025-Q4", "--target", "1e-300", "--key", "t", "--quiet", "--db", s.db])
        _ = try s.log("progress", "t", "1", "--db", s.db)
        for arguments in [["share"], ["share", "--format", "markdown"], ["share", "--format", "json"], ["sprint"], ["report", "2025-Q4"]] {
            _ = try s.ok(arguments + ["--db", s.db])
        }
    }
}
