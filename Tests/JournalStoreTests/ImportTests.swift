import CSQLite
import Foundation
import JournalDomain
@testable import JournalStore
import JournalTestSupport
import Testing

/// Events for `importCounting`, their text in memory that stays put, and the same events as `AppendBatch`es.
final class ImportFixture {
    struct Event {
        var id: String
        var stream: String
        var type = "test-happened"
        var schemaVersion = 1
        var payload = #"{"n":1}"#
        var metadata = "{}"
        var occurredAt = t0
        var recordedAt = t0
    }

    let events: [Event]
    let streams: [String]
    private var memory: [UnsafeMutableBufferPointer<UInt8>] = []
    private var imported: [ImportedEvent] = []

    init(_ events: [Event], verified: (Int) -> VerifiedHash? = { _ in nil }) {
        self.events = events
        var streams: [String] = []
        var indexes: [[UInt8]: Int] = [:]
        for event in events where indexes[Array(event.stream.utf8)] == nil {
            indexes[Array(event.stream.utf8)] = streams.count
            streams.append(event.stream)
        }
        self.streams = streams
        for (index, event) in events.enumerated() {
            imported.append(ImportedEvent(
                eventId: text(event.id), stream: indexes[Array(event.stream.utf8)] ?? 0, type: text(event.type),
                schemaVersion: event.schemaVersion, payload: text(event.payload), metadata: text(event.metadata),
                occurredAt: text(event.occurredAt.description), recordedAt: text(event.recordedAt.description),
                verified: verified(index)))
        }
    }

    deinit { for buffer in memory { buffer.deallocate() } }

    private func text(_ string: String) -> UnsafeBufferPointer<UInt8> {
        let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: string.utf8.count)
        _ = buffer.initialize(from: string.utf8)
        memory.append(buffer)
        return UnsafeBufferPointer(buffer)
    }

    func event(_ index: Int) -> ImportedEvent { imported[index] }

    /// The batches an import has always made: consecutive events of one stream, any version.
    var batches: [AppendBatch] {
        var batches: [AppendBatch] = []
        for event in events {
            let new = NewEvent(eventId: event.id, type: event.type, schemaVersion: event.schemaVersion, payload: event.payload,
                               metadata: event.metadata, occurredAt: event.occurredAt, recordedAt: event.recordedAt)
            if let last = batches.last, last.stream == event.stream {
                batches[batches.count - 1].events.append(new)
            } else {
                batches.append(AppendBatch(stream: event.stream, expected: .any, events: [new]))
            }
        }
        return batches
    }

    static func random(count: Int, streams: Int, seed: UInt64) -> [Event] {
        var generator = SplitMix64(seed: seed)
        return (0..<count).map { index -> Event in
            let stream = "stream-\(Int.random(in: 0..<streams, using: &generator))"
            let occurred: Int64 = t0.millisecondsSinceEpoch + Int64(index) * 61_001
            let recorded: Int64 = t0.millisecondsSinceEpoch + Int64(index / 5) * 3_600_000
            var event = Event(id: UUID().uuidString.lowercased(), stream: stream)
            event.payload = #"{"n":\#(index)}"#
            event.metadata = index % 3 == 0 ? #"{"client":"test"}"# : "{}"
            event.occurredAt = Instant(millisecondsSinceEpoch: occurred)
            event.recordedAt = Instant(millisecondsSinceEpoch: recorded)
            return event
        }
    }
}

/// Everything a journal holds, to compare two.
struct JournalContents: Equatable {
    var events: [RecordedEvent]
    var streams: [[String]]
    var sequence: [[String]]

    init(_ store: SQLiteEventStore) throws {
        events = try store.read(from: 1, limit: .max)
        streams = try JournalContents.rows(store, "SELECT id, name, version FROM streams ORDER BY id")
        sequence = try JournalContents.rows(store, "SELECT name, seq FROM sqlite_sequence ORDER BY name")
    }

    static func rows(_ store: SQLiteEventStore, _ sql: String) throws -> [[String]] {
        let statement = try store.db.statement(sql)
        defer { statement.reset() }
        var rows: [[String]] = []
        while try statement.step() {
            rows.append((0..<sqlite3_column_count(statement.handle)).map { statement.text($0) })
        }
        return rows
    }
}

