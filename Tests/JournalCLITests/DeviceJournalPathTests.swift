import Foundation
import Testing

/// `--db` naming a device, a FIFO, a socket or a folder is refused by every command before SQLite opens it, so
/// nothing is made beside it (as root, `--db /dev/null` used to leave /dev/null-journal).
@Suite("A journal path that is no file")
struct DeviceJournalPathTests {
    static let commands: [[String]] = [
        ["log", "activity", "Read a chapter", "--minutes", "30"], ["sprint"], ["report", "2025-Q2"], ["events"],
        ["verify"], ["export"], ["history", "aws"], ["insights"], ["rebuild"],
    ]

    func expectRefusedEverywhere(_ s: Sandbox, _ db: String, kind: String) throws {
        for command in Self.commands {
            let result = try s.run(command + ["--db", db])
            expectRefusal(result, status: 66, mentioning: [db, "is not a journal (it is \(kind))"])
        }
        let export = s.path("export.jsonl")
        try s.ok(["export", "--output", export])
        expectRefusal(try s.run("import", export, "--db", db), status: 66, mentioning: [db, "it is \(kind)"])
        for suffix in ["-journal", "-wal", "-shm"] {
            #expect(!FileManager.default.fileExists(atPath: db + suffix), "nothing beside \(db): \(suffix)")
        }
    }

    @Test func aFIFOIsRefused() throws {
        let s = try Sandbox.demo(now: "2025-05-16T18:00")
        let fifo = s.path("pipe")
        #expect(mkfifo(fifo, 0o600) == 0)
        try expectRefusedEverywhere(s, fifo, kind: "a named pipe")
    }

    @Test func theNullDeviceIsRefused() throws {
        let s = try Sandbox.demo(now: "2025-05-16T18:00")
        try expectRefusedEverywhere(s, "/dev/null", kind: "a device")
    }

    @Test func aFolderIsRefused() throws {
        let s = try Sandbox.demo(now: "2025-05-16T18:00")
        let folder = s.path("folder")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try expectRefusedEverywhere(s, folder, kind: "a folder")
    }
}
