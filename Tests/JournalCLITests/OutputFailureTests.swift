import Foundation
import Testing

/// Output that cannot be written (a full disk, here Linux's /dev/full) is an error with exit 74, never a crash or a
/// silent success; a file named by --output is written in place, through a symlink, never replaced.
@Suite("Output that cannot be written")
struct OutputFailureTests {
    static let full = "/dev/full"
    static var hasFullDevice: Bool {
        var info = stat()
        return stat(full, &info) == 0 && (info.st_mode & S_IFMT) == S_IFCHR
    }

    /// Runs `journal ARGS > /dev/full` through the shell.
    func runIntoFullDevice(_ s: Sandbox, _ arguments: [String]) throws -> RunResult {
        let binary = try JournalBinary.require().path
        return try s.spawnProgram("/bin/sh", ["-c", "exec \"$0\" \"$@\" > /dev/full", binary] + arguments).wait()
    }

    @Test(.enabled(if: hasFullDevice)) func aFullDiskUnderARedirectIsAnError() throws {
        let s = try Sandbox.demo(now: "2025-05-16T12:00")
        for arguments in [["export"], ["report", "2025-Q2"], ["events", "--format", "jsonl"], ["sprint", "--format", "html"]] {
            let result = try runIntoFullDevice(s, arguments)
            #expect(result.exited && result.status == 74, "\(arguments): \(result)")
            #expect(result.stderrLines.count == 1 && result.stderr.contains("No space left on device"), "\(arguments): \(result)")
        }
    }

    @Test(.enabled(if: hasFullDevice)) func aFullOutputFileIsAnErrorAndTheDeviceStaysADevice() throws {
        let s = try Sandbox.demo(now: "2025-05-16T12:00")
        expectRefusal(try s.run("export", "--output", Self.full), status: 74, mentioning: ["/dev/full", "No space left on device"])
        expectRefusal(try s.run("report", "2025-Q2", "--format", "html", "--output", Self.full), status: 74,
                      mentioning: ["/dev/full", "No space left on device"])
        var info = stat()
        #expect(stat(Self.full, &info) == 0 && (info.st_mode & S_IFMT) == S_IFCHR, "/dev/full is still a character device")
    }

    @Test func anOutputPathThatIsASymlinkIsWrittenThrough() throws {
        let s = try Sandbox.demo(now: "2025-05-16T12:00")
        let target = s.path("backup-target.jsonl"), link = s.path("backup.jsonl")
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        try s.ok(["export", "--output", link])
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == target)
        let lines = try String(contentsOfFile: target, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 37)
        #expect(lines.last?.hasPrefix("{\"head\":") == true)
    }
}
