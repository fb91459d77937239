import JournalDomain

/// Why the application refused or failed to carry out an operation, as data: which refusal, with the values it
/// names. The words, the flag names and the command that fixes it are the front end's (the CLI's
/// Support/AppErrorWords.swift), so another front end can say them its own way.
public enum AppError: Error, Equatable, Sendable {
    // Recording

    /// A dry run's transaction committed instead of rolling back: a bug.
    case dryRunNotRolledBack(command: String)
    /// The decision gave events but the append stored none: a bug.
    case appendRecordedNothing(stream: String)
    /// Every key derived from a goal's title is taken.
    case noFreeGoalKey(title: String)

    // Undo

    /// `--to` names a position past the log's end.
    case undoPositionPastHead(position: Int64, head: Int64)
    /// Nothing after `after` (nil: in the whole journal) can be undone.
    case nothingToUndo(after: Int64?)

    // Plan answers

    /// A carry-over names a goal that is not unfinished in the quarter before the plan's.
    case carryOverNotUnfinished(goal: String, previous: Quarter)
    /// A carry-over's drop or revision without its reason.
    case carryOverNeedsReason(goal: String, action: CarryOverAction)
    /// A carry-over action other than keep, revise, drop and complete (as given).
    case carryOverUnknownAction(goal: String, action: String)
    /// `targetIs` other than total or left (as given).
    case carryOverUnknownTargetMeaning(goal: String, given: String)
    /// `targetIs` without a target.
    case carryOverTargetMeaningWithoutTarget(goal: String)
    /// A new target for a goal with progress, without saying whether it is the total or what is left.
    case carryOverTargetNeedsMeaning(goal: String, standing: String, target: Double)
    /// A reschedule without its new week, weeks or due date.
    case rescheduleWithoutSchedule(goal: String, number: Int)

    // Review answers

    /// The review questions still unanswered, by key.
    case reviewMissingAnswers([String])

    // Demo

    /// The demo writes only into a journal with no events.
    case demoJournalNotEmpty(path: String)
    /// One of the demo story's times cannot be read: a bug.
    case demoTimeUnreadable(text: String)

    // Import

    /// The file to import cannot be read.
    case importUnreadable(path: String)
    /// The file holds more than the most an import reads (`limit`, as the size is shown).
    case importTooLarge(path: String, limit: String)
    /// An export without its head line at the end.
    case exportWithoutHead(path: String)
    /// A line of an export refused, and why.
    case exportLine(path: String, line: Int, problem: ExportLineProblem)

    // Sync

    /// An event pulled from a remote (at that server position) that the merge refuses: nothing pulled is kept.
    case pulledEventRefused(remote: String, position: Int64, problem: ExportLineProblem)
    /// A record of another tool's export refused (nil record: the file as a whole), and why.
    case peerRecord(file: String, record: String?, tool: PeerTool, problem: PeerRecordProblem)
    /// A peer record's activity refused by the domain's rules.
    case peerRecordRefused(file: String, record: String, reason: DomainError)
    /// A peer record's activity decided into no event: a bug.
    case peerRecordDecidedNothing(record: String)
    /// `--map` (as given) that is not NAME=GOAL.
    case mapNotNameEqualsGoal(given: String)
    /// `--map` with nothing before `=`.
    case mapWithoutName(given: String)
    /// `--map` whose goal or milestone is malformed.
    case mapBadTarget(given: String, reason: DomainError)
    /// Two `--map`s for one name.
    case mapNameTwice(name: String)
    /// `--map` to a goal, with no journal yet at `journalPath`.
    case mapWithoutJournal(given: String, goal: String, journalPath: String)
    /// `--map` to a goal the journal does not hold.
    case mapUnknownGoal(given: String, goal: String)
    /// `--map` to a milestone the goal does not have.
    case mapUnknownMilestone(given: String, goal: String, number: Int)

    /// What a carry-over was missing its reason for.
    public enum CarryOverAction: String, Sendable {
        case drop, revision
    }

    /// What the front end makes of the refusal: the user's request to correct, the journal's rules or data, a
    /// missing file, or a bug.
    public enum Kind: Sendable {
        case usage, data, noJournal, software
    }

    public var kind: Kind {
        switch self {
        case .dryRunNotRolledBack, .appendRecordedNothing, .noFreeGoalKey, .peerRecordDecidedNothing, .demoTimeUnreadable: return .software
        case .undoPositionPastHead, .nothingToUndo, .carryOverNotUnfinished, .demoJournalNotEmpty, .importTooLarge,
             .exportWithoutHead, .exportLine, .pulledEventRefused, .peerRecord, .peerRecordRefused, .mapWithoutJournal, .mapUnknownGoal,
             .mapUnknownMilestone:
            return .data
        case .carryOverNeedsReason, .carryOverUnknownAction, .carryOverUnknownTargetMeaning, .carryOverTargetMeaningWithoutTarget,
             .carryOverTargetNeedsMeaning, .rescheduleWithoutSchedule, .reviewMissingAnswers, .mapNotNameEqualsGoal,
             .mapWithoutName, .mapBadTarget, .mapNameTwice:
            return .usage
        case .importUnreadable: return .noJournal
        }
    }
}
