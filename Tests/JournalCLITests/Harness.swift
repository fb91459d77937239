import Foundation
import JournalCLI
import JournalStore
import JournalTestSupport
import Testing

// End-to-end harness: runs `journal` in a private temporary folder with a controlled environment, and reads back
// what it stored. A command runs in this process, through the same entry point the binary calls
// (`JournalMain.run(_:in:)`), unless the test asks for a process (`spawn`, `runProcess`) or the run needs one
// (a time zone Foundation cannot name, as only the C library reads it; a shell's completion request).
// JOURNAL_TEST_PROCESSES=1 runs every command as a process. ProcessTierTests holds the two ways equal.

/// What one run of a process produced.
struct RunResult: Sendable, CustomStringConvertible {
    let arguments: [String]
    let status: Int32
    /// False when the process died from a signal instead of exiting.
    let exited: Bool
    let stdout: String
    let stderr: String

    var stdoutLines: [String] { lines(stdout) }
    var stderrLines: [String] { lines(stderr) }

    private func lines(_ text: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).filter { !$0.isEmpty }
    }

    var description: String {
        "\(arguments.joined(separator: " ")) -> exit \(status)\(exited ? "" : " (signal)")\n"
            + "stdout: \(stdout.debugDescription)\nstderr: \(stderr.debugDescription)"
    }
}

/// Where the built `journal` binary is: $JOURNAL_BIN, else next to the running test bundle/executable.
enum JournalBinary {
    static let url: URL? = locate()

    static func locate() -> URL? {
        let environment = ProcessInfo.processInfo.environment
        if let override = environment["JOURNAL_BIN"], !override.isEmpty {
            return URL(fileURLWithPath: override)
        }
        var folders: [URL] = []
        if let first = CommandLine.arguments.first, !first.isEmpty {
            folders.append(URL(fileURLWithPath: first).resolvingSymlinksInPath().deletingLastPathComponent())
        }
        folders.append(Bundle.main.bundleURL)
        folders.append(Bundle.main.bundleURL.deletingLastPathComponent())
        if let executable = Bundle.main.executableURL { folders.append(executable.deletingLastPathComponent()) }
        // macOS: the tests run inside journalPackageTests.xctest/Contents/MacOS, loaded by xctest.
        for bundle in Bundle.allBundles where bundle.bundleURL.pathExtension == "xctest" {
            folders.append(bundle.bundleURL.deletingLastPathComponent())
        }
        for start in folders {
            var folder = start
            for _ in 0..<4 {
                let candidate = folder.appendingPathComponent("journal")
                var isFolder: ObjCBool = false
                if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isFolder), !isFolder.boolValue,
                   FileManager.default.isExecutableFile(atPath: candidate.path) {
                    return candidate
                }
                folder = folder.deletingLastPathComponent()
            }
        }
        return nil
    }

    static func require(sourceLocation: SourceLocation = #_sourceLocation) throws -> URL {
        try #require(url, "cannot find the built journal binary next to \(CommandLine.arguments.first ?? "?"); set JOURNAL_BIN",
                     sourceLocation: sourceLocation)
    }
}

/// Collects bytes a background reader produces.
private final class Collected: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()

    func set(_ value: Data) {
        lock.lock()
        data = value
        lock.unlock()
    }

    var value: Data {
        lock.lock()
        defer { lock.unlock() }
        return data
    }
}

/// A started child process whose stdout and stderr are drained concurrently, so it never blocks on a full pipe.
final class Spawned: @unchecked Sendable {
    let arguments: [String]
    private let process = Process()
    private let group = DispatchGroup()
    private let out = Collected()
    private let err = Collected()

