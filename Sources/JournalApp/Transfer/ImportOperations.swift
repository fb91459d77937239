import Foundation
import JournalDomain
import JournalStore

/// `journal import` as operations: a file and a journal path in, what was added out. All or nothing: a refused
/// import leaves the journal as it was, and a journal it created is not left behind, empty.
public enum ImportOperations {
    /// What an import of an export did.
    public struct ExportImported: Equatable, Sendable {
        /// The events the file holds, the ones appended (the rest were already here), and the journal's count after.
        public let events: Int
        public let added: Int
        public let journalEvents: Int64
    }

    /// What an import of another tool's records did.
    public struct RecordsImported: Equatable, Sendable {
        public let added: Int
        public let alreadyHere: Int
        /// Of those already here, how many the file or the maps would now record differently (kept as first imported).
        public let differing: Int
        public let skipped: [PeerSkip: Int]
        public let journalEvents: Int64
    }

    /// Appends the events of the export at `file` that the journal at `journalPath` does not hold yet (a new
    /// journal is built aside and moved into place).
    /// `progress` hears of the events stored so far into a new journal, of the count the file's head line declares.
    public static func importExport(file: String, into journalPath: String, now: Instant,
                                    progress: ProgressHandler? = nil) throws -> ExportImported {
        SQLiteEventStore.removeAbandonedBuilds(besideJournal: journalPath)
        let creation = JournalCreation(path: journalPath)
        do {
            var importer = Importer(path: file)
            importer.progress = progress
            let outcome: Importer.Outcome
            let store: SQLiteEventStore
            if let created = try importer.importIntoNewJournal(at: journalPath, now: now) {
                outcome = created
                store = try SQLiteEventStore(path: journalPath, mode: .mustExist)
            } else {
                let events = try importer.read()
                store = try SQLiteEventStore(path: journalPath, mode: .createIfMissing)
                try store.enlargeCache(megabytes: 512)
                outcome = try importer.append(events, to: store, at: now)
            }
            return ExportImported(events: outcome.events, added: outcome.added, journalEvents: try store.count())
        } catch {
            creation.undo()
            throw error
        }
    }

    /// Records `tool`'s export at `file` as activities, linked to goals by `maps` (NAME=GOAL[/N]), in the journal at
    /// `journalPath`; every event carries `metadata`.
    /// `progress` hears of the records recorded so far, of all the file's.
    public static func importRecords(of tool: PeerTool, file: String, maps raw: [String], into journalPath: String,
                                     time: TimeContext, metadata: String, progress: ProgressHandler? = nil) throws -> RecordsImported {
        let maps = try PeerMap.parse(raw)
        let source = PeerSource(file: file, tool: tool)
        let records = try tool.records(in: try source.load(), source: source, time: time)
        let plan = try PeerActivities.plan(records, maps: maps, source: source, time: time)
        // Refused before the journal would be created: a new journal has no goals to map to.
        if let map = maps.first, !FileManager.default.fileExists(atPath: journalPath) {
            throw AppError.mapWithoutJournal(given: map.given, goal: map.goal, journalPath: journalPath)
        }
        let creation = JournalCreation(path: journalPath)
        do {
            let store = try SQLiteEventStore(path: journalPath, mode: .createIfMissing)
            let outcome = try PeerAppend(source: source, maps: maps, time: time, metadata: metadata, progress: progress)
                .append(plan, to: store)
            return RecordsImported(added: outcome.added, alreadyHere: outcome.alreadyHere, differing: outcome.differing,
                                   skipped: plan.skipped, journalEvents: try store.count())
        } catch {
            creation.undo()
            throw error
        }
    }
}
