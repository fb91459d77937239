import JournalDomain
import JournalWords
import Testing
@testable import JournalCLI

/// The line the CLI prints for each refusal, for a sample of its values: the sentences users saw when the domain
/// still built them (issue 14, item 5), so moving the words changed no byte.
@Suite("The words of each domain refusal")
struct DomainErrorWordsTests {
    static let q2 = Quarter(year: 2025, number: 2)!
    static let q3 = Quarter(year: 2025, number: 3)!
    static let q4 = Quarter(year: 2025, number: 4)!
    static func day(_ iso: String) -> LocalDate { LocalDate(iso: iso) ?? LocalDate(dayNumber: 0) }
    static let beforeTime = Instant(date: day("1900-01-01"), hour: 12, offsetSeconds: 14 * 3600)
    static let afterTime = Instant(date: day("9999-12-31"), hour: 12)
    static let inactiveGoalFixes = "log it without --goal, link a goal active that day, or add --force to keep the link (insights then count it as linked to no goal)"

    static let samples: [(DomainError, String)] = [
        (.invalidDate(name: .named("--on"), raw: "someday", reading: .past),
         "--on 'someday' is not a valid date; use YYYY-MM-DD (e.g. 2025-04-10), today, yesterday, 'N days ago', a weekday (monday), last week or 2025-W07"),
        (.invalidDate(name: .named("--due"), raw: "someday", reading: .end),
         "--due 'someday' is not a valid date; use YYYY-MM-DD (e.g. 2025-06-30), today, tomorrow, a weekday (friday: the next one), next friday, 'in 3 days', 'in 2 weeks', end of month, end of quarter or a week (2025-W07: its Sunday)"),
        (.dateOutOfRange(name: .named("--due"), raw: "tomorrow", day: day("9999-12-31").adding(days: 1)),
         "--due 'tomorrow' is \(day("9999-12-31").adding(days: 1)), outside the dates the journal holds (1900-01-01 to 9999-12-31); give a date in that range"),
        (.invalidWeekDate(name: .named("--week"), raw: "soon"),
         "--week 'soon' is not a week; use 2025-W07, this week, last week, 'N weeks ago' or a date in the week"),
        (.momentOutOfRange(name: .named("--on"), raw: "1900-01-01", instant: beforeTime),
         "--on '1900-01-01' is \(beforeTime) in UTC, outside the times the journal holds (1900-01-02T00:00:00.000Z to 9999-12-30T23:59:59.999Z); give a later date"),
        (.momentOutOfRange(name: .named("--on"), raw: "9999-12-31", instant: afterTime),
         "--on '9999-12-31' is 9999-12-31T12:00:00.000Z in UTC, outside the times the journal holds (1900-01-02T00:00:00.000Z to 9999-12-30T23:59:59.999Z); give an earlier date"),
        (.eventTimeOutOfRange(field: .occurredAt, instant: afterTime),
         "occurredAt 9999-12-31T12:00:00.000Z is outside the times the journal holds (1900-01-02T00:00:00.000Z to 9999-12-30T23:59:59.999Z)"),
        (.eventTimeOutOfRange(field: .recordedAt, instant: afterTime),
         "recordedAt 9999-12-31T12:00:00.000Z is outside the times the journal holds (1900-01-02T00:00:00.000Z to 9999-12-30T23:59:59.999Z)"),
        (.invalidHorizon(raw: "soon"), "--by 'soon' is not a year or a date; write 2028 or 2028-06-30"),

        (.emptyTitle(name: .named("goal title")), "the goal title is empty; give it a few words in quotes"),
        (.titleWithControlCharacters(name: .named("milestone title")),
         "the milestone title contains control characters or line breaks; keep it to one line of text"),
        (.emptyText(name: .named("reason")), "the reason is empty; say it in a few words"),
        (.emptyText(name: .reviewAnswer(.planned)), "the answer to --planned is empty; say it in a few words"),
        (.textWithControlCharacters(name: .reviewAnswer(.next)), "the answer to --next contains control characters; remove them"),
        (.invisibleText(name: .named("activity")),
         "the activity shows nothing (only invisible or combining characters); give it a few words"),
        (.bidirectionalControl(name: .named("goal title")),
         "the goal title contains a bidirectional override or isolate (U+202A-U+202E, U+2066-U+2069), which reorders the text around it; remove it"),
        (.tooManyBytes(name: .named("goal title"), bytes: 900, limit: 800), "the goal title is 900 bytes long; keep it under 801 bytes"),
        (.tooManyCharacters(name: .named("reason"), characters: 20_001, limit: 20_000), "the reason is 20001 characters long; keep it under 20001"),

        (.invalidKey(name: .named("goal key"), raw: "Bad Key"),
         "goal key 'Bad Key' is not valid; use 1-32 lowercase letters, digits and dashes, e.g. aws-cert"),
        (.tooManyTags(count: 11, limit: 10), "11 tags on one activity; give at most 10"),
        (.invalidBlocker(name: .input(.blocker), raw: "lazy"),
         "--blocker 'lazy' is not one of overcommitting, too-many-goals, lost-interest, wrong-goal, other"),
        (.invalidBlocker(name: .named("blockers"), raw: "lazy"),
         "blockers 'lazy' is not one of overcommitting, too-many-goals, lost-interest, wrong-goal, other"),
        (.invalidMilestoneReference(raw: "aws/x"), "'aws/x' is not a milestone reference; write GOAL/N, e.g. aws/2"),
        (.invalidQuarter(raw: "2025-Q5"),
         "'2025-Q5' is not a quarter; write 2025-Q2, Q2-2025, \"Q2 2025\", this-quarter, last-quarter or next-quarter (quarters are Q1 to Q4)"),
        (.notANumber(name: .named("--target"), raw: "ten"), "--target 'ten' is not a number; write it like 15 or 2.5"),
        (.notAWholeNumber(name: .named("--minutes"), raw: "1.5"), "--minutes '1.5' is not a whole number; write it in digits, e.g. 30"),
        (.amountOutOfRange(name: .input(.target), value: -1), "--target must be a number above 0 and at most 1e12, not -1"),
        (.amountOutOfRange(name: .input(.amount), value: 0), "AMOUNT must be a number above 0 and at most 1e12, not 0"),
        (.amountOutOfRange(name: .named("target"), value: 2e12), "target must be a number above 0 and at most 1e12, not 2000000000000"),
        (.progressValueOutOfRange(value: -1), "--set must be a number from 0 to 1e12, not -1"),
        (.minutesOutOfRange(minutes: 2000, limit: 1440), "--minutes 2000 is out of range; one entry holds 1 to 1440 minutes (24 hours)"),
        (.confidenceOutOfRange(confidence: 150), "--confidence 150 is out of range; give a whole number from 0 to 100"),
        (.planConfidenceOutOfRange(confidence: 12.5), "confidence 12.5 is out of range; give a whole number from 0 to 100"),
        (.notSprintWeeks(WeekSpan(first: 14, last: 14)),
         "week 14 is not a sprint week; a quarter has weeks 1 to 13, e.g. --week 4 or --weeks 1-4"),
        (.notSprintWeeks(WeekSpan(first: 5, last: 14)),
         "weeks 5-14 are not sprint weeks; a quarter has weeks 1 to 13, e.g. --week 4 or --weeks 1-4"),
        (.weekOutsideQuarter(week: IsoWeek(year: 2025, week: 40)!, goal: "aws", quarter: q2),
         "2025-W40 is not in goal aws's quarter 2025-Q2 (2025-W14 to 2025-W27); give a week of that quarter or a sprint week, e.g. --week 4"),
        (.invalidSchedule(raw: "soon"), "'soon' is not a week, a span of weeks or a date; write e.g. 3, 1-4 or 2025-09-15"),
        (.invalidWeekRange(raw: "1-x"), "--weeks '1-x' is not a range; write FIRST-LAST, e.g. 1-4"),
        (.scheduleWeeksOutOfRange(typed: "14"), "'14' is not within the sprint's weeks; a quarter has weeks 1 to 13, e.g. 4 or 1-4"),

        (.unitWithoutTarget, "--unit needs --target; give the number to reach, e.g. --target 15 --unit connections"),
        (.progressAmountOrValue, "give either an AMOUNT to add or --set N for an absolute value, not both or neither"),
        (.severalSchedules, "give one of --week, --weeks or --due, not several"),
        (.scheduleNeedsMilestone(goal: "aws"),
         "--week and --weeks reschedule a milestone; name one as GOAL/N, e.g. journal log revise aws/1 --weeks 3-6 --reason TEXT"),
        (.goalFieldOfMilestone(option: .target, reference: "aws/2"),
         "--target revises a goal, not a milestone; give the goal's key, e.g. journal log revise aws --target VALUE --reason TEXT"),

        (.eventInWrongStream(type: "goal-set", subject: .goal(key: "aws"), stream: "goal-x", expected: "goal-aws"),
         "a goal-set event for goal aws is in stream 'goal-x', not in goal-aws; an event belongs to the stream its payload names"),
        (.eventInWrongStream(type: "activity-logged", subject: .activity, stream: "goal-aws", expected: "activities-2025-04-10"),
         "an activity-logged event for an activity is in stream 'goal-aws', not in activities-2025-04-10; an event belongs to the stream its payload names"),
        (.eventInWrongStream(type: "event-retracted", subject: .retraction(target: "e1"), stream: "partner", expected: "goal-aws"),
         "an event-retracted event for event e1 is in stream 'partner', not in goal-aws; an event belongs to the stream its payload names"),
        (.eventInWrongStream(type: "direction-set", subject: .direction(key: "mgmt"), stream: "partner", expected: "direction-mgmt"),
         "a direction-set event for direction mgmt is in stream 'partner', not in direction-mgmt; an event belongs to the stream its payload names"),
        (.eventInWrongStream(type: "review-recorded", subject: .review(q2), stream: "partner", expected: "review-2025-Q2"),
         "a review-recorded event for review of 2025-Q2 is in stream 'partner', not in review-2025-Q2; an event belongs to the stream its payload names"),
        (.eventInWrongStream(type: "partner-named", subject: .partner, stream: "goal-aws", expected: "partner"),
         "a partner-named event for the partner is in stream 'goal-aws', not in partner; an event belongs to the stream its payload names"),
        (.retractionInNoStream(stream: "nowhere"), "a retraction is in stream 'nowhere', which no event can be in"),
        (.eventUnitWithoutTarget(goal: "aws"), "goal aws has a unit but no target"),
        (.eventConfidenceOutOfRange(confidence: 150), "confidence 150 is out of range; it is a whole number from 0 to 100"),
        (.eventMilestoneRevisionEmpty(goal: "aws", number: 2), "the revision of milestone aws/2 changes nothing"),
        (.eventGoalRevisionEmpty(goal: "aws"), "the revision of goal aws changes nothing"),
        (.eventGoalRevisionRepeatsField(goal: "aws"), "the revision of goal aws changes one field twice"),
        (.eventProgressValueOutOfRange(value: -1), "value must be a number from 0 to 1e12, not -1"),
        (.eventProgressAmountOrValue, "a progress measure has either an amount or a value, not both or neither"),
        (.eventMilestoneWithoutGoal(milestone: 2), "the activity names milestone 2 but no goal"),
        (.eventMinutesOutOfRange(minutes: 0, limit: 1440), "minutes 0 is out of range; one entry holds 1 to 1440 minutes (24 hours)"),
        (.eventTagsNotKeys, "the activity's tags repeat one or carry a prefix; each is a key, once"),
        (.eventRetractionTargetNotAnId(target: "x y"), "the retraction's target 'x y' is not an event id"),
        (.eventRetractionTargetTypeUnknown(type: "goal-sett"), "the retraction's target type 'goal-sett' is not an event type"),
        (.eventWeeksOutOfRange(WeekSpan(first: 12, last: 14)), "weeks 12-14 are not sprint weeks; a quarter has weeks 1 to 13"),
        (.eventQuarterUnsupported(Quarter(year: 10_000, number: 1) ?? q2), "quarter \(Quarter(year: 10_000, number: 1) ?? q2) is outside the years the journal holds"),
        (.eventScheduleShape(MilestoneWhen(quarter: q2)),
         "a milestone's schedule is sprint weeks of a quarter or a due date, not \(MilestoneWhen(quarter: q2))"),
        (.eventMilestoneNumberOutOfRange(number: 0, limit: 999_999), "milestone number 0 is out of range; milestones are numbered 1 to 999999"),
        (.eventFieldValueUnfit(field: .due, value: .text("soon")), "a revision's due of 'soon' is not a due the journal can hold"),

        (.unknownGoal(key: "nope"),
         "no goal nope; set it with journal log goal \"TITLE\" --quarter Q, or check the key with journal events --type goal-set"),
        (.goalNeverSet(key: "nope"), "no goal nope in this journal; check the key with journal events --type goal-set"),
        (.unknownMilestone(goal: "aws", number: 3), "no milestone aws/3; plan it with journal log milestone aws \"TITLE\""),
        (.unknownDirection(key: "mgmt"), "no direction mgmt; set it first with journal log direction \"TITLE\" --key mgmt"),
        (.unknownEvent(reference: "42"), "no event 42 in this journal; find positions and ids with journal events"),
        (.duplicateGoalKey(key: "aws"),
         "a goal with key aws already exists; choose another with --key, or change it with journal log revise aws"),
        (.goalKeyTaken(key: "net", goal: "network"),
         "the key net is taken: goal network has or had it, and a former key keeps naming its goal; choose another with --key"),
        (.goalKeyUnchanged(key: "aws-cert"), "goal aws-cert already has the key aws-cert; give a new one with --key"),
        (.tooManyGoals(quarter: q2, goals: ["a", "b", "c"]),
         "2025-Q2 already has 3 goals (a, b, c); three is the maximum, so drop one first or add --force to insist"),
        (.milestoneAlreadyDone(goal: "aws", number: 1), "milestone aws/1 is already done; retract that event first to record it again"),
        (.doneMilestoneRescheduled(goal: "cs", number: 1),
         "milestone cs/1 is done, so it cannot be rescheduled (when it was done is its history); retitle it with --title, or retract the done event with journal log retract"),
        (.goalClosed(goal: "aws", status: .completed, action: .planMilestone),
         "goal aws is completed, so you cannot plan a milestone for it; set a new goal, or retract the completion with journal log retract"),
        (.goalClosed(goal: "aws", status: .dropped, action: .measureProgress),
         "goal aws is dropped, so you cannot measure progress on it; set a new goal, or retract the drop with journal log retract"),
        (.goalClosed(goal: "aws", status: .dropped, action: .revise),
         "goal aws is dropped, so you cannot revise it; set a new goal, or retract the drop with journal log retract"),
        (.goalClosed(goal: "aws", status: .completed, action: .reviseMilestone),
         "goal aws is completed, so you cannot revise a milestone of it; set a new goal, or retract the completion with journal log retract"),
        (.goalClosed(goal: "aws", status: .completed, action: .complete),
         "goal aws is completed, so you cannot complete it; set a new goal, or retract the completion with journal log retract"),
        (.goalClosed(goal: "aws", status: .dropped, action: .drop),
         "goal aws is dropped, so you cannot drop it; set a new goal, or retract the drop with journal log retract"),
        (.milestoneOfDroppedGoal(goal: "aws"),
         "goal aws was dropped, so its milestones cannot be done; retract the drop first with journal log retract"),
        (.noTarget(goal: "aws"), "goal aws has no numeric target; add one with journal log revise aws --target N --unit TEXT --reason TEXT"),
        (.goalRevisionChangesNothing(goal: "aws"),
         "this revision changes nothing on goal aws; give a new value with --title, --metric, --target, --unit, --due, --quarter, --direction or --key"),
        (.milestoneRevisionChangesNothing(goal: "cs", number: 2),
         "this revision changes nothing on milestone cs/2; give a new value with --title, --week, --weeks or --due"),
        (.retractRetraction(position: 5), "event 5 is itself a retraction and cannot be retracted; record the event again instead"),
        (.alreadyRetracted(position: 5), "event 5 is already retracted; nothing to do"),
        (.amendNotActivity(position: 5, type: "goal-set"), "event 5 is goal-set, not an activity; only activities are amended (correct other events with journal log revise or journal log retract)"),
        (.amendRetracted(position: 5), "event 5 is retracted or was amended before; amend the entry that replaced it (see journal events)"),
        (.amendChangesNothing(position: 5), "this amendment changes nothing on event 5; give a new value with --text, --minutes, --goal, --no-goal, --on or --tag"),
        (.futureDate(on: day("2025-04-12"), today: day("2025-04-10")),
         "--on 2025-04-12 is in the future (today is 2025-04-10); the journal records what has happened"),
        (.emptySprint(quarter: q3),
         "a sprint needs one to three goals and this plan leaves 2025-Q3 with none; add a goal, or keep one from 2025-Q2"),
        (.undecidedCarryOver(goals: ["blog", "net"], from: q2),
         "the plan does not say whether to keep, revise, complete or drop blog, net from 2025-Q2; decide for each, or pass --yes to keep them"),
        (.goalClosedBefore(goal: "cs", status: .completed, closedOn: day("2025-08-20"), day: day("2025-09-02")),
         "goal cs was completed on 2025-08-20, before 2025-09-02; " + inactiveGoalFixes),
        (.goalOfOtherQuarter(goal: "cs", quarter: q3, day: day("2025-10-02")),
         "goal cs belonged to 2025-Q3 on 2025-10-02, a day of 2025-Q4; " + inactiveGoalFixes),
        (.deadlineBeforeQuarter(goal: "cs", due: day("2025-09-26"), quarter: q4),
         "the deadline 2025-09-26 of goal cs is before its quarter 2025-Q4 begins (2025-Q4 runs 2025-10-01 to 2025-12-31); give a deadline from 2025-10-01 on, e.g. 2025-12-31"),
        (.quarterNotStarted(quarter: q3, day: day("2025-04-10")),
         "2025-Q3 (2025-07-01 to 2025-09-30) has not started on 2025-04-10, so there is nothing to review yet; review it from 2025-07-01 on, or review 2025-Q2 instead"),
        (.invalidDate(name: .named("--at"), raw: "soonish", reading: .time),
         "--at 'soonish' is not a valid date; use a time of day (9:30, 14:05, 9:30pm), a day and a time ('yesterday 17:00', '2025-04-10 9:30'), '30 minutes ago', '2 hours ago', now, or an ISO date-time (2025-04-10T14:30)"),
        (.noRunningTimer, "no timer is running; start one with journal start TEXT [--goal GOAL] (or log finished work with journal log activity)"),
        (.timerStopBeforeStart(stop: Instant(date: day("2025-04-10"), hour: 8), started: Instant(date: day("2025-04-10"), hour: 9)),
         "--at 2025-04-10T08:00:00.000Z is before the running timer started (2025-04-10T09:00:00.000Z, UTC); give a time after its start, or journal cancel it"),
        (.momentInFuture(name: .named("--to"), at: Instant(date: day("2025-04-10"), hour: 10), now: Instant(date: day("2025-04-10"), hour: 9)),
         "--to 2025-04-10T10:00:00.000Z is after now (2025-04-10T09:00:00.000Z, UTC); the journal records what has happened"),
        (.spanEndsBeforeStart(from: Instant(date: day("2025-04-10"), hour: 10), to: Instant(date: day("2025-04-10"), hour: 9)),
         "--to 2025-04-10T09:00:00.000Z is not after --from 2025-04-10T10:00:00.000Z (UTC); give an end after the start"),
        (.spanWithMinutes, "--from and --minutes do not go together: the span gives the minutes; give --from (and --to), or --minutes"),
        (.spanUnderAMinute, "the span from --from to --to is under a minute; give a longer span, or --minutes"),
    ]