    /// `input`, when given, is what the process reads on standard input (else it reads nothing: /dev/null).
    init(executable: URL, arguments: [String], environment: [String: String], directory: URL, input: Data? = nil) throws {
        _ = Spawned.pipesMayClose
        self.arguments = arguments
        process.executableURL = executable
        process.arguments = arguments
        process.environment = environment
        process.currentDirectoryURL = directory
        let outPipe = Pipe()
        let errPipe = Pipe()
        process.standardOutput = outPipe
        process.standardError = errPipe
        let inPipe = input.map { _ in Pipe() }
        process.standardInput = inPipe ?? FileHandle.nullDevice
        try process.run()
        if let inPipe, let input {
            try? inPipe.fileHandleForReading.close()
            let writer = inPipe.fileHandleForWriting
            DispatchQueue.global().async(group: group) {
                try? writer.write(contentsOf: input)
                try? writer.close()
            }
        }
        // The parent's copies of the write ends must be closed, or the reads below never see end-of-file.
        try? outPipe.fileHandleForWriting.close()
        try? errPipe.fileHandleForWriting.close()
        for (pipe, sink) in [(outPipe, out), (errPipe, err)] {
            let reader = pipe.fileHandleForReading
            DispatchQueue.global().async(group: group) {
                sink.set(reader.readDataToEndOfFile())
                try? reader.close()
            }
        }
    }

    /// A child that exits before reading all of its input closes the pipe the test is writing: the write must fail
    /// (and is ignored), not end the whole test process with SIGPIPE.
    private static let pipesMayClose: Void = { signal(SIGPIPE, SIG_IGN) }()

    func wait() -> RunResult {
        group.wait()
        process.waitUntilExit()
        return RunResult(arguments: arguments, status: process.terminationStatus,
                         exited: process.terminationReason == .exit,
                         stdout: String(decoding: out.value, as: UTF8.self),
                         stderr: String(decoding: err.value, as: UTF8.self))
    }
}

/// A private temporary folder with its own journal and environment; removed when released.
final class Sandbox {
    private let folder: TemporaryFolder
    var root: URL { folder.url }
    /// The environment every run gets (nothing is inherited from the test process).
    var environment: [String: String]

    var db: String { root.appendingPathComponent("j.sqlite").path }

    init(tz: String = "UTC", now: String = "2025-04-10T09:00", in parent: URL = TemporaryFolder.base) throws {
        folder = try TemporaryFolder(prefix: "journal-e2e-", in: parent)
        environment = [
            "JOURNAL_DB": folder.url.appendingPathComponent("j.sqlite").path,
            "JOURNAL_NOW": now,
            "TZ": tz,
            "HOME": folder.path,
            "PATH": "/usr/local/bin:/usr/bin:/bin",
            "LANG": "C.UTF-8",
        ]
    }

    /// A sandbox whose journal is the demo's (the article's Q2 2025 sprint, 36 events), read at `now` (UTC). The
    /// demo runs once per test run; each sandbox gets a copy (the demo's events do not depend on "now").
    static func demo(now: String) throws -> Sandbox {
        let s = try PreparedJournals.sandbox("demo", fileID: "Harness") { s in
            _ = try s.ok(["demo", "--db", s.db])
        }
        s.environment["JOURNAL_NOW"] = now
        return s
    }

    func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

    /// Starts `journal ARGS` without waiting for it. `env` adds variables; a nil value removes one.
    func spawn(_ arguments: [String], env: [String: String?] = [:], input: Data? = nil) throws -> Spawned {
        try Spawned(executable: try JournalBinary.require(), arguments: arguments, environment: merged(env), directory: root, input: input)
    }

    /// Runs any program (sh, sqlite3) in the sandbox's environment.
    func spawnProgram(_ executable: String, _ arguments: [String], env: [String: String?] = [:]) throws -> Spawned {
        try Spawned(executable: URL(fileURLWithPath: executable), arguments: arguments, environment: merged(env), directory: root)
    }

    func merged(_ env: [String: String?]) -> [String: String] {
        var result = environment
        for (name, value) in env { result[name] = value }
        return result
    }

