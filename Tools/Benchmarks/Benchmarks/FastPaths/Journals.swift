import Foundation
import JournalDomain
import JournalStore
import Projections

/// A new, empty journal in a folder of its own, removed with it.
final class ScratchJournal {
    let folder: URL
    let store: SQLiteEventStore

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("journal-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        store = try SQLiteEventStore(path: folder.appendingPathComponent("journal.sqlite").path, mode: .createIfMissing)
    }

    deinit { try? FileManager.default.removeItem(at: folder) }
}

/// The journal the read benchmarks read (JOURNAL_BENCH_JOURNAL, made by journal-gen and read once by `journal`
/// so that its ledger slices are caught up: Tools/Benchmarks/run.sh), and the quarter they ask about.
struct GeneratedJournal {
    let store: SQLiteEventStore
    let quarter: Quarter
    let time: TimeContext

    static func fromEnvironment() throws -> GeneratedJournal? {
        let environment = ProcessInfo.processInfo.environment
        guard let path = environment["JOURNAL_BENCH_JOURNAL"], !path.isEmpty else { return nil }
        guard let quarter = Quarter(parsing: environment["JOURNAL_BENCH_QUARTER"] ?? "2016-Q3"),
              let zone = TimeZone(identifier: "UTC"), let now = Instant(iso: "2025-12-31T23:00:00Z")
        else { throw BenchmarkSetupError.badEnvironment }
        let store = try SQLiteEventStore(path: path, mode: .mustExist)
        guard try store.projectionCheckpoint(LedgerSlices.projectionName) != nil else { throw BenchmarkSetupError.slicesNotCaughtUp(path) }
        return GeneratedJournal(store: store, quarter: quarter, time: TimeContext(now: now, zone: zone))
    }

    /// The reference every sliced read is held to: the whole log, folded.
    func wholeLedger() throws -> Ledger {
        var ledger = Ledger()
        try store.forEachEnvelope { ledger.apply($0) }
        return ledger
    }

    /// What a reading command does once the slices are caught up: only the slices its question needs.
    func slicedLedger() throws -> Ledger {
        try store.readSnapshot {
            try LedgerSlices.ledger(.quarters([quarter], days: quarter.firstDay...quarter.lastDay), time: time,
                                    goalSliceKeys: { try store.partitionKeys(prefix: LedgerSlices.goalPrefix) },
                                    read: { keys in try store.partitionEnvelopeBatches(keys) })
        }
    }
}

enum BenchmarkSetupError: Error, CustomStringConvertible {
    case badEnvironment
    case slicesNotCaughtUp(String)

    var description: String {
        switch self {
        case .badEnvironment: "JOURNAL_BENCH_QUARTER must read like 2016-Q3"
        case .slicesNotCaughtUp(let path): "\(path) has no ledger slices yet: run any reading command on it first (Tools/Benchmarks/run.sh does)"
        }
    }
}
