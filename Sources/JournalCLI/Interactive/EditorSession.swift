import Foundation
import JournalDomain
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Answers written in the user's editor (`review --edit`, `plan --edit`), as `git commit` does it: a commented
/// template in a private temporary file, opened with $VISUAL, else $EDITOR, else vi; lines starting with # are
/// left out. A file that does not read is opened again with its errors as comments at the top, until it reads,
/// or is emptied, or is saved unchanged. The answers are private, so the file is 0600 in a 0700 folder
/// (mkdtemp) and both are removed on every way out: return, error, the editor failing, Ctrl-C.
struct EditorSession {
    enum Outcome<T> {
        case answered(T)
        /// Nothing but comments and blank lines.
        case empty
        /// Saved as it was opened (the template, or the file with its errors).
        case unchanged
    }

    /// What a --edit session prints when it records nothing.
    static func nothingRecorded(_ outcome: Outcome<some Any>) -> String? {
        switch outcome {
        case .answered: return nil
        case .empty: return "Nothing was recorded: the file was empty."
        case .unchanged: return "Nothing was recorded: the file was saved unchanged."
        }
    }

    let environment: [String: String]
    /// The file's name inside its private folder (the editor may show it, and pick a syntax from it).
    let fileName: String

    /// $VISUAL, else $EDITOR, else vi: what git and jrnl run. The value may carry arguments ("code --wait").
    var editor: String {
        for name in ["VISUAL", "EDITOR"] {
            if let value = environment[name], !value.trimmingCharacters(in: .whitespaces).isEmpty { return value }
        }
        return "vi"
    }

    /// Opens `template` in the editor until `read` accepts the text (comment lines left out) or the user gives up.
    func edit<T>(_ template: String, read: (String) throws -> T) throws -> Outcome<T> {
        let folder = try PrivateFolder(in: runTemporaryDirectory)
        defer { folder.remove() }
        let path = folder.path + "/" + fileName
        var opened = template
        try folder.store(opened, to: path)
        // Signals are the process's: a run inside the test process (an Invocation) leaves its handlers alone, as
        // several such runs may edit at once.
        let cleanup = Invocation.current == nil ? InterruptCleanup(folder: folder.path, file: path) : nil
        defer { cleanup?.restore() }
        while true {
            try run(path)
            guard let data = FileManager.default.contents(atPath: path) else {
                throw CLIError(.io, "cannot read back the file the editor saved (\(path)); nothing was recorded")
            }
            let saved = String(decoding: data, as: UTF8.self)
            let text = Self.uncommented(saved)
            if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { return .empty }
            if saved == opened { return .unchanged }
            do {
                return .answered(try read(text))
            } catch {
                opened = Self.withErrors(CLIError.from(error).message, saved)
                try folder.store(opened, to: path)
            }
        }
    }

    /// The text without its comment lines (a # after spaces counts too; JSON has no other use for it there).
    /// Prose for a template's head as `#` lines of at most 80 columns, broken at spaces: an editor in an 80-column
    /// terminal shows it without wrapping.
    static func comment(_ text: String, width: Int = 80) -> [String] {
        var lines: [String] = []
        var line = "#"
        for word in text.split(separator: " ") {
            if line.count + 1 + word.count > width, line != "#" {
                lines.append(line)
                line = "#"
            }
            line += " " + word
        }
        lines.append(line)
        return lines
    }

