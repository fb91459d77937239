extension DomainError {
    /// The refusal's family, a stable name for scripts and tests.
    public enum Code: String, Sendable {
        // Input that cannot be read (the user typed something malformed): exit 64.
        case invalidDate, invalidQuarter, invalidNumber, invalidText, invalidKey, invalidReference
        case invalidWeek, invalidMinutes, invalidConfidence, invalidBlocker, conflictingOptions
        // Input that is well-formed but refused by the journal's rules or state: exit 65.
        case unknownGoal, unknownMilestone, unknownDirection, unknownEvent, duplicateKey
        case tooManyGoals, milestoneAlreadyDone, goalClosed, noTarget, noChange
        case retractRetraction, alreadyRetracted, futureDate, emptySprint, undecidedCarryOver
        case goalNotActive, deadlineBeforeQuarter, quarterNotStarted, notAnActivity
        case noRunningTimer, timerBeforeStart
    }

    public var code: Code {
        switch self {
        case .invalidDate, .dateOutOfRange, .invalidWeekDate, .momentOutOfRange, .eventTimeOutOfRange, .invalidHorizon:
            return .invalidDate
        case .emptyTitle, .titleWithControlCharacters, .emptyText, .textWithControlCharacters, .invisibleText,
             .bidirectionalControl, .tooManyBytes, .tooManyCharacters, .eventFieldValueUnfit:
            return .invalidText
        case .invalidKey, .tooManyTags, .eventTagsNotKeys: return .invalidKey
        case .invalidBlocker: return .invalidBlocker
        case .invalidMilestoneReference, .eventInWrongStream, .retractionInNoStream, .eventMilestoneWithoutGoal,
             .eventRetractionTargetNotAnId, .eventRetractionTargetTypeUnknown, .eventMilestoneNumberOutOfRange:
            return .invalidReference
        case .invalidQuarter, .eventQuarterUnsupported: return .invalidQuarter
        case .notANumber, .notAWholeNumber, .amountOutOfRange, .progressValueOutOfRange, .eventProgressValueOutOfRange:
            return .invalidNumber
        case .minutesOutOfRange, .eventMinutesOutOfRange: return .invalidMinutes
        case .confidenceOutOfRange, .planConfidenceOutOfRange, .eventConfidenceOutOfRange: return .invalidConfidence
        case .notSprintWeeks, .weekOutsideQuarter, .invalidSchedule, .invalidWeekRange, .scheduleWeeksOutOfRange,
             .eventWeeksOutOfRange, .eventScheduleShape:
            return .invalidWeek
        case .unitWithoutTarget, .progressAmountOrValue, .severalSchedules, .scheduleNeedsMilestone, .goalFieldOfMilestone,
             .eventUnitWithoutTarget, .eventGoalRevisionRepeatsField, .eventProgressAmountOrValue:
            return .conflictingOptions
        case .unknownGoal, .goalNeverSet: return .unknownGoal
        case .unknownMilestone: return .unknownMilestone
        case .unknownDirection: return .unknownDirection
        case .unknownEvent: return .unknownEvent
        case .duplicateGoalKey, .goalKeyTaken: return .duplicateKey
        case .tooManyGoals: return .tooManyGoals
        case .milestoneAlreadyDone, .doneMilestoneRescheduled: return .milestoneAlreadyDone
        case .goalClosed, .milestoneOfDroppedGoal: return .goalClosed
        case .noTarget: return .noTarget
        case .goalRevisionChangesNothing, .goalKeyUnchanged, .milestoneRevisionChangesNothing, .amendChangesNothing, .eventMilestoneRevisionEmpty, .eventGoalRevisionEmpty:
            return .noChange
        case .retractRetraction: return .retractRetraction
        case .alreadyRetracted, .amendRetracted: return .alreadyRetracted
        case .amendNotActivity: return .notAnActivity
        case .futureDate: return .futureDate
        case .emptySprint: return .emptySprint
        case .undecidedCarryOver: return .undecidedCarryOver
        case .goalClosedBefore, .goalOfOtherQuarter: return .goalNotActive
        case .deadlineBeforeQuarter: return .deadlineBeforeQuarter
        case .quarterNotStarted: return .quarterNotStarted
        case .noRunningTimer: return .noRunningTimer
        case .timerStopBeforeStart, .spanEndsBeforeStart, .spanUnderAMinute: return .timerBeforeStart
        case .momentInFuture: return .futureDate
        case .spanWithMinutes: return .conflictingOptions
        }
    }

    /// Malformed input (a usage error) as opposed to a rule or state refusal. It is a fact about the input, the
    /// same for every front end, so it is the domain's: the CLI turns it into exit 64 or 65.
    public var isUsageError: Bool {
        switch code {
        case .invalidDate, .invalidQuarter, .invalidNumber, .invalidText, .invalidKey, .invalidReference,
             .invalidWeek, .invalidMinutes, .invalidConfidence, .invalidBlocker, .conflictingOptions:
            return true
        case .unknownGoal, .unknownMilestone, .unknownDirection, .unknownEvent, .duplicateKey, .tooManyGoals,
             .milestoneAlreadyDone, .goalClosed, .noTarget, .noChange, .retractRetraction, .alreadyRetracted,
             .futureDate, .emptySprint, .undecidedCarryOver, .goalNotActive, .deadlineBeforeQuarter, .quarterNotStarted,
             .notAnActivity, .noRunningTimer, .timerBeforeStart:
            return false
        }
    }
}
