import Foundation
import JournalDomain
import JournalStore

/// Reads an export and appends what this journal does not hold yet, in one transaction: the file's own hash
/// chain is checked first, every event is decoded (so nothing the journal could not read gets in), ids
/// already present with the same content are skipped, and one with different content refuses the whole file.
struct Importer {
    let path: String

    struct Outcome: Equatable {
        let events: Int
        let added: Int
    }

    /// Every line of the file, checked: the events in order, chained from genesis, with the head line last.
    func read() throws -> [ExportedEvent] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CLIError(.noJournal, "cannot read \(path); check the path and its permissions")
        }
        var events: [ExportedEvent] = []
        var head: (hash: [UInt8], events: Int, line: Int)?
        var previous = HashChain.genesis
        var number = 0
        try data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            let bytes = raw.bindMemory(to: UInt8.self)
            var start = 0
            while start < bytes.count {
                var end = start
                while end < bytes.count, bytes[end] != 0x0A { end += 1 }
                number += 1
                defer { start = end + 1 }
                let line = UnsafeBufferPointer(rebasing: bytes[start..<end])
                if line.allSatisfy({ $0 == 0x20 || $0 == 0x0D || $0 == 0x09 }) { continue }
                guard head == nil else { throw failure(number, "there is a line after the head line; the file was altered or joined") }
                let parsed: ExportLine
                do {
                    parsed = try ExportLineParser.parse(line)
                } catch let error as ExportLineParser.Failure {
                    throw failure(number, error.reason)
                }
                switch parsed {
                case .head(let hash, let count):
                    head = (hash, count, number)
                case .event(let event):
                    try check(event, line: number, previous: previous, index: events.count)
                    previous = event.hash
                    events.append(event)
                }
            }
        }
        guard let head else {
            throw CLIError(.data, "\(path) has no head line at its end; it was cut short or is not an export of journal (nothing was imported)")
        }
        guard head.events == events.count, head.hash == (events.last?.hash ?? HashChain.genesis) else {
            throw failure(head.line, "the head line does not match the events before it (\(events.count) events); the file was altered")
        }
        return events
    }

    private func check(_ event: ExportedEvent, line: Int, previous: [UInt8], index: Int) throws {
        guard event.position == Int64(index + 1) else {
            throw failure(line, "position \(event.position) where \(index + 1) was expected; events are missing or out of order")
        }
        guard event.previousHash == previous else {
            throw failure(line, "the event does not chain to the one before it; events were removed, inserted or reordered")
        }
        let computed = HashChain.hash(previous: previous, position: event.position, eventId: event.eventId, streamId: event.streamId,
                                      streamVersion: event.streamVersion, type: event.type, schemaVersion: event.schemaVersion,
                                      payload: event.payload, metadata: event.metadata, occurredAt: event.occurredAt,
                                      recordedAt: event.recordedAt)
        guard computed == event.hash else { throw failure(line, "the event's content does not match its hash; it was altered") }
        do {
            _ = try JournalEvent(type: event.type, schemaVersion: event.schemaVersion, payload: event.payload)
        } catch {
            throw failure(line, "\(error)")
        }
        guard Instant(iso: event.occurredAt) != nil, Instant(iso: event.recordedAt) != nil else {
            throw failure(line, "occurredAt and recordedAt must be ISO-8601 times")
        }
    }

    private func failure(_ line: Int, _ reason: String) -> CLIError {
        CLIError(.data, "\(path) line \(line): \(reason) (nothing was imported)")
    }

    /// Appends the events this journal lacks, keeping their ids, types, payloads, metadata and both times.
    func append(_ events: [ExportedEvent], to store: SQLiteEventStore, at now: Instant) throws -> Outcome {
        var batches: [AppendBatch] = []
        for event in events {
            guard let occurred = Instant(iso: event.occurredAt), let recorded = Instant(iso: event.recordedAt) else { continue }
            let fresh = NewEvent(eventId: event.eventId, type: event.type, schemaVersion: event.schemaVersion, payload: event.payload,
                                 metadata: event.metadata, occurredAt: occurred, recordedAt: recorded)
            if let last = batches.last, last.stream == event.streamId {
                batches[batches.count - 1].events.append(fresh)
            } else {
                batches.append(AppendBatch(stream: event.streamId, expected: .any, events: [fresh]))
            }
        }
        do {
            let added = try store.write(recordedAt: now) { session in
                let added = try session.appendCounting(batches)
                // Decisions read the goal index ("three goals a quarter"): bring every goal the file touched up to date.
                for stream in Set(events.map(\.streamId)) where stream.hasPrefix("goal-") {
                    let goal = GoalState.replay(try session.readStream(stream).map { try $0.envelope() })
                    try session.setGoalIndex(key: String(stream.dropFirst("goal-".count)), entry: goal.map { ($0.quarter, $0.status) })
                }
                return added
            }
            return Outcome(events: events.count, added: added)
        } catch StoreError.eventIdConflict(let id) {
            let line = (events.firstIndex { $0.eventId == id } ?? 0) + 1
            throw failure(line, "event \(id) is already in this journal with different content")
        }
    }
}
