#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import JournalDomain
import JournalStore

/// One event of a checked export: where its text is, and what checking it found.
struct ImportRecord {
    var position: Int64
    var streamVersion: Int
    var schemaVersion: Int
    var eventId: TextRef
    var type: TextRef
    var payload: TextRef
    var metadata: TextRef
    /// Both times in the stored form: the file's text, or (when the file wrote them otherwise) the arena's.
    var occurredAt: TextRef
    var recordedAt: TextRef
    /// An index into the stream names: the chunk's while it is checked, the file's after.
    var stream: Int32
    /// Whether the file wrote both times in the stored form, so that its hash covers the text that is stored.
    var timesAsStored: Bool
    var hash: ChainHash
}

/// Some whole lines of an export, checked on their own, in order, as `Importer` checks a file: what they hold and
/// the first thing wrong. Two checks of the first event need the lines before (its position and the hash it
/// chains from); they are left to whoever joins the chunks, with `first`.
struct ChunkCheck {
    var records: [ImportRecord] = []
    var arena: [UInt8] = []
    /// The table of stream names the records' indexes are into: the one the chunk was given, with the names
    /// it added (the chunk's own when it was given none).
    var streams: StreamNames
    /// How many names the table had before this chunk.
    let knownStreams: Int
    /// The names this chunk added, in the order of their indexes.
    private(set) var newStreams: [[UInt8]] = []
    /// Line numbers are the chunk's own, from 1.
    var lines = 0
    var firstNonBlankLine: Int?
    var first: (position: Int64, previousHash: ChainHash, line: Int)?
    var head: (hash: ChainHash, events: Int, line: Int)?
    var failure: (line: Int, problem: ExportLineProblem)?
    var lastHash: ChainHash?
    /// The chunk's line of each record.
    var recordLines: [Int32] = []
    /// The streams, other than goals', in which a record is a retraction (the import checks them whole).
    var retractionStreams: Set<String> = []

    init() {
        streams = StreamNames()
        knownStreams = 0
    }

    /// Checks the lines in `range`, adding stream names to `streams` (a chunk's own table when nil).
    init(_ file: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, streams table: StreamNames = StreamNames()) {
        streams = table
        knownStreams = table.names.count
        defer { newStreams = Array(self.streams.names[knownStreams...]) }
        records.reserveCapacity(range.count / 400)
        var scratch: [UInt8] = []
        scratch.reserveCapacity(2048)
        var previous = ChainHash.genesis
        var expected: Int64 = 0
        var start = range.lowerBound
        while start < range.upperBound {
            let end = Self.lineEnd(file, from: start, before: range.upperBound)
            lines += 1
            defer { start = end + 1 }
            let line = start..<end
            if Self.isBlank(file, line) { continue }
            if firstNonBlankLine == nil { firstNonBlankLine = lines }
            guard head == nil else {
                failure = (lines, .lineAfterHead)
                return
            }
            let parsed: ParsedLine
            do {
                parsed = try ExportLineParser.parse(file, line: line, arena: &arena)
            } catch {
                failure = (lines, error)
                return
            }
            switch parsed {
            case .head(let hash, let count):
                head = (hash, count, lines)
            case .event(let event):
                if first == nil {
                    first = (event.position, event.previousHash, lines)
                } else {
                    guard event.position == expected else {
                        failure = (lines, .positionOutOfOrder(found: event.position, expected: expected))
                        return
                    }
                    guard event.previousHash == previous else {
                        failure = (lines, .brokenChain)
                        return
                    }
                }
                let checked: Result<Checked, ExportLineProblem> = arena.withUnsafeBufferPointer { arena in
                    Self.check(event, file: file, arena: arena, scratch: &scratch)
                }
                switch checked {
                case .failure(let problem):
                    failure = (lines, problem)
                    return
                case .success(let checked):
                    var record = checked.record
                    // Times the file wrote in another form (an offset, no milliseconds) are stored as their
                    // instant's description, as they always were.
                    if let instant = checked.rewrittenOccurredAt { record.occurredAt = append(instant.description) }
                    if let instant = checked.rewrittenRecordedAt { record.recordedAt = append(instant.description) }
                    record.stream = arena.withUnsafeBufferPointer { streams.index(of: event.streamId.bytes(file: file, arena: $0)) }
                    records.append(record)
                    recordLines.append(Int32(clamping: lines))
                    if checked.isRetraction {
                        let name = arena.withUnsafeBufferPointer { String(decoding: event.streamId.bytes(file: file, arena: $0), as: UTF8.self) }
                        if !name.hasPrefix("goal-") { retractionStreams.insert(name) }
                    }
                }
                previous = event.hash
                expected = event.position + 1
                lastHash = event.hash
            }
        }
    }

    private struct Checked {
        var record: ImportRecord
        /// The instants of times not in the stored form.
        var rewrittenOccurredAt: Instant?
        var rewrittenRecordedAt: Instant?
        var isRetraction = false
    }

