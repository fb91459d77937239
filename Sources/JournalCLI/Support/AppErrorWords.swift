import JournalApp
import JournalDomain

/// The application's refusals in the CLI's words: the problem, then the flag or command that fixes it.
extension AppError {
    public var message: String {
        switch self {
        case .dryRunNotRolledBack(let command): return "a dry run of \(command) was not rolled back"
        case .appendRecordedNothing: return "the append recorded nothing"
        case .noFreeGoalKey: return "no free goal key"
        case .undoPositionPastHead(let position, let head):
            return "no position \(position) in this journal, which holds \(head) events; find positions with journal events"
        case .nothingToUndo(let after):
            let scope = after.map { "after position \($0)" } ?? "in this journal"
            return "nothing to undo \(scope): every event is a retraction or already retracted; see journal events"
        case .carryOverNotUnfinished(let goal, let previous):
            return "carryOver names \(goal), which is not an unfinished goal of \(previous); list those with journal sprint --quarter \(previous)"
        case .carryOverNeedsReason(let goal, .drop): return "carryOver \(goal): a drop needs a reason; add \"reason\""
        case .carryOverNeedsReason(let goal, .revision): return "carryOver \(goal): a revision needs a reason; add \"reason\""
        case .carryOverUnknownAction(let goal, let action):
            return "carryOver \(goal): action '\(DateInput.printable(action))' is not keep, revise, drop or complete; set \"action\" to one of them"
        case .carryOverUnknownTargetMeaning(let goal, let given):
            return "carryOver \(goal): targetIs '\(DateInput.printable(given))' is not total or left; set \"targetIs\" to one of them"
        case .carryOverTargetMeaningWithoutTarget(let goal):
            return "carryOver \(goal): targetIs needs a target; add \"target\", or drop \"targetIs\""
        case .carryOverTargetNeedsMeaning(let goal, let standing, let target):
            return "carryOver \(goal): \(goal) already has \(standing); say whether target \(NumberText.format(target)) is the new total or what is left: add \"targetIs\": \"total\" or \"left\""
        case .rescheduleWithoutSchedule(let goal, let number):
            return "reschedule \(goal)/\(number): give its new \"week\", \"weeks\" or \"due\""
        case .reviewMissingAnswers(let names):
            return "the review is missing \(names.count == 1 ? "an answer" : "answers"): \(names.joined(separator: ", ")); give \(names.map { "--\($0)" }.joined(separator: " ")) or put \(names.count == 1 ? "it" : "them") in the --from file (nothing was recorded)"
        case .demoJournalNotEmpty(let path):
            return "\(path) already holds events; the demo writes only to a new file: pass another --db path"
        case .demoTimeUnreadable(let text): return "bad demo time \(text)"
        case .importUnreadable(let path): return "cannot read \(path); check the path and its permissions"
        case .importTooLarge(let path, let limit):
            return "\(path) holds more than \(limit), the most journal import reads; split it, or check it is the file you meant (nothing was imported)"
        case .exportWithoutHead(let path):
            return "\(path) has no head line at its end; it was cut short or is not an export of journal (nothing was imported)"
        case .exportLine(let path, let line, let problem): return "\(path) line \(line): \(problem.message) (nothing was imported)"
        case .pulledEventRefused(let remote, let position, let problem):
            return "the event at position \(position) of remote \(remote) cannot be merged: \(problem.message) (nothing was pulled; what was pushed stays on the server; see docs/sync.md, the current limit)"
        case .peerRecord(let file, let record, let tool, let problem):
            let subject = record.map { "\(file) \($0):" } ?? file
            return "\(subject) \(problem.message(tool)); give the output of \(tool.exportCommand) (nothing was imported)"
        case .peerRecordRefused(let file, let record, let reason):
            return "\(file) \(record): \(CLIError(reason).message) (nothing was imported)"
        case .peerRecordDecidedNothing(let record): return "an activity of \(record) was decided into no event"
        case .mapNotNameEqualsGoal(let given):
            return "--map '\(DateInput.printable(given))' is not NAME=GOAL; write e.g. --map aws=aws-cert or --map aws=aws-cert/2"
        case .mapWithoutName(let given):
            return "--map '\(DateInput.printable(given))' names no tag or project before '='; write e.g. --map aws=aws-cert"
        case .mapBadTarget(let given, let reason): return "--map \(DateInput.printable(given)): \(CLIError(reason).message)"
        case .mapNameTwice(let name): return "--map names \(DateInput.printable(name)) twice; give each tag or project one goal"
        case .mapWithoutJournal(let given, let goal, let journalPath):
            return "--map \(DateInput.printable(given)): no goal \(goal), as there is no journal at \(journalPath) yet; set the goal first with journal log goal \"TITLE\" --quarter Q --key \(goal) (nothing was imported)"
        case .mapUnknownGoal(let given, let goal):
            return "--map \(DateInput.printable(given)): no goal \(goal) in this journal; set it with journal log goal \"TITLE\" --quarter Q --key \(goal), or check the key with journal events --type goal-set (nothing was imported)"
        case .mapUnknownMilestone(let given, let goal, let number):
            return "--map \(DateInput.printable(given)): no milestone \(goal)/\(number); plan it with journal log milestone \(goal) \"TITLE\" (nothing was imported)"
        }
    }
}
