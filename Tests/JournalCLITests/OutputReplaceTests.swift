import Foundation
import Testing

/// `--output` never names the journal (or the files SQLite keeps beside it), and replaces its file only once
/// the new content is complete: a failed export leaves the old one as it was, and nothing else.
@Suite("Output that would replace a file")
struct OutputReplaceTests {
    func leftovers(_ s: Sandbox) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: s.root.path).filter { $0.contains(".partial-") }
    }

    @Test func theJournalAndItsFilesAreRefused() throws {
        let s = try Sandbox.demo(now: "2025-05-16T12:00")
        try FileManager.default.createSymbolicLink(atPath: s.path("link"), withDestinationPath: s.db)
        try FileManager.default.createSymbolicLink(atPath: s.path("link-to-wal"), withDestinationPath: s.db + "-wal")
        #expect(link(s.db, s.path("hard")) == 0)
        for target in [s.db, s.db + "-wal", s.db + "-shm", s.db + "-journal", s.path("link"), s.path("link-to-wal"), s.path("hard")] {
            for command in [["export"], ["report", "2025-Q2"], ["sprint", "--format", "html"]] {
                expectRefusal(try s.run(command + ["--output", target]), status: 64,
                              mentioning: ["is the journal", "give another file"])
            }
        }
        // The journal named through a link is recognised too.
        expectRefusal(try s.run("export", "--db", s.path("link"), "--output", s.db), status: 64, mentioning: ["is the journal"])
        #expect(try s.ok(["verify"]).hasPrefix("OK: 36 events"))
        #expect(!FileManager.default.fileExists(atPath: s.db + "-journal"))
        #expect(try leftovers(s).isEmpty)
    }

    @Test func aFailedExportLeavesTheOldFileAsItWas() throws {
        let s = try Sandbox.demo(now: "2025-05-16T12:00")
        let backup = s.path("backup.jsonl")
        try s.ok(["export", "--output", backup])
        let good = try Data(contentsOf: URL(fileURLWithPath: backup))
        // A copy of the journal whose events table is damaged: the export starts, then fails.
        let damaged = s.path("damaged.sqlite")
        try FileManager.default.copyItem(atPath: s.db, toPath: damaged)
        let handle = try #require(FileHandle(forWritingAtPath: damaged))
        try handle.seek(toOffset: 3 * 4096)
        try handle.write(contentsOf: Data(repeating: 0xA5, count: 4096))
        try handle.close()
        let result = try s.run("export", "--db", damaged, "--output", backup)
        expectRefusal(result, status: 74, mentioning: ["damaged"])
        #expect(try Data(contentsOf: URL(fileURLWithPath: backup)) == good, "the good backup is untouched")
        #expect(try leftovers(s).isEmpty)
    }

    /// An export holds the whole private journal: a file it replaces becomes private too (issue 15).
    @Test func anExportIsPrivateAlsoWhenItReplacesAFile() throws {
        let s = try Sandbox.demo(now: "2025-05-16T12:00")
        let export = s.path("new.jsonl"), shared = s.path("shared.jsonl")
        try s.ok(["export", "--output", export])
        #expect(try permissions(export) == 0o600)
        try Data("old\n".utf8).write(to: URL(fileURLWithPath: shared))
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: shared)
        try s.ok(["export", "--output", shared])
        #expect(try permissions(shared) == 0o600)
        #expect(try String(contentsOfFile: shared, encoding: .utf8).split(separator: "\n").count == 37)
        #expect(try leftovers(s).isEmpty)
    }
}
