import JournalDomain

/// The one line the CLI shows for each refusal: the problem, then the fix, with the flags and the commands that
/// fix it. The switch has no `default`, so a new refusal cannot reach a user without its words.
extension DomainError {
    public var message: String {
        switch self {
        case .invalidDate(let name, let raw, let reading):
            return "\(name.words) '\(shown(raw))' is not a valid date; use \(reading.forms)"
        case .dateOutOfRange(let name, let raw, let day):
            return "\(name.words) '\(shown(raw))' is \(day), outside the dates the journal holds (\(DateInput.supportedDays)); give a date in that range"
        case .invalidWeekDate(let name, let raw):
            return "\(name.words) '\(shown(raw))' is not a week; use 2025-W07, this week, last week, 'N weeks ago' or a date in the week"
        case .momentOutOfRange(let name, let raw, let instant):
            let side = instant < Instant.supported.lowerBound ? "a later" : "an earlier"
            return "\(name.words) '\(shown(raw))' is \(instant) in UTC, outside the times the journal holds (\(Instant.supportedText)); give \(side) date"
        case .eventTimeOutOfRange(let field, let instant):
            return "\(field.rawValue) \(instant) is outside the times the journal holds (\(Instant.supportedText))"
        case .invalidHorizon(let raw):
            return "--by '\(shown(raw))' is not a year or a date; write 2028 or 2028-06-30"

        case .emptyTitle(let name):
            return "the \(name.words) is empty; give it a few words in quotes"
        case .titleWithControlCharacters(let name):
            return "the \(name.words) contains control characters or line breaks; keep it to one line of text"
        case .emptyText(let name):
            return "the \(name.words) is empty; say it in a few words"
        case .textWithControlCharacters(let name):
            return "the \(name.words) contains control characters; remove them"
        case .invisibleText(let name):
            return "the \(name.words) shows nothing (only invisible or combining characters); give it a few words"
        case .bidirectionalControl(let name):
            return "the \(name.words) contains a bidirectional override or isolate (U+202A-U+202E, U+2066-U+2069), which reorders the text around it; remove it"
        case .tooManyBytes(let name, let bytes, let limit):
            return "the \(name.words) is \(bytes) bytes long; keep it under \(limit + 1) bytes"
        case .tooManyCharacters(let name, let characters, let limit):
            return "the \(name.words) is \(characters) characters long; keep it under \(limit + 1)"

        case .invalidKey(let name, let raw):
            return "\(name.words) '\(shown(raw))' is not valid; use 1-32 lowercase letters, digits and dashes, e.g. aws-cert"
        case .tooManyTags(let count, let limit):
            return "\(count) tags on one activity; give at most \(limit)"
        case .invalidBlocker(let name, let raw):
            return "\(name.words) '\(shown(raw))' is not one of \(Blocker.allCases.map(\.rawValue).joined(separator: ", "))"
        case .invalidMilestoneReference(let raw):
            return "'\(shown(raw))' is not a milestone reference; write GOAL/N, e.g. aws/2"
        case .invalidQuarter(let raw):
            return "'\(shown(raw))' is not a quarter; write 2025-Q2, Q2-2025, \"Q2 2025\", this-quarter, last-quarter or next-quarter (quarters are Q1 to Q4)"
        case .notANumber(let name, let raw):
            return "\(name.words) '\(shown(raw))' is not a number; write it like 15 or 2.5"
        case .notAWholeNumber(let name, let raw):
            return "\(name.words) '\(shown(raw))' is not a whole number; write it in digits, e.g. 30"
        case .amountOutOfRange(let name, let value):
            return "\(name.words) must be a number above 0 and at most 1e12, not \(NumberText.format(value))"
        case .progressValueOutOfRange(let value):
            return "--set must be a number from 0 to 1e12, not \(NumberText.format(value))"
        case .minutesOutOfRange(let minutes, let limit):
            return "--minutes \(minutes) is out of range; one entry holds 1 to \(limit) minutes (24 hours)"
        case .confidenceOutOfRange(let confidence):
            return "--confidence \(confidence) is out of range; give a whole number from 0 to 100"
        case .planConfidenceOutOfRange(let confidence):
            return "confidence \(NumberText.format(confidence)) is out of range; give a whole number from 0 to 100"
        case .notSprintWeeks(let span):
            let given = span.first == span.last ? "week \(span.first) is not a sprint week" : "weeks \(span.first)-\(span.last) are not sprint weeks"
            return "\(given); a quarter has weeks 1 to 13, e.g. --week 4 or --weeks 1-4"
        case .weekOutsideQuarter(let week, let goal, let quarter):
            return "\(week) is not in goal \(goal)'s quarter \(quarter) (\(IsoWeek(containing: quarter.firstDay)) to \(IsoWeek(containing: quarter.lastDay))); give a week of that quarter or a sprint week, e.g. --week 4"
        case .invalidSchedule(let raw):
            return "'\(shown(raw))' is not a week, a span of weeks or a date; write e.g. 3, 1-4 or 2025-09-15"
        case .invalidWeekRange(let raw):
            return "--weeks '\(shown(raw))' is not a range; write FIRST-LAST, e.g. 1-4"
        case .scheduleWeeksOutOfRange(let typed):
            return "'\(typed)' is not within the sprint's weeks; a quarter has weeks 1 to 13, e.g. 4 or 1-4"

        case .unitWithoutTarget:
            return "--unit needs --target; give the number to reach, e.g. --target 15 --unit connections"
        case .progressAmountOrValue:
            return "give either an AMOUNT to add or --set N for an absolute value, not both or neither"
        case .severalSchedules:
            return "give one of --week, --weeks or --due, not several"
        case .scheduleNeedsMilestone(let goal):
            return "--week and --weeks reschedule a milestone; name one as GOAL/N, e.g. journal log revise \(shown(goal))/1 --weeks 3-6 --reason TEXT"
        case .goalFieldOfMilestone(let field, let reference):
            let goal = reference.split(separator: "/").first.map(String.init) ?? reference
            return "\(field.option) revises a goal, not a milestone; give the goal's key, e.g. journal log revise \(shown(goal)) \(field.option) VALUE --reason TEXT"

        case .eventInWrongStream(let type, let subject, let stream, let expected):
            let article = type.first == "a" || type.first == "e" ? "an" : "a"
            return "\(article) \(type) event for \(subject.words) is in stream '\(shown(stream))', not in \(expected); an event belongs to the stream its payload names"
        case .retractionInNoStream(let stream):
            return "a retraction is in stream '\(shown(stream))', which no event can be in"
        case .eventUnitWithoutTarget(let goal):
            return "goal \(goal) has a unit but no target"
        case .eventConfidenceOutOfRange(let confidence):
            return "confidence \(confidence) is out of range; it is a whole number from 0 to 100"
        case .eventMilestoneRevisionEmpty(let goal, let number):
            return "the revision of milestone \(goal)/\(number) changes nothing"
        case .eventGoalRevisionEmpty(let goal):
            return "the revision of goal \(goal) changes nothing"
        case .eventGoalRevisionRepeatsField(let goal):
            return "the revision of goal \(goal) changes one field twice"
        case .eventProgressValueOutOfRange(let value):
            return "value must be a number from 0 to 1e12, not \(NumberText.format(value))"
        case .eventProgressAmountOrValue:
            return "a progress measure has either an amount or a value, not both or neither"
        case .eventMilestoneWithoutGoal(let milestone):
            return "the activity names milestone \(milestone) but no goal"
        case .eventMinutesOutOfRange(let minutes, let limit):
            return "minutes \(minutes) is out of range; one entry holds 1 to \(limit) minutes (24 hours)"
        case .eventTagsNotKeys:
            return "the activity's tags repeat one or carry a prefix; each is a key, once"
        case .eventRetractionTargetNotAnId(let target):
            return "the retraction's target '\(shown(target))' is not an event id"
        case .eventRetractionTargetTypeUnknown(let type):
            return "the retraction's target type '\(shown(type))' is not an event type"
        case .eventWeeksOutOfRange(let weeks):
            return "weeks \(weeks.first)-\(weeks.last) are not sprint weeks; a quarter has weeks 1 to 13"
        case .eventQuarterUnsupported(let quarter):
            return "quarter \(quarter) is outside the years the journal holds"
        case .eventScheduleShape(let when):
            return "a milestone's schedule is sprint weeks of a quarter or a due date, not \(when)"
        case .eventMilestoneNumberOutOfRange(let number, let limit):
            return "milestone number \(number) is out of range; milestones are numbered 1 to \(limit)"
        case .eventFieldValueUnfit(let field, let value):
            return "a revision's \(field.rawValue) of '\(shown(value.description))' is not a \(field.rawValue) the journal can hold"

        case .unknownGoal(let key):
            return "no goal \(shown(key)); set it with journal log goal \"TITLE\" --quarter Q, or check the key with journal events --type goal-set"
        case .goalNeverSet(let key):
            return "no goal \(key) in this journal; check the key with journal events --type goal-set"
        case .unknownMilestone(let goal, let number):
            return "no milestone \(goal)/\(number); plan it with journal log milestone \(goal) \"TITLE\""
        case .unknownDirection(let key):
            return "no direction \(key); set it first with journal log direction \"TITLE\" --key \(key)"
        case .unknownEvent(let reference):
            return "no event \(shown(reference)) in this journal; find positions and ids with journal events"
        case .duplicateGoalKey(let key):
            return "a goal with key \(key) already exists; choose another with --key, or change it with journal log revise \(key)"
        case .goalKeyTaken(let key, let goal):
            return "the key \(key) is taken: goal \(goal) has or had it, and a former key keeps naming its goal; choose another with --key"
        case .goalKeyUnchanged(let key):
            return "goal \(key) already has the key \(key); give a new one with --key"
        case .tooManyGoals(let quarter, let goals):
            return "\(quarter) already has \(goals.count) goals (\(goals.joined(separator: ", "))); three is the maximum, so drop one first or add --force to insist"
        case .milestoneAlreadyDone(let goal, let number):
            return "milestone \(goal)/\(number) is already done; retract that event first to record it again"
        case .doneMilestoneRescheduled(let goal, let number):
            return "milestone \(goal)/\(number) is done, so it cannot be rescheduled (when it was done is its history); retitle it with --title, or retract the done event with journal log retract"
        case .goalClosed(let goal, let status, let action):
            let closing = status == .completed ? "completion" : "drop"
            return "goal \(goal) is \(status.rawValue), so you cannot \(action.words) it; set a new goal, or retract the \(closing) with journal log retract"
        case .milestoneOfDroppedGoal(let goal):
            return "goal \(goal) was dropped, so its milestones cannot be done; retract the drop first with journal log retract"
        case .noTarget(let goal):
            return "goal \(goal) has no numeric target; add one with journal log revise \(goal) --target N --unit TEXT --reason TEXT"
        case .goalRevisionChangesNothing(let goal):
            return "this revision changes nothing on goal \(goal); give a new value with --title, --metric, --target, --unit, --due, --quarter, --direction or --key"
        case .milestoneRevisionChangesNothing(let goal, let number):
            return "this revision changes nothing on milestone \(goal)/\(number); give a new value with --title, --week, --weeks or --due"
        case .retractRetraction(let position):
            return "event \(position) is itself a retraction and cannot be retracted; record the event again instead"
        case .alreadyRetracted(let position):
            return "event \(position) is already retracted; nothing to do"
        case .amendNotActivity(let position, let type):
            return "event \(position) is \(type), not an activity; only activities are amended (correct other events with journal log revise or journal log retract)"
        case .amendRetracted(let position):
            return "event \(position) is retracted or was amended before; amend the entry that replaced it (see journal events)"
        case .amendChangesNothing(let position):
            return "this amendment changes nothing on event \(position); give a new value with --text, --minutes, --goal, --no-goal, --on or --tag"
        case .futureDate(let on, let today):
            return "--on \(on) is in the future (today is \(today)); the journal records what has happened"
        case .emptySprint(let quarter):
            return "a sprint needs one to three goals and this plan leaves \(quarter) with none; add a goal, or keep one from \(quarter.previous)"
        case .undecidedCarryOver(let goals, let from):
            return "the plan does not say whether to keep, revise, complete or drop \(goals.joined(separator: ", ")) from \(from); decide for each, or pass --yes to keep them"
        case .goalClosedBefore(let goal, let status, let closedOn, let day):
            return "goal \(goal) was \(status.rawValue) on \(closedOn), before \(day); \(Self.inactiveGoalFixes)"
        case .goalOfOtherQuarter(let goal, let quarter, let day):
            return "goal \(goal) belonged to \(quarter) on \(day), a day of \(day.quarter); \(Self.inactiveGoalFixes)"
        case .deadlineBeforeQuarter(let goal, let due, let quarter):
            return "the deadline \(due) of goal \(shown(goal)) is before its quarter \(quarter) begins (\(quarter) runs \(quarter.firstDay) to \(quarter.lastDay)); give a deadline from \(quarter.firstDay) on, e.g. \(quarter.lastDay)"
        case .quarterNotStarted(let quarter, let day):
            return "\(quarter) (\(quarter.firstDay) to \(quarter.lastDay)) has not started on \(day), so there is nothing to review yet; review it from \(quarter.firstDay) on, or review \(day.quarter) instead"
        case .noRunningTimer:
            return "no timer is running; start one with journal start TEXT [--goal GOAL] (or log finished work with journal log activity)"
        case .timerStopBeforeStart(let stop, let started):
            return "--at \(stop) is before the running timer started (\(started), UTC); give a time after its start, or journal cancel it"
        case .momentInFuture(let name, let at, let now):
            return "\(name.words) \(at) is after now (\(now), UTC); the journal records what has happened"
        case .spanEndsBeforeStart(let from, let to):
            return "--to \(to) is not after --from \(from) (UTC); give an end after the start"
        case .spanWithMinutes:
            return "--from and --minutes do not go together: the span gives the minutes; give --from (and --to), or --minutes"
        case .spanUnderAMinute:
            return "the span from --from to --to is under a minute; give a longer span, or --minutes"

        }
    }