    /// Which case a refusal is. The switch has no `default`: a new case does not compile until it is listed
    /// here, and `everyCaseHasASample` then fails until it has a sample above.
    static func caseNumber(_ error: DomainError) -> Int {
        switch error {
        case .invalidDate: 0
        case .dateOutOfRange: 1
        case .invalidWeekDate: 2
        case .momentOutOfRange: 3
        case .eventTimeOutOfRange: 4
        case .invalidHorizon: 5
        case .emptyTitle: 6
        case .titleWithControlCharacters: 7
        case .emptyText: 8
        case .textWithControlCharacters: 9
        case .invisibleText: 10
        case .bidirectionalControl: 11
        case .tooManyBytes: 12
        case .tooManyCharacters: 13
        case .invalidKey: 14
        case .tooManyTags: 15
        case .invalidBlocker: 16
        case .invalidMilestoneReference: 17
        case .invalidQuarter: 18
        case .notANumber: 19
        case .notAWholeNumber: 20
        case .amountOutOfRange: 21
        case .progressValueOutOfRange: 22
        case .minutesOutOfRange: 23
        case .confidenceOutOfRange: 24
        case .planConfidenceOutOfRange: 25
        case .notSprintWeeks: 26
        case .weekOutsideQuarter: 27
        case .invalidSchedule: 28
        case .invalidWeekRange: 29
        case .scheduleWeeksOutOfRange: 30
        case .unitWithoutTarget: 31
        case .progressAmountOrValue: 32
        case .severalSchedules: 33
        case .scheduleNeedsMilestone: 34
        case .goalFieldOfMilestone: 35
        case .eventInWrongStream: 36
        case .retractionInNoStream: 37
        case .eventUnitWithoutTarget: 38
        case .eventConfidenceOutOfRange: 39
        case .eventMilestoneRevisionEmpty: 40
        case .eventGoalRevisionEmpty: 41
        case .eventGoalRevisionRepeatsField: 42
        case .eventProgressValueOutOfRange: 43
        case .eventProgressAmountOrValue: 44
        case .eventMilestoneWithoutGoal: 45
        case .eventMinutesOutOfRange: 46
        case .eventTagsNotKeys: 47
        case .eventRetractionTargetNotAnId: 48
        case .eventRetractionTargetTypeUnknown: 49
        case .eventWeeksOutOfRange: 50
        case .eventQuarterUnsupported: 51
        case .eventScheduleShape: 52
        case .eventMilestoneNumberOutOfRange: 53
        case .eventFieldValueUnfit: 54
        case .unknownGoal: 55
        case .goalNeverSet: 56
        case .unknownMilestone: 57
        case .unknownDirection: 58
        case .unknownEvent: 59
        case .duplicateGoalKey: 60
        case .tooManyGoals: 61
        case .milestoneAlreadyDone: 62
        case .doneMilestoneRescheduled: 63
        case .goalClosed: 64
        case .milestoneOfDroppedGoal: 65
        case .noTarget: 66
        case .goalRevisionChangesNothing: 67
        case .milestoneRevisionChangesNothing: 68
        case .retractRetraction: 69
        case .alreadyRetracted: 70
        case .futureDate: 71
        case .emptySprint: 72
        case .undecidedCarryOver: 73
        case .goalClosedBefore: 74
        case .goalOfOtherQuarter: 75
        case .deadlineBeforeQuarter: 76
        case .quarterNotStarted: 77
        case .noRunningTimer: 78
        case .timerStopBeforeStart: 79
        case .momentInFuture: 80
        case .spanEndsBeforeStart: 81
        case .spanWithMinutes: 82
        case .spanUnderAMinute: 83
        case .amendNotActivity: 84
        case .amendRetracted: 85
        case .amendChangesNothing: 86
        case .goalKeyTaken: 87
        case .goalKeyUnchanged: 88
        }
    }
    static let caseCount = 89

