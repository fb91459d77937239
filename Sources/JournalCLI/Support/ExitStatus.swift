/// The documented exit codes (sysexits.h), also listed in README.
public enum ExitStatus: Int32, CaseIterable, Sendable {
    case ok = 0
    /// The command line is malformed: unknown flag, missing argument, impossible date or quarter.
    case usage = 64
    /// Well-formed, but refused by the journal's rules or state (unknown goal, a fourth goal, a broken chain).
    case data = 65
    /// No journal at the path, or the file is not a journal (or from a newer version).
    case noJournal = 66
    /// A bug in journal itself.
    case software = 70
    /// The file cannot be read or written: permissions, a full disk, damage.
    case io = 74
    /// Another process held the journal for longer than the wait; retrying will work.
    case tempFail = 75
}

/// An error the CLI prints as one line on stderr and turns into an exit code.
public struct CLIError: Error, Sendable {
    public let status: ExitStatus
    public let message: String

    public init(_ status: ExitStatus, _ message: String) {
        self.status = status
        self.message = message
    }
}
