import Foundation
import JournalDomain
import JournalStore

/// Turns the planner's skeleton into exactly `--events` events: the rest of the budget is activities, spread over
/// the days by weight (weekdays more than weekends, a few heavy days, quiet holiday weeks), then everything is
/// written day by day, one transaction per simulated day, through `SQLiteEventStore.write`.
struct Generator {
    let options: Options
    let quarters: [Quarter]
    let startDay: Int
    let endDay: Int
    let firstActivityDay: Int
    /// Skeleton events by the day they are recorded on (index: day - startDay).
    let skeleton: [[PlannedEvent]]
    let skeletonCount: Int
    /// Goals set on or before --end.
    let goalCount: Int
    let goals: [GoalPlan]
    let windows: [GoalWindow]
    let focus: [Double]
    /// Activities per day (index: day - startDay), summing to events - skeletonCount.
    let activityCounts: [Int]

    struct Summary {
        let events: Int
        let streams: Int
        let goals: Int
        let from: LocalDate
        let to: LocalDate
    }

    init(options: Options) throws {
        self.options = options
        let last = options.end.quarter
        var list = [last]
        while list.count < options.years * 4 { list.insert(list[0].previous, at: 0) }
        quarters = list
        endDay = options.end.dayNumber
        firstActivityDay = list[0].firstDay.dayNumber
        startDay = firstActivityDay - 5

        var planner = Planner(quarters: list, endDay: endDay, seed: options.seed)
        planner.run()
        var byDay = [[PlannedEvent]](repeating: [], count: endDay - startDay + 1)
        var count = 0
        var goalsSet = 0
        for event in planner.events {
            let day = Int(event.recordAt.utcParts.date.dayNumber)
            guard day <= endDay else { continue }  // the simulation ran past --end: those never happened
            byDay[day - startDay].append(event)
            count += 1
            if case .goalSet = event.event { goalsSet += 1 }
        }
        goalCount = goalsSet
        skeleton = byDay
        skeletonCount = count
        goals = planner.goals
        let lastDay = endDay
        windows = planner.windows.filter { $0.from <= lastDay }
        focus = planner.focus

        let activities = options.events - count
        guard activities >= 0 else {
            throw GenError.refused("--events \(options.events) is too few for \(options.years) years: the goals, milestones and reviews alone take \(count) events; ask for more events or fewer years")
        }
        activityCounts = Generator.allocate(activities, days: endDay - startDay + 1, startDay: startDay,
                                            firstActivityDay: firstActivityDay, seed: options.seed &+ 0x5EED)
    }

    /// Spreads `total` activities over the days by weight, with the largest-remainder method: exact and deterministic.
    static func allocate(_ total: Int, days: Int, startDay: Int, firstActivityDay: Int, seed: UInt64) -> [Int] {
        var rng = SeededRandom(seed: seed)
        var weights = [Double](repeating: 0, count: days)
        var quarterIntensity = 1.0
        var holidayUntil = Int.min
        for i in 0..<days {
            let day = startDay + i
            guard day >= firstActivityDay else { continue }
            let date = LocalDate(dayNumber: day)
            if date.day == 1, (date.month - 1) % 3 == 0 { quarterIntensity = 0.7 + 0.6 * rng.unit() }
            if day > holidayUntil, (date.month == 8 || date.month == 12), date.day <= 20, rng.chance(0.04) {
                holidayUntil = day + rng.int(6...13)
            }
            var w = [1.0, 1.0, 1.0, 1.0, 0.9, 0.45, 0.3][date.isoWeekday - 1] * quarterIntensity
            if rng.chance(0.08) { w *= 3 }        // heavy days
            if rng.chance(0.05) { w *= 0.1 }      // days off
            if day <= holidayUntil { w *= 0.08 }
            weights[i] = w
        }
        let sum = weights.reduce(0, +)
        guard sum > 0, total > 0 else { return [Int](repeating: 0, count: days) }
        var counts = [Int](repeating: 0, count: days)
        var remainders: [(Double, Int)] = []
        var given = 0
        for i in 0..<days {
            let exact = Double(total) * weights[i] / sum
            counts[i] = Int(exact)
            given += counts[i]
            remainders.append((exact - Double(counts[i]), i))
        }
        remainders.sort { $0.0 != $1.0 ? $0.0 > $1.0 : $0.1 < $1.1 }
        var k = 0
        while given < total {
            counts[remainders[k % remainders.count].1] += 1
            given += 1
            k += 1
        }
        return counts
    }

    static let metadata: [String: String] = {
        var table: [String: String] = [:]
        for command in ["log activity", "log goal", "log milestone", "log done", "log progress", "log revise", "log complete",
                        "log drop", "log review", "log partner", "log direction", "log retract", "plan"] {
            table[command] = "{\"client\":\"journal-gen/0.1.0\",\"command\":\"\(command)\"}"
        }
        return table
    }()