    /// Runs `journal ARGS` to the end.
    func run(_ arguments: [String], env: [String: String?] = [:], input: Data? = nil) throws -> RunResult {
        let environment = merged(env)
        // A shell's completion request runs as a process: ArgumentParser keeps the shell it answers in a global of
        // its own, which requests running side by side in one process would share.
        guard !Sandbox.processesOnly, Invocation.zone(named: environment["TZ"]) != nil, arguments.first != "---completion" else {
            return try runProcess(arguments, env: env, input: input)
        }
        let invocation = Invocation(environment: environment, input: input ?? Data())
        let status = JournalMain.run(arguments, in: invocation)
        return RunResult(arguments: arguments, status: status, exited: true,
                         stdout: String(decoding: invocation.standardOutput, as: UTF8.self),
                         stderr: String(decoding: invocation.standardError, as: UTF8.self))
    }

    /// Runs `journal ARGS` as a process of the built binary, to the end.
    func runProcess(_ arguments: [String], env: [String: String?] = [:], input: Data? = nil) throws -> RunResult {
        try spawn(arguments, env: env, input: input).wait()
    }

    /// JOURNAL_TEST_PROCESSES=1: every command runs as a process of the built binary (the slow, full tier).
    static let processesOnly = ProcessInfo.processInfo.environment["JOURNAL_TEST_PROCESSES"] == "1"

    func run(_ arguments: String..., env: [String: String?] = [:]) throws -> RunResult {
        try run(arguments, env: env)
    }

    /// Runs `journal ARGS`, expects success with nothing on stderr, and returns its stdout.
    @discardableResult
    func ok(_ arguments: [String], env: [String: String?] = [:], sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let result = try run(arguments, env: env)
        #expect(result.status == 0 && result.exited, "\(result)", sourceLocation: sourceLocation)
        #expect(result.stderr.isEmpty, "\(result)", sourceLocation: sourceLocation)
        return result.stdout
    }

    /// Runs a `journal log ...` command that must succeed and print one line ending in "(event N)", where N
    /// is the new event count (then at most two indented lines of advice); returns that first line.
    @discardableResult
    func log(_ arguments: String..., env: [String: String?] = [:], sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let before = try count()
        let result = try run(["log"] + arguments, env: env)
        try #require(result.status == 0 && result.exited, "\(result)", sourceLocation: sourceLocation)
        #expect(result.stderr.isEmpty, "\(result)", sourceLocation: sourceLocation)
        // Setting or revising a goal may add up to two lines of SMART advice, indented.
        #expect(result.stdoutLines.count >= 1 && result.stdoutLines.count <= 3 && result.stdout.hasSuffix("\n"), "\(result)", sourceLocation: sourceLocation)
        #expect(result.stdoutLines.dropFirst().allSatisfy { $0.hasPrefix("  ") }, "\(result)", sourceLocation: sourceLocation)
        let line = result.stdoutLines.first ?? ""
        #expect(line.hasSuffix("(event \(before + 1))"), "\(result)", sourceLocation: sourceLocation)
        #expect(try count() == before + 1, "one event appended by \(result.arguments)", sourceLocation: sourceLocation)
        return line
    }

    /// The number of events in the journal (0 when there is no journal file), read with the store's own API.
    func count(at path: String? = nil) throws -> Int {
        let path = path ?? db
        guard FileManager.default.fileExists(atPath: path) else { return 0 }
        return Int(try SQLiteEventStore(path: path, mode: .mustExist).count())
    }

    /// Every event, as `journal events --format jsonl` prints it.
    func events(_ extra: [String] = [], sourceLocation: SourceLocation = #_sourceLocation) throws -> [EventLine] {
        let result = try run(["events", "--format", "jsonl"] + extra)
        try #require(result.status == 0, "\(result)", sourceLocation: sourceLocation)
        #expect(result.stderr.isEmpty, "\(result)", sourceLocation: sourceLocation)
        return try result.stdoutLines.map { line in
            try JSONDecoder().decode(EventLine.self, from: Data(line.utf8))
        }
    }

    /// The last event in the journal.
    func lastEvent(sourceLocation: SourceLocation = #_sourceLocation) throws -> EventLine {
        try #require(try events(sourceLocation: sourceLocation).last, sourceLocation: sourceLocation)
    }
}

