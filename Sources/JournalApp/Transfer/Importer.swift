#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch
import Foundation
import JournalDomain
import JournalStore

/// Reads an export and appends what this journal does not hold yet, in one transaction: the file's own hash
/// chain is checked first, every event is decoded (so nothing the journal could not read gets in), ids
/// already present with the same content are skipped, and one with different content refuses the whole file.
struct Importer {
    let path: String
    /// About how many bytes of the file are checked as one chunk (nil: what suits the machine and the file).
    var chunkBytes: Int?

    /// Told of the events stored so far into a new journal, a part (several chunks) at a time.
    var progress: ProgressHandler?

    init(path: String, chunkBytes: Int? = nil) {
        self.path = path
        self.chunkBytes = chunkBytes
    }

    /// The event count the file's head line (its last line) declares; 0 when it cannot be read there. Only a
    /// progress line's total: the import itself trusts nothing before the whole file is checked.
    static func declaredCount(_ path: String) -> Int64 {
        guard let handle = FileHandle(forReadingAtPath: path) else { return 0 }
        defer { try? handle.close() }
        guard let size = try? handle.seekToEnd(), (try? handle.seek(toOffset: size > 512 ? size - 512 : 0)) != nil,
              let tail = try? handle.readToEnd() else { return 0 }
        let text = String(decoding: tail, as: UTF8.self)
        guard let found = text.range(of: "\"events\":", options: .backwards) else { return 0 }
        return Int64(text[found.upperBound...].prefix { $0.isASCII && $0.isNumber }) ?? 0
    }

    struct Outcome: Equatable {
        let events: Int
        let added: Int
    }

    private func load() throws -> ExportBytes {
        try Self.load(path)
    }

    /// The bytes of the file to import (an export, or another tool's), or the refusal naming why not.
    static func load(_ path: String) throws(AppError) -> ExportBytes {
        do throws(ExportBytes.LoadFailure) {
            return try ExportBytes.load(path: path)
        } catch {
            switch error {
            case .unreadable:
                throw AppError.importUnreadable(path: path)
            case .tooLarge:
                throw AppError.importTooLarge(path: path, limit: ExportBytes.maxImportText)
            }
        }
    }

    /// Every line of the file, checked: the events in order, chained from genesis, with the head line last.
    /// The lines are checked in stretches on every core, then joined in order, so the failure reported is the
    /// first in the file, in the words a check from the top gives.
    func read() throws -> CheckedExport {
        let file = try load()
        let bytes = file.buffer
        // By default two chunks for each core, none under 4 MB.
        let parts = chunkBytes.map { bytes.count / max($0, 1) + 1 }
            ?? max(1, min(ProcessInfo.processInfo.activeProcessorCount * 2, bytes.count >> 22))
        let ranges = Self.split(bytes, into: parts)
        var checks = [ChunkCheck](repeating: ChunkCheck(), count: ranges.count)
        checks.withUnsafeMutableBufferPointer { checks in
            // Each thread reads the file and writes its own chunk's result, nothing else.
            let shared = Unchecked((bytes, checks))
            DispatchQueue.concurrentPerform(iterations: ranges.count) { index in
                shared.value.1[index] = ChunkCheck(shared.value.0, ranges[index])
            }
        }
        var join = ChunkJoin(path: path)
        let joined = try checks.map { try join.join($0) }
        try join.finish()
        return CheckedExport(file: file, chunks: joined, streams: join.streams, count: join.count,
                             retractionStreams: join.retractionStreams, lines: join.lines)
    }

