import Foundation
import Testing

@Suite("journal verify")
struct VerifyTests {
    @Test func aGoodJournalVerifies() throws {
        let s = try Fixture.sandbox()
        let result = try s.run("verify")
        #expect(result.status == 0 && result.stderr.isEmpty, "\(result)")
        // The result, then what it covers: the log, not the tables derived from it.
        try #require(result.stdoutLines.count == 2, "\(result)")
        #expect(result.stdoutLines[1].hasPrefix("Checked the log: every event's hash and its link to the one before; not checked: the tables derived from the log"), "\(result)")
        let match = try #require(try #/^OK: (\d+) events?, hash chain intact; head ([0-9a-f]{64})$/#.wholeMatch(in: result.stdoutLines[0]), "\(result)")
        #expect(match.1 == "\(Fixture.eventCount)")
        // The head is the hash of the last event.
        let last = try s.lastEvent()
        #expect(String(match.2) == last.hash)
        // The chain links each event to the one before it.
        let events = try s.events()
        #expect(events.first?.previousHash == String(repeating: "0", count: 64))
        for (previous, event) in zip(events, events.dropFirst()) {
            #expect(event.previousHash == previous.hash)
        }

        // One event: singular.
        let one = try Sandbox()
        try one.log("partner", "Sam")
        let single = try one.run("verify")
        #expect(single.status == 0 && single.stdout.hasPrefix("OK: 1 event, hash chain intact; head "), "\(single)")
    }

    @Test func anEarlierHeadShowsACutOffTail() throws {
        let s = try Fixture.sandbox()
        let earlier = try s.lastEvent().hash          // the head as verify printed it before two more events
        _ = try s.log("partner", "Sam")
        _ = try s.log("activity", "Read a chapter", "--minutes", "30")
        let later = try s.lastEvent().hash
        let ok = try s.ok(["verify", "--head", earlier.uppercased()])
        #expect(ok.split(separator: "\n").first?.hasSuffix("; the earlier head is event \(Fixture.eventCount) (2 recorded since)") == true, "\(ok)")

        // Someone with the file cuts the last two events off: the chain that is left is intact, so verify alone
        // cannot tell; the head recorded before the cut can.
        let cut = try SQLiteShell.run(s.db, """
            DROP TRIGGER events_are_immutable_delete;
            DELETE FROM events WHERE position > \(Fixture.eventCount);
            """, in: s)
        try #require(cut.status == 0, "\(cut)")
        #expect(try s.ok(["verify"]).hasPrefix("OK: \(Fixture.eventCount) events, hash chain intact; head \(earlier)"))
        expectRefusal(try s.run("verify", "--head", later), status: 65, mentioning: ["no longer holds the head \(later)", "cut off", "backup or an export"])
        #expect(try s.ok(["verify", "--head", earlier]).contains("the earlier head is event \(Fixture.eventCount) (0 recorded since)"))

        for bad in ["abc", String(repeating: "g", count: 64), String(earlier.dropLast()), earlier + "0"] {
            expectRefusal(try s.run("verify", "--head", bad), status: 64, mentioning: ["--head", "64 hexadecimal digits"])
        }
    }

    @Test func theTriggersRefuseEdits() throws {
        let s = try Fixture.sandbox()
        let update = try SQLiteShell.run(s.db, "UPDATE events SET payload = '{}' WHERE position = 3;", in: s)
        #expect(update.status != 0 && update.stderr.contains("events are immutable"), "\(update)")
        let delete = try SQLiteShell.run(s.db, "DELETE FROM events WHERE position = 3;", in: s)
        #expect(delete.status != 0 && delete.stderr.contains("events are immutable"), "\(delete)")
        #expect(try s.run("verify").status == 0)
    }

    @Test func anAlteredPayloadIsFound() throws {
        let s = try Fixture.sandbox()
        let tamper = try SQLiteShell.run(s.db, """
            DROP TRIGGER events_are_immutable_update;
            DROP TRIGGER events_are_immutable_delete;
            UPDATE events SET payload = '{"goal":"aws","number":2}' WHERE position = 3;
            """, in: s)
        try #require(tamper.status == 0, "\(tamper)")
        let result = try s.run("verify")
        expectRefusal(result, status: 65, mentioning: ["position 3", "altered"])
    }

