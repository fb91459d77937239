/// Why a command, or an event a command would have made, was refused: each case carries the values that
/// explain it. The words (the sentence, the flags, the command that fixes it) belong to the front end
/// (JournalWords, for the CLI), so a second front end can say the same refusal its own way.
public enum DomainError: Error, Equatable, Sendable {
    // Dates and times as typed (DateInput), and the times an event may carry.
    /// Not one of the date forms a past day (`.past`) or an end or deadline (`.end`) is read from.
    case invalidDate(name: InputName, raw: String, reading: DateReading)
    /// A form that names a day outside the calendar the journal holds (DateInput.supportedDays).
    case dateOutOfRange(name: InputName, raw: String, day: LocalDate)
    case invalidWeekDate(name: InputName, raw: String)
    /// A moment that falls outside Instant.supported in UTC.
    case momentOutOfRange(name: InputName, raw: String, instant: Instant)
    /// An event's occurredAt or recordedAt outside Instant.supported.
    case eventTimeOutOfRange(field: EventTimeField, instant: Instant)
    /// A direction's horizon that is neither a year nor a date.
    case invalidHorizon(raw: String)

    // Names and free text (Validate.title, Validate.text).
    case emptyTitle(name: InputName)
    case titleWithControlCharacters(name: InputName)
    case emptyText(name: InputName)
    case textWithControlCharacters(name: InputName)
    /// Only invisible or combining characters.
    case invisibleText(name: InputName)
    case bidirectionalControl(name: InputName)
    case tooManyBytes(name: InputName, bytes: Int, limit: Int)
    case tooManyCharacters(name: InputName, characters: Int, limit: Int)

    // Keys, references, numbers, quarters and weeks as typed.
    case invalidKey(name: InputName, raw: String)
    case tooManyTags(count: Int, limit: Int)
    case invalidBlocker(name: InputName, raw: String)
    case invalidMilestoneReference(raw: String)
    case invalidQuarter(raw: String)
    case notANumber(name: InputName, raw: String)
    case notAWholeNumber(name: InputName, raw: String)
    /// An amount or target that is not above 0 and at most Validate.maxAmount.
    case amountOutOfRange(name: InputName, value: Double)
    /// An absolute progress value (the command's "set") outside 0 to Validate.maxAmount.
    case progressValueOutOfRange(value: Double)
    case minutesOutOfRange(minutes: Int, limit: Int)
    case confidenceOutOfRange(confidence: Int)
    /// A confidence a plan file gives, which may be any number.
    case planConfidenceOutOfRange(confidence: Double)
    /// A span of sprint weeks that are not within 1...Quarter.weekCount in order.
    case notSprintWeeks(WeekSpan)
    /// A calendar week with no day in the goal's quarter.
    case weekOutsideQuarter(week: IsoWeek, goal: String, quarter: Quarter)
    /// A milestone's schedule as typed that is none of its forms: a week, a span of weeks, a date.
    case invalidSchedule(raw: String)
    case invalidWeekRange(raw: String)
    /// A schedule as typed whose weeks are not sprint weeks, shown as typed (trimmed).
    case scheduleWeeksOutOfRange(typed: String)

    // Options that do not go together.
    case unitWithoutTarget
    case progressAmountOrValue
    /// More than one of the ways to schedule a milestone.
    case severalSchedules
    /// A milestone's schedule asked of a goal, not of one of its milestones.
    case scheduleNeedsMilestone(goal: String)
    /// One of a goal's fields asked of a milestone reference (GOAL/N).
    case goalFieldOfMilestone(option: GoalField, reference: String)

    // What a stored or imported event must satisfy (EventRules), in the event's own terms.
    case eventInWrongStream(type: String, subject: EventSubject, stream: String, expected: String)
    case retractionInNoStream(stream: String)
    case eventUnitWithoutTarget(goal: String)
    case eventConfidenceOutOfRange(confidence: Int)
    case eventMilestoneRevisionEmpty(goal: String, number: Int)
    case eventGoalRevisionEmpty(goal: String)
    case eventGoalRevisionRepeatsField(goal: String)
    case eventProgressValueOutOfRange(value: Double)
    case eventProgressAmountOrValue
    case eventMilestoneWithoutGoal(milestone: Int)
    case eventMinutesOutOfRange(minutes: Int, limit: Int)
    /// Tags that are not what Validate.tags makes of them (repeated, or with a prefix).
    case eventTagsNotKeys
    case eventRetractionTargetNotAnId(target: String)
    case eventRetractionTargetTypeUnknown(type: String)
    case eventWeeksOutOfRange(WeekSpan)
    case eventQuarterUnsupported(Quarter)
    /// A milestone schedule that is neither weeks of a quarter nor a due date.
    case eventScheduleShape(MilestoneWhen)
    case eventMilestoneNumberOutOfRange(number: Int, limit: Int)
    case eventFieldValueUnfit(field: GoalField, value: FieldValue)

