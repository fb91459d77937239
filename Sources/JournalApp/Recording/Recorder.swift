import Foundation
import JournalDomain
import JournalStore

/// What one `journal log` command recorded.
public struct Recorded: Sendable {
    public let event: RecordedEvent
    public let change: JournalEvent
    /// The goal as it stands after the event, for commands about a goal.
    public let goal: GoalState?
    /// For retractions: the event retracted.
    public let target: RetractTarget?
    /// For a goal set or moved into a quarter: how many goals that quarter now counts, this one included.
    public let goalsInQuarter: Int?
    /// For a direction set: the direction the key named before (nil: a new one).
    public let previousDirection: DirectionState?
    /// The former keys the command named its goal by, for the front end's note (`aws is now aws-cert`).
    public var formerKeys: [FormerKeyUse] = []
}

/// A goal named by a key it no longer has: it still names it, and the front end says what it is now.
public struct FormerKeyUse: Equatable, Sendable {
    public let typed: String
    public let shownKey: String

    public init(typed: String, shownKey: String) {
        self.typed = typed
        self.shownKey = shownKey
    }
}

/// Carries out one command: inside a single write transaction it reads exactly the state the decision needs,
/// decides and appends (the store keeps the goal index current). Nothing is appended when any step fails.
public struct Recorder<Store: TransactionalStore> {
    public let store: Store
    public let time: TimeContext

    public init(store: Store, time: TimeContext) {
        self.store = store
        self.time = time
    }

    public func record(_ command: Command, occurredAt: Instant?, commandName: String) throws -> Recorded {
        let occurred = occurredAt ?? time.now
        let metadata = try EventMetadata.of(command: commandName)
        return try store.write(recordedAt: time.now) { session in
            try record(command, occurred: occurred, metadata: metadata, session)
        }
    }

    /// Records several commands as one atomic append: each is decided against the state the ones before it
    /// left, and if any is refused nothing at all is recorded.
    public func recordAll(_ commands: [Command], commandName: String) throws -> [Recorded] {
        let metadata = try EventMetadata.of(command: commandName)
        return try store.write(recordedAt: time.now) { session in
            try commands.map { command in try record(command, occurred: time.now, metadata: metadata, session) }
        }
    }

    /// Decides and appends `commands` as `recordAll` would, then rolls everything back: what the plan would
    /// record, with every rule checked, shown before the user confirms it.
    public func dryRun(_ commands: [Command], commandName: String) throws -> [Recorded] {
        let metadata = try EventMetadata.of(command: commandName)
        do {
            try store.write(recordedAt: time.now) { session in
                throw RolledBack(recorded: try commands.map { command in
                    try record(command, occurred: time.now, metadata: metadata, session)
                })
            }
        } catch let rolledBack as RolledBack {
            return rolledBack.recorded
        }
        throw AppError.dryRunNotRolledBack(command: commandName)
    }

    private func record(_ command: Command, occurred: Instant, metadata: String, _ session: Store.Session) throws -> Recorded {
        let (command, formerKeys) = try resolvingKeys(command, session)
        var recorded = try recordResolved(command, occurred: occurred, metadata: metadata, session)
        recorded.formerKeys = formerKeys
        return recorded
    }