    /// About `parts` ranges of whole lines, each ending after a newline (or at the end of the file).
    static func split(_ bytes: UnsafeBufferPointer<UInt8>, into parts: Int) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start = 0
        let parts = max(1, parts)
        for part in 1...parts {
            var end = part == parts ? bytes.count : max(start, bytes.count / parts * part)
            while end < bytes.count, end > 0, bytes[end - 1] != 0x0A { end += 1 }
            if end > start { ranges.append(start..<end) }
            start = end
        }
        return ranges.isEmpty ? [0..<0] : ranges
    }

    /// Appends the events this journal lacks, keeping their ids, types, payloads, metadata and both times.
    func append(_ export: CheckedExport, to store: SQLiteEventStore, at now: Instant) throws -> Outcome {
        do {
            let added = try store.write(recordedAt: now) { session in
                let newFrom = try session.count() + 1
                let added = try session.importCounting(streams: export.streams, count: export.count, progress: progress) {
                    export.event($0)
                }
                progress?(Int64(export.count), Int64(export.count))
                try checkStreams(session, goalStreams: export.streams, otherStreams: export.retractionStreams, newFrom: newFrom) { conflict in
                    export.firstIndex(ofEventId: conflict.eventId).map { export.line(ofIndex: $0) }
                }
                return added
            }
            return Outcome(events: export.count, added: added)
        } catch StoreError.eventIdConflict(let id) {
            let line = (export.firstIndex(ofEventId: id) ?? 0) + 1
            throw ChunkJoin(path: path).failure(line, .eventIdConflict(eventId: id))
        }
    }

    /// The streams the file added to must still mean what the commands keep them meaning (`StreamRules`): every
    /// goal stream, and the other streams the file retracted in. The first conflict refuses the whole file.
    private func checkStreams(_ session: some WriteSession, goalStreams: [String], otherStreams: Set<String>,
                              newFrom: Int64, line: (StreamRules.Conflict) -> Int?) throws {
        let streams = Set(goalStreams.filter { $0.hasPrefix("goal-") }).union(otherStreams).sorted()
        var first: (line: Int, conflict: StreamRules.Conflict)?
        for stream in streams {
            let events = try session.readStream(stream).map { try $0.envelope() }
            guard let conflict = StreamRules.firstConflict(in: events, newFrom: newFrom) else { continue }
            let at = line(conflict) ?? Int(conflict.position - newFrom + 1)
            if first.map({ at < $0.line }) ?? true { first = (at, conflict) }
        }
        if let first { throw ChunkJoin(path: path).failure(first.line, .streamConflict(first.conflict)) }
    }

    /// Imports into a journal to be created at `journalPath`, when there is none there yet, with what
    /// `read` and `append` would give, sooner: the journal is built aside (`SQLiteEventStore.buildNew`), so
    /// it can take each stretch of the file as soon as that is checked, while the next one is; a file that
    /// fails its check leaves nothing behind. Returns nil when the usual way must be taken: a journal is there
    /// (or appears), the journal cannot be built aside, or storing the events failed (the usual way then
    /// meets the same error, after checking the whole file first as it always does).
    func importIntoNewJournal(at journalPath: String, now: Instant) throws -> Outcome? {
        var info = stat()
        guard lstat(journalPath, &info) != 0 else { return nil }
        // Chunks of about 8 MB: the first is ready soon, and the others are read and checked while it is stored.
        guard let pipeline = CheckPipeline(path: path, chunkSize: chunkBytes ?? 8 << 20) else { return nil }
        pipeline.start()
        defer { pipeline.cancel() }
        var join = ChunkJoin(path: path)
        let total = progress == nil ? 0 : Self.declaredCount(path)
        var fileFailure: AppError?
        do {
            let added = try SQLiteEventStore.buildNew(at: journalPath, recordedAt: now, cacheMegabytes: 512) { session in
                let importing = try session.beginImport()
                var index = 0
                var ended = false
                while !ended {
                    // Every chunk checked by now goes in one part (see JoinedChunks).
                    var part = JoinedChunks()
                    for piece in pipeline.take(from: index) where !ended {
                        index += 1
                        switch piece {
                        case .checked(let check, let file):
                            do {
                                part.append(try join.join(check), file: file)
                            } catch let failure as AppError {
                                fileFailure = failure
                                throw failure
                            }
                        case .end: ended = true
                        case .unreadable: throw ReadTheUsualWay()
                        }
                    }
                    try importing.append(streams: join.streams, count: part.count) { part.event($0) }
                    progress?(Int64(join.count), total)
                }
                do {
                    try join.finish()
                } catch let failure as AppError {
                    fileFailure = failure
                    throw failure
                }
                let added = try importing.finish()
                do {
                    // A new journal: the file's events are its positions 1, 2, ... in order.
                    try checkStreams(session, goalStreams: join.streams, otherStreams: join.retractionStreams, newFrom: 1) { conflict in
                        let lines = join.lines, index = Int(conflict.position) - 1
                        return lines.indices.contains(index) ? Int(lines[index]) : nil
                    }
                } catch let failure as AppError {
                    fileFailure = failure
                    throw failure
                }
                return added
            }
            return added.map { Outcome(events: join.count, added: $0) }
        } catch {
            if let fileFailure { throw fileFailure }
            return nil
        }
    }
}

/// The file could not be read in chunks (a read failed, or it grew): `read` reads it, or says why it cannot.
private struct ReadTheUsualWay: Error {}

/// A value handed to other threads that is safe by how it is used, which the compiler cannot see.
private struct Unchecked<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}

/// An export whose every line passed: its events, their text still in the file's bytes.
final class CheckedExport {
    private let file: ExportBytes
    private let chunks: [JoinedChunk]
    /// The stream names, in the order the file first names them.
    let streams: [String]
    let count: Int
    /// The chunk of the last event asked for: the store asks in order.
    private var lastChunk = 0

    /// The streams other than goals' that hold a retraction from the file.
    let retractionStreams: Set<String>
    /// The line of each event, by its index in the file.
    private let lines: [Int32]

    init(file: ExportBytes, chunks: [JoinedChunk], streams: [String], count: Int, retractionStreams: Set<String> = [],
         lines: [Int32] = []) {
        self.file = file
        self.chunks = chunks.filter { !$0.records.isEmpty }
        self.streams = streams
        self.count = count
        self.retractionStreams = retractionStreams
        self.lines = lines
    }

    func line(ofIndex index: Int) -> Int { lines.indices.contains(index) ? Int(lines[index]) : index + 1 }

    /// The event at `index` (0 ..< count), for the store.
    func event(_ index: Int) -> ImportedEvent {
        var chunk = lastChunk
        if !(chunks[chunk].firstIndex <= index && index < chunks[chunk].firstIndex + chunks[chunk].records.count) {
            chunk = chunks.lastIndex { $0.firstIndex <= index } ?? 0
            lastChunk = chunk
        }
        return chunks[chunk].event(index - chunks[chunk].firstIndex, file: file.buffer)
    }

    /// The first event whose id is `id` (as a string), as the conflict is reported.
    func firstIndex(ofEventId id: String) -> Int? {
        (0..<count).first { String(decoding: event($0).eventId, as: UTF8.self) == id }
    }
}
