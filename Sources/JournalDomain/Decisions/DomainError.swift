/// Why a command was refused. `message` is one line: the problem, then the fix.
public struct DomainError: Error, Equatable, Sendable, CustomStringConvertible {
    public enum Code: String, Sendable {
        // Input that cannot be read (the user typed something malformed): exit 64.
        case invalidDate, invalidQuarter, invalidNumber, invalidText, invalidKey, invalidReference
        case invalidWeek, invalidMinutes, invalidConfidence, invalidBlocker, conflictingOptions
        // Input that is well-formed but refused by the journal's rules or state: exit 65.
        case unknownGoal, unknownMilestone, unknownDirection, unknownEvent, duplicateKey
        case tooManyGoals, milestoneAlreadyDone, goalClosed, noTarget, noChange
        case retractRetraction, alreadyRetracted, futureDate, emptySprint, undecidedCarryOver
        case goalNotActive, deadlineBeforeQuarter, quarterNotStarted
    }

    public let code: Code
    public let message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    /// Malformed input (a usage error) as opposed to a rule or state refusal.
    public var isUsageError: Bool {
        switch code {
        case .invalidDate, .invalidQuarter, .invalidNumber, .invalidText, .invalidKey, .invalidReference,
             .invalidWeek, .invalidMinutes, .invalidConfidence, .invalidBlocker, .conflictingOptions:
            return true
        default:
            return false
        }
    }

    public var description: String { message }
}