    static func uncommented(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.drop { $0 == " " || $0 == "\t" }.hasPrefix("#") }.joined(separator: "\n")
    }

    static let errorPrefix = "# journal: "

    /// `saved` with `error` at the top in place of any errors an earlier round put there.
    static func withErrors(_ error: String, _ saved: String) -> String {
        let rest = saved.split(separator: "\n", omittingEmptySubsequences: false).drop { $0.hasPrefix(errorPrefix) }
        return errorPrefix + error.replacingOccurrences(of: "\n", with: " ") + "\n"
            + errorPrefix + "fix it and save again, or empty the file to record nothing.\n" + rest.joined(separator: "\n")
    }

    /// Runs the editor on `path` attached to the terminal (standard input, output and error inherited), in the
    /// run's environment, through /bin/sh so that the value may hold arguments; waits for it.
    func run(_ path: String) throws {
        let script = editor + " \"$1\""
        let arguments = ["sh", "-c", script, "sh", path]
        let variables = environment.map { "\($0.key)=\($0.value)" }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // The editor gets Ctrl-C as it would from a shell, whatever journal itself does with it meanwhile.
        var defaults = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGINT)
        sigaddset(&defaults, SIGQUIT)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF))
        var pid = pid_t()
        let status: Int32 = Self.withCStrings(arguments) { argv in
            Self.withCStrings(variables) { envp in posix_spawn(&pid, "/bin/sh", nil, &attributes, argv, envp) }
        }
        guard status == 0 else {
            throw CLIError(.io, "cannot start the editor (/bin/sh: \(String(cString: strerror(status)))); nothing was recorded")
        }
        // While the editor runs, Ctrl-C is the editor's: journal waits for it and then cleans up.
        let previous = Invocation.current == nil ? signal(SIGINT, SIG_IGN) : nil
        defer { if Invocation.current == nil { signal(SIGINT, previous) } }
        var wait: Int32 = 0
        while waitpid(pid, &wait, 0) == -1 {
            guard errno == EINTR else { throw CLIError(.io, "lost the editor process; nothing was recorded") }
        }
        let exited = wait & 0x7f == 0, code = (wait >> 8) & 0xff
        guard exited, code == 0 else {
            let how = exited ? "exited with \(code)" : "was stopped by signal \(wait & 0x7f)"
            throw CLIError(.usage, "the editor (\(DateInput.printable(editor))) \(how); nothing was recorded. Set VISUAL or EDITOR to an editor that works, or give the answers with --from FILE")
        }
    }

    static func withCStrings<R>(_ strings: [String], _ body: ([UnsafeMutablePointer<CChar>?]) -> R) -> R {
        let pointers = strings.map { strdup($0) } + [nil]
        defer { pointers.forEach { free($0) } }
        return body(pointers)
    }
}

/// A folder only its owner can enter, made with mkdtemp, for a file that must not outlive the command.
struct PrivateFolder {
    let path: String

    init(in parent: String) throws {
        var template = Array((parent.hasSuffix("/") ? parent : parent + "/").utf8CString.dropLast()) + Array("journal-edit-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else {
            throw CLIError(.io, "cannot make a private temporary folder in \(parent) (\(String(cString: strerror(errno)))); set TMPDIR to a writable folder")
        }
        path = String(cString: made)
        chmod(path, 0o700)
    }

    /// Writes `text` to `file` (inside the folder), readable and writable by its owner only.
    func store(_ text: String, to file: String) throws {
        let fd = open(file, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW, 0o600)
        guard fd >= 0 else { throw CLIError(.io, "cannot write the file to edit (\(String(cString: strerror(errno)))); nothing was recorded") }
        defer { close(fd) }
        fchmod(fd, 0o600)
        let bytes = Array(text.utf8)
        var written = 0
        while written < bytes.count {
            let n = bytes[written...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            guard n > 0 else { throw CLIError(.io, "cannot write the file to edit; nothing was recorded") }
            written += n
        }
    }

    /// Removes the folder and whatever the editor left in it (its swap or backup files too).
    func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }
}

/// Ctrl-C or a termination signal outside the editor removes the file and its folder before journal exits: a
/// handler may only call async-signal-safe functions, so it unlinks paths prepared beforehand.
final class InterruptCleanup: @unchecked Sendable {
    private let previousInterrupt: sighandler_t?
    private let previousTerminate: sighandler_t?

    init(folder: String, file: String) {
        InterruptPaths.set(folder: folder, file: file)
        previousInterrupt = signal(SIGINT, interruptCleanupHandler)
        previousTerminate = signal(SIGTERM, interruptCleanupHandler)
    }

    func restore() {
        signal(SIGINT, previousInterrupt)
        signal(SIGTERM, previousTerminate)
        InterruptPaths.clear()
    }
}

/// The paths the handler removes, as C strings made before any signal can arrive.
enum InterruptPaths {
    nonisolated(unsafe) static var folder: UnsafeMutablePointer<CChar>?
    nonisolated(unsafe) static var file: UnsafeMutablePointer<CChar>?

    static func set(folder: String, file: String) {
        clear()
        self.file = strdup(file)
        self.folder = strdup(folder)
    }

    static func clear() {
        let oldFile = file, oldFolder = folder
        file = nil
        folder = nil
        free(oldFile)
        free(oldFolder)
    }
}

private func interruptCleanupHandler(_ signal: Int32) {
    if let file = InterruptPaths.file { unlink(file) }
    if let folder = InterruptPaths.folder { rmdir(folder) }
    let message: StaticString = "\njournal: interrupted; nothing was recorded\n"
    _ = write(STDERR_FILENO, message.utf8Start, message.utf8CodeUnitCount)
    _exit(130)
}
