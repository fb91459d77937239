import Foundation
import JournalDomain
@testable import JournalStore
import Testing

/// The journal written before any event type had a second schema version (Tests/Fixtures/schema-v1) must be
/// read by every later journal, row for row, without a stored row ever changing.
@Suite("Schema version 1 fixture")
struct SchemaFixtureTests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../Fixtures/schema-v1/journal.sqlite").standardizedFileURL

    func copy() throws -> TemporaryJournal {
        let journal = try TemporaryJournal()
        try FileManager.default.copyItem(atPath: Self.fixture.path, toPath: journal.path)
        return journal
    }

    func storedRows(_ journal: TemporaryJournal) throws -> [String] {
        let db = try journal.raw()
        let statement = try db.statement("SELECT position, event_id, event_type, schema_version, payload, metadata, occurred_at, recorded_at, hex(previous_hash), hex(hash) FROM events ORDER BY position")
        defer { statement.reset() }
        var rows: [String] = []
        while try statement.step() { rows.append((0..<10).map { statement.text(Int32($0)) }.joined(separator: "|")) }
        return rows
    }

    @Test func everyVersionOneRowDecodesAndReencodesToItsStoredBytes() throws {
        let journal = try copy()
        let store = try journal.open(.mustExist)
        var kinds = Set<String>()
        var count = 0
        try store.forEach { recorded in
            #expect(recorded.schemaVersion == 1)
            let event = try JournalEvent(type: recorded.type, schemaVersion: recorded.schemaVersion, payload: recorded.payload)
            // Lossless: today's encoder writes exactly the stored bytes back (an upcast activity has no tags).
            #expect(try event.payloadJSON() == recorded.payload, "\(recorded.position)")
            kinds.insert(recorded.type)
            count += 1
        }
        #expect(count == 42)
        // Every type there was when the fixture was made; milestone-revised came later (issue 13), the timer's in issue 15.
        #expect(kinds == Set(JournalEvent.Kind.allCases.map(\.rawValue)).subtracting(["milestone-revised", "timer-started", "timer-stopped", "timer-cancelled"]),
                "every event type of its time is in the fixture")
        var envelopes: [Envelope] = []
        try store.forEachEnvelope { envelopes.append($0) }
        #expect(envelopes.count == 42)
        #expect(envelopes[37].event == .activityLogged(ActivityLogged(text: "Löpning: 5 km \"easy\" — café ☕", goal: "run", minutes: 35)))
        if case .reviewRecorded(let review) = envelopes[35].event {
            #expect(review.blockers == [.overcommitting] && review.quarter.description == "2025-Q2")
        } else {
            Issue.record("event 36 is not the review: \(envelopes[35].event)")
        }
    }

    @Test func theChainStillVerifiesAndOldRowsNeverChange() throws {
        let journal = try copy()
        let before = try storedRows(journal)
        let store = try journal.open(.mustExist)
        guard case .ok(let count, let head) = try store.verify() else {
            Issue.record("the fixture's chain does not verify")
            return
        }
        #expect(count == 42)
        #expect(head.map { String(format: "%02x", $0) }.joined() == "7fd8d5cd25d666ee18d42ce2c99124f9c56265b0995ee05d6295c2e3071e6bb1")
        // A new, tagged activity goes in at version 2 beside them.
        let tagged = JournalEvent.activityLogged(ActivityLogged(text: "Meetup", minutes: 90, tags: ["networking"]))
        _ = try store.append([batch("activities-2025-07-03", .any, [
            NewEvent(eventId: UUID().uuidString.lowercased(), type: tagged.type, schemaVersion: tagged.schemaVersion,
                     payload: try tagged.payloadJSON(), occurredAt: t0)])], recordedAt: t0)
        let after = try storedRows(journal)
        #expect(Array(after.prefix(42)) == before, "no stored row was rewritten")
        #expect(after.count == 43 && after[42].contains("|activity-logged|2|"))
        if case .ok(let count, _) = try store.verify() { #expect(count == 43) } else { Issue.record("the chain broke") }
    }
}