    @Test func everyCaseHasASample() {
        let sampled = Set(Self.samples.map { Self.caseNumber($0.0) })
        #expect(sampled == Set(0..<Self.caseCount), "cases without a sample: \(Set(0..<Self.caseCount).subtracting(sampled).sorted())")
    }

    @Test func eachRefusalReadsAsItDidWhenTheDomainBuiltIt() {
        for (error, line) in Self.samples {
            #expect(CLIError.from(error).message == line, "\(error)")
        }
    }

    /// Malformed input is a usage error (64); a refusal by the rules or the journal's state is bad data (65).
    @Test func theExitStatusFollowsTheDomainsSplit() {
        for (error, _) in Self.samples {
            #expect(CLIError.from(error).status == (error.isUsageError ? .usage : .data), "\(error)")
        }
        #expect(CLIError.from(DomainError.invalidQuarter(raw: "x")).status == .usage)
        #expect(CLIError.from(DomainError.tooManyGoals(quarter: Self.q2, goals: ["a", "b", "c"])).status == .data)
    }

    @Test func everyLineIsOneLineWhateverWasTyped() {
        let hostile = "x\ny\u{1B}[31m" + String(repeating: "z", count: 80)
        let typed: [DomainError] = [
            .invalidDate(name: .named("--on"), raw: hostile, reading: .past), .invalidKey(name: .named("goal key"), raw: hostile),
            .unknownGoal(key: hostile), .unknownEvent(reference: hostile), .invalidQuarter(raw: hostile),
            .eventInWrongStream(type: "goal-set", subject: .goal(key: hostile), stream: hostile, expected: "goal-x"),
        ]
        for error in typed + Self.samples.map(\.0) {
            let line = error.message
            #expect(!line.isEmpty && !line.contains("\n") && !line.contains("\u{1B}"), "\(line)")
        }
        #expect(DomainError.unknownGoal(key: hostile).message.contains("…"), "long input is cut short")
    }

    /// A deadline's refusal suggests deadline forms, never "yesterday"; a past fact's, the past forms.
    @Test func refusalsSuggestFormsThatFitTheReading() {
        let end = DomainError.invalidDate(name: .named("--due"), raw: "someday", reading: .end).message
        for form in ["--due 'someday'", "2025-06-30", "friday: the next one", "next friday", "'in 2 weeks'", "end of quarter"] {
            #expect(end.contains(form), "\(form) in \(end)")
        }
        #expect(!end.contains("yesterday") && !end.contains("ago"), "\(end)")
        let past = DomainError.invalidDate(name: .named("--on"), raw: "someday", reading: .past).message
        #expect(past.contains("yesterday") && !past.contains("next friday"), "\(past)")
    }
}