    @Test func aDeletedEventIsFound() throws {
        let s = try Fixture.sandbox()
        let tamper = try SQLiteShell.run(s.db, """
            DROP TRIGGER events_are_immutable_delete;
            DELETE FROM events WHERE position = 4;
            """, in: s)
        try #require(tamper.status == 0, "\(tamper)")
        expectRefusal(try s.run("verify"), status: 65, mentioning: ["position 4", "missing"])
    }

    @Test func anAlteredTimeIsFound() throws {
        let s = try Fixture.sandbox()
        let tamper = try SQLiteShell.run(s.db, """
            DROP TRIGGER events_are_immutable_update;
            UPDATE events SET occurred_at = '2025-04-01T09:00:00.000Z' WHERE position = 6;
            """, in: s)
        try #require(tamper.status == 0, "\(tamper)")
        expectRefusal(try s.run("verify"), status: 65, mentioning: ["position 6"])
    }

    @Test func swappedRowsAreFound() throws {
        let s = try Fixture.sandbox()
        // Row 4 takes row 5's whole content (hashes included) and row 5 takes row 4's: a reorder.
        let columns = "event_id, stream, stream_version, event_type, schema_version, payload, metadata, occurred_at, recorded_at, previous_hash, hash"
        let tamper = try SQLiteShell.run(s.db, """
            DROP TRIGGER events_are_immutable_update;
            CREATE TEMP TABLE saved AS SELECT * FROM events WHERE position IN (4, 5);
            UPDATE events SET event_id = 'moving', stream_version = 1000000 WHERE position = 4;
            UPDATE events SET (\(columns)) = (SELECT \(columns) FROM saved WHERE position = 4) WHERE position = 5;
            UPDATE events SET (\(columns)) = (SELECT \(columns) FROM saved WHERE position = 5) WHERE position = 4;
            """, in: s)
        try #require(tamper.status == 0, "\(tamper)")
        #expect(try s.events().map(\.position) == Array(1...Fixture.eventCount))
        expectRefusal(try s.run("verify"), status: 65, mentioning: ["position 4", "does not chain"])
    }

    @Test func aForgedEventIsFound() throws {
        let s = try Fixture.sandbox()
        // A forger appends an event whose hash is not computed from the chain.
        let forge = try SQLiteShell.run(s.db, """
            INSERT INTO events (event_id, stream, stream_version, event_type, schema_version, payload, metadata,
                                occurred_at, recorded_at, previous_hash, hash)
            SELECT '00000000-0000-4000-8000-000000000001', stream, 99, 'milestone-done', 1, '{"goal":"aws","number":1}', '{}',
                   occurred_at, recorded_at, hash, zeroblob(32) FROM events WHERE position = \(Fixture.eventCount);
            """, in: s)
        try #require(forge.status == 0, "\(forge)")
        expectRefusal(try s.run("verify"), status: 65, mentioning: ["position \(Fixture.eventCount + 1)", "altered"])
    }

    @Test func anEventSlippedIntoTheMiddleIsFound() throws {
        let s = try Fixture.sandbox()
        // Copy the log with one extra row at position 3, renumbering the rest, as a careful forger would.
        let forge = try SQLiteShell.run(s.db, """
            DROP TRIGGER events_are_immutable_update;
            DROP TRIGGER events_are_immutable_delete;
            CREATE TEMP TABLE saved AS SELECT * FROM events;
            DELETE FROM events;
            INSERT INTO events SELECT * FROM saved WHERE position < 3;
            INSERT INTO events SELECT 3, '00000000-0000-4000-8000-000000000002', stream, 99, event_type, schema_version,
                   payload, metadata, occurred_at, recorded_at, hash, hash FROM saved WHERE position = 2;
            INSERT INTO events SELECT position + 1, event_id, stream, stream_version, event_type, schema_version, payload,
                   metadata, occurred_at, recorded_at, previous_hash, hash FROM saved WHERE position >= 3;
            """, in: s)
        try #require(forge.status == 0, "\(forge)")
        expectRefusal(try s.run("verify"), status: 65, mentioning: ["position 3"])
    }
}
