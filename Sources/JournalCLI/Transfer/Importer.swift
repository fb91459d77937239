import Dispatch
import Foundation
import JournalDomain
import JournalStore

/// Reads an export and appends what this journal does not hold yet, in one transaction: the file's own hash
/// chain is checked first, every event is decoded (so nothing the journal could not read gets in), ids
/// already present with the same content are skipped, and one with different content refuses the whole file.
struct Importer {
    let path: String
    /// How many stretches of the file are checked side by side (nil: as many as suit the machine).
    var chunks: Int?

    init(path: String, chunks: Int? = nil) {
        self.path = path
        self.chunks = chunks
    }

    struct Outcome: Equatable {
        let events: Int
        let added: Int
    }

    /// Every line of the file, checked: the events in order, chained from genesis, with the head line last.
    /// The lines are checked in stretches on every core; the stretches are then joined in order, so the
    /// failure reported is the first one in the file, with the same words as a check from the top would give.
    func read() throws -> CheckedExport {
        guard let file = ExportBytes.load(path: path) else {
            throw CLIError(.noJournal, "cannot read \(path); check the path and its permissions")
        }
        let bytes = file.buffer
        let ranges = Self.split(bytes, into: chunks ?? Self.defaultChunks(bytes.count))
        var checks = [ChunkCheck](repeating: ChunkCheck(), count: ranges.count)
        checks.withUnsafeMutableBufferPointer { checks in
            // Each thread reads the file and writes its own chunk's result, nothing else.
            let shared = Unchecked((bytes, checks))
            DispatchQueue.concurrentPerform(iterations: ranges.count) { index in
                shared.value.1[index] = ChunkCheck(shared.value.0, ranges[index])
            }
        }

        var count = 0
        var last = HashChain.genesis
        var lineBase = 0
        var head: (hash: [UInt8], events: Int, line: Int)?
        for check in checks {
            defer { lineBase += check.lines }
            if head != nil {
                if let line = check.firstNonBlankLine {
                    throw failure(lineBase + line, "there is a line after the head line; the file was altered or joined")
                }
                continue
            }
            if let first = check.first {
                guard first.position == Int64(count + 1) else {
                    throw failure(lineBase + first.line, "position \(first.position) where \(count + 1) was expected; events are missing or out of order")
                }
                guard first.previousHash.bytes == last else {
                    throw failure(lineBase + first.line, "the event does not chain to the one before it; events were removed, inserted or reordered")
                }
            }
            if let failure = check.failure { throw self.failure(lineBase + failure.line, failure.reason) }
            count += check.records.count
            if let hash = check.lastHash { last = hash.bytes }
            if let found = check.head { head = (found.hash.bytes, found.events, lineBase + found.line) }
        }
        guard let head else {
            throw CLIError(.data, "\(path) has no head line at its end; it was cut short or is not an export of journal (nothing was imported)")
        }
        guard head.events == count, head.hash == last else {
            throw failure(head.line, "the head line does not match the events before it (\(count) events); the file was altered")
        }
        return CheckedExport(file: file, checks: checks)
    }

    /// Two stretches for each core, none smaller than 4 MB: small files are checked in one.
    static func defaultChunks(_ size: Int) -> Int {
        max(1, min(ProcessInfo.processInfo.activeProcessorCount * 2, size / (4 << 20)))
    }