@Suite("Import into the store")
struct ImportTests {
    /// The same store after `appendCounting` and after `importCounting` of the same events, or the same error.
    func expectSame(_ fixture: ImportFixture, before: [AppendBatch] = [], sourceLocation: SourceLocation = #_sourceLocation) throws {
        let appended = try TemporaryJournal(), imported = try TemporaryJournal()
        let a = try appended.open(), b = try imported.open()
        if !before.isEmpty {
            _ = try a.append(before, recordedAt: t0)
            _ = try b.append(before, recordedAt: t0)
        }
        let now = Instant(millisecondsSinceEpoch: t0.millisecondsSinceEpoch + 1)
        let expected = Result { try a.write(recordedAt: now) { try $0.appendCounting(fixture.batches) } }
        let actual = Result { try b.write(recordedAt: now) { try $0.importCounting(streams: fixture.streams, count: fixture.events.count, fixture.event) } }
        switch (expected, actual) {
        case (.success(let x), .success(let y)):
            #expect(x == y, sourceLocation: sourceLocation)
        case (.failure(let x), .failure(let y)):
            #expect("\(x)" == "\(y)", sourceLocation: sourceLocation)
        default:
            Issue.record("append gave \(expected), import gave \(actual)", sourceLocation: sourceLocation)
        }
        #expect(try JournalContents(a) == JournalContents(b), sourceLocation: sourceLocation)
        if case .ok = try b.verify() {} else { Issue.record("the imported chain does not verify", sourceLocation: sourceLocation) }
    }

    @Test func newEventsGetTheSamePositionsVersionsAndHashes() throws {
        try expectSame(ImportFixture(ImportFixture.random(count: 500, streams: 12, seed: 1)))
        try expectSame(ImportFixture(ImportFixture.random(count: 300, streams: 3, seed: 2)),
                       before: [batch("stream-1", .any, [newEvent()]), batch("other", .any, [newEvent(), newEvent()])])
        try expectSame(ImportFixture([]))
    }

    @Test(arguments: [false, true])
    func eventsAlreadyStoredAreSkippedAndConflictsRefused(readingTheWholeIndex: Bool) throws {
        // Looked up one by one, or found in one read of the id index (as large imports do): the same answers.
        if readingTheWholeIndex { ImportLookup.largeImport = 100 }
        defer { ImportLookup.largeImport = 50_000 }
        let events = ImportFixture.random(count: 200, streams: 5, seed: 3)
        let stored = ImportFixture(Array(events[40..<90])).batches
        try expectSame(ImportFixture(events), before: stored)
        var changed = events
        changed[60].payload = #"{"n":"other"}"#
        try expectSame(ImportFixture(changed), before: stored)
        changed = events
        changed[70].stream = "elsewhere"
        try expectSame(ImportFixture(changed), before: stored)
        changed = events
        changed[80].occurredAt = Instant(millisecondsSinceEpoch: changed[80].occurredAt.millisecondsSinceEpoch + 1)
        try expectSame(ImportFixture(changed), before: stored)
        // An id stored in another form than the canonical one (Foundation's parser took it) is found as it is.
        var odd = events
        odd[45].id = " " + odd[45].id.dropFirst()
        try expectSame(ImportFixture(odd), before: ImportFixture(Array(odd[40..<90])).batches)
    }

    @Test func invalidEventsAreRefusedAsAppendRefusesThem() throws {
        let events = ImportFixture.random(count: 50, streams: 4, seed: 4)
        var cases: [[ImportFixture.Event]] = []
        var e = events; e[20].id = e[10].id; cases.append(e)
        e = events; e[20].id = e[20].id.uppercased(); cases.append(e)
        e = events; e[20].id = "not-a-uuid"; cases.append(e)
        e = events; e[20].id = " " + e[20].id.dropFirst(); cases.append(e) // Foundation's parser takes it
        e = events; e[20].type = ""; cases.append(e)
        e = events; e[20].schemaVersion = 0; cases.append(e)
        e = events; e[20].stream = ""; cases.append(e)
        e = events; e[20].stream = String(repeating: "s", count: 201); cases.append(e)
        e = events; e[30].metadata = #"{"a":}"#; cases.append(e) // SQLite's json_valid refuses it: the event is named
        e = events; e[30].payload = "[1"; cases.append(e)
        for events in cases { try expectSame(ImportFixture(events)) }
    }

    @Test func streamNamesCompareAsStringsForBatchesAndAsBytesForRows() throws {
        var events = ImportFixture.random(count: 40, streams: 3, seed: 5)
        events[10].stream = "team-caf\u{E9}"
        events[11].stream = "team-cafe\u{301}" // equal as strings: the same batch, the first one's name
        events[12].stream = "team-cafe\u{301}"
        events[20].stream = "team-cafe\u{301}"
        try expectSame(ImportFixture(events))
    }