    // Refused by the journal's rules or its state.
    case unknownGoal(key: String)
    /// No goal of that key anywhere in the journal's history (goals that were retracted included).
    case goalNeverSet(key: String)
    case unknownMilestone(goal: String, number: Int)
    case unknownDirection(key: String)
    case unknownEvent(reference: String)
    case duplicateGoalKey(key: String)
    /// The key asked for is, or was, the key of another goal (`goal`, shown by its current key): every key a goal
    /// was ever known by keeps naming it.
    case goalKeyTaken(key: String, goal: String)
    /// A key revision to the key the goal already has.
    case goalKeyUnchanged(key: String)
    /// The quarter already holds Decider.goalsPerQuarter goals; `goals` are their keys, sorted.
    case tooManyGoals(quarter: Quarter, goals: [String])
    case milestoneAlreadyDone(goal: String, number: Int)
    /// A done milestone asked to move: when it was done is its history.
    case doneMilestoneRescheduled(goal: String, number: Int)
    case goalClosed(goal: String, status: GoalStatus, action: GoalAction)
    case milestoneOfDroppedGoal(goal: String)
    case noTarget(goal: String)
    case goalRevisionChangesNothing(goal: String)
    case milestoneRevisionChangesNothing(goal: String, number: Int)
    case retractRetraction(position: Int64)
    case alreadyRetracted(position: Int64)
    /// An amendment (`log amend`) of an event that is not an activity.
    case amendNotActivity(position: Int64, type: String)
    /// An amendment of an activity already retracted (or amended before: amend the entry that replaced it).
    case amendRetracted(position: Int64)
    /// An amendment whose values are those the activity already has.
    case amendChangesNothing(position: Int64)
    case futureDate(on: LocalDate, today: LocalDate)
    /// A plan that leaves its quarter with no goal.
    case emptySprint(quarter: Quarter)
    /// A plan that says nothing of these unfinished goals of the previous quarter.
    case undecidedCarryOver(goals: [String], from: Quarter)
    /// Effort linked to a goal closed before the day it is logged for.
    case goalClosedBefore(goal: String, status: GoalStatus, closedOn: LocalDate, day: LocalDate)
    /// Effort linked to a goal of another quarter than the day's.
    case goalOfOtherQuarter(goal: String, quarter: Quarter, day: LocalDate)
    case deadlineBeforeQuarter(goal: String, due: LocalDate, quarter: Quarter)
    case quarterNotStarted(quarter: Quarter, day: LocalDate)

    // The timer (journal start, stop, cancel).
    /// stop or cancel with no timer running.
    case noRunningTimer
    /// A stop time before the running timer's start.
    case timerStopBeforeStart(stop: Instant, started: Instant)
    /// A stop time (or the end of a span) after now.
    case momentInFuture(name: InputName, at: Instant, now: Instant)
    /// A span whose end is not after its start (log activity --from/--to).
    case spanEndsBeforeStart(from: Instant, to: Instant)
    /// --from together with --minutes: the span gives the minutes.
    case spanWithMinutes
    /// A span shorter than a minute: no minutes to record.
    case spanUnderAMinute
}

/// Which of an event's times is outside the times the log can hold.
public enum EventTimeField: String, Sendable {
    case occurredAt, recordedAt, startedAt
}

/// Which reading of dates a refused date was given to: a past fact's, or an end's or deadline's.
public enum DateReading: Sendable {
    /// `.time`: a moment with its time of day (TimeInput: 9:30, yesterday 17:00, 30 minutes ago).
    case past, end, time
}

/// What an event is about, as a refusal names it.
public enum EventSubject: Equatable, Sendable {
    case direction(key: String)
    case goal(key: String)
    case review(Quarter)
    case partner
    case activity
    case retraction(target: String)
    case timer
}

/// What was being done to a goal that is no longer active.
public enum GoalAction: Sendable {
    case planMilestone, measureProgress, revise, reviseMilestone, complete, drop
}
