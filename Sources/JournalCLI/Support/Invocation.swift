import Foundation
import JournalDomain
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One run of the command line in a process that is not `journal` itself: the environment it sees, the bytes
/// it reads on standard input, and what it writes to standard output and standard error. The end-to-end tests
/// run most commands this way, through the very code the binary runs, without paying for a process each time;
/// `journal` itself never makes one, and everything falls back to the real process's environment and streams.
///
/// A run sees its invocation through a task-local value, so runs on different threads keep apart.
public final class Invocation: @unchecked Sendable {
    public let environment: [String: String]
    let input: Data
    private let lock = NSLock()
    private var out = Data()
    private var err = Data()

    @TaskLocal static var current: Invocation?

    public init(environment: [String: String], input: Data = Data()) {
        self.environment = environment
        self.input = input
    }

    public var standardOutput: Data { lock.withLock { out } }
    public var standardError: Data { lock.withLock { err } }

    func writeOutput(_ bytes: some Sequence<UInt8>) { lock.withLock { out.append(contentsOf: bytes) } }
    func writeError(_ bytes: some Sequence<UInt8>) { lock.withLock { err.append(contentsOf: bytes) } }

    /// The time zone TZ names, read as the C library and Foundation read it for a process (a leading colon is
    /// dropped); nil when it names none Foundation knows, so the caller can run a real process instead.
    public static func zone(named tz: String?) -> TimeZone? {
        guard var name = tz, !name.isEmpty else { return TimeZone(identifier: "UTC") }
        if name.hasPrefix(":") { name.removeFirst() }
        return TimeZone(identifier: name)
    }
}

/// The run's environment: the invocation's, else the process's.
var runEnvironment: [String: String] { Invocation.current?.environment ?? ProcessInfo.processInfo.environment }

/// The user's time zone: the process's own (the C library has read TZ), or the one an invocation's TZ names.
var runTimeZone: TimeZone {
    guard let invocation = Invocation.current else { return TimeZone.current }
    return Invocation.zone(named: invocation.environment["TZ"]) ?? TimeZone.current
}

/// Where temporary files go: TMPDIR of the run, as NSTemporaryDirectory reads it for a process.
var runTemporaryDirectory: String {
    guard let invocation = Invocation.current else { return NSTemporaryDirectory() }
    if let tmp = invocation.environment["TMPDIR"], !tmp.isEmpty { return tmp.hasSuffix("/") ? tmp : tmp + "/" }
    return "/tmp/"
}

/// Everything the CLI prints goes through here, so an invocation captures it (this shadows the standard
/// library's `print` inside this module on purpose: every call site stays as it reads).
func print(_ items: Any..., separator: String = " ", terminator: String = "\n") {
    let text = items.map { "\($0)" }.joined(separator: separator)
    if let invocation = Invocation.current {
        invocation.writeOutput((text + terminator).utf8)
    } else {
        // The terminator goes in a write of its own, as the standard library's print does: a full disk that took
        // the text's bytes still leaves the newline buffered, so the final fflush reports the failure.
        Swift.print(text, terminator: terminator)
    }
}

/// Bytes for standard output, unbuffered by the C library (an `OutputSink` on standard output).
func writeStandardOutput(_ bytes: [UInt8], through handle: FileHandle) throws {
    if let invocation = Invocation.current {
        invocation.writeOutput(bytes)
    } else {
        try handle.write(contentsOf: bytes)
    }
}

/// One line for standard error.
func writeStandardError(_ text: String) {
    if let invocation = Invocation.current {
        invocation.writeError(text.utf8)
    } else {
        // Nowhere left to complain to when standard error itself cannot be written; the exit status still tells.
        try? FileHandle.standardError.write(contentsOf: Data(text.utf8))
    }
}

/// All of standard input (answers given with `--from -`).
func readStandardInput() -> Data {
    Invocation.current?.input ?? FileHandle.standardInput.readDataToEndOfFile()
}

/// Whether standard output and standard input are terminals: an invocation's never are.
var standardOutputIsTerminal: Bool { Invocation.current == nil && isatty(STDOUT_FILENO) == 1 }
var standardInputIsTerminal: Bool { Invocation.current == nil && isatty(STDIN_FILENO) != 0 }

/// Standard output's width in columns (TIOCGWINSZ): nil when it is no terminal or the terminal does not say.
var standardOutputColumns: Int? {
    guard standardOutputIsTerminal else { return nil }
    var size = winsize()
    let asked = withUnsafeMutablePointer(to: &size) { ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), $0) }
    return asked == 0 && size.ws_col > 0 ? Int(size.ws_col) : nil
}

/// The C library knows Unicode widths only under a UTF-8 character type; set once, before the first width.
private let unicodeCharacterType: Bool = {
    for name in ["C.UTF-8", "C.utf8", "en_US.UTF-8"] where setlocale(LC_CTYPE, name) != nil { return true }
    return false
}()

/// The C library's wcwidth(3), which Swift's Glibc module leaves out (its header declares it only under
/// _XOPEN_SOURCE): the same symbol, declared here with wchar_t as glibc has it on Linux (a 32-bit int).
@_silgen_name("wcwidth") private func cWcwidth(_ character: Int32) -> Int32

/// Cells one scalar takes on a terminal, as the C library counts them: 0 for a combining mark, 2 for CJK and
/// emoji, -1 for what is not printable.
let terminalCellWidth: @Sendable (Unicode.Scalar) -> Int = { scalar in
    _ = unicodeCharacterType
    return Int(cWcwidth(Int32(bitPattern: scalar.value)))
}

/// Whether standard error is a terminal (progress lines are shown there only): an invocation's never is.
var standardErrorIsTerminal: Bool { Invocation.current == nil && isatty(STDERR_FILENO) == 1 }
