import Foundation
import JournalDomain
import JournalStore

/// Journals shaped to load one read path rather than to look like a life (the scaling benchmark,
/// Tools/bench-milestones.sh): all in the quarter holding --end, deterministic for a seed.
///
/// - `milestones`: one goal with `count` milestones (numbers 1...count, weeks 1-13, two thirds done), as many
///   activities linked to it, a progress reading every 20 milestones, a few revisions and retractions; two small
///   goals beside it.
/// - `activities`: three goals of six milestones each and `count` activities spread over the quarter's days
///   (60% linked, some with tags, 0.5% retracted).
/// - `goals`: `count` goals in the quarter (past the third, insisted on, as `--force` records them), each serving
///   a direction of its own, with two milestones (one done), a progress reading and two linked activities; every
///   tenth is dropped.
struct StressJournal {
    enum Shape: String { case milestones, activities, goals }

    let shape: Shape
    let count: Int
    let quarter: Quarter
    let seed: UInt64

    /// One event to write, with the stream it goes to and when it occurred.
    private struct Planned {
        let occurredAt: Instant
        let stream: String
        let event: JournalEvent
        /// Set when a later retraction names this event.
        var tag: Int?
        var retractsTag: Int?
        let sequence: Int
    }

    private struct Plan {
        var events: [Planned] = []
        mutating func add(_ event: JournalEvent, stream: String, at: Instant, tag: Int? = nil, retracts: Int? = nil) {
            events.append(Planned(occurredAt: at, stream: stream, event: event, tag: tag, retractsTag: retracts,
                                  sequence: events.count))
        }
    }

    static let mainGoal = "big-plan"

    func write(to store: SQLiteEventStore) throws -> Generator.Summary {
        var rng = SeededRandom(seed: seed &+ 0x57E5)
        var plan = Plan()
        let first = quarter.firstDay.dayNumber, last = quarter.lastDay.dayNumber
        let setupDay = first - 3
        plan.add(.directionSet(DirectionSet(key: "career", title: "Grow into a staff engineer", by: String(quarter.year + 3))),
                 stream: StreamName.direction("career"), at: Planner.at(setupDay, 8 * 3600))
        plan.add(.partnerNamed(PartnerNamed(name: "Sam")), stream: StreamName.partner, at: Planner.at(setupDay, 8 * 3600 + 60))

        func setGoal(_ key: String, _ title: String, milestones: Int, at second: Int, direction: String = "career",
                     forced: Bool? = nil) {
            let stream = StreamName.goal(key)
            plan.add(.goalSet(GoalSet(key: key, title: title, quarter: quarter, metric: "chapters written", target: 100,
                                      unit: "chapters", due: quarter.lastDay, direction: direction, confidence: 70,
                                      forced: forced)),
                     stream: stream, at: Planner.at(setupDay, second))
            for number in 1...max(milestones, 1) where milestones > 0 {
                let week = (number - 1) % Quarter.weekCount + 1
                let planned = Planner.at(first + (number - 1) % 5, 9 * 3600 + (number / 5) % 36_000)
                plan.add(.milestonePlanned(MilestonePlanned(goal: key, number: number, title: "Milestone \(number) of \(title)",
                                                            weeks: WeekSpan(first: week, last: min(week + 1, Quarter.weekCount)))),
                         stream: stream, at: planned)
                guard number % 3 != 0, let days = quarter.days(ofWeek: week) else { continue }
                let doneDay = rng.int(max(days.lowerBound.dayNumber, first + 5)...max(days.upperBound.dayNumber, first + 5))
                plan.add(.milestoneDone(MilestoneDone(goal: key, number: number)), stream: stream,
                         at: Planner.at(min(doneDay, last), rng.int(10 * 3600...20 * 3600)))
            }
        }

        var tags = 0
        func activity(goal: String?, milestones: Int, day: Int) {
            let milestone = goal != nil && milestones > 0 && rng.chance(0.5) ? rng.int(1...milestones) : nil
            let text = goal == nil ? rng.pick(Catalog.unlinkedActivities) : "Worked on \(goal ?? "")"
            let tagged = rng.chance(0.1) ? ["deep-work"] : []
            let at = Planner.at(day, rng.int(6 * 3600...21 * 3600))
            let stream = StreamName.activities(LocalDate(dayNumber: day))
            let event = JournalEvent.activityLogged(ActivityLogged(text: text, goal: goal, milestone: milestone,
                                                                   minutes: Catalog.minutes[rng.weighted(Catalog.minuteWeights)],
                                                                   tags: tagged))
            if rng.chance(0.005) {
                tags += 1
                plan.add(event, stream: stream, at: at, tag: tags)
                plan.add(.eventRetracted(EventRetracted(target: "", targetType: event.type, reason: "Logged twice")),
                         stream: stream, at: Instant(millisecondsSinceEpoch: at.millisecondsSinceEpoch + 60_000), retracts: tags)
            } else {
                plan.add(event, stream: stream, at: at)
            }
        }

        switch shape {
        case .milestones:
            setGoal(Self.mainGoal, "Write the book", milestones: count, at: 9 * 3600)
            setGoal("side-goal", "Pass the exam", milestones: 3, at: 9 * 3600 + 60)
            setGoal("third-goal", "Run a 10k", milestones: 0, at: 9 * 3600 + 120)
            let stream = StreamName.goal(Self.mainGoal)
            for reading in 0..<(count / 20) {
                plan.add(.progressMeasured(ProgressMeasured(goal: Self.mainGoal, amount: 1, note: "Reading \(reading + 1)")),
                         stream: stream, at: Planner.at(first + 5 + reading % 80, 21 * 3600))
            }
            for i in 0..<4 {
                let from = quarter.lastDay.adding(days: -i), to = quarter.lastDay.adding(days: -i - 1)
                plan.add(.goalRevised(GoalRevised(goal: Self.mainGoal, changes: [FieldChange(field: .due, from: .text(from.description),
                                                                                             to: .text(to.description))],
                                                  reason: "Replanned")),
                         stream: stream, at: Planner.at(first + 20 * (i + 1), 12 * 3600))
            }
            for _ in 0..<count { activity(goal: Self.mainGoal, milestones: count, day: rng.int(first...last)) }
        case .activities:
            let keys = [Self.mainGoal, "side-goal", "third-goal"]
            for (i, key) in keys.enumerated() { setGoal(key, "Goal \(i + 1)", milestones: 6, at: 9 * 3600 + 60 * i) }
            let days = last - first + 1
            for i in 0..<count {
                let goal: String? = rng.chance(0.6) ? rng.pick(keys) : nil
                activity(goal: goal, milestones: goal == nil ? 0 : 6, day: first + i * days / max(count, 1))
            }
        case .goals:
            for i in 1...count {
                let key = i == 1 ? Self.mainGoal : "goal-\(i)", direction = "direction-\(i)"
                let second = 9 * 3600 + i % 36_000
                plan.add(.directionSet(DirectionSet(key: direction, title: "Direction \(i)", by: String(quarter.year + 2))),
                         stream: StreamName.direction(direction), at: Planner.at(setupDay - 1, second))
                setGoal(key, "Goal \(i)", milestones: 2, at: second, direction: direction, forced: i > 3 ? true : nil)
                let stream = StreamName.goal(key)
                plan.add(.progressMeasured(ProgressMeasured(goal: key, amount: 10)), stream: stream,
                         at: Planner.at(first + 20 + i % 40, 21 * 3600))
                for _ in 0..<2 { activity(goal: key, milestones: 2, day: rng.int(first...last)) }
                if i % 10 == 0 {
                    plan.add(.goalDropped(GoalDropped(goal: key, reason: "No time for goal \(i)")), stream: stream,
                             at: Planner.at(first + 60, 12 * 3600))
                }
            }
        }

        return try write(plan.events, to: store)
    }

