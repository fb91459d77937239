/// What a user asks the journal to record, with its input already read into values.
public enum Command: Equatable, Sendable {
    case setDirection(key: String, title: String, by: String?)
    case setGoal(GoalDraft)
    case planMilestone(goal: String, title: String, schedule: MilestoneSchedule?)
    case markDone(goal: String, number: Int)
    /// A new title and/or a new schedule for a planned milestone (at least one).
    case reviseMilestone(goal: String, number: Int, title: String?, schedule: MilestoneSchedule?, reason: String)
    case measureProgress(goal: String, amount: Double?, value: Double?, note: String?)
    /// With `force`, the link to a goal that was not active on the activity's day is kept (see `GoalActiveDays`).
    case logActivity(text: String, goal: String?, milestone: Int?, minutes: Int?, tags: [String] = [], force: Bool = false)
    case reviseGoal(goal: String, changes: GoalChanges, reason: String, force: Bool)
    case completeGoal(goal: String, outcome: String?)
    case dropGoal(goal: String, reason: String)
    case recordReview(ReviewRecorded)
    case namePartner(String)
    case retract(reference: String, reason: String, force: Bool = false)
    /// `journal start`: validated like the activity it will record (the goal and milestone must exist and the goal
    /// be active today unless forced). The Recorder stops a running timer first, in the same append.
    case startTimer(text: String, goal: String?, milestone: Int?, tags: [String] = [], force: Bool = false)
    /// Ends the running timer; `activities` are the ids of the activities recorded with it in the same append.
    case stopTimer(activities: [String])
    case cancelTimer
    /// A correction of an activity: the original's retraction and the corrected entry, in one append. With
    /// `force`, a link to a goal not active on the (new) day is kept, as `logActivity` keeps it.
    case amendActivity(reference: String, amendment: ActivityAmendment, reason: String, force: Bool = false)
}

/// What an amendment changes; nil (or `.keep`) leaves a field as the activity has it.
public struct ActivityAmendment: Equatable, Sendable {
    public enum Link: Equatable, Sendable {
        case keep
        /// Linked to no goal.
        case unlink
        case goal(String, milestone: Int?)
    }

    public var text: String?
    public var minutes: Int?
    public var link: Link
    /// The tags that replace the activity's (nil: keep them).
    public var tags: [String]?
    /// When it happened, if it moves (nil: where it was); the Recorder reads the day from it.
    public var occurredAt: Instant?

    public init(text: String? = nil, minutes: Int? = nil, link: Link = .keep, tags: [String]? = nil, occurredAt: Instant? = nil) {
        self.text = text
        self.minutes = minutes
        self.link = link
        self.tags = tags
        self.occurredAt = occurredAt
    }

    /// The amendment that puts `original` back, for undoing the amendment that replaced it.
    public static func restoring(_ original: ActivityLogged, occurredAt: Instant) -> ActivityAmendment {
        ActivityAmendment(text: original.text, minutes: original.minutes,
                          link: original.goal.map { .goal($0, milestone: original.milestone) } ?? .unlink,
                          tags: original.tags, occurredAt: occurredAt)
    }
}

/// The activity an amendment names, as the log holds it.
public struct AmendTarget: Equatable, Sendable {
    public var event: RetractTarget
    /// nil: the event is not an activity.
    public var activity: ActivityLogged?
    public var occurredAt: Instant
    /// The local day it is filed under.
    public var day: LocalDate

    public init(event: RetractTarget, activity: ActivityLogged?, occurredAt: Instant, day: LocalDate) {
        self.event = event
        self.activity = activity
        self.occurredAt = occurredAt
        self.day = day
    }
}

public struct GoalDraft: Equatable, Sendable {
    public var key: String
    public var title: String
    public var quarter: Quarter
    public var metric: String?
    public var target: Double?
    public var unit: String?
    public var due: LocalDate?
    public var direction: String?
    public var confidence: Int?
    public var force: Bool

    public init(key: String, title: String, quarter: Quarter, metric: String? = nil, target: Double? = nil,
                unit: String? = nil, due: LocalDate? = nil, direction: String? = nil, confidence: Int? = nil,
                force: Bool = false) {
        self.key = key
        self.title = title
        self.quarter = quarter
        self.metric = metric
        self.target = target
        self.unit = unit
        self.due = due
        self.direction = direction
        self.confidence = confidence
        self.force = force
    }
}

