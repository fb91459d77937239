import Benchmark
import Foundation
import JournalDomain
import JournalStore
import Projections

// Each fast path beside the simple reference it replaces, on the same inputs (docs/fast-paths.md). These measure;
// they assert no timings. The differential tests that hold each pair equal are in Tests/.

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(metrics: [.wallClock, .mallocCountTotal, .throughput],
                                           warmupIterations: 3, maxDuration: .seconds(3), maxIterations: 1_000)
    do {
        try payloadDecoding()
        try hashChain()
        try storing()
        try ledgerReads()
    } catch {
        FileHandle.standardError.write(Data("FastPaths: cannot set up the benchmarks: \(error)\n".utf8))
        exit(1)
    }
}

/// The fast payload reader (Sources/JournalDomain/Events/FastPayloadDecoder.swift) against JSONDecoder.
func payloadDecoding() throws {
    let samples = try PayloadSamples(count: 1_000, seed: 1).samples
    Benchmark("Payload decoding, 1,000 payloads: fast reader") { benchmark in
        for _ in benchmark.scaledIterations {
            for sample in samples { blackHole(try? PayloadSamples.fast(sample)) }
        }
    }
    Benchmark("Payload decoding, 1,000 payloads: JSONDecoder (reference)") { benchmark in
        let decoder = JSONDecoder()
        for _ in benchmark.scaledIterations {
            for sample in samples { blackHole(try? PayloadSamples.reference(sample, decoder)) }
        }
    }
}

/// The chain hash over the stored fields as byte buffers (what an import and the chunk checks hold) and as
/// strings (what an append and `verify` hold). Sources/JournalStore/HashChain.swift.
func hashChain() throws {
    let events = try StoredEvents(count: 1_000, streamCount: 40, seed: 2)
    let previous = [UInt8](repeating: 0xAB, count: 32)
    Benchmark("Hash chain, 1,000 events: from bytes") { benchmark in
        var scratch: [UInt8] = []
        for _ in benchmark.scaledIterations {
            previous.withUnsafeBytes { previous in
                for f in events.fields {
                    blackHole(HashChain.hash(previous: previous, position: f.position, eventId: f.bytes.eventId, streamId: f.bytes.streamId,
                                             streamVersion: f.streamVersion, type: f.bytes.type, schemaVersion: f.schemaVersion,
                                             payload: f.bytes.payload, metadata: f.bytes.metadata, occurredAt: f.bytes.occurredAt,
                                             recordedAt: f.bytes.recordedAt, scratch: &scratch))
                }
            }
        }
    }
    Benchmark("Hash chain, 1,000 events: from strings") { benchmark in
        for _ in benchmark.scaledIterations {
            for f in events.fields {
                blackHole(HashChain.hash(previous: previous, position: f.position, eventId: f.eventId, streamId: f.streamId,
                                         streamVersion: f.streamVersion, type: f.type, schemaVersion: f.schemaVersion, payload: f.payload,
                                         metadata: f.metadata, occurredAt: f.occurredAt, recordedAt: f.recordedAt))
            }
        }
    }
}

/// `importCounting` (checks in one pass, rows through a virtual table in one INSERT ... SELECT:
/// Sources/JournalStore/Import.swift, ImportRowsTable.swift) against `appendCounting` (one INSERT per event), the
/// same events into a new journal, one transaction each.
func storing() throws {
    let events = try StoredEvents(count: 5_000, streamCount: 150, seed: 3)
    let configuration = Benchmark.Configuration(maxDuration: .seconds(5), maxIterations: 40)
    Benchmark("Store 5,000 events in a new journal: import", configuration: configuration) { benchmark in
        guard let journal = try? ScratchJournal() else { return }
        benchmark.startMeasurement()
        blackHole(try? journal.store.write(recordedAt: StoredEvents.recordedAt) {
            try $0.importCounting(streams: events.streams, count: events.count, events.importedEvent)
        })
        benchmark.stopMeasurement()
    }
    Benchmark("Store 5,000 events in a new journal: append (reference)", configuration: configuration) { benchmark in
        guard let journal = try? ScratchJournal() else { return }
        benchmark.startMeasurement()
        blackHole(try? journal.store.write(recordedAt: StoredEvents.recordedAt) { try $0.appendCounting(events.batches) })
        benchmark.stopMeasurement()
    }
}

/// A quarter's ledger from its slices (Projections/LedgerSlices.swift) against the whole log folded; only when
/// JOURNAL_BENCH_JOURNAL names a journal (Tools/Benchmarks/run.sh makes one).
func ledgerReads() throws {
    guard let journal = try GeneratedJournal.fromEnvironment() else {
        FileHandle.standardError.write(Data("FastPaths: JOURNAL_BENCH_JOURNAL is not set, so the ledger reads are not measured (Tools/Benchmarks/run.sh sets it)\n".utf8))
        return
    }
    let configuration = Benchmark.Configuration(maxDuration: .seconds(10), maxIterations: 200)
    Benchmark("Ledger of \(journal.quarter): sliced", configuration: configuration) { benchmark in
        for _ in benchmark.scaledIterations { blackHole(try? journal.slicedLedger()) }
    }
    Benchmark("Ledger of \(journal.quarter): whole log (reference)", configuration: configuration) { benchmark in
        for _ in benchmark.scaledIterations { blackHole(try? journal.wholeLedger()) }
    }
}