    /// The command with every goal key it names replaced by that goal's identity (a former or current key names
    /// its goal; a key no goal has stays as typed, for the decision to refuse), and the former keys it used.
    private func resolvingKeys(_ command: Command, _ session: Store.Session) throws -> (Command, [FormerKeyUse]) {
        var used: [FormerKeyUse] = []
        func id(_ key: String) throws -> String {
            guard let holder = try session.goalHolding(key: key) else { return key }
            if key != holder.shownKey, !used.contains(where: { $0.typed == key }) {
                used.append(FormerKeyUse(typed: key, shownKey: holder.shownKey))
            }
            return holder.goal
        }
        let resolved: Command
        switch command {
        case .planMilestone(let goal, let title, let schedule):
            resolved = .planMilestone(goal: try id(goal), title: title, schedule: schedule)
        case .markDone(let goal, let number):
            resolved = .markDone(goal: try id(goal), number: number)
        case .reviseMilestone(let goal, let number, let title, let schedule, let reason):
            resolved = .reviseMilestone(goal: try id(goal), number: number, title: title, schedule: schedule, reason: reason)
        case .measureProgress(let goal, let amount, let value, let note):
            resolved = .measureProgress(goal: try id(goal), amount: amount, value: value, note: note)
        case .logActivity(let text, let goal, let milestone, let minutes, let tags, let force):
            resolved = .logActivity(text: text, goal: try goal.map(id), milestone: milestone, minutes: minutes, tags: tags, force: force)
        case .reviseGoal(let goal, let changes, let reason, let force):
            resolved = .reviseGoal(goal: try id(goal), changes: changes, reason: reason, force: force)
        case .completeGoal(let goal, let outcome):
            resolved = .completeGoal(goal: try id(goal), outcome: outcome)
        case .dropGoal(let goal, let reason):
            resolved = .dropGoal(goal: try id(goal), reason: reason)
        case .startTimer(let text, let goal, let milestone, let tags, let force):
            resolved = .startTimer(text: text, goal: try goal.map(id), milestone: milestone, tags: tags, force: force)
        case .amendActivity(let reference, var amendment, let reason, let force):
            if case .goal(let goal, let milestone) = amendment.link { amendment.link = .goal(try id(goal), milestone: milestone) }
            resolved = .amendActivity(reference: reference, amendment: amendment, reason: reason, force: force)
        case .setDirection, .setGoal, .recordReview, .namePartner, .retract, .stopTimer, .cancelTimer:
            resolved = command
        }
        return (resolved, used)
    }

