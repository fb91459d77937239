/// What a refused value was given as. Callers that read typed input name it in their own terms (a flag, a
/// plan file's field, the field of an event); the domain names only the inputs of its own commands, and leaves
/// how a front end asks for them (a flag, a question) to the front end.
public enum InputName: Hashable, Sendable {
    /// As the caller named it.
    case named(String)
    /// An input of one of the domain's commands.
    case input(CommandInput)
    /// The answer to one of a review's questions.
    case reviewAnswer(ReviewQuestion)
}

/// The inputs of the domain's commands that its refusals name.
public enum CommandInput: Hashable, Sendable {
    /// The number a progress measure adds.
    case amount
    /// A goal's numeric target.
    case target
    /// A blocker a review names.
    case blocker
}

/// The questions a review answers, in the order it asks them.
public enum ReviewQuestion: String, Hashable, Sendable, CaseIterable {
    case planned, accomplished, obstacles, learned, next
}