    /// Writes the plan in time order, one transaction per day, as journal-gen's main generator does.
    private func write(_ planned: [Planned], to store: SQLiteEventStore) throws -> Generator.Summary {
        var ids = SeededRandom(seed: seed ^ 0x5_7E55)
        let ordered = planned.sorted { ($0.occurredAt, $0.sequence) < ($1.occurredAt, $1.sequence) }
        var versions: [String: Int] = [:]
        var tagIds: [Int: String] = [:]
        var goals = Set<String>()
        var written = 0
        var start = 0
        while start < ordered.count {
            let day = LocalDate(dayNumber: Int(ordered[start].occurredAt.millisecondsSinceEpoch / 86_400_000))
            var end = start
            while end < ordered.count,
                  Int(ordered[end].occurredAt.millisecondsSinceEpoch / 86_400_000) == day.dayNumber { end += 1 }
            var batches: [AppendBatch] = []
            for item in ordered[start..<end] {
                let id = ids.uuid()
                var event = item.event
                if let tag = item.tag { tagIds[tag] = id }
                if let tag = item.retractsTag, case .eventRetracted(var retraction) = event {
                    guard let target = tagIds[tag] else { continue }
                    retraction.target = target
                    event = .eventRetracted(retraction)
                }
                let fresh = NewEvent(eventId: id, type: event.type, schemaVersion: event.schemaVersion,
                                     payload: try event.payloadJSON(), metadata: "{\"client\":\"journal-gen/0.1.0\"}",
                                     occurredAt: item.occurredAt)
                if let lastBatch = batches.last, lastBatch.stream == item.stream {
                    batches[batches.count - 1].events.append(fresh)
                } else {
                    batches.append(AppendBatch(stream: item.stream, expected: .exact(versions[item.stream] ?? 0), events: [fresh]))
                }
                versions[item.stream, default: 0] += 1
                if case .goalSet(let e) = event { goals.insert(e.key) }
            }
            let recordedAt = Instant(millisecondsSinceEpoch: ordered[end - 1].occurredAt.millisecondsSinceEpoch + 60_000)
            written += try store.write(recordedAt: recordedAt) { session in
                try session.append(batches).count
            }
            start = end
        }
        return Generator.Summary(events: written, streams: versions.count, goals: goals.count,
                                 from: LocalDate(dayNumber: quarter.firstDay.dayNumber - 3), to: quarter.lastDay)
    }
}