    @Test func aVerifiedHashIsUsedOnlyAtItsPlace() throws {
        let events = ImportFixture.random(count: 30, streams: 4, seed: 6)
        // The hashes the events get in an empty journal.
        let reference = try TemporaryJournal()
        let stored = try reference.open().append(ImportFixture(events).batches, recordedAt: t0)
        let right = { (index: Int) in
            VerifiedHash(position: stored[index].position, streamVersion: stored[index].streamVersion,
                         previous: ChainHash(stored[index].previousHash) ?? .genesis, hash: ChainHash(stored[index].hash) ?? .genesis)
        }
        try expectSame(ImportFixture(events, verified: right))
        // In a journal that already has an event every place differs: a hash given for another place is not used.
        try expectSame(ImportFixture(events, verified: right), before: [batch("stream-0", .any, [newEvent()])])
        let wrong = { (index: Int) in
            VerifiedHash(position: stored[index].position + 1, streamVersion: stored[index].streamVersion,
                         previous: ChainHash(stored[index].previousHash) ?? .genesis, hash: .genesis)
        }
        try expectSame(ImportFixture(events, verified: wrong))
    }

    @Test func partsStoredOneAfterTheOtherMakeTheSameJournal() throws {
        let events = ImportFixture.random(count: 120, streams: 7, seed: 7)
        let whole = try TemporaryJournal(), parts = try TemporaryJournal()
        let a = try whole.open(), b = try parts.open()
        let fixture = ImportFixture(events)
        _ = try a.write(recordedAt: t0) { try $0.importCounting(streams: fixture.streams, count: events.count, fixture.event) }
        let added = try b.write(recordedAt: t0) { session in
            let importing = try session.beginImport()
            var start = 0
            for end in [1, 2, 30, 31, 90, 120] {
                try importing.append(streams: fixture.streams, count: end - start) { fixture.event(start + $0) }
                start = end
            }
            return try importing.finish()
        }
        #expect(added == events.count)
        #expect(try JournalContents(a) == JournalContents(b))
    }
}

@Suite("Event ids")
struct EventIdSyntaxTests {
    static func reference(_ id: String) -> Bool { UUID(uuidString: id) != nil && id == id.lowercased() }