    private func recordResolved(_ command: Command, occurred: Instant, metadata: String, _ session: Store.Session) throws -> Recorded {
        if case .amendActivity(let reference, let amendment, _, _) = command {
            return try recordAmendment(command, reference: reference, amendment: amendment, metadata: metadata, session)
        }
        var command = command
        var state = DecisionState(occurredOn: time.localDate(of: occurred), today: time.today, occurredAt: occurred, now: time.now)
        var goalStream: [Envelope] = []
        let stream: String
        switch command {
        case .setDirection(let key, _, _):
            stream = StreamName.direction(key)
            state.direction = try directionState(key, session)
        case .setGoal(var draft):
            if draft.key.isEmpty {
                draft.key = try freeGoalKey(for: draft.title, session)
                command = .setGoal(draft)
            }
            stream = StreamName.goal(draft.key)
            goalStream = try envelopes(session.readStream(stream))
            state.goal = GoalState.replay(goalStream)
            state.keyHolder = try session.goalHolding(key: draft.key)
            state.quarterGoals = try session.goalKeys(in: draft.quarter)
            if let direction = draft.direction { state.direction = try directionState(direction, session) }
        case .planMilestone(let key, _, _), .markDone(let key, _), .reviseMilestone(let key, _, _, _, _), .measureProgress(let key, _, _, _),
             .completeGoal(let key, _), .dropGoal(let key, _):
            stream = StreamName.goal(key)
            goalStream = try envelopes(session.readStream(stream))
            state.goal = GoalState.replay(goalStream)
        case .reviseGoal(let key, let changes, _, _):
            stream = StreamName.goal(key)
            goalStream = try envelopes(session.readStream(stream))
            state.goal = GoalState.replay(goalStream)
            if let quarter = changes.quarter { state.quarterGoals = try session.goalKeys(in: quarter).filter { $0 != key } }
            if let newKey = changes.key { state.keyHolder = try session.goalHolding(key: newKey) }
            if let direction = changes.direction { state.direction = try directionState(direction, session) }
        case .logActivity(_, let key, _, _, _, _):
            stream = StreamName.activities(time.localDate(of: occurred))
            if let key {
                let goalEvents = try envelopes(session.readStream(StreamName.goal(key)))
                state.goal = GoalState.replay(goalEvents)
                let retracted = Retractions.targets(in: goalEvents)
                state.goalActiveDays = GoalActiveDays(events: goalEvents.filter { !retracted.contains($0.eventId) },
                                                      localDate: time.localDate(of:))
            }
        case .startTimer(_, let key, _, _, _):
            stream = StreamName.timer
            state.timer = try runningTimer(session)
            if let key {
                let goalEvents = try envelopes(session.readStream(StreamName.goal(key)))
                state.goal = GoalState.replay(goalEvents)
                let retracted = Retractions.targets(in: goalEvents)
                state.goalActiveDays = GoalActiveDays(events: goalEvents.filter { !retracted.contains($0.eventId) },
                                                      localDate: time.localDate(of:))
            }
        case .stopTimer, .cancelTimer:
            stream = StreamName.timer
            state.timer = try runningTimer(session)
        case .recordReview(let review):
            stream = StreamName.review(review.quarter)
        case .namePartner:
            stream = StreamName.partner
        case .amendActivity:
            throw AppError.appendRecordedNothing(stream: "")
        case .retract(let reference, _, _):
            let found = try target(of: reference, session)
            state.retractTarget = found?.target
            stream = found?.stream ?? ""
            if let found, stream.hasPrefix("goal-") {
                goalStream = found.streamEvents
                state.goal = GoalState.replay(goalStream)
                let after = GoalState.replay(goalStream, alsoLeavingOut: found.target.eventId)
                state.goalAfterRetraction = after
                if let after { state.quarterGoals = try session.goalKeys(in: after.quarter).filter { $0 != after.id } }
            }
        }

        var goalsInQuarter: Int?
        switch command {
        case .setGoal: goalsInQuarter = state.quarterGoals.count + 1
        case .reviseGoal(_, let changes, _, _) where changes.quarter != nil && changes.quarter != state.goal?.quarter:
            goalsInQuarter = state.quarterGoals.count + 1
        default: break
        }

        let events = try Decider.decide(command, state)
        let expected = ExpectedVersion.exact(try session.streamVersion(stream))
        let fresh = try events.map { event in
            NewEvent(eventId: UUID().uuidString.lowercased(), type: event.type,
                     schemaVersion: event.schemaVersion, payload: try event.payloadJSON(),
                     metadata: metadata, occurredAt: occurred)
        }
        let recorded = try session.append([AppendBatch(stream: stream, expected: expected, events: fresh)])
        guard let last = recorded.last, let change = events.last else {
            throw AppError.appendRecordedNothing(stream: stream)
        }

        var goal = state.goal
        if GoalIndexEntry.key(ofStream: stream) != nil { goal = GoalState.replay(goalStream + (try envelopes(recorded))) }
        let previousDirection = if case .setDirection = command { state.direction } else { DirectionState?.none }
        return Recorded(event: last, change: change, goal: goal, target: state.retractTarget, goalsInQuarter: goalsInQuarter,
                        previousDirection: previousDirection)
    }

    private func runningTimer(_ session: Store.Session) throws -> RunningTimer? {
        RunningTimer.replay(try envelopes(session.readStream(StreamName.timer)))
    }

    // MARK: The timer and spans

    /// `journal start`: stops the running timer, if any (recording its activity), then starts the new one, in one
    /// atomic append.
    /// `at` starts it earlier than now (`journal start --at 9:30`): a timer running then is stopped at that moment.
    public func startTimer(_ command: Command, at start: Instant? = nil) throws -> TimerStart {
        let metadata = try EventMetadata.of(command: "start")
        let start = start ?? time.now
        return try store.write(recordedAt: time.now) { session in
            let stopped = try runningTimer(session) == nil ? nil : try stop(at: start, note: nil, metadata: metadata, session)
            let started = try record(command, occurred: start, metadata: metadata, session)
            guard let timer = try runningTimer(session) else { throw AppError.appendRecordedNothing(stream: StreamName.timer) }
            return TimerStart(stopped: stopped, started: started, timer: timer)
        }
    }

    /// `journal stop`: the running timer's activities (one per local day of its span) and the stop, in one append.
    public func stopTimer(at end: Instant?, note: String?) throws -> TimerStop {
        let metadata = try EventMetadata.of(command: "stop")
        return try store.write(recordedAt: time.now) { session in
            try stop(at: end ?? time.now, note: note, metadata: metadata, session)
        }
    }