    func write(to store: SQLiteEventStore) throws -> Summary {
        var ids = SeededRandom(seed: options.seed ^ 0x1D5_0F_E7E27)
        var rng = SeededRandom(seed: options.seed &+ 0xAC71_7171)
        var versions: [String: Int] = [:]
        var streamCount = 0
        var tagIds: [Int: String] = [:]
        var written = 0
        var carry: [PlannedEvent] = []  // activities of yesterday, logged this morning
        var sequence = skeletonCount
        let progress = isatty(2) != 0 && !options.quiet
        var nextReport = options.events / 10

        let firstQuarter = quarters[0]
        func quarterIndex(_ date: LocalDate) -> Int {
            max(0, (date.year - firstQuarter.year) * 4 + (date.quarter.number - firstQuarter.number))
        }
        // Windows by start day, swept as the days go by.
        let sortedWindows = windows.sorted { $0.from != $1.from ? $0.from < $1.from : $0.goal < $1.goal }
        var nextWindow = 0
        var open: [GoalWindow] = []

        for day in startDay...endDay {
            let i = day - startDay
            let date = LocalDate(dayNumber: day)
            var todays = carry + skeleton[i]
            carry = []

            while nextWindow < sortedWindows.count, sortedWindows[nextWindow].from <= day {
                open.append(sortedWindows[nextWindow])
                nextWindow += 1
            }
            open.removeAll { $0.to < day }

            let stream = StreamName.activities(date)
            let linkedShare = focus[min(quarterIndex(date), focus.count - 1)]
            for _ in 0..<activityCounts[i] {
                let second = rng.int(6 * 3600 + 1800...23 * 3600 + 1800)
                let minutes = Catalog.minutes[rng.weighted(Catalog.minuteWeights)]
                var activity: ActivityLogged
                if !open.isEmpty, rng.chance(linkedShare) {
                    let window = open[rng.int(0...(open.count - 1))]
                    let goal = goals[window.goal]
                    var text = rng.pick(goal.template.activities)
                    if Catalog.numbered.contains(text) { text += " " + String(rng.int(1...12)) }
                    // Mostly the milestone being worked on (the first one not done yet), sometimes another open one.
                    let candidates = window.milestones.filter { $0.plannedDay < day && ($0.doneDay.map { day <= $0 } ?? true) }
                    var milestone: Int?
                    if !candidates.isEmpty, rng.chance(0.55) {
                        milestone = rng.chance(0.75) ? candidates[0].number : rng.pick(candidates).number
                    }
                    activity = ActivityLogged(text: text, goal: goal.key, milestone: milestone, minutes: minutes)
                } else {
                    activity = ActivityLogged(text: rng.pick(Catalog.unlinkedActivities), minutes: rng.chance(0.95) ? minutes : nil)
                }
                let occurred = Planner.at(day, second)
                sequence += 1
                var planned = PlannedEvent(recordAt: occurred, occurredAt: occurred, stream: stream, event: .activityLogged(activity),
                                           command: "log activity", sequence: sequence)
                if day < endDay, rng.chance(0.03) {
                    // Forgot to log it: typed in the next morning with --on yesterday.
                    planned.recordAt = Planner.at(day + 1, rng.int(7 * 3600...9 * 3600))
                    carry.append(planned)
                } else {
                    todays.append(planned)
                }
            }
            guard !todays.isEmpty else { continue }
            todays.sort { $0.recordAt != $1.recordAt ? $0.recordAt < $1.recordAt : $0.sequence < $1.sequence }

            // One run of consecutive events on the same stream is one batch; batches keep the typing order.
            var batches: [AppendBatch] = []
            for planned in todays {
                let id = ids.uuid()
                var event = planned.event
                if let tag = planned.tag { tagIds[tag] = id }
                if let target = planned.retractsTag, case .eventRetracted(var retraction) = event {
                    guard let targetId = tagIds[target] else { continue }
                    retraction.target = targetId
                    event = .eventRetracted(retraction)
                }
                let fresh = NewEvent(eventId: id, type: event.type, schemaVersion: event.schemaVersion,
                                     payload: try event.payloadJSON(), metadata: Generator.metadata[planned.command]!,
                                     occurredAt: planned.occurredAt)
                if let lastBatch = batches.last, lastBatch.stream == planned.stream {
                    batches[batches.count - 1].events.append(fresh)
                } else {
                    let version = versions[planned.stream] ?? 0
                    if version == 0 { streamCount += 1 }
                    batches.append(AppendBatch(stream: planned.stream, expected: .exact(version), events: [fresh]))
                }
                versions[planned.stream, default: 0] += 1
            }
            let lastTyped = todays.map(\.recordAt).max()!
            let recordedAt = Instant(millisecondsSinceEpoch: lastTyped.millisecondsSinceEpoch + Int64(rng.int(20...300)) * 1000)
            let count = try store.write(recordedAt: recordedAt) { session in
                try session.append(batches).count
            }
            written += count
            if progress, written >= nextReport {
                FileHandle.standardError.write(Data("journal-gen: \(written) events written (\(date))\r".utf8))
                nextReport += options.events / 10
            }
        }
        if progress { FileHandle.standardError.write(Data("\n".utf8)) }
        guard written == options.events else {
            throw GenError.refused("wrote \(written) events instead of \(options.events) (a generator bug)")
        }
        return Summary(events: written, streams: streamCount, goals: goalCount, from: quarters[0].firstDay, to: options.end)
    }
}
