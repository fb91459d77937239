/// Why the application refused or failed to carry out an operation, by kind: the front end decides what each kind
/// means to its user (the CLI turns them into exit codes).
public struct AppError: Error, Equatable, Sendable, CustomStringConvertible {
    public enum Kind: Sendable {
        /// The request is malformed: an option or a file's field the user can correct.
        case usage
        /// Well-formed, but refused by the journal's rules, or a file that is not what it should be.
        case data
        /// No journal, or no readable file, where one was named.
        case noJournal
        /// A bug in journal itself.
        case software
    }

    public let kind: Kind
    /// One line: the problem, then the fix.
    public let message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }
}
