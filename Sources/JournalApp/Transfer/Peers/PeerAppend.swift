import JournalDomain
import JournalStore

/// Records a plan's activities in one write transaction: every --map's goal must exist, each activity is
/// decided by the journal's own rules, and ids already in the log are left as they are. All or nothing.
struct PeerAppend {
    let source: PeerSource
    let maps: [PeerMap]
    let time: TimeContext
    /// The metadata every appended event carries (the command and client that recorded it).
    let metadata: String
    /// Hears of the records decided so far, of all the plan's, every `progressChunk`.
    var progress: ProgressHandler? = nil

    struct Outcome: Equatable {
        let added: Int
        let alreadyHere: Int
        /// Of those already here, how many the file or the maps would now record differently: the log keeps
        /// what the first import recorded (a retraction and a new `journal log activity` change it).
        let differing: Int
    }

    func append(_ plan: PeerPlan, to store: SQLiteEventStore) throws -> Outcome {
        return try store.write(recordedAt: time.now) { session in
            let goals = try mappedGoals(session)
            var batches: [AppendBatch] = []
            var alreadyHere = 0, differing = 0
            let total = Int64(plan.activities.count)
            for (index, planned) in plan.activities.sorted(by: { ($0.occurredAt, $0.eventId) < ($1.occurredAt, $1.eventId) }).enumerated() {
                if let progress, Int64(index) % progressChunk == 0 { progress(Int64(index), total) }
                let event = try decide(planned, goals: goals)
                let payload = try event.payloadJSON()
                if let stored = try session.event(withId: planned.eventId) {
                    alreadyHere += 1
                    if stored.payload != payload || stored.occurredAt != planned.occurredAt { differing += 1 }
                    continue
                }
                let new = NewEvent(eventId: planned.eventId, type: event.type, schemaVersion: event.schemaVersion,
                                   payload: payload, metadata: metadata, occurredAt: planned.occurredAt)
                let stream = StreamName.activities(time.localDate(of: planned.occurredAt))
                if batches.last?.stream == stream {
                    batches[batches.count - 1].events.append(new)
                } else {
                    batches.append(AppendBatch(stream: stream, expected: .any, events: [new]))
                }
            }
            let added = try session.appendCounting(batches)
            progress?(total, total)
            return Outcome(added: added, alreadyHere: alreadyHere, differing: differing)
        }
    }

    /// The goal of every --map, as it stands: a map to a goal (or milestone) this journal lacks refuses the file.
    private func mappedGoals(_ session: some WriteSession) throws -> [String: GoalState] {
        var goals: [String: GoalState] = [:]
        for map in maps {
            // A former key names its goal here too; the activities store the goal's identity.
            let identity = try session.goalHolding(key: map.goal)?.goal ?? map.goal
            let stream = try session.readStream(StreamName.goal(identity)).map { try $0.envelope() }
            guard let goal = GoalState.replay(stream) else {
                throw AppError.mapUnknownGoal(given: map.given, goal: map.goal)
            }
            if let number = map.milestone, goal.milestones[number] == nil {
                throw AppError.mapUnknownMilestone(given: map.given, goal: map.goal, number: number)
            }
            goals[map.goal] = goal
        }
        return goals
    }

    /// The activity as `journal log activity` would record it, by the same rules.
    private func decide(_ planned: PlannedActivity, goals: [String: GoalState]) throws -> JournalEvent {
        let a = planned.activity
        let state = DecisionState(goal: a.goal.flatMap { goals[$0] }, occurredOn: time.localDate(of: planned.occurredAt),
                                  today: time.today)
        do {
            // Forced: another tool's history spans many quarters, and its --map names one goal for all of it;
            // insights count the entries outside that goal's active days as linked to no goal.
            guard let event = try Decider.decide(.logActivity(text: a.text, goal: a.goal.map { goals[$0]?.id ?? $0 }, milestone: a.milestone,
                                                             minutes: a.minutes, tags: a.tags, force: true), state).first else {
                throw AppError.peerRecordDecidedNothing(record: planned.record)
            }
            // What every event in the log must satisfy, the time above all (a record of year 1 is no activity).
            try EventRules.check(event, stream: StreamName.activities(time.localDate(of: planned.occurredAt)),
                                 occurredAt: planned.occurredAt, recordedAt: time.now)
            return event
        } catch let error as DomainError {
            throw AppError.peerRecordRefused(file: source.file, record: planned.record, reason: error)
        }
    }
}