public enum MilestoneSchedule: Equatable, Sendable {
    case weeks(WeekSpan)
    /// A calendar week: the sprint weeks of the goal's quarter that its days fall in.
    case isoWeek(IsoWeek)
    case due(LocalDate)
}

/// The fields a revision sets; nil means "leave as it is".
public struct GoalChanges: Equatable, Sendable {
    public var title: String?
    public var metric: String?
    public var target: Double?
    public var unit: String?
    public var due: LocalDate?
    public var quarter: Quarter?
    public var direction: String?
    /// A new key for the goal (`revise --key`); the old one stays an alias.
    public var key: String?

    public init(title: String? = nil, metric: String? = nil, target: Double? = nil, unit: String? = nil,
                due: LocalDate? = nil, quarter: Quarter? = nil, direction: String? = nil, key: String? = nil) {
        self.key = key
        self.title = title
        self.metric = metric
        self.target = target
        self.unit = unit
        self.due = due
        self.quarter = quarter
        self.direction = direction
    }
}

/// The event a retraction names, as the log holds it.
public struct RetractTarget: Equatable, Sendable {
    public var eventId: String
    public var position: Int64
    public var type: String
    /// True when the target's stream already holds a retraction of it.
    public var alreadyRetracted: Bool

    public init(eventId: String, position: Int64, type: String, alreadyRetracted: Bool) {
        self.eventId = eventId
        self.position = position
        self.type = type
        self.alreadyRetracted = alreadyRetracted
    }
}

/// A goal that a key names, as the goal-key lookup finds it.
public struct KeyHolder: Equatable, Sendable {
    /// The goal's identity (its stream's name, what its events store).
    public var goal: String
    /// The key it is shown by now.
    public var shownKey: String

    public init(goal: String, shownKey: String) {
        self.goal = goal
        self.shownKey = shownKey
    }
}

/// Exactly the state a decision reads, loaded by the caller inside its write transaction.
public struct DecisionState: Equatable, Sendable {
    /// The goal the command names (nil: no such goal, or it was retracted).
    public var goal: GoalState?
    /// For goal-setting and quarter moves: keys of the other goals that count toward the target quarter
    /// (active or completed; dropped goals free their place).
    public var quarterGoals: [String]
    /// For commands that name a direction: whether it exists.
    public var direction: DirectionState?
    /// For retractions: the event named (nil: no such event).
    public var retractTarget: RetractTarget?
    /// For retractions in a goal's stream: the goal as it would stand without the target, so that undoing a
    /// drop or a move cannot sneak a fourth goal into a quarter (quarterGoals then lists that quarter's others).
    public var goalAfterRetraction: GoalState?
    /// For activities linked to a goal: the days that goal was active (nil: the goal does not exist).
    public var goalActiveDays: GoalActiveDays?
    /// The local date occurred-at falls on, for checks against the calendar.
    public var occurredOn: LocalDate?
    public var today: LocalDate?
    /// For the timer's commands: the timer running before the command.
    public var timer: RunningTimer?
    /// For the timer's commands: the instant the event is recorded for (a stop's end), and now.
    public var occurredAt: Instant?
    public var now: Instant?
    /// For amendments: the activity named (nil: no such event). `occurredOn` is then the corrected entry's day.
    public var amendTarget: AmendTarget?
    /// For a goal set or a key revision: the goal that holds or held the key asked for as its identity, its
    /// current key or a former one (nil: no goal ever had it), shown by its current key.
    public var keyHolder: KeyHolder?

    public init(goal: GoalState? = nil, quarterGoals: [String] = [], direction: DirectionState? = nil,
                retractTarget: RetractTarget? = nil, goalAfterRetraction: GoalState? = nil,
                goalActiveDays: GoalActiveDays? = nil, occurredOn: LocalDate? = nil, today: LocalDate? = nil,
                timer: RunningTimer? = nil, occurredAt: Instant? = nil, now: Instant? = nil,
                amendTarget: AmendTarget? = nil) {
        self.timer = timer
        self.occurredAt = occurredAt
        self.now = now
        self.amendTarget = amendTarget
        self.goal = goal
        self.quarterGoals = quarterGoals
        self.direction = direction
        self.retractTarget = retractTarget
        self.goalAfterRetraction = goalAfterRetraction
        self.goalActiveDays = goalActiveDays
        self.occurredOn = occurredOn
        self.today = today
    }
}
