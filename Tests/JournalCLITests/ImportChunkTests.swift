import Foundation
@testable import JournalApp
@testable import JournalCLI
import JournalDomain
import JournalStore
import Testing

/// An export is checked in chunks (side by side, or one after the other while a new journal takes them): for
/// every size of chunk, the events read and the failure reported must be those of the whole file read at once.
@Suite("Imports in chunks")
struct ImportChunkTests {
    static let sizes: [Int?] = [1, 40, 333, 1000, 4096, nil]

    func export(_ s: Sandbox) throws -> [String] {
        try s.ok(["export"]).split(separator: "\n").map(String.init)
    }

    func write(_ s: Sandbox, _ name: String, _ text: String) throws -> String {
        let path = s.path(name)
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// Every event's fields as text, or the failure's message.
    func read(_ path: String, chunkBytes: Int?) -> Result<[[String]], AppError> {
        do {
            let export = try Importer(path: path, chunkBytes: chunkBytes).read()
            return .success((0..<export.count).map { index in
                let e = export.event(index)
                func text(_ bytes: UnsafeBufferPointer<UInt8>) -> String { String(decoding: bytes, as: UTF8.self) }
                return [text(e.eventId), export.streams[e.stream], text(e.type), "\(e.schemaVersion)", text(e.payload), text(e.metadata),
                        text(e.occurredAt), text(e.recordedAt), e.verified.map { "\($0.position) \($0.streamVersion) \($0.hash.bytes)" } ?? "-"]
            })
        } catch let error as AppError {
            return .failure(error)
        } catch {
            Issue.record("not a refusal of the import: \(error)")
            return .failure(.importUnreadable(path: path))
        }
    }

    func variants(_ lines: [String]) -> [String] {
        var edited = lines
        edited[4] = edited[4].replacingOccurrences(of: "\"streamVersion\":", with: "\"streamVersion\":1")
        var dropped = lines
        dropped.remove(at: 7)
        var swapped = lines
        swapped.swapAt(3, 4)
        var blank = lines
        blank.insert("  ", at: 20)
        blank.insert("", at: 5)
        return [
            lines.joined(separator: "\n") + "\n",
            lines.joined(separator: "\r\n"),
            blank.joined(separator: "\n"),
            edited.joined(separator: "\n"),
            dropped.joined(separator: "\n"),
            swapped.joined(separator: "\n"),
            lines.dropLast().joined(separator: "\n"),
            (lines.prefix(10) + ["{\"position\": 11,"] + lines.suffix(from: 11)).joined(separator: "\n"),
            (lines + ["{\"head\":\"00\",\"events\":0}"]).joined(separator: "\n"),
            (lines + ["", " "]).joined(separator: "\n"),
            (lines.prefix(12) + [lines[lines.count - 1]] + lines.suffix(from: 12)).joined(separator: "\n"),
            lines.map { $0.replacingOccurrences(of: "\"eventId\":", with: "\"eventId\" : ") }.joined(separator: "\n"),
            "",
        ]
    }

    @Test func everyChunkSizeReadsTheSameEventsAndTheSameFailure() throws {
        let s = try Sandbox.demo(now: "2025-07-05T10:00")
        for (index, text) in variants(try export(s)).enumerated() {
            let path = try write(s, "variant\(index).jsonl", text)
            let whole = read(path, chunkBytes: Int.max)
            for size in Self.sizes {
                let chunked = read(path, chunkBytes: size)
                switch (whole, chunked) {
                case (.success(let a), .success(let b)): #expect(a == b, "variant \(index), chunks of \(size ?? 0)")
                case (.failure(let a), .failure(let b)): #expect(a.message == b.message, "variant \(index), chunks of \(size ?? 0)")
                default: Issue.record("variant \(index), chunks of \(size ?? 0): \(whole) against \(chunked)")
                }
            }
        }
    }

    @Test func aNewJournalTakingChunksAsTheyAreCheckedIsTheUsualOne() throws {
        let s = try Sandbox.demo(now: "2025-07-05T10:00")
        let lines = try export(s)
        let verify = try s.ok(["verify"])
        for (index, text) in variants(lines).enumerated() {
            let path = try write(s, "variant\(index).jsonl", text)
            let usual = read(path, chunkBytes: nil)
            for size in Self.sizes {
                let folder = s.path("new-\(index)-\(size ?? 0)")
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
                let journal = folder + "/j.sqlite"
                let now = Instant(millisecondsSinceEpoch: 1_751_709_600_000)
                let outcome = Result { try Importer(path: path, chunkBytes: size).importIntoNewJournal(at: journal, now: now) }
                switch (usual, outcome) {
                case (.success(let events), .success(let outcome)):
                    #expect(outcome == Importer.Outcome(events: events.count, added: events.count), "variant \(index)")
                    #expect(try s.ok(["verify", "--db", journal]) == verify)
                    #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["j.sqlite"])
                case (.failure(let a), .failure(let b as AppError)):
                    #expect(a.message == b.message, "variant \(index), chunks of \(size ?? 0)")
                    #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty, "nothing is left behind")
                default:
                    Issue.record("variant \(index), chunks of \(size ?? 0): \(usual) against \(outcome)")
                }
            }
        }
    }

    @Test func aJournalAlreadyThereIsLeftToTheUsualWay() throws {
        let s = try Sandbox.demo(now: "2025-07-05T10:00")
        let path = try write(s, "export.jsonl", try export(s).joined(separator: "\n"))
        let before = try Data(contentsOf: URL(fileURLWithPath: s.db))
        #expect(try Importer(path: path).importIntoNewJournal(at: s.db, now: Instant(millisecondsSinceEpoch: 0)) == nil)
        #expect(try Data(contentsOf: URL(fileURLWithPath: s.db)) == before)
    }
}