    @Test func theFastCheckAnswersAsFoundationDoes() {
        let valid = "d2c6f2cf-0896-4b9a-8a6e-7189f1030915"
        var samples = [valid, valid.uppercased(), "D2c6f2cf-0896-4b9a-8a6e-7189f1030915", "", "-", valid + " ", " " + valid,
                       " " + valid.dropFirst(), "+" + valid.dropFirst(), "-" + valid.dropFirst(), "0x" + valid.dropFirst(2),
                       "{\(valid)}", valid.replacingOccurrences(of: "-", with: ""), String(valid.dropLast()), valid + "0",
                       valid + "\u{0}", valid + "\u{0}junk", "00000000-0000-0000-0000-000000000000",
                       "ffffffff-ffff-ffff-ffff-ffffffffffff", "gggggggg-0896-4b9a-8a6e-7189f1030915",
                       "d2c6f2cf_0896_4b9a_8a6e_7189f1030915", "d2c6f2cf-0896-4b9a-8a6e7-189f1030915",
                       "\u{FF10}2c6f2cf-0896-4b9a-8a6e-7189f1030915", "d2c6f2cf-0896-4b9a-8a6e-7189f103091\u{E9}",
                       "d2c6f2cf-0896-4b9a-8a6e-\t189f1030915", UUID().uuidString, UUID().uuidString.lowercased()]
        // Every position of a valid id replaced by characters the two parsers could read differently.
        let replacements: [Character] = ["0", "9", "a", "f", "A", "F", "g", "-", " ", "+", "x", "X", "\u{0}", "\u{E9}"]
        for index in valid.indices {
            for replacement in replacements {
                var id = valid
                id.replaceSubrange(index...index, with: String(replacement))
                samples.append(id)
            }
        }
        for sample in samples {
            #expect(EventIdSyntax.isLowercaseUUID(sample) == Self.reference(sample), "\(sample.debugDescription)")
            let canonical = Array(sample.utf8).withUnsafeBufferPointer { EventIdSyntax.isCanonical($0) }
            if canonical { #expect(Self.reference(sample), "canonical but refused: \(sample.debugDescription)") }
        }
    }

    @Test func canonicalIdsAreTheSameBitsExactlyWhenTheyAreTheSameText() {
        let ids = (0..<2000).map { _ in UUID().uuidString.lowercased() } + ["00000000-0000-0000-0000-000000000000", "ffffffff-ffff-ffff-ffff-ffffffffffff"]
        var seen: [EventIdSyntax.Bits: String] = [:]
        for id in ids {
            let bits = Array(id.utf8).withUnsafeBufferPointer { EventIdSyntax.Bits($0) }
            guard let bits else {
                Issue.record("not read: \(id)")
                continue
            }
            #expect(seen[bits] == nil || seen[bits] == id)
            seen[bits] = id
            #expect(String(format: "%016llx%016llx", bits.high, bits.low) == id.replacingOccurrences(of: "-", with: ""))
        }
    }
}

@Suite("Hash chain from bytes")
struct HashChainBytesTests {
    @Test func theHashOfBytesIsTheHashOfTheirStrings() {
        var generator = SplitMix64(seed: 9)
        let texts = ["", "a", "{}", "caf\u{E9}", "\u{1F600}", String(repeating: "x", count: 1000), "line\nbreak", "nul\u{0}inside"]
        let numbers: [Int] = [0, 1, -1, 9, 10, 12_345, Int(Int64.max), Int(Int64.min), -987_654_321]
        var scratch: [UInt8] = []
        for round in 0..<300 {
            func anyText() -> String { texts.randomElement(using: &generator) ?? "" }
            func number() -> Int { numbers.randomElement(using: &generator) ?? 0 }
            let previous = round % 10 == 0 ? [UInt8](repeating: 7, count: round % 3) : (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let position = Int64(number()), version = number(), schema = number()
            let fields = (0..<8).map { _ in Array(anyText().utf8) }
            let expected = HashChain.hash(previous: previous, position: position, eventId: text(of: fields[0]), streamId: text(of: fields[1]),
                                          streamVersion: version, type: text(of: fields[2]), schemaVersion: schema,
                                          payload: text(of: fields[3]), metadata: text(of: fields[4]), occurredAt: text(of: fields[5]),
                                          recordedAt: text(of: fields[6]))
            let actual = previous.withUnsafeBytes { previous in
                fields[0].withUnsafeBufferPointer { f0 in fields[1].withUnsafeBufferPointer { f1 in fields[2].withUnsafeBufferPointer { f2 in
                    fields[3].withUnsafeBufferPointer { f3 in fields[4].withUnsafeBufferPointer { f4 in fields[5].withUnsafeBufferPointer { f5 in
                        fields[6].withUnsafeBufferPointer { f6 in
                            HashChain.hash(previous: previous, position: position, eventId: f0, streamId: f1, streamVersion: version, type: f2,
                                           schemaVersion: schema, payload: f3, metadata: f4, occurredAt: f5, recordedAt: f6, scratch: &scratch)
                        }
                    } } }
                } } }
            }
            #expect(actual.bytes == expected)
        }
    }

    /// An event's fields and the hash Python's hashlib gives over the canonical layout HashChain documents.
    struct KnownHash {
        var previous: [UInt8], position: Int64, eventId: String, streamId: String, streamVersion: Int, type: String
        var schemaVersion: Int, payload: String, metadata: String, occurredAt: String, recordedAt: String, expected: String
    }

    static let knownHashes = [
        KnownHash(previous: Array(0..<32), position: 42, eventId: "0b9e2c4a-3d7f-4e21-9a55-6c1d8e0f7a32", streamId: "goal-aws",
                  streamVersion: 3, type: "activity-logged", schemaVersion: 2,
                  payload: "{\"goal\":\"aws\",\"minutes\":45,\"text\":\"Practice exam \u{2014} caf\u{E9}\"}",
                  metadata: "{\"client\":\"cli\"}", occurredAt: "2025-04-09T10:00:00.000Z", recordedAt: "2025-04-09T10:05:12.345Z",
                  expected: "dcfe98073eededbf1a9c504fedc9c58382b11a3aaf835db2773c2fb69c1021fc"),
        KnownHash(previous: HashChain.genesis, position: 1, eventId: "00000000-0000-4000-8000-000000000000", streamId: "s",
                  streamVersion: 1, type: "t", schemaVersion: 1, payload: "{}", metadata: "{}", occurredAt: "x", recordedAt: "y",
                  expected: "1852c49abc4d06f0355383a4e4f08016eaa3c64d8570f14db05b90bf67d8fe9f"),
    ]

    /// The canonical encoding pinned to hashes computed apart from this code (Python's hashlib over the layout
    /// HashChain's documentation gives), so that neither form can drift and take the other with it: every
    /// journal's chain was written with it.
    @Test func bothFormsGiveTheCanonicalHash() {
        for event in Self.knownHashes {
            let fromStrings = HashChain.hash(previous: event.previous, position: event.position, eventId: event.eventId, streamId: event.streamId,
                                             streamVersion: event.streamVersion, type: event.type, schemaVersion: event.schemaVersion,
                                             payload: event.payload, metadata: event.metadata, occurredAt: event.occurredAt,
                                             recordedAt: event.recordedAt)
            #expect(HashChain.hex(fromStrings) == event.expected)
            let fields = [event.eventId, event.streamId, event.type, event.payload, event.metadata, event.occurredAt, event.recordedAt].map { Array($0.utf8) }
            var scratch: [UInt8] = []
            let fromBytes = event.previous.withUnsafeBytes { previous in
                fields[0].withUnsafeBufferPointer { f0 in fields[1].withUnsafeBufferPointer { f1 in fields[2].withUnsafeBufferPointer { f2 in
                    fields[3].withUnsafeBufferPointer { f3 in fields[4].withUnsafeBufferPointer { f4 in fields[5].withUnsafeBufferPointer { f5 in
                        fields[6].withUnsafeBufferPointer { f6 in
                            HashChain.hash(previous: previous, position: event.position, eventId: f0, streamId: f1, streamVersion: event.streamVersion,
                                           type: f2, schemaVersion: event.schemaVersion, payload: f3, metadata: f4, occurredAt: f5, recordedAt: f6,
                                           scratch: &scratch)
                        }
                    } } }
                } } }
            }
            #expect(HashChain.hex(fromBytes.bytes) == event.expected)
        }
    }

    private func text(of bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }
}

@Suite("A new journal built aside")
struct BuildNewTests {
    func files(_ folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    }

