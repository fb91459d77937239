import Foundation
import JournalApp
@testable import JournalCLI
import JournalStore
import Testing

/// An import that is refused, interrupted or fed something endless leaves nothing behind: no empty journal, no
/// file built beside it, no memory exhausted.
@Suite("What a refused or interrupted import leaves")
struct ImportLitterTests {
    /// The demo's export with event 5 given event 3's id, every hash after it made again: a file whose own chain
    /// checks out, which only the store refuses (one id twice).
    func exportWithARepeatedId(_ s: Sandbox) throws -> String {
        let store = try SQLiteEventStore(path: s.db, mode: .mustExist)
        var events: [RecordedEvent] = []
        try store.forEach { events.append($0) }
        var lines: [String] = []
        var previous = HashChain.genesis
        for (index, e) in events.enumerated() {
            var changed = RecordedEvent(position: e.position, eventId: index == 4 ? events[2].eventId : e.eventId,
                                        streamId: e.streamId, streamVersion: e.streamVersion, type: e.type,
                                        schemaVersion: e.schemaVersion, payload: e.payload, metadata: e.metadata,
                                        occurredAt: e.occurredAt, recordedAt: e.recordedAt, previousHash: previous, hash: [])
            changed = RecordedEvent(position: changed.position, eventId: changed.eventId, streamId: changed.streamId,
                                    streamVersion: changed.streamVersion, type: changed.type, schemaVersion: changed.schemaVersion,
                                    payload: changed.payload, metadata: changed.metadata, occurredAt: changed.occurredAt,
                                    recordedAt: changed.recordedAt, previousHash: previous, hash: HashChain.hash(of: changed))
            lines.append(ExportLine.text(changed))
            previous = changed.hash
        }
        lines.append(ExportLine.headText(hash: previous, events: Int64(events.count)))
        let path = s.path("repeated-id.jsonl")
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    func entries(_ folder: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
    }

    @Test func aRefusedImportIntoANewJournalLeavesNothing() throws {
        let s = try Sandbox.demo(now: "2025-05-16T12:00")
        let file = try exportWithARepeatedId(s)
        let before = try entries(s.root.path)
        for target in [s.path("fresh.sqlite"), s.path("new/folders/fresh.sqlite")] {
            expectRefusal(try s.run("import", file, "--db", target), status: 65, mentioning: ["twice"])
            #expect(try entries(s.root.path) == before, "nothing left for \(target)")
        }
        // A journal that was there before keeps what it held.
        expectRefusal(try s.run("import", file), status: 65, mentioning: ["twice"])
        #expect(try s.count() == 36)
    }

    /// The process id of a process that has ended.
    func endedProcess(_ s: Sandbox) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/true")
        try process.run()
        process.waitUntilExit()
        return process.processIdentifier
    }

    @Test func filesAKilledImportBuiltAreRemovedByTheNextImport() throws {
        let s = try Sandbox.demo(now: "2025-05-16T12:00")
        let export = s.path("export.jsonl")
        try s.ok(["export", "--output", export])
        let ended = try endedProcess(s)
        let abandoned = [".fresh.sqlite.import-\(ended)-1f2e", ".fresh.sqlite.import-\(ended)-1f2e-wal",
                         ".fresh.sqlite.import-\(ended)-1f2e-journal"]
        // Still being built (this process is alive), and one of a form whose builder is unknown.
        let kept = [".fresh.sqlite.import-\(getpid())-77aa", ".fresh.sqlite.import-9c0ffee"]
        for name in abandoned + kept { try Data("x".utf8).write(to: URL(fileURLWithPath: s.path(name))) }
        let out = try s.ok(["import", export, "--db", s.path("fresh.sqlite")])
        #expect(out.hasPrefix("Imported 36 of 36 events"), "\(out)")
        let left = try entries(s.root.path).filter { $0.hasPrefix(".fresh.sqlite.import-") }
        #expect(left == kept.sorted())
        #expect(try s.count(at: s.path("fresh.sqlite")) == 36)
    }

    @Test func anEndlessOrHugeFileIsRefusedAtTheLimit() throws {
        let s = try Sandbox.demo(now: "2025-05-16T12:00")
        let huge = s.path("huge.jsonl")
        #expect(FileManager.default.createFile(atPath: huge, contents: nil))
        #expect(truncate(huge, 1 << 30 + 1) == 0, "a sparse file one byte over the limit")
        // Both readers load through Importer.load: the endless stream (a gigabyte read) is checked once, on the export
        // path; the peer path is checked with the file over the limit, refused before a byte is read.
        for arguments in [["import", huge], ["import", huge, "--db", s.path("fresh.sqlite")], ["import", "/dev/zero"],
                          ["import", "--from", "watson", huge]] {
            let result = try s.run(arguments)
            expectRefusal(result, status: 65, mentioning: ["more than 1 GiB", "nothing was imported"])
        }
        #expect(try s.count() == 36)
        #expect(!FileManager.default.fileExists(atPath: s.path("fresh.sqlite")))
    }
}
