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
        if case .amendActivity(let reference, let amendment, _, _) = command {
            return try recordAmendment(command, reference: reference, amendment: amendment, metadata: metadata, session)
        }
        var command = command
        var state = DecisionState(occurredOn: time.localDate(of: occurred), today: time.today)
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
                if let after { state.quarterGoals = try session.goalKeys(in: after.quarter).filter { $0 != after.key } }
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
            if GoalState.replay(try envelopes(session.readStream(StreamName.goal(candidate)))) == nil { return candidate }
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
