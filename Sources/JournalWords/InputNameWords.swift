import JournalDomain

extension InputName {
    /// How a refusal names the input: the caller's own name, or the CLI's flag or argument for a command's input.
    public var words: String {
        switch self {
        case .named(let name): return name
        case .input(let input): return input.words
        case .reviewAnswer(let question): return "answer to --\(question.rawValue)"
        }
    }
}

extension CommandInput {
    /// The flag, or the argument's name in the help, that gives the input.
    public var words: String {
        switch self {
        case .amount: return "AMOUNT"
        case .target: return "--target"
        case .blocker: return "--blocker"
        }
    }
}
