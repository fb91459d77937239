import Foundation
import JournalApp
import JournalStore

/// `journal-remote`, the helper that talks to the server (docs/sync.md), run as a child with JSON lines on its
/// standard input and output, as git runs git-remote-*: the network code (NIO, a second BoringSSL) stays out of
/// `journal`'s own start-up. It is looked for beside this executable (through /proc/self/exe, so a symlink to
/// `journal` still finds it), then on PATH.
struct RemoteHelper: RemoteLink {
    static let name = "journal-remote"

    private let process: Process
    private let input: FileHandle
    private var reader: LineReader

    /// The helper's path: beside the running executable, else the first on the run's PATH.
    static func locate(environment: [String: String]) -> String? {
        var folders: [String] = []
        if let exe = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            folders.append((exe as NSString).deletingLastPathComponent)
        }
        if let first = CommandLine.arguments.first, first.contains("/") {
            folders.append(((first as NSString).resolvingSymlinksInPath as NSString).deletingLastPathComponent)
        }
        folders += (environment["PATH"] ?? "").split(separator: ":").map(String.init).filter { !$0.isEmpty }
        return folders.map { $0 + "/" + name }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Starts the helper for `remote` and reads its greeting (connected, server schema ready).
    init(remote: StoredRemote, journalName: String, environment: [String: String]) throws {
        guard let path = Self.locate(environment: environment) else {
            throw CLIError(.io, "cannot sync: the helper \(Self.name) is neither beside journal nor on PATH; install it with make install (it is built with journal)")
        }
        process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = [remote.url, journalName]
        process.environment = environment
        let toHelper = Pipe(), fromHelper = Pipe()
        process.standardInput = toHelper
        process.standardOutput = fromHelper
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw CLIError(.io, "cannot start \(path): \(error.localizedDescription); reinstall it with make install")
        }
        input = toHelper.fileHandleForWriting
        reader = LineReader(handle: fromHelper.fileHandleForReading)
        let greeting = try receive()
        guard greeting.ok else { throw RemoteFailure(greeting.error ?? "\(Self.name) failed to connect") }
    }

    mutating func send(_ request: RemoteProtocol.Request) throws -> RemoteProtocol.Answer {
        let line = try RemoteProtocol.line(request) + "\n"
        do {
            try input.write(contentsOf: Data(line.utf8))
        } catch {
            throw RemoteFailure("\(Self.name) stopped before the sync finished; run journal sync again")
        }
        return try receive()
    }

    private mutating func receive() throws -> RemoteProtocol.Answer {
        guard let line = reader.next() else {
            throw RemoteFailure("\(Self.name) stopped before the sync finished; run journal sync again")
        }
        do {
            return try RemoteProtocol.decode(RemoteProtocol.Answer.self, from: line)
        } catch {
            throw RemoteFailure("\(Self.name) answered something unreadable: \(line.prefix(120))")
        }
    }

    /// Ends the helper: its input closes, it closes the connection and exits.
    func finish() {
        try? input.close()
        process.waitUntilExit()
    }
}

/// Lines from a pipe, read in blocks.
struct LineReader {
    let handle: FileHandle
    private var buffer = Data()

    init(handle: FileHandle) { self.handle = handle }

    mutating func next() -> String? {
        while true {
            if let newline = buffer.firstIndex(of: 0x0A) {
                let line = buffer[buffer.startIndex..<newline]
                buffer = Data(buffer[(newline + 1)...])
                return String(decoding: line, as: UTF8.self)
            }
            let more = handle.availableData
            if more.isEmpty {
                guard !buffer.isEmpty else { return nil }
                defer { buffer = Data() }
                return String(decoding: buffer, as: UTF8.self)
            }
            buffer.append(more)
        }
    }
}