    /// About `parts` ranges of whole lines, each ending after a newline (or at the end of the file).
    static func split(_ bytes: UnsafeBufferPointer<UInt8>, into parts: Int) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start = 0
        for part in 1...max(1, parts) {
            var end = part == parts ? bytes.count : max(start, bytes.count / parts * part)
            while end < bytes.count, end > 0, bytes[end - 1] != 0x0A { end += 1 }
            if end > start { ranges.append(start..<end) }
            start = end
        }
        return ranges.isEmpty ? [0..<0] : ranges
    }

    private func failure(_ line: Int, _ reason: String) -> CLIError {
        CLIError(.data, "\(path) line \(line): \(reason) (nothing was imported)")
    }

    /// Appends the events this journal lacks, keeping their ids, types, payloads, metadata and both times.
    func append(_ export: CheckedExport, to store: SQLiteEventStore, at now: Instant) throws -> Outcome {
        do {
            let added = try store.write(recordedAt: now) { session in
                let added = try session.importCounting(streams: export.streams, count: export.count) { export.event($0) }
                // Decisions read the goal index ("three goals a quarter"): bring every goal the file touched up to date.
                for stream in Set(export.streams) where stream.hasPrefix("goal-") {
                    let goal = GoalState.replay(try session.readStream(stream).map { try $0.envelope() })
                    try session.setGoalIndex(key: String(stream.dropFirst("goal-".count)), entry: goal.map { ($0.quarter, $0.status) })
                }
                return added
            }
            return Outcome(events: export.count, added: added)
        } catch StoreError.eventIdConflict(let id) {
            let line = (export.firstIndex(ofEventId: id) ?? 0) + 1
            throw failure(line, "event \(id) is already in this journal with different content")
        }
    }
}

/// A value handed to other threads that is safe by how it is used, which the compiler cannot see.
private struct Unchecked<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}

/// An export whose every line passed: its events, their text still in the file's bytes.
final class CheckedExport {
    private let file: ExportBytes
    private let chunks: [Chunk]
    /// The stream names, in the order the file first names them.
    let streams: [String]
    let count: Int

    private struct Chunk {
        let records: [ImportRecord]
        let arena: ExportBytes
        let firstIndex: Int
    }

    init(file: ExportBytes, checks: [ChunkCheck]) {
        self.file = file
        var names: [String] = []
        var indexes: [[UInt8]: Int32] = [:]
        var chunks: [Chunk] = []
        var count = 0
        for var check in checks where !check.records.isEmpty {
            // The chunk's stream indexes become the file's.
            let global = check.streams.names.map { name -> Int32 in
                if let index = indexes[name] { return index }
                let index = Int32(names.count)
                indexes[name] = index
                names.append(String(decoding: name, as: UTF8.self))
                return index
            }
            for index in check.records.indices { check.records[index].stream = global[Int(check.records[index].stream)] }
            chunks.append(Chunk(records: check.records, arena: ExportBytes(copying: check.arena), firstIndex: count))
            count += check.records.count
        }
        self.chunks = chunks
        streams = names
        self.count = count
    }

    /// The chunk the last record came from: the store asks for them in order.
    private var lastChunk = 0

    private func record(_ index: Int) -> (record: ImportRecord, arena: UnsafeBufferPointer<UInt8>) {
        var chunk = lastChunk
        if !(chunks[chunk].firstIndex <= index && index < chunks[chunk].firstIndex + chunks[chunk].records.count) {
            chunk = chunks.lastIndex { $0.firstIndex <= index } ?? 0
            lastChunk = chunk
        }
        return (chunks[chunk].records[index - chunks[chunk].firstIndex], chunks[chunk].arena.buffer)
    }

    /// The event at `index` (0 ..< count), for the store.
    func event(_ index: Int) -> ImportedEvent {
        let (record, arena) = self.record(index)
        let file = self.file.buffer
        func text(_ ref: TextRef) -> UnsafeBufferPointer<UInt8> { ref.bytes(file: file, arena: arena) }
        var verified: VerifiedHash?
        if record.timesAsStored {
            let previous = index == 0 ? ChainHash.genesis : self.record(index - 1).record.hash
            verified = VerifiedHash(position: record.position, streamVersion: record.streamVersion, previous: previous, hash: record.hash)
        }
        return ImportedEvent(eventId: text(record.eventId), stream: Int(record.stream), type: text(record.type),
                             schemaVersion: record.schemaVersion, payload: text(record.payload), metadata: text(record.metadata),
                             occurredAt: text(record.occurredAt), recordedAt: text(record.recordedAt), verified: verified)
    }

    /// The first event whose id is `id` (as a string), as the conflict is reported.
    func firstIndex(ofEventId id: String) -> Int? {
        (0..<count).first { String(decoding: event($0).eventId, as: UTF8.self) == id }
    }
}