    static let inactiveGoalFixes = "log it without --goal, link a goal active that day, or add --force to keep the link (insights then count it as linked to no goal)"
}

/// What the user typed, kept to one short inert line (DateInput.printable).
func shown(_ text: String) -> String { DateInput.printable(text) }

extension DateReading {
    /// The forms the reading accepts, as the refusal lists them.
    var forms: String {
        switch self {
        case .past:
            return "YYYY-MM-DD (e.g. 2025-04-10), today, yesterday, 'N days ago', a weekday (monday), last week or 2025-W07"
        case .end:
            return "YYYY-MM-DD (e.g. 2025-06-30), today, tomorrow, a weekday (friday: the next one), next friday, "
                + "'in 3 days', 'in 2 weeks', end of month, end of quarter or a week (2025-W07: its Sunday)"
        case .time:
            return "a time of day (9:30, 14:05, 9:30pm), a day and a time ('yesterday 17:00', '2025-04-10 9:30'), "
                + "'30 minutes ago', '2 hours ago', now, or an ISO date-time (2025-04-10T14:30)"
        }
    }
}

extension EventSubject {
    var words: String {
        switch self {
        case .direction(let key): return "direction \(shown(key))"
        case .goal(let key): return "goal \(shown(key))"
        case .review(let quarter): return "review of \(quarter)"
        case .partner: return "the partner"
        case .activity: return "an activity"
        case .retraction(let target): return "event \(shown(target))"
        case .timer: return "the timer"
        }
    }
}

extension GoalAction {
    /// The verb phrase in "you cannot ... it".
    var words: String {
        switch self {
        case .planMilestone: return "plan a milestone for"
        case .measureProgress: return "measure progress on"
        case .revise: return "revise"
        case .reviseMilestone: return "revise a milestone of"
        case .complete: return "complete"
        case .drop: return "drop"
        }
    }
}

extension GoalField {
    /// The `journal log revise` option that changes the field.
    public var option: String { "--\(rawValue)" }
}
