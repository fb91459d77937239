import Foundation
import JournalChain
import JournalRemote
import JournalTestSupport
import PostgresNIO
import Testing

/// The server the tests use: the one Tools/pg/with-server.sh started, named by PGHOST/PGPORT/PGUSER/PGPASSWORD/
/// PGDATABASE. Without them every test here fails (never skips), naming the script.
enum TestServer {
    static let environment = ProcessInfo.processInfo.environment

    static func require(sourceLocation: SourceLocation = #_sourceLocation) throws -> [String: String] {
        let needed = ["PGHOST", "PGPORT", "PGUSER", "PGDATABASE"]
        let missing = needed.filter { (environment[$0] ?? "").isEmpty }
        try #require(missing.isEmpty, "no PostgreSQL server for the sync tests (\(missing.joined(separator: ", ")) unset): run them as bash Tools/pg/with-server.sh swift test --filter JournalRemoteTests (or bash Tools/test.sh)",
                     sourceLocation: sourceLocation)
        return environment
    }

    /// A URL for a journal of its own on the test server (each test its own, so they run side by side).
    static func url(journal: String, database: String? = nil) throws -> String {
        let env = try require()
        let host = env["PGHOST"] ?? "localhost"
        let hostPart = host.hasPrefix("/") ? "localhost" : host
        var url = "postgresql://\(env["PGUSER"] ?? "")@\(hostPart):\(env["PGPORT"] ?? "5432")/\(database ?? env["PGDATABASE"] ?? "")?journal=\(journal)"
        if host.hasPrefix("/") { url += "&host=\(host)" }
        return url
    }

    static func uniqueName(_ prefix: String) -> String { "\(prefix)-\(UUID().uuidString.prefix(8).lowercased())" }

    /// A connection of the test's own, for what the helper never does (UPDATE, DELETE, a newer schema).
    static func withConnection<T>(database: String? = nil, _ body: (PostgresConnection) async throws -> T) async throws -> T {
        let env = try require()
        let parsed = try RemoteURL.parse(try url(journal: "x", database: database))
        var logger = Logger(label: "journal-remote-tests")
        logger.logLevel = .critical
        let connection = try await Connecting(url: parsed, environment: env).connect(logger: logger)
        do {
            let value = try await body(connection)
            try await connection.closeGracefully()
            return value
        } catch {
            try? await connection.closeGracefully()
            throw error
        }
    }
}

/// The built executables, beside the test bundle.
enum Built {
    static func path(_ name: String) throws -> String {
        var folders: [URL] = []
        if let first = CommandLine.arguments.first, !first.isEmpty {
            folders.append(URL(fileURLWithPath: first).resolvingSymlinksInPath().deletingLastPathComponent())
        }
        folders.append(Bundle.main.bundleURL)
        folders.append(Bundle.main.bundleURL.deletingLastPathComponent())
        for start in folders {
            var folder = start
            for _ in 0..<4 {
                let candidate = folder.appendingPathComponent(name).path
                if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
                folder = folder.deletingLastPathComponent()
            }
        }
        return try #require(nil as String?, "cannot find the built \(name) next to \(CommandLine.arguments.first ?? "?")")
    }
}

struct Ran: Equatable {
    var status: Int32
    var out: String
    var err: String
}

/// Runs a program to its end with `input` on its standard input.
func runProgram(_ path: String, _ arguments: [String], env: [String: String], input: String = "") throws -> Ran {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = arguments
    process.environment = env
    let inPipe = Pipe(), outPipe = Pipe(), errPipe = Pipe()
    process.standardInput = inPipe
    process.standardOutput = outPipe
    process.standardError = errPipe
    try process.run()
    let writer = inPipe.fileHandleForWriting
    let data = Data(input.utf8)
    let feeding = Thread { try? writer.write(contentsOf: data); try? writer.close() }
    feeding.start()
    let out = outPipe.fileHandleForReading.readDataToEndOfFile()
    let err = errPipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Ran(status: process.terminationStatus, out: String(decoding: out, as: UTF8.self), err: String(decoding: err, as: UTF8.self))
}

/// One device: a journal of its own, logging at the times given, syncing with the test server.
struct Device {
    let folder: TemporaryFolder
    var db: String { folder.path + "/journal.sqlite" }

    init(_ name: String) throws { folder = try TemporaryFolder(prefix: "sync-\(name)-") }

    func run(_ arguments: [String], now: String, env extra: [String: String?] = [:]) throws -> Ran {
        var env = TestServer.environment
        for (name, value) in extra { env[name] = value }
        env["JOURNAL_NOW"] = now
        env["TZ"] = "UTC"
        env["NO_COLOR"] = "1"
        return try runProgram(try Built.path("journal"), ["--db", db] + arguments, env: env)
    }

    @discardableResult
    func ok(_ arguments: [String], now: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let ran = try run(arguments, now: now)
        #expect(ran.status == 0, "journal \(arguments.joined(separator: " ")): \(ran.err)", sourceLocation: sourceLocation)
        return ran.out
    }

    /// The events by id with what must agree everywhere (not the local positions, stream versions or hashes).
    func eventFacts() throws -> [String: String] {
        let text = try ok(["events", "--format", "jsonl"], now: "2026-03-01T12:00")
        var facts: [String: String] = [:]
        for line in text.split(separator: "\n") {
            guard let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                  let id = object["eventId"] as? String else { continue }
            let payload = try JSONSerialization.data(withJSONObject: object["payload"] ?? [:], options: [.sortedKeys])
            let fields = [object["type"], object["streamId"], object["occurredAt"], object["recordedAt"], object["retracted"]]
                .map { "\($0 ?? "nil")" }.joined(separator: "|")
            facts[id] = fields + "|" + String(decoding: payload, as: UTF8.self)
        }
        return facts
    }
}
