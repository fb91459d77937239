import Foundation
import JournalStore

/// Joins checked chunks in file order into the check of the whole file: the checks each chunk left to it
/// (its first event's position and previous hash), the failure it found, the head line. The first failure
/// thrown is the first in the file, in the words a check from the top gives.
struct ChunkJoin {
    let path: String
    private(set) var count = 0
    private(set) var last = ChainHash.genesis
    private var lineBase = 0
    private var head: (hash: ChainHash, events: Int, line: Int)?
    /// The stream names, in the order the file first names them.
    private(set) var streams: [String] = []
    private var streamIndexes: [[UInt8]: Int32] = [:]
    /// The file's line of each event, by its index in the file.
    private(set) var lines: [Int32] = []
    /// The streams, other than goals', that hold a retraction.
    private(set) var retractionStreams: Set<String> = []

    init(path: String) { self.path = path }

    /// The chunk's events, their stream indexes now the file's; throws the chunk's failure.
    mutating func join(_ check: ChunkCheck) throws -> JoinedChunk {
        defer { lineBase += check.lines }
        if head != nil {
            if let line = check.firstNonBlankLine {
                throw failure(lineBase + line, .lineAfterHead)
            }
            return JoinedChunk(records: [], arena: ExportBytes(copying: []), firstIndex: count, previous: last)
        }
        if let first = check.first {
            guard first.position == Int64(count + 1) else {
                throw failure(lineBase + first.line, .positionOutOfOrder(found: first.position, expected: Int64(count + 1)))
            }
            guard first.previousHash == last else {
                throw failure(lineBase + first.line, .brokenChain)
            }
        }
        if let failure = check.failure { throw self.failure(lineBase + failure.line, failure.problem) }
        var records = check.records
        if check.knownStreams == streams.count {
            // Checked with the file's table so far (or both are empty): the indexes are the file's already.
            for name in check.newStreams {
                streamIndexes[name] = Int32(streams.count)
                streams.append(String(decoding: name, as: UTF8.self))
            }
        } else {
            // Checked with a table of its own, which had none before (chunks checked side by side).
            let global = check.newStreams.map { name -> Int32 in
                if let index = streamIndexes[name] { return index }
                let index = Int32(streams.count)
                streamIndexes[name] = index
                streams.append(String(decoding: name, as: UTF8.self))
                return index
            }
            for index in records.indices { records[index].stream = global[Int(records[index].stream)] }
        }
        let base = Int32(clamping: lineBase)
        lines.append(contentsOf: check.recordLines.map { $0 &+ base })
        retractionStreams.formUnion(check.retractionStreams)
        let chunk = JoinedChunk(records: records, arena: ExportBytes(copying: check.arena), firstIndex: count, previous: last)
        count += records.count
        if let hash = check.lastHash { last = hash }
        if let found = check.head { head = (found.hash, found.events, lineBase + found.line) }
        return chunk
    }

    /// After the last chunk: the head line must be there and match.
    func finish() throws {
        guard let head else {
            throw AppError.exportWithoutHead(path: path)
        }
        guard head.events == count, head.hash == last else {
            throw failure(head.line, .headMismatch(events: count))
        }
    }

    func failure(_ line: Int, _ problem: ExportLineProblem) -> AppError {
        AppError.exportLine(path: path, line: line, problem: problem)
    }
}

/// Chunks stored together, in one statement: each INSERT is a statement SQLite must be able to undo, so it keeps
/// a copy of every page the statement changes that was there before it (with the id index's pages changed at
/// random, most of them); the fewer statements, the fewer copies.
struct JoinedChunks {
    private(set) var chunks: [(chunk: JoinedChunk, file: UnsafeBufferPointer<UInt8>)] = []
    private var starts: [Int] = []
    private(set) var count = 0

    mutating func append(_ chunk: JoinedChunk, file: UnsafeBufferPointer<UInt8>) {
        guard !chunk.records.isEmpty else { return }
        chunks.append((chunk, file))
        starts.append(count)
        count += chunk.records.count
    }

    /// The event at `index` among these chunks' events.
    func event(_ index: Int) -> ImportedEvent {
        var part = chunks.count - 1
        while part > 0, starts[part] > index { part -= 1 }
        return chunks[part].chunk.event(index - starts[part], file: chunks[part].file)
    }
}