    /// `journal cancel`: ends the running timer and records no activity.
    public func cancelTimer() throws -> (timer: RunningTimer, recorded: Recorded) {
        let metadata = try EventMetadata.of(command: "cancel")
        return try store.write(recordedAt: time.now) { session in
            guard let timer = try runningTimer(session) else { throw DomainError.noRunningTimer }
            return (timer, try record(.cancelTimer, occurred: time.now, metadata: metadata, session))
        }
    }

    /// `journal log activity --from --to`: the span as activities, one per local day, in one atomic append.
    /// `command` is the activity without minutes; each part gets its own.
    public func recordSpan(_ command: Command, from: Instant, to: Instant, commandName: String) throws -> [Recorded] {
        guard case .logActivity(let text, let goal, let milestone, _, let tags, let force) = command else {
            throw AppError.appendRecordedNothing(stream: "")
        }
        let pieces = try DaySpans.checked(from: from, to: to, now: time.now, time: time)
        let metadata = try EventMetadata.of(command: commandName)
        return try store.write(recordedAt: time.now) { session in
            try pieces.map { piece in
                try record(.logActivity(text: text, goal: goal, milestone: milestone, minutes: piece.minutes, tags: tags, force: force),
                           occurred: piece.at, metadata: metadata, session)
            }
        }
    }

    private func stop(at end: Instant, note: String?, metadata: String, _ session: Store.Session) throws -> TimerStop {
        guard let timer = try runningTimer(session) else { throw DomainError.noRunningTimer }
        // The stop's own rules (a running timer, an end neither before its start nor after now) before any append.
        _ = try Decider.decide(.stopTimer(activities: []), DecisionState(timer: timer, occurredAt: end, now: time.now))
        var text = timer.text
        if let note = try Validate.optionalText(note, what: "note") { text += ": " + note }
        // The goal was checked active when the timer started: a span that runs into a new quarter keeps its link.
        let activities = try DaySpans.pieces(from: timer.startedAt, to: end, time: time).map { piece in
            try record(.logActivity(text: text, goal: timer.goal, milestone: timer.milestone, minutes: piece.minutes,
                                    tags: timer.tags, force: true), occurred: piece.at, metadata: metadata, session)
        }
        let stopped = try record(.stopTimer(activities: activities.map(\.event.eventId)), occurred: end, metadata: metadata, session)
        return TimerStop(timer: timer, end: end, activities: activities, stopped: stopped)
    }

    /// An amendment appends to two streams at once: the retraction to the original's, the corrected entry to its
    /// (new) day's, which may be the same stream. The retraction happens now; the entry keeps the original's time
    /// unless it moves.
    private func recordAmendment(_ command: Command, reference: String, amendment: ActivityAmendment, metadata: String,
                                 _ session: Store.Session) throws -> Recorded {
        var state = DecisionState(today: time.today)
        var newOccurred = amendment.occurredAt ?? time.now
        var stream = ""
        if let found = try target(of: reference, session), let original = found.event {
            let activity: ActivityLogged? = if case .activityLogged(let a) = original.event { a } else { nil }
            newOccurred = amendment.occurredAt ?? original.occurredAt
            stream = found.stream
            state.amendTarget = AmendTarget(event: found.target, activity: activity, occurredAt: original.occurredAt,
                                            day: time.localDate(of: original.occurredAt))
            state.occurredOn = time.localDate(of: newOccurred)
            let key: String? = switch amendment.link {
            case .keep: activity?.goal
            case .unlink: nil
            case .goal(let key, _): key
            }
            if let key {
                let goalEvents = try envelopes(session.readStream(StreamName.goal(key)))
                state.goal = GoalState.replay(goalEvents)
                let retracted = Retractions.targets(in: goalEvents)
                state.goalActiveDays = GoalActiveDays(events: goalEvents.filter { !retracted.contains($0.eventId) },
                                                      localDate: time.localDate(of:))
            }
        }
        let events = try Decider.decide(command, state)
        guard events.count == 2, let change = events.last else { throw AppError.appendRecordedNothing(stream: stream) }
        let entryStream = StreamName.activities(time.localDate(of: newOccurred))
        func fresh(_ event: JournalEvent, at instant: Instant) throws -> NewEvent {
            NewEvent(eventId: UUID().uuidString.lowercased(), type: event.type, schemaVersion: event.schemaVersion,
                     payload: try event.payloadJSON(), metadata: metadata, occurredAt: instant)
        }
        let retraction = try fresh(events[0], at: time.now), entry = try fresh(change, at: newOccurred)
        let batches = entryStream == stream
            ? [AppendBatch(stream: stream, expected: .exact(try session.streamVersion(stream)), events: [retraction, entry])]
            : [AppendBatch(stream: stream, expected: .exact(try session.streamVersion(stream)), events: [retraction]),
               AppendBatch(stream: entryStream, expected: .exact(try session.streamVersion(entryStream)), events: [entry])]
        let recorded = try session.append(batches)
        guard let last = recorded.last else { throw AppError.appendRecordedNothing(stream: entryStream) }
        return Recorded(event: last, change: change, goal: state.goal, target: state.amendTarget?.event, goalsInQuarter: nil,
                        previousDirection: nil)
    }