    @Test func itAppearsWholeInWriteAheadLogModeAndPrivate() throws {
        let journal = try TemporaryJournal()
        let fixture = ImportFixture(ImportFixture.random(count: 100, streams: 5, seed: 11))
        let added = try SQLiteEventStore.buildNew(at: journal.path, recordedAt: t0, cacheMegabytes: 8) {
            try $0.importCounting(streams: fixture.streams, count: fixture.events.count, fixture.event)
        }
        #expect(added == 100)
        #expect(try files(journal.folder) == ["journal.sqlite"])
        let attributes = try FileManager.default.attributesOfItem(atPath: journal.path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        let store = try journal.open(.mustExist)
        guard case .text(let mode)? = try store.db.run("PRAGMA journal_mode") else {
            Issue.record("no journal mode")
            return
        }
        #expect(mode == "wal")
        if case .ok(let count, _) = try store.verify() { #expect(count == 100) } else { Issue.record("does not verify") }

        let reference = try TemporaryJournal()
        _ = try reference.open().write(recordedAt: t0) {
            try $0.importCounting(streams: fixture.streams, count: fixture.events.count, fixture.event)
        }
        #expect(try JournalContents(store) == JournalContents(reference.open()))
    }

    @Test func itGivesWayToAFileAlreadyThereOrAMissingFolder() throws {
        let journal = try TemporaryJournal()
        _ = try journal.open().append([batch("s", .any, [newEvent()])], recordedAt: t0)
        let before = try Data(contentsOf: URL(fileURLWithPath: journal.path))
        let added = try SQLiteEventStore.buildNew(at: journal.path, recordedAt: t0, cacheMegabytes: 8) { _ in 1 }
        #expect(added == nil)
        #expect(try Data(contentsOf: URL(fileURLWithPath: journal.path)) == before)
        let missing = journal.folder.appendingPathComponent("no/such/folder/j.sqlite").path
        #expect(try SQLiteEventStore.buildNew(at: missing, recordedAt: t0, cacheMegabytes: 8) { _ in 1 } == nil)
    }

    @Test func aFailureLeavesNothingBehind() throws {
        let journal = try TemporaryJournal()
        struct Refused: Error {}
        #expect(throws: Refused.self) {
            try SQLiteEventStore.buildNew(at: journal.path, recordedAt: t0, cacheMegabytes: 8) { session in
                _ = try session.append([batch("s", .any, [newEvent()])])
                throw Refused()
            }
        }
        #expect(try files(journal.folder).isEmpty)
    }
}
