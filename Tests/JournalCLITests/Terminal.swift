import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `journal` running on a pseudo-terminal, driven like a person at a keyboard: wait for text on the screen,
/// type a line, press Ctrl-C or Ctrl-D. The child starts a new session and opens the terminal as its
/// controlling terminal, so Ctrl-C reaches it as SIGINT the way it does in a real shell.
final class Terminal: @unchecked Sendable {
    private let pid: pid_t
    private let master: Int32
    private let lock = NSLock()
    private var output = Data()
    private var closed = false
    private var status: Int32?
    /// Where the next `expect` starts looking: text already matched is not matched again.
    private var cursor = 0
    private let reader = DispatchGroup()

    /// glibc's POSIX_SPAWN_SETSID, which Swift does not import: the child calls setsid() before its file actions.
    private static let spawnSetsid: Int16 = 0x80

    /// - Parameter columns: the terminal's width (TIOCGWINSZ answers it; 0 is a terminal that does not say).
    /// `program` runs instead of journal when given (a shell, to complete journal's command lines in its line editor).
    init(_ sandbox: Sandbox, _ arguments: [String], env: [String: String?] = [:], program: String? = nil, columns: UInt16 = 200,
         sourceLocation: SourceLocation = #_sourceLocation) throws {
        let executable = try program ?? JournalBinary.require().path
        var master: Int32 = -1
        var slave: Int32 = -1
        var name = [CChar](repeating: 0, count: 256)
        var size = winsize(ws_row: 50, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
        try #require(openpty(&master, &slave, &name, nil, &size) == 0, "openpty failed: errno \(errno)", sourceLocation: sourceLocation)
        close(slave)
        self.master = master
        let slavePath = String(cString: name)

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        // Opened after setsid(), without O_NOCTTY: the terminal becomes the child's controlling terminal.
        posix_spawn_file_actions_addopen(&actions, 0, slavePath, O_RDWR, 0)
        posix_spawn_file_actions_adddup2(&actions, 0, 1)
        posix_spawn_file_actions_adddup2(&actions, 0, 2)
        posix_spawn_file_actions_addclose(&actions, master)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // The test runner's threads may block or ignore SIGINT; a shell's child starts with neither.
        var none = sigset_t()
        sigemptyset(&none)
        posix_spawnattr_setsigmask(&attributes, &none)
        var interrupt = sigset_t()
        sigemptyset(&interrupt)
        sigaddset(&interrupt, SIGINT)
        posix_spawnattr_setsigdefault(&attributes, &interrupt)
        posix_spawnattr_setflags(&attributes, Terminal.spawnSetsid | Int16(POSIX_SPAWN_SETSIGMASK) | Int16(POSIX_SPAWN_SETSIGDEF))

        let environment = sandbox.merged(env.merging(["TERM": "dumb"]) { given, _ in given }).map { "\($0.key)=\($0.value)" }
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup($0) } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        try #require(spawned == 0, "posix_spawn failed: \(spawned)", sourceLocation: sourceLocation)
        self.pid = pid

        let fd = master
        DispatchQueue.global().async(group: reader) { [self] in
            var buffer = [UInt8](repeating: 0, count: 4096)
            while true {
                let count = read(fd, &buffer, buffer.count)
                if count < 0, errno == EINTR || errno == EAGAIN { continue }
                // EIO once the child and its terminal are gone.
                if count <= 0 { break }
                lock.lock()
                output.append(contentsOf: buffer[0..<count])
                lock.unlock()
            }
            lock.lock()
            closed = true
            lock.unlock()
        }
    }

    deinit {
        if status == nil {
            kill(pid, SIGKILL)
            var ignored: Int32 = 0
            waitpid(pid, &ignored, 0)
        }
        close(master)
    }

    /// Everything shown so far, with the terminal's carriage returns removed.
    var screen: String {
        lock.lock()
        defer { lock.unlock() }
        return String(decoding: output, as: UTF8.self).replacingOccurrences(of: "\r", with: "")
    }

    /// Everything shown so far, carriage returns kept (to see a line rewritten in place).
    var screenWithReturns: String {
        lock.lock()
        defer { lock.unlock() }
        return String(decoding: output, as: UTF8.self)
    }

    /// Waits until `text` appears after what was matched before; fails the test with the screen if it does not.
    func expect(_ text: String, timeout: TimeInterval = 20, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            // Whether the output had ended is read before the screen, so text that arrived just before the end
            // is still looked at once more.
            lock.lock()
            let ended = closed
            lock.unlock()
            let shown = screen
            let start = shown.index(shown.startIndex, offsetBy: min(cursor, shown.count))
            if let found = shown.range(of: text, range: start..<shown.endIndex) {
                cursor = shown.distance(from: shown.startIndex, to: found.upperBound)
                return
            }
            if ended { break }
            usleep(10_000)
        }
        Issue.record("waited for \(text.debugDescription) on the terminal; the screen shows:\n\(screen)", sourceLocation: sourceLocation)
        throw TerminalTimeout()
    }

    /// Types a line and presses Enter.
    func type(_ line: String) {
        send(Array(line.utf8) + [13])
    }

    /// Types text without pressing Enter (a command line to complete, a TAB).
    func press(_ text: String) {
        send(Array(text.utf8))
    }

    func pressControlC() { send([3]) }
    func pressControlD() { send([4]) }

    private func send(_ bytes: [UInt8]) {
        _ = bytes.withUnsafeBufferPointer { write(master, $0.baseAddress, $0.count) }
    }

    /// Waits for the process to end; its exit status (128 + N when signal N ended it).
    func wait() -> Int32 {
        if let status { return status }
        var raw: Int32 = 0
        while waitpid(pid, &raw, 0) < 0, errno == EINTR {}
        reader.wait()
        // WIFEXITED / WEXITSTATUS / WTERMSIG, which Swift does not import as functions.
        let result = (raw & 0x7f) == 0 ? (raw >> 8) & 0xff : 128 + (raw & 0x7f)
        status = result
        return result
    }
}

struct TerminalTimeout: Error {}