/// Checked events of a stretch of the file, numbered from `firstIndex` in the file.
struct JoinedChunk {
    let records: [ImportRecord]
    let arena: ExportBytes
    let firstIndex: Int
    /// The hash of the event before the first.
    let previous: ChainHash

    /// The event at `index` in the chunk, for the store: its text in `file` or the arena.
    func event(_ index: Int, file: UnsafeBufferPointer<UInt8>) -> ImportedEvent {
        let record = records[index]
        let arena = self.arena.buffer
        func text(_ ref: TextRef) -> UnsafeBufferPointer<UInt8> { ref.bytes(file: file, arena: arena) }
        var verified: VerifiedHash?
        if record.timesAsStored {
            verified = VerifiedHash(position: record.position, streamVersion: record.streamVersion,
                                    previous: index == 0 ? previous : records[index - 1].hash, hash: record.hash)
        }
        return ImportedEvent(eventId: text(record.eventId), stream: Int(record.stream), type: text(record.type),
                             schemaVersion: record.schemaVersion, payload: text(record.payload), metadata: text(record.metadata),
                             occurredAt: text(record.occurredAt), recordedAt: text(record.recordedAt), verified: verified)
    }
}

/// Reads a file and checks it in chunks of whole lines, one after the other, on a thread of its own, while the
/// caller takes each chunk as it is done (an import into a new journal stores one while the next is read and
/// checked).
final class CheckPipeline: @unchecked Sendable {
    enum Piece {
        /// A checked chunk, and the file's bytes up to its end (they stay where they are).
        case checked(ChunkCheck, UnsafeBufferPointer<UInt8>)
        case end
        /// A read failed, or the file is longer than its size said: it is for the usual way to read.
        case unreadable
    }

    private let reader: ExportBytes.Reader
    private let chunkSize: Int
    private let condition = NSCondition()
    // Guarded by `condition`.
    private var pieces: [Piece] = []
    private var cancelled = false

    /// The file's bytes; only complete once the last piece is taken.
    var file: ExportBytes { reader.bytes }

    /// nil when the file cannot be opened, is not a regular file (what is read from a pipe could not be read
    /// again the usual way), or is over the import limit (the usual way says so).
    init?(path: String, chunkSize: Int) {
        guard let reader = ExportBytes.Reader.start(path) else { return nil }
        guard reader.isRegularFile, reader.capacity <= ExportBytes.maxImportBytes + 1 else {
            reader.finish()
            return nil
        }
        self.reader = reader
        self.chunkSize = max(chunkSize, 1)
    }

    func start() {
        Thread { [self] in
            defer { reader.finish() }
            // One table of stream names for the whole file: each chunk's indexes are the file's.
            var streams = StreamNames()
            var start = 0
            var target = chunkSize
            while true {
                condition.lock()
                let stop = cancelled
                condition.unlock()
                if stop { return }
                guard reader.fill(upTo: target), !reader.isFull else { return publish(.unreadable) }
                let bytes = reader.bytes.buffer
                let atEnd = bytes.count < target
                var end = bytes.count
                if !atEnd {
                    // The chunk ends with the last whole line read; a line longer than a chunk needs more.
                    while end > start, bytes[end - 1] != 0x0A { end -= 1 }
                    if end == start {
                        target += chunkSize
                        continue
                    }
                }
                if end > start {
                    // The table goes to the chunk and comes back, never shared (a shared one would be copied).
                    var check = ChunkCheck(bytes, start..<end, streams: consume streams)
                    streams = StreamNames()
                    swap(&streams, &check.streams)
                    publish(.checked(check, UnsafeBufferPointer(rebasing: bytes[0..<end])))
                }
                if atEnd { return publish(.end) }
                start = end
                target = start + chunkSize
            }
        }.start()
    }

    private func publish(_ piece: Piece) {
        condition.lock()
        pieces.append(piece)
        condition.broadcast()
        condition.unlock()
    }

    /// The pieces from `index` on that are there, at least one (waiting for it); each is taken once, in order.
    func take(from index: Int) -> [Piece] {
        condition.lock()
        defer { condition.unlock() }
        while pieces.count <= index { condition.wait() }
        let taken = Array(pieces[index...])
        // The chunks' memory goes as soon as they are stored.
        for taken in index..<pieces.count { pieces[taken] = .end }
        return taken
    }

    /// Stops after the chunk being checked.
    func cancel() {
        condition.lock()
        cancelled = true
        condition.unlock()
    }
}
