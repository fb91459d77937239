import Foundation
import JournalDomain
import JournalStore

/// A journal written straight through the store, past every check a command or an import makes: what an older
/// version, another program or an edited file may have left in a log, for the commands that must still read it
/// safely.
enum RawJournal {
    /// Appends `events` in order, each to the stream it belongs to, at JOURNAL_NOW's 2025-04-10T09:00Z (the store
    /// keeps the goal index current, as for every writer).
    static func append(_ events: [JournalEvent], to path: String) throws {
        let at = Instant(millisecondsSinceEpoch: 1_744_275_600_000)
        let store = try SQLiteEventStore(path: path, mode: .createIfMissing)
        try store.write(recordedAt: at) { session in
            for event in events {
                let stream = try streamName(event)
                let new = NewEvent(eventId: UUID().uuidString.lowercased(), type: event.type, schemaVersion: event.schemaVersion,
                                   payload: try event.payloadJSON(), occurredAt: at)
                _ = try session.append([AppendBatch(stream: stream, expected: .exact(try session.streamVersion(stream)), events: [new])])
            }
        }
    }

    struct NoStream: Error { let event: JournalEvent }

    static func streamName(_ event: JournalEvent) throws -> String {
        switch event {
        case .directionSet(let e): return StreamName.direction(e.key)
        case .activityLogged: return StreamName.activities(LocalDate(dayNumber: 20_188)) // 2025-04-10
        case .reviewRecorded(let e): return StreamName.review(e.quarter)
        case .partnerNamed: return StreamName.partner
        case .eventRetracted: throw NoStream(event: event)
        default:
            guard let key = event.goalKey else { throw NoStream(event: event) }
            return StreamName.goal(key)
        }
    }
}
