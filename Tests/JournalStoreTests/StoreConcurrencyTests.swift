import Foundation
import JournalDomain
@testable import JournalStore
import Testing

@Suite("Writers at once")
struct StoreConcurrencyTests {
    /// Each writer has its own connection, as separate processes would; SQLite's file locks serialise them.
    static func runWriters(_ j: TemporaryJournal, writers: Int, batches: Int, perBatch: Int,
                           stream: @escaping @Sendable (Int, Int) -> String, expected: ExpectedVersion = .any) -> [String] {
        let failures = Locked<[String]>([])
        let path = j.path
        DispatchQueue.concurrentPerform(iterations: writers) { writer in
            do {
                let store = try SQLiteEventStore(path: path, mode: .createIfMissing)
                for b in 0..<batches {
                    let events = (0..<perBatch).map { i in newEvent(#"{"batch":\#(b),"i":\#(i),"writer":\#(writer)}"#) }
                    _ = try store.append([batch(stream(writer, b), expected, events)], recordedAt: t0)
                }
            } catch {
                failures.update { $0.append("writer \(writer): \(error)") }
            }
        }
        return failures.value
    }

    struct Tag: Decodable, Hashable { let writer: Int; let batch: Int; let i: Int }

    @Test func twoWritersBatchesNeverInterleave() throws {
        let j = try TemporaryJournal()
        let failures = Self.runWriters(j, writers: 2, batches: 40, perBatch: 5, stream: { w, _ in "writer-\(w)" })
        #expect(failures.isEmpty, "\(failures)")
        let events = try j.open(.mustExist).read(from: 1, limit: 1000)
        #expect(events.count == 400)
        #expect(events.map(\.position) == Array(1...400))
        let tags = try events.map { try JSONDecoder().decode(Tag.self, from: Data($0.payload.utf8)) }
        // Every batch of five sits at five consecutive positions, in its own order.
        for start in stride(from: 0, to: tags.count, by: 5) {
            let group = tags[start..<(start + 5)]
            let first = tags[start]
            #expect(group.map(\.writer).allSatisfy { $0 == first.writer }, "positions \(start + 1)...\(start + 5): \(Array(group))")
            #expect(group.map(\.batch).allSatisfy { $0 == first.batch })
            #expect(group.map(\.i) == [0, 1, 2, 3, 4])
        }
        for writer in 0..<2 {
            let stream = events.filter { $0.streamId == "writer-\(writer)" }
            #expect(stream.map(\.streamVersion) == Array(1...200))
        }
        if case .broken(let position, let reason) = try j.open(.mustExist).verify() {
            Issue.record("chain broken at \(position): \(reason)")
        }
    }

    @Test func eightWritersOnOneStreamLoseNothing() throws {
        let j = try TemporaryJournal()
        let failures = Self.runWriters(j, writers: 8, batches: 25, perBatch: 2, stream: { _, _ in "shared" })
        #expect(failures.isEmpty, "\(failures)")
        let store = try j.open(.mustExist)
        let events = try store.readStream("shared", from: 1)
        #expect(events.count == 400)
        #expect(events.map(\.streamVersion) == Array(1...400), "stream versions are gapless")
        let tags = Set(try events.map { try JSONDecoder().decode(Tag.self, from: Data($0.payload.utf8)) })
        #expect(tags.count == 400, "every appended event is there once")
        if case .broken(let position, let reason) = try store.verify() {
            Issue.record("chain broken at \(position): \(reason)")
        }
    }

    @Test func twoWritersExpectingTheSameVersionOneWins() throws {
        let j = try TemporaryJournal()
        _ = try j.open().append([batch("stream-x", .noStream, [newEvent()])], recordedAt: t0)
        let outcomes = Locked<[Result<Int, StoreError>]>([])
        let path = j.path
        DispatchQueue.concurrentPerform(iterations: 2) { writer in
            do {
                let store = try SQLiteEventStore(path: path, mode: .mustExist)
                let recorded = try store.append([batch("stream-x", .exact(1), [newEvent(#"{"writer":\#(writer)}"#)])], recordedAt: t0)
                outcomes.update { $0.append(.success(recorded.count)) }
            } catch let error as StoreError {
                outcomes.update { $0.append(.failure(error)) }
            } catch {
                Issue.record("unexpected \(error)")
            }
        }
        let results = outcomes.value
        #expect(results.count == 2)
        #expect(results.filter { if case .success = $0 { return true } else { return false } }.count == 1)
        #expect(results.contains { $0 == .failure(.wrongExpectedVersion(stream: "stream-x", expected: .exact(1), actual: 2)) })
        #expect(try j.open(.mustExist).streamVersion("stream-x") == 2)
    }

    @Test func aWriteTransactionDecidesOnStateNoOneElseCanChange() throws {
        // The CLI's pattern: read the version inside BEGIN IMMEDIATE, then append expecting it. Many such
        // writers on one stream never conflict, because the read and the append hold the write lock together.
        let j = try TemporaryJournal()
        _ = try j.open()
        let failures = Locked<[String]>([])
        let path = j.path
        DispatchQueue.concurrentPerform(iterations: 4) { writer in
            do {
                let store = try SQLiteEventStore(path: path, mode: .mustExist)
                for _ in 0..<20 {
                    _ = try store.write(recordedAt: t0) { session in
                        let version = try session.streamVersion("counter")
                        return try session.append([batch("counter", .exact(version), [newEvent(#"{"writer":\#(writer)}"#)])])
                    }
                }
            } catch {
                failures.update { $0.append("\(error)") }
            }
        }
        #expect(failures.value.isEmpty, "\(failures.value)")
        #expect(try j.open(.mustExist).streamVersion("counter") == 80)
    }
}