    /// The event's hash, payload and times, as `Importer` has always checked them.
    private static func check(_ event: ParsedEvent, file: UnsafeBufferPointer<UInt8>, arena: UnsafeBufferPointer<UInt8>,
                              scratch: inout [UInt8]) -> Result<Checked, ExportLineProblem> {
        func text(_ ref: TextRef) -> UnsafeBufferPointer<UInt8> { ref.bytes(file: file, arena: arena) }
        let computed = event.previousHash.withUnsafeBytes { previous in
            HashChain.hash(previous: previous, position: event.position, eventId: text(event.eventId), streamId: text(event.streamId),
                           streamVersion: event.streamVersion, type: text(event.type), schemaVersion: event.schemaVersion,
                           payload: text(event.payload), metadata: text(event.metadata), occurredAt: text(event.occurredAt),
                           recordedAt: text(event.recordedAt), scratch: &scratch)
        }
        guard computed == event.hash else { return .failure(.hashMismatch) }
        let decoded: JournalEvent
        do {
            decoded = try JournalEvent(typeUTF8: text(event.type), schemaVersion: event.schemaVersion, payloadUTF8: text(event.payload))
        } catch {
            return .failure(.unreadableEvent(error))
        }
        let occurredStored = Instant.storedForm(text(event.occurredAt))
        let recordedStored = Instant.storedForm(text(event.recordedAt))
        let occurred = occurredStored == nil ? Instant(isoUTF8: text(event.occurredAt)) : nil
        let recorded = recordedStored == nil ? Instant(isoUTF8: text(event.recordedAt)) : nil
        guard let occurredAt = occurredStored ?? occurred, let recordedAt = recordedStored ?? recorded else {
            return .failure(.timesNotISO8601)
        }
        // The values a command would have refused, and a stream other than the one the payload names.
        do {
            try EventRules.check(decoded, stream: String(decoding: text(event.streamId), as: UTF8.self),
                                 occurredAt: occurredAt, recordedAt: recordedAt)
        } catch {
            return .failure(.refusedByRule(error))
        }
        let record = ImportRecord(position: event.position, streamVersion: event.streamVersion, schemaVersion: event.schemaVersion,
                                  eventId: event.eventId, type: event.type, payload: event.payload, metadata: event.metadata,
                                  occurredAt: event.occurredAt, recordedAt: event.recordedAt, stream: 0,
                                  timesAsStored: occurredStored != nil && recordedStored != nil, hash: event.hash)
        var isRetraction = false
        if case .eventRetracted = decoded { isRetraction = true }
        return .success(Checked(record: record, rewrittenOccurredAt: occurred, rewrittenRecordedAt: recorded, isRetraction: isRetraction))
    }

    private mutating func append(_ text: String) -> TextRef {
        let offset = arena.count
        arena.append(contentsOf: text.utf8)
        return .arena(offset, arena.count - offset)
    }

    private static func lineEnd(_ file: UnsafeBufferPointer<UInt8>, from start: Int, before end: Int) -> Int {
        guard let base = file.baseAddress, start < end, let found = memchr(base + start, 0x0A, end - start) else { return end }
        return UnsafeRawPointer(found) - UnsafeRawPointer(base)
    }

    private static func isBlank(_ file: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> Bool {
        for index in line where !(file[index] == 0x20 || file[index] == 0x0D || file[index] == 0x09) { return false }
        return true
    }
}

/// Stream names, each once, by their bytes (names that differ in bytes are different streams to SQLite, even
/// when Swift's strings would call them equal).
struct StreamNames {
    private(set) var names: [[UInt8]] = []
    private var hashes: [Int] = []
    private var slots = [Int32](repeating: -1, count: 64)

    mutating func index(of name: UnsafeBufferPointer<UInt8>) -> Int32 {
        var hasher = Hasher()
        hasher.combine(bytes: UnsafeRawBufferPointer(name))
        let hash = hasher.finalize()
        let mask = slots.count - 1
        var slot = hash & mask
        while slots[slot] >= 0 {
            let candidate = Int(slots[slot])
            if hashes[candidate] == hash, names[candidate].withUnsafeBufferPointer({ Self.same($0, name) }) { return Int32(candidate) }
            slot = (slot + 1) & mask
        }
        names.append(Array(name))
        hashes.append(hash)
        slots[slot] = Int32(names.count - 1)
        if names.count * 2 > slots.count { grow() }
        return Int32(names.count - 1)
    }

    private static func same(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard a.count == b.count else { return false }
        guard let x = a.baseAddress, let y = b.baseAddress else { return true }
        return memcmp(x, y, a.count) == 0
    }

    private mutating func grow() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        let mask = slots.count - 1
        for (index, hash) in hashes.enumerated() {
            var slot = hash & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(index)
        }
    }
}