    private func envelopes(_ events: [RecordedEvent]) throws -> [Envelope] {
        try events.map { try $0.envelope() }
    }

    private func freeGoalKey(for title: String, _ session: Store.Session) throws -> String {
        for candidate in GoalKey.candidates(for: GoalKey.base(for: title)) {
            // A former key still names its goal, so it is not free either.
            if GoalState.replay(try envelopes(session.readStream(StreamName.goal(candidate)))) == nil,
               try session.goalHolding(key: candidate) == nil { return candidate }
        }
        throw AppError.noFreeGoalKey(title: title)
    }

    private func directionState(_ key: String, _ session: Store.Session) throws -> DirectionState? {
        DirectionState.replay(try envelopes(session.readStream(StreamName.direction(key))))
    }

    /// Finds the event a retraction names: a position (digits) or an event id.
    private func target(of reference: String, _ session: Store.Session)
        throws -> (target: RetractTarget, stream: String, streamEvents: [Envelope], event: Envelope?)? {
        let trimmed = reference.trimmingCharacters(in: .whitespaces)
        let event: RecordedEvent?
        if !trimmed.isEmpty, trimmed.utf8.count <= 18, trimmed.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }),
           let position = Int64(trimmed) {
            event = try session.event(atPosition: position)
        } else {
            event = try session.event(withId: trimmed.lowercased())
        }
        guard let event else { return nil }
        let streamEvents = try envelopes(session.readStream(event.streamId))
        let retracted = Retractions.targets(in: streamEvents).contains(event.eventId)
        return (RetractTarget(eventId: event.eventId, position: event.position, type: event.type, alreadyRetracted: retracted),
                event.streamId, streamEvents, streamEvents.first { $0.eventId == event.eventId })
    }

}

/// What `journal start` recorded: the timer it stopped first, if one was running, and the new one.
public struct TimerStart: Sendable {
    public let stopped: TimerStop?
    public let started: Recorded
    public let timer: RunningTimer
}

/// What a stop recorded: the timer, its end, its activities (one per local day; none under a minute), the stop.
public struct TimerStop: Sendable {
    public let timer: RunningTimer
    public let end: Instant
    public let activities: [Recorded]
    public let stopped: Recorded

    public var minutes: Int { activities.reduce(0) { total, r in
        if case .activityLogged(let a) = r.change { return total + (a.minutes ?? 0) }
        return total
    } }
}

/// The metadata every event a command records carries: which command, and which journal.
public enum EventMetadata {
    public static func of(command: String) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(["command": command, "client": "journal/\(JournalVersion.current)"])
        return String(decoding: data, as: UTF8.self)
    }
}

/// What a dry run throws to roll its transaction back, carrying what it would have recorded.
private struct RolledBack: Error { let recorded: [Recorded] }

public enum JournalVersion {
    public static let current = "0.1.0"
}