/// One line of `journal events --format jsonl`.
struct EventLine: Decodable, Sendable {
    let position: Int
    let eventId: String
    let streamId: String
    let streamVersion: Int
    let type: String
    let schemaVersion: Int
    let payload: JSON
    let metadata: JSON
    let occurredAt: String
    let recordedAt: String
    let previousHash: String
    let hash: String
    let retracted: Bool
}

/// Any JSON value, for looking into payloads.
enum JSON: Decodable, Equatable, Sendable, CustomStringConvertible {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSON])
    case object([String: JSON])

    init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() {
            self = .null
        } else if let value = try? c.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? c.decode(Double.self) {
            self = .number(value)
        } else if let value = try? c.decode(String.self) {
            self = .string(value)
        } else if let value = try? c.decode([JSON].self) {
            self = .array(value)
        } else {
            self = .object(try c.decode([String: JSON].self))
        }
    }

    subscript(key: String) -> JSON? {
        if case .object(let fields) = self { return fields[key] }
        return nil
    }

    subscript(index: Int) -> JSON? {
        if case .array(let items) = self, items.indices.contains(index) { return items[index] }
        return nil
    }

    var keys: Set<String> {
        if case .object(let fields) = self { return Set(fields.keys) }
        return []
    }

    var description: String {
        switch self {
        case .null: return "null"
        case .bool(let b): return String(b)
        case .number(let n): return String(n)
        case .string(let s): return s.debugDescription
        case .array(let items): return "[" + items.map(\.description).joined(separator: ",") + "]"
        case .object(let fields):
            return "{" + fields.sorted { $0.key < $1.key }.map { "\($0.key.debugDescription):\($0.value)" }.joined(separator: ",") + "}"
        }
    }
}

extension JSON: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral,
                ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral {
    init(stringLiteral value: String) { self = .string(value) }
    init(integerLiteral value: Int) { self = .number(Double(value)) }
    init(floatLiteral value: Double) { self = .number(value) }
    init(booleanLiteral value: Bool) { self = .bool(value) }
    init(arrayLiteral elements: JSON...) { self = .array(elements) }
}

/// The sqlite3 command-line shell, used to play a program other than journal (or an attacker).
enum SQLiteShell {
    static let path = ["/usr/bin/sqlite3", "/usr/local/bin/sqlite3", "/opt/homebrew/bin/sqlite3"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    static func require(sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        try #require(path, "these tests need the sqlite3 command-line shell (apt-get install sqlite3)",
                     sourceLocation: sourceLocation)
    }

    /// Runs SQL against a file with the sqlite3 shell.
    static func run(_ file: String, _ sql: String, in sandbox: Sandbox) throws -> RunResult {
        try sandbox.spawnProgram(try require(), ["-batch", "-bail", file, sql]).wait()
    }
}

/// Unix permission bits of a file or folder.
func permissions(_ path: String) throws -> Int {
    let attributes = try FileManager.default.attributesOfItem(atPath: path)
    let mode = try #require(attributes[.posixPermissions] as? NSNumber)
    return mode.intValue & 0o777
}

/// Checks the shape every refusal must have: the exit code, one "journal: " line on stderr, nothing on stdout.
func expectRefusal(_ result: RunResult, status: Int32, mentioning needles: [String] = [],
                   sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(result.exited && result.status == status, "expected exit \(status): \(result)", sourceLocation: sourceLocation)
    #expect(result.stdout.isEmpty, "nothing on stdout: \(result)", sourceLocation: sourceLocation)
    #expect(result.stderrLines.count == 1 && result.stderr.hasSuffix("\n"), "one line on stderr: \(result)",
            sourceLocation: sourceLocation)
    #expect(result.stderr.hasPrefix("journal: "), "stderr starts with 'journal: ': \(result)", sourceLocation: sourceLocation)
    for needle in needles {
        #expect(result.stderr.contains(needle), "stderr mentions \(needle.debugDescription): \(result)",
                sourceLocation: sourceLocation)
    }
}
