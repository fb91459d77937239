import CSQLite
import Foundation
@testable import JournalDomain
@testable import JournalStore
import JournalTestSupport
import Testing

/// The read path shares strings and hashes between consecutive rows, reads times from the column bytes and
/// decodes payloads without JSONDecoder; none of that may change what is read. These tests compare it with the
/// straightforward reading (one string per column, the general time parser, JSONDecoder).
@Suite("The fast read path")
struct ReadPathTests {
    @Test func tenThousandEventsReadBackExactlyAsTheSlowPathReadsThem() throws {
        let j = try TemporaryJournal()
        let store = try j.open()
        var rng = SplitMix64(seed: 0xC0FFEE)
        var recordedMs = t0.millisecondsSinceEpoch
        var total = 0
        while total < 10_000 {
            var batches: [AppendBatch] = []
            var byStream: [String: [NewEvent]] = [:]
            var order: [String] = []
            for _ in 0..<Int.random(in: 1...700, using: &rng) where total < 10_000 {
                let mixed = RealisticEventMix.event(&rng, index: total, start: t0)
                let (stream, event) = (mixed.stream, ReadPathTests.stored(mixed))
                if byStream[stream] == nil { order.append(stream) }
                byStream[stream, default: []].append(event)
                total += 1
            }
            for stream in order { batches.append(batch(stream, .any, byStream[stream] ?? [])) }
            recordedMs += Int64.random(in: 1...100_000, using: &rng)
            _ = try store.append(batches, recordedAt: Instant(millisecondsSinceEpoch: recordedMs))
        }
        #expect(try store.count() == 10_000)

        let slow = try slowRead(store)
        #expect(slow.count == 10_000)
        var fast: [RecordedEvent] = []
        try store.forEach { fast.append($0) }
        #expect(fast == slow)
        // Byte for byte as well (String's == is about canonical equivalence).
        #expect(fast.map { Array($0.payload.utf8) } == slow.map { Array($0.payload.utf8) })
        #expect(fast.map { Array($0.metadata.utf8) + Array($0.streamId.utf8) } == slow.map { Array($0.metadata.utf8) + Array($0.streamId.utf8) })
        for event in fast.prefix(50) { #expect(HashChain.hash(of: event) == event.hash) }
        let head = try #require(slow.last).hash
        #expect(try store.verify() == .ok(count: 10_000, head: head))

        // The envelopes the rest of the program folds over: the same as JSONDecoder's.
        let fastEnvelopes = try fast.map { r in
            Envelope(position: r.position, eventId: r.eventId, streamId: r.streamId, streamVersion: r.streamVersion,
                     occurredAt: r.occurredAt, recordedAt: r.recordedAt,
                     event: try JournalEvent(type: r.type, schemaVersion: r.schemaVersion, payload: r.payload))
        }
        let slowEnvelopes = try slow.map { r in
            Envelope(position: r.position, eventId: r.eventId, streamId: r.streamId, streamVersion: r.streamVersion,
                     occurredAt: r.occurredAt, recordedAt: r.recordedAt,
                     event: try slowEvent(type: r.type, schemaVersion: r.schemaVersion, payload: r.payload))
        }
        #expect(fastEnvelopes == slowEnvelopes)
        #expect(Set(fastEnvelopes.map(\.event.type)).count == JournalEvent.Kind.allCases.count)

        // The replay reader gives the same envelopes, whatever the pages.
        var replayed: [Envelope] = []
        try store.forEachEnvelope { replayed.append($0) }
        #expect(replayed == slowEnvelopes)
        #expect(replayed.map { Array($0.eventId.utf8) + Array($0.streamId.utf8) } == slowEnvelopes.map { Array($0.eventId.utf8) + Array($0.streamId.utf8) })
        for (from, pageSize) in [(1, 1), (17, 7), (0, 1000), (5000, 2000), (9999, 10_000), (1, 10_001), (10_001, 5)] {
            var page: [Envelope] = []
            try store.forEachEnvelope(from: Int64(from), pageSize: pageSize) { page.append($0) }
            #expect(page == slowEnvelopes.filter { $0.position >= from }, "from \(from), pages of \(pageSize)")
        }

        // Every other reader, with odd pages and starts.
        for (from, limit) in [(1, 1), (1, 2000), (0, 3), (1999, 2), (4321, 777), (9990, 100), (10_000, 5), (10_001, 5)] {
            #expect(try store.read(from: Int64(from), limit: limit) == Array(slow.filter { $0.position >= from }.prefix(limit)))
        }
        for pageSize in [1, 7, 1000, 2000, 9999, 10_000, 10_001] {
            var seen: [RecordedEvent] = []
            try store.forEach(from: 17, pageSize: pageSize) { seen.append($0) }
            #expect(seen == Array(slow.dropFirst(16)))
        }
        for stream in Set(slow.map(\.streamId)).sorted().prefix(40) {
            #expect(try store.readStream(stream) == slow.filter { $0.streamId == stream })
            #expect(try store.readStream(stream, from: 2) == slow.filter { $0.streamId == stream && $0.streamVersion >= 2 })
        }
        for event in [slow[0], slow[4999], slow[9999]] {
            #expect(try store.event(atPosition: event.position) == event)
            #expect(try store.event(withId: event.eventId) == event)
        }
    }

    /// Rows the store itself would not write (another program, an attacker, an older journal version) still
    /// read exactly as before: times in other ISO forms, text that is not UTF-8, hashes that do not chain.
    @Test func oddRowsReadAsTheSlowPathReadsThem() throws {
        let j = try TemporaryJournal()
        let store = try j.open()
        let appended = try store.append([batch("s", .noStream, [newEvent(), newEvent(metadata: #"{"a":1}"#)])], recordedAt: t0)
        let raw = try j.raw()
        try raw.execute("INSERT INTO streams (id, name, version) VALUES (101, CAST(X'73FF' AS TEXT), 0)")
        try raw.execute("INSERT INTO streams (id, name, version) VALUES (102, '', 0)")
        let streamId = try #require(try raw.integer("SELECT id FROM streams WHERE name = 's'"))
        let chainEnd = "X'" + (appended.last?.hash ?? []).map { String(format: "%02x", $0) }.joined() + "'"
        let rows: [(stream: Int64, eventId: String, type: String, metadata: String, occurred: String, recorded: String, previous: String, hash: String)] = [
            (streamId, "'e3'", "'test-happened'", "'{\"a\":1}'", "'2025-04-10T11:00:00.000+02:00'", "'2025-04-10T09:00:00Z'", chainEnd, "X'01'"),
            (streamId, "'e4'", "'test-happened'", "'{\"a\":1}'", "'2025-04-10t09:00:00.000z'", "'2025-04-10T09:00:00.000Z'", "X'01'", "X'01'"),
            (streamId, "'e5'", "CAST(X'74FF' AS TEXT)", "'{\"a\":1}'", "'2025-04-10 09:00:00.000Z'", "'2025-04-10T09:00:00.000Z'", "X'02'", "X''"),
            (101, "CAST(X'65FF36' AS TEXT)", "'test-happened'", "'{}'", "'2025-04-10T09:00:00.000Z'", "'2025-04-10T09:00:00.000Z'", "X''", "X''"),
            (101, "'e7'", "'test-happened'", "'{}'", "'2025-04-10T09:00:00.000Z'", "'2025-04-10T09:00:00.000Z'", "X''", "X'0102'"),
            (102, "'e8'", "'activity-logged'", "'{\"b\":2}'", "'2025-04-10T09:00:00.5-01:30'", "'2025-04-10T09:00:00.000Z'", "X'0102'", "X'0102'"),
            (102, "'e9'", "'activity-logged'", "'{\"b\":2}'", "'1900-01-01T00:00:00.000Z'", "'9999-12-31T23:59:59.999Z'", "X'0102'", "X'0103'"),
            (102, "'e10'", "'activity-logged'", "'{\"b\":2}'", "'2024-02-29T23:59:59.999Z'", "'9999-12-31T23:59:59.999Z'", "X'0103'", "X'0103'"),
        ]
        for (offset, row) in rows.enumerated() {
            try raw.execute("""
                INSERT INTO events (position, event_id, stream, stream_version, event_type, schema_version, payload, metadata,
                                    occurred_at, recorded_at, previous_hash, hash)
                VALUES (\(offset + 3), \(row.eventId), \(row.stream), \(offset + 3), \(row.type), 1, '{"text":"x"}', \(row.metadata),
                        \(row.occurred), \(row.recorded), \(row.previous), \(row.hash))
                """)
        }
        let slow = try slowRead(store)
        #expect(slow.count == 10)
        var fast: [RecordedEvent] = []
        try store.forEach(pageSize: 3) { fast.append($0) }
        #expect(fast == slow)
        #expect(try store.read(from: 1, limit: 100) == slow)
        #expect(fast.map { Array($0.eventId.utf8) + Array($0.type.utf8) + Array($0.streamId.utf8) }
                == slow.map { Array($0.eventId.utf8) + Array($0.type.utf8) + Array($0.streamId.utf8) })
        #expect(fast.map(\.previousHash) == slow.map(\.previousHash))
        #expect(fast.map(\.hash) == slow.map(\.hash))
        #expect(fast[2].occurredAt == t0 && fast[2].recordedAt == t0)

        // An unreadable time is refused the same way, whichever reader meets it.
        try raw.execute("""
            INSERT INTO events (position, event_id, stream, stream_version, event_type, schema_version, payload, metadata,
                                occurred_at, recorded_at, previous_hash, hash)
            VALUES (11, 'e11', \(streamId), 11, 'test-happened', 1, '{}', '{}', '2025-02-30T00:00:00.000Z', '2025-04-10T09:00:00.000Z', X'', X'')
            """)
        let expected = StoreError.corrupt(path: j.path, detail: "event 11 has an unreadable time")
        #expect(throws: expected) { try slowRead(store) }
        #expect(throws: expected) { try store.read(from: 1, limit: 100) }
        #expect(throws: expected) { try store.forEach { _ in } }
        #expect(throws: expected) { try store.event(atPosition: 11) }
    }

    /// Events that cannot be decoded and times that cannot be read stop the replay reader exactly where
    /// forEach and decoding each event stop: the same envelopes handed over first, then the same error.
    @Test func theReplayReaderFailsWhereForEachAndDecodingFail() throws {
        let j = try TemporaryJournal()
        let store = try j.open()
        let good = { (text: String) in
            newEvent((try? JournalEvent.activityLogged(ActivityLogged(text: text, minutes: 5)).payloadJSON()) ?? "{}", type: "activity-logged")
        }
        _ = try store.append([batch("a", .noStream, (0..<9).map { good("event \($0)") })], recordedAt: t0)
        let raw = try j.raw()
        let stream = try #require(try raw.integer("SELECT id FROM streams WHERE name = 'a'"))
        func insert(_ position: Int, type: String = "'activity-logged'", payload: String, occurred: String = "'2025-04-10T09:00:00.000Z'") throws {
            try raw.execute("""
                INSERT INTO events (position, event_id, stream, stream_version, event_type, schema_version, payload, metadata,
                                    occurred_at, recorded_at, previous_hash, hash)
                VALUES (\(position), 'raw-\(position)', \(stream), \(position), \(type), 1, \(payload), '{}', \(occurred),
                        '2025-04-10T09:00:00.000Z', X'', X'')
                """)
        }
        // Text that is not UTF-8 inside a string value reads as its repaired string, from bytes as from the string.
        try insert(10, payload: "CAST(X'7B2274657874223A2261FF62E282227D' AS TEXT)")
        try insert(11, payload: #"'{"text":"spaced"} '"#)
        var outcomes: [(String, [Envelope], String?)] = []
        for pageSize in [1, 2, 3, 4, 5, 11, 100] {
            let viaForEach = try replay { body in
                try store.forEach(pageSize: pageSize) { r in
                    try body(Envelope(position: r.position, eventId: r.eventId, streamId: r.streamId, streamVersion: r.streamVersion,
                                      occurredAt: r.occurredAt, recordedAt: r.recordedAt,
                                      event: try JournalEvent(type: r.type, schemaVersion: r.schemaVersion, payload: r.payload)))
                }
            }
            outcomes.append(("forEach \(pageSize)", viaForEach.0, viaForEach.1))
            let viaReplay = try replay { body in try store.forEachEnvelope(pageSize: pageSize, body) }
            outcomes.append(("forEachEnvelope \(pageSize)", viaReplay.0, viaReplay.1))
        }
        // So far everything reads.
        for outcome in outcomes {
            #expect(outcome.1 == outcomes[0].1 && outcome.2 == nil, "\(outcome.0)")
            #expect(outcome.1.count == 11)
        }
        guard case .activityLogged(let repaired)? = outcomes[0].1.dropFirst(9).first?.event else {
            Issue.record("position 10 is not an activity")
            return
        }
        #expect(repaired.text == "a\u{FFFD}b\u{FFFD}")

        // Then an event that cannot be decoded, an unknown type, and (later) an unreadable time.
        try insert(12, payload: #"'{"text":5}'"#)
        try insert(13, type: "'no-such-type'", payload: "'{}'")
        try insert(14, payload: #"'{"text":"after"}'"#)
        try insert(15, payload: #"'{"text":"late"}'"#, occurred: "'2025-04-10T25:00:00.000Z'")
        for pageSize in [1, 2, 3, 4, 5, 6, 7, 11, 12, 13, 14, 15, 16, 100] {
            let expected = try replay { body in
                try store.forEach(pageSize: pageSize) { r in
                    try body(Envelope(position: r.position, eventId: r.eventId, streamId: r.streamId, streamVersion: r.streamVersion,
                                      occurredAt: r.occurredAt, recordedAt: r.recordedAt,
                                      event: try JournalEvent(type: r.type, schemaVersion: r.schemaVersion, payload: r.payload)))
                }
            }
            let actual = try replay { body in try store.forEachEnvelope(pageSize: pageSize, body) }
            #expect(actual.0 == expected.0, "pages of \(pageSize)")
            #expect(actual.1 == expected.1, "pages of \(pageSize)")
            #expect(expected.1 != nil)
        }
        // Starting after the bad payloads, only the bad time remains.
        let fromThirteen = try replay { body in try store.forEachEnvelope(from: 14, pageSize: 1, body) }
        #expect(fromThirteen.0.map(\.position) == [14])
        #expect(fromThirteen.1 == "\(StoreError.corrupt(path: j.path, detail: "event 15 has an unreadable time"))")
    }

    /// Runs a replay, collecting what it hands over until it fails, and how it failed.
    func replay(_ run: ((Envelope) throws -> Void) throws -> Void) throws -> ([Envelope], String?) {
        var envelopes: [Envelope] = []
        do {
            try run { envelopes.append($0) }
            return (envelopes, nil)
        } catch let error as JournalEvent.DecodingFailure {
            return (envelopes, "\(error)")
        } catch let error as StoreError {
            return (envelopes, "\(error)")
        }
    }

    @Test func forEachHandsOverEveryEventEvenWhenTheBodyReadsTheStore() throws {
        let j = try TemporaryJournal()
        let store = try j.open()
        let all = try store.append([batch("a", .noStream, (0..<25).map { _ in newEvent() })], recordedAt: t0)
        var seen: [Int64] = []
        try store.forEach(pageSize: 4) { (event: RecordedEvent) throws in
            // Reading in the middle of a page must not disturb the iteration.
            #expect(try store.event(atPosition: event.position) == event)
            #expect(try store.read(from: 1, limit: 3).count == 3)
            seen.append(event.position)
        }
        #expect(seen == all.map(\.position))
        struct Stop: Error {}
        var count = 0
        #expect(throws: Stop.self) {
            try store.forEach(pageSize: 4) { _ in
                count += 1
                if count == 6 { throw Stop() }
            }
        }
        #expect(count == 6)

        // test-happened is no event type the domain knows: the replay stops at the first.
        #expect(throws: JournalEvent.DecodingFailure(type: "test-happened", reason: "unknown event type")) {
            try store.forEachEnvelope { _ in Issue.record("handed over an event it cannot decode") }
        }
        let activities = try store.append([batch("b", .noStream, (0..<25).map { i in
            newEvent(#"{"text":"\#(i)"}"#, type: "activity-logged")
        })], recordedAt: t0)
        var replayed: [Int64] = []
        try store.forEachEnvelope(from: 26, pageSize: 4) { (envelope: Envelope) throws in
            #expect(try store.event(atPosition: envelope.position)?.eventId == envelope.eventId)
            #expect(try store.read(from: 1, limit: 3).count == 3)
            replayed.append(envelope.position)
        }
        #expect(replayed == activities.map(\.position))
        count = 0
        #expect(throws: Stop.self) {
            try store.forEachEnvelope(from: 26, pageSize: 4) { _ in
                count += 1
                if count == 6 { throw Stop() }
            }
        }
        #expect(count == 6)
    }

    // MARK: - The slow path, as the store read before

    func slowRead(_ store: SQLiteEventStore) throws -> [RecordedEvent] {
        let s = try store.db.statement(SQLiteEventStore.selectColumns + " ORDER BY e.position")
        defer { s.reset() }
        var events: [RecordedEvent] = []
        while try s.step() {
            guard let occurredAt = generalInstant(s.text(8)), let recordedAt = generalInstant(s.text(9)) else {
                throw StoreError.corrupt(path: store.path, detail: "event \(s.int64(0)) has an unreadable time")
            }
            events.append(RecordedEvent(position: s.int64(0), eventId: s.text(1), streamId: s.text(2), streamVersion: Int(s.int64(3)),
                                        type: s.text(4), schemaVersion: Int(s.int64(5)), payload: s.text(6), metadata: s.text(7),
                                        occurredAt: occurredAt, recordedAt: recordedAt, previousHash: s.blob(10), hash: s.blob(11)))
        }
        return events
    }

    func generalInstant(_ text: String) -> Instant? {
        guard case .dateTime(let date, let h, let m, let s, let ms, .some(let offset))? = DateTimeSyntax.parse(text)
        else { return nil }
        return Instant(date: date, hour: h, minute: m, second: s, millisecond: ms, offsetSeconds: offset)
    }

    func slowEvent(type: String, schemaVersion: Int, payload: String) throws -> JournalEvent {
        guard let kind = JournalEvent.Kind(rawValue: type), (1...kind.schemaVersion).contains(schemaVersion) else {
            throw JournalEvent.DecodingFailure(type: type, reason: "unknown")
        }
        return try JournalEvent.decodeWithJSONDecoder(kind, schemaVersion: schemaVersion, type: type, payload: payload)
    }

    /// The mix's event in its stored form, with an id of its own.
    static func stored(_ mixed: MixedEvent) -> NewEvent {
        // payloadJSON cannot fail for these values.
        let payload = (try? mixed.event.payloadJSON()) ?? "{}"
        return NewEvent(eventId: UUID().uuidString.lowercased(), type: mixed.event.type, schemaVersion: 1, payload: payload,
                        metadata: mixed.metadata, occurredAt: mixed.occurredAt)
    }
}
