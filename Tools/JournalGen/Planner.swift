import Foundation
import JournalDomain

/// One event of the journal's plan (everything but the bulk of activities): when the user typed it,
/// when it happened (earlier for backdated entries), its stream and, for goal events, where the goal now stands.
struct PlannedEvent {
    var recordAt: Instant
    var occurredAt: Instant
    var stream: String
    var event: JournalEvent
    var command: String
    /// Marks an event a later retraction names (its id is only drawn when it is written).
    var tag: Int?
    var retractsTag: Int?
    /// Creation order: ties between events typed in the same second keep it.
    var sequence: Int
}

/// The days an activity may be linked to a goal, and the milestones open for linking in that stretch.
struct GoalWindow {
    let goal: Int
    let from: Int
    let to: Int
    /// (number, planned on day, done on day or nil)
    var milestones: [(number: Int, plannedDay: Int, doneDay: Int?)]
}

final class GoalPlan {
    let key: String
    let title: String
    let template: GoalTemplate
    var quarter: Quarter
    var metric: String?
    var target: Double?
    let unit: String?
    var due: LocalDate?
    let direction: String?
    let confidence: Int?
    var status: GoalStatus = .active
    /// The day it was completed or dropped (nil while open).
    var closedOn: Int?
    var nextMilestone = 1
    var current: Double = 0

    init(key: String, title: String, template: GoalTemplate, quarter: Quarter, metric: String?, target: Double?,
         unit: String?, due: LocalDate?, direction: String?, confidence: Int?) {
        self.key = key
        self.title = title
        self.template = template
        self.quarter = quarter
        self.metric = metric
        self.target = target
        self.unit = unit
        self.due = due
        self.direction = direction
        self.confidence = confidence
    }
}

/// Simulates the person: directions every few years, a partner, a sprint of one to three goals every quarter with
/// weekly milestones done on time, late or never, progress, revisions, completions and drops, carry-overs, a review
/// per quarter, and a few mistaken activities retracted. Days are day numbers (days since 1970-01-01, UTC).
struct Planner {
    let quarters: [Quarter]
    let endDay: Int
    var rng: SeededRandom

    private(set) var events: [PlannedEvent] = []
    private(set) var goals: [GoalPlan] = []
    private(set) var windows: [GoalWindow] = []
    /// Per quarter: the share of activities linked to a goal (low in "busy" quarters).
    private(set) var focus: [Double] = []
    private var usedKeys = Set<String>()
    private var usedDirectionKeys = Set<String>()
    private var nextTag = 0
    private var activeDirections: [String] = []

    init(quarters: [Quarter], endDay: Int, seed: UInt64) {
        self.quarters = quarters
        self.endDay = endDay
        self.rng = SeededRandom(seed: seed)
    }

    static func at(_ day: Int, _ secondOfDay: Int) -> Instant {
        Instant(millisecondsSinceEpoch: (Int64(day) * 86_400 + Int64(secondOfDay)) * 1000)
    }

    private mutating func emit(_ event: JournalEvent, stream: String, command: String, day: Int, second: Int,
                               recordDay: Int? = nil, recordSecond: Int? = nil,
                               tag: Int? = nil, retracts: Int? = nil) {
        let occurred = Planner.at(day, second)
        let recorded = Planner.at(recordDay ?? day, recordSecond ?? second)
        events.append(PlannedEvent(recordAt: max(recorded, occurred), occurredAt: occurred, stream: stream, event: event,
                                   command: command, tag: tag, retractsTag: retracts, sequence: events.count))
    }

    mutating func run() {
        var carried: [Int] = []
        var nextDirectionChange = 0
        var nextPartnerChange = 0
        var yearOfLastDirectionUpdate = 0
        for (qi, quarter) in quarters.enumerated() {
            let first = quarter.firstDay.dayNumber, last = quarter.lastDay.dayNumber
            focus.append(rng.chance(0.15) ? 0.35 + 0.2 * rng.unit() : 0.6 + 0.32 * rng.unit())
            let planDay = qi == 0 ? first - 1 : first - rng.int(0...3)
            var clock = 19 * 3600 + rng.int(0...60) * 60
            func tick(_ clock: inout Int) -> Int { clock = min(clock + 60 * rng.int(1...3), 86_340); return clock }

            if qi == nextDirectionChange {
                let keep = activeDirections.last.flatMap { rng.chance(0.25) ? $0 : nil }
                let title = rng.pick(Catalog.directions)
                var key = ""
                for candidate in GoalKey.candidates(for: GoalKey.base(for: title, fallback: "direction"))
                where !usedDirectionKeys.contains(candidate) { key = candidate; break }
                usedDirectionKeys.insert(key)
                emit(.directionSet(DirectionSet(key: key, title: title, by: String(quarter.year + rng.int(3...5)))),
                     stream: StreamName.direction(key), command: "log direction", day: planDay - 1, second: tick(&clock))
                activeDirections = (keep.map { [$0] } ?? []) + [key]
                nextDirectionChange = qi + rng.int(12...20)
                yearOfLastDirectionUpdate = quarter.year
            } else if quarter.number == 1, quarter.year - yearOfLastDirectionUpdate >= 2, rng.chance(0.3),
                      let key = activeDirections.last {
                // Giving an existing key updates the direction: a later horizon.
                emit(.directionSet(DirectionSet(key: key, title: rng.pick(Catalog.directions), by: String(quarter.year + rng.int(2...4)))),
                     stream: StreamName.direction(key), command: "log direction", day: planDay, second: tick(&clock))
                yearOfLastDirectionUpdate = quarter.year
            }
            if qi == nextPartnerChange {
                emit(.partnerNamed(PartnerNamed(name: rng.pick(Catalog.partners))), stream: StreamName.partner,
                     command: "log partner", day: qi == 0 ? planDay - 1 : planDay, second: tick(&clock))
                nextPartnerChange = qi + rng.int(10...24)
            }

            // Unfinished goals of last quarter move into this one (a revision with a reason).
            var sprint: [Int] = []
            for g in carried {
                let goal = goals[g]
                var changes: [FieldChange] = []
                if let due = goal.due, due < quarter.firstDay {
                    changes.append(FieldChange(field: .due, from: .text(due.description), to: .text(quarter.lastDay.description)))
                    goal.due = quarter.lastDay
                }
                changes.append(FieldChange(field: .quarter, from: .text(goal.quarter.description), to: .text(quarter.description)))
                goal.quarter = quarter
                emit(.goalRevised(GoalRevised(goal: goal.key, changes: changes, reason: rng.pick(Catalog.carryReasons))),
                     stream: StreamName.goal(goal.key), command: "plan", day: planDay, second: tick(&clock))
                sprint.append(g)
                simulate(g, in: quarter, from: planDay, clock: &clock, newMilestones: rng.int(1...3))
            }
            carried = []

            let wanted = [1, 2, 3][rng.weighted([0.25, 0.45, 0.30])]
            let fresh = max(sprint.isEmpty ? 1 : 0, wanted - sprint.count)
            var templatesUsed: [Int] = []
            for i in 0..<fresh {
                let setDay = i > 0 && rng.chance(0.2) ? first + rng.int(0...5) : planDay
                var localClock = setDay == planDay ? clock : 19 * 3600 + rng.int(0...120) * 60
                let g = newGoal(quarter, day: setDay, clock: &localClock, avoiding: &templatesUsed)
                if setDay == planDay { clock = localClock }
                sprint.append(g)
            }
            // Sometimes a goal is added during the quarter (the report counts it as drift).
            if sprint.count < 3, rng.chance(0.08) {
                let day = first + rng.int(14...45)
                var localClock = 20 * 3600
                sprint.append(newGoal(quarter, day: day, clock: &localClock, avoiding: &templatesUsed))
            }

            // A few mistaken activities, retracted the same day or the next.
            for _ in 0..<[0, 1, 2, 3][rng.weighted([0.4, 0.35, 0.2, 0.05])] {
                let day = first + rng.int(0...(last - first))
                let second = rng.int(8 * 3600...20 * 3600)
                let tag = nextTag
                nextTag += 1
                let stream = StreamName.activities(LocalDate(dayNumber: day))
                emit(.activityLogged(ActivityLogged(text: rng.pick(Catalog.unlinkedActivities), minutes: rng.pick([30, 45, 60, 90]))),
                     stream: stream, command: "log activity", day: day, second: second, tag: tag)
                let sameDay = rng.chance(0.7)
                let rday = sameDay ? day : day + 1
                let rsecond = sameDay ? min(second + rng.int(120...5400), 86_340) : rng.int(7 * 3600...9 * 3600)
                emit(.eventRetracted(EventRetracted(target: "", targetType: JournalEvent.Kind.activityLogged.rawValue,
                                                    reason: rng.pick(Catalog.mistakes))),
                     stream: stream, command: "log retract", day: rday, second: rsecond, retracts: tag)
            }

            // The review: on the quarter's last day, or a few days into the next.
            let reviewDay = min(qi == quarters.count - 1 || rng.chance(0.6) ? last : last + rng.int(1...5), endDay)
            var blockers: [Blocker] = []
            let statuses = sprint.map { goals[$0].status }
            if statuses.contains(.dropped) { blockers.append(rng.chance(0.5) ? .lostInterest : .wrongGoal) }
            if statuses.contains(.active) {
                if rng.chance(0.6) { blockers.append(.overcommitting) }
                if sprint.count == 3, rng.chance(0.5) { blockers.append(.tooManyGoals) }
            }
            if rng.chance(0.1) { blockers.append(.other) }
            let completed = sprint.filter { goals[$0].status == .completed && goals[$0].closedOn! <= reviewDay }
                .map { goals[$0].title }
            let unfinished = sprint.filter { goals[$0].status == .active }
            // Decide the carry-overs now: the review's "next" names them.
            if qi + 1 < quarters.count {
                carried = Array(unfinished.filter { _ in rng.chance(0.55) }.prefix(2))
            }
            let next = carried.isEmpty
                ? rng.pick(["Fewer goals, smaller milestones", "Keep networking monthly", "One big goal and one small one",
                            "Focus on the direction", "Lead a project"])
                : "Carry over " + carried.map { goals[$0].title }.joined(separator: "; ")
            let review = ReviewRecorded(
                quarter: quarter,
                planned: sprint.map { goals[$0].title }.joined(separator: "; "),
                accomplished: completed.isEmpty ? "No goal completed; some milestones done" : "Completed: " + completed.joined(separator: "; "),
                obstacles: rng.pick(Catalog.obstacles), learned: rng.pick(Catalog.lessons), next: next, blockers: blockers)
            emit(.reviewRecorded(review), stream: StreamName.review(quarter), command: "log review", day: reviewDay,
                 second: rng.int(18 * 3600...21 * 3600))
        }
    }

    /// Sets a new goal with its milestones on `day`, then lives its quarter.
    private mutating func newGoal(_ quarter: Quarter, day: Int, clock: inout Int, avoiding used: inout [Int]) -> Int {
        var t = rng.int(0...(Catalog.goals.count - 1))
        while used.contains(t) { t = (t + 1) % Catalog.goals.count }
        used.append(t)
        let template = Catalog.goals[t]
        let n = template.target.map { rng.int($0) }
        var title = template.title.replacingOccurrences(of: "{x}", with: rng.pick(template.fills))
        title = title.replacingOccurrences(of: "{n}", with: n.map(String.init) ?? "")
        if n == 1 { title = title.replacingOccurrences(of: "1 talks", with: "1 talk") }
        var key = ""
        // Half the time the user gives a short --key; otherwise the CLI derives one from the title.
        let base = rng.chance(0.5) ? template.key : GoalKey.base(for: title)
        for candidate in GoalKey.candidates(for: base) where !usedKeys.contains(candidate) {
            key = candidate
            break
        }
        usedKeys.insert(key)
        let withTarget = n != nil && rng.chance(0.85)
        let metric = rng.chance(0.1) ? nil : template.metric
        let first = quarter.firstDay.dayNumber, last = quarter.lastDay.dayNumber
        let due: LocalDate? = rng.chance(0.8) ? LocalDate(dayNumber: rng.chance(0.5) ? last : first + rng.int(63...(last - first))) : nil
        let direction = activeDirections.isEmpty || rng.chance(0.15) ? nil : rng.pick(activeDirections)
        let confidence = rng.chance(0.55) ? 5 * rng.int(8...19) : nil
        let goal = GoalPlan(key: key, title: title, template: template, quarter: quarter, metric: metric,
                            target: withTarget ? Double(n!) : nil, unit: withTarget ? template.unit : nil, due: due,
                            direction: direction, confidence: confidence)
        goals.append(goal)
        let g = goals.count - 1
        clock = min(clock + 60 * rng.int(1...4), 86_340)
        emit(.goalSet(GoalSet(key: key, title: title, quarter: quarter, metric: metric, target: goal.target, unit: goal.unit,
                              due: due, direction: direction, confidence: confidence)),
             stream: StreamName.goal(key), command: "log goal", day: day, second: clock)
        simulate(g, in: quarter, from: day, clock: &clock, newMilestones: rng.int(2...min(5, template.milestones.count)))
        return g
    }

    /// Plans `newMilestones` milestones on `day`, then decides the goal's quarter: milestones done on time, late or
    /// never, progress, maybe a revision, and how it ends (completed, dropped, or still open at the review).
    private mutating func simulate(_ g: Int, in quarter: Quarter, from day: Int, clock: inout Int, newMilestones m: Int) {
        let goal = goals[g]
        let first = quarter.firstDay.dayNumber, last = quarter.lastDay.dayNumber
        // Weekly milestones: the 13 weeks split into m consecutive stretches.
        var cuts = Set<Int>()
        while cuts.count < m - 1 { cuts.insert(rng.int(1...12)) }
        let bounds = [0] + cuts.sorted() + [13]
        let titles = goal.template.milestones
        var planned: [(number: Int, end: Int)] = []
        for i in 0..<m {
            let a = bounds[i] + 1, b = bounds[i + 1]
            let span = rng.chance(0.2) ? WeekSpan(first: b, last: b) : WeekSpan(first: a, last: b)
            let useDue = i == m - 1 && rng.chance(0.3)
            let dueDate = useDue ? (goal.due ?? quarter.lastDay) : nil
            let end = dueDate?.dayNumber ?? quarter.days(ofWeek: span.last)!.upperBound.dayNumber
            clock = min(clock + 60 * rng.int(1...3), 86_340)
            let number = goal.nextMilestone
            goal.nextMilestone += 1
            // The template's milestones in order; a goal carried over long enough starts a second round of them.
            let round = (number - 1) / titles.count
            let title = titles[(number - 1) % titles.count] + (round > 0 ? " (round \(round + 1))" : "")
            emit(.milestonePlanned(MilestonePlanned(goal: goal.key, number: number, title: title,
                                                    weeks: useDue ? nil : span, due: dueDate)),
                 stream: StreamName.goal(goal.key), command: "log milestone", day: day, second: clock)
            planned.append((number, end))
        }

        // How the quarter ends for this goal; a stated confidence says a little about it.
        let pComplete = (goal.template.outsideControl ? 0.25 : 0.3) + 0.45 * Double(goal.confidence ?? 60) / 100
        let fate = rng.weighted([pComplete, 0.15, max(0.05, 0.85 - pComplete)])
        var doneDays: [Int?] = planned.map { milestone in
            switch rng.weighted([0.65, 0.25, 0.10]) {
            case 0: return max(day + 1, milestone.end - rng.int(0...5))
            case 1: return max(day + 1, milestone.end + rng.int(3...20))
            default: return nil
            }
        }
        var closeDay: Int?
        switch fate {
        case 0:
            let lastDone = doneDays.compactMap { $0 }.max() ?? first + rng.int(40...80)
            var complete = max(lastDone, (goal.due?.dayNumber ?? last) - rng.int(0...10)) + rng.int(0...2)
            complete = rng.chance(0.12) ? last + rng.int(1...12) : min(complete, last)
            complete = max(complete, day + 1)
            doneDays = doneDays.map { $0.map { min($0, complete) } }
            closeDay = complete
        case 1:
            let drop = max(day + 7, first + rng.int(28...80))
            doneDays = doneDays.map { $0.flatMap { $0 < drop ? $0 : nil } }
            closeDay = drop
        default:
            let cutoff = first + rng.int(35...85)
            doneDays = doneDays.map { $0.flatMap { $0 <= cutoff ? $0 : nil } }
        }

        // Progress toward a numeric target, every week or two while the goal is open.
        if let target = goal.target {
            let until = min(closeDay ?? last - 4, last)
            var measureDays: [Int] = []
            var d = day + rng.int(5...12)
            while d < until { measureDays.append(d); d += rng.int(5...14) }
            // The whole amount to add this quarter, split into one positive whole part per measurement.
            let reach = fate == 0 ? target * (1 + 0.15 * rng.unit()) : min(target * (0.3 + 0.6 * rng.unit()), target - 1)
            let total = max(0, Int((reach - goal.current).rounded()))
            if total > 0, !measureDays.isEmpty {
                let k = min(measureDays.count, total)
                // Keep k measurement days spread over the quarter.
                measureDays = (0..<k).map { measureDays[$0 * measureDays.count / k] }
                var cuts = Set<Int>()
                while cuts.count < k - 1 { cuts.insert(rng.int(1...(total - 1))) }
                let bounds = [0] + cuts.sorted() + [total]
                for (j, measureDay) in measureDays.enumerated() {
                    let amount = Double(bounds[j + 1] - bounds[j])
                    let absolute = rng.chance(0.15)
                    goal.current += amount
                    let note = rng.chance(0.3) ? rng.pick(Catalog.progressNotes) : nil
                    emit(.progressMeasured(absolute ? ProgressMeasured(goal: goal.key, value: goal.current, note: note)
                                                    : ProgressMeasured(goal: goal.key, amount: amount, note: note)),
                         stream: StreamName.goal(goal.key), command: "log progress", day: measureDay,
                         second: rng.int(18 * 3600...22 * 3600))
                }
            }
        }

        // A revision with a reason, mid-quarter, for about a third of the goals.
        let reviseDay = first + rng.int(21...62)
        if rng.chance(0.35), reviseDay > day, reviseDay < (closeDay ?? last) {
            var changes: [FieldChange] = []
            let reason: String
            if let target = goal.target, rng.chance(0.4), target >= 2 {
                let lowered = max(1, (target * (0.6 + 0.2 * rng.unit())).rounded())
                if lowered != target {
                    changes.append(FieldChange(field: .target, from: .number(target), to: .number(lowered)))
                    goal.target = lowered
                }
                reason = rng.pick(Catalog.targetReasons)
            } else if let due = goal.due, rng.chance(0.75) {
                let later = due.adding(days: rng.int(7...21))
                changes.append(FieldChange(field: .due, from: .text(due.description), to: .text(later.description)))
                goal.due = later
                reason = rng.pick(Catalog.dueReasons)
            } else {
                let metric = rng.pick(["Measured weekly, written in my notes", "Reviewed and signed off by my lead",
                                       "Demo given to the team"])
                if metric != goal.metric {
                    changes.append(FieldChange(field: .metric, from: goal.metric.map(FieldValue.text), to: .text(metric)))
                    goal.metric = metric
                }
                reason = rng.pick(Catalog.metricReasons)
            }
            if !changes.isEmpty {
                emit(.goalRevised(GoalRevised(goal: goal.key, changes: changes, reason: reason)),
                     stream: StreamName.goal(goal.key), command: "log revise", day: reviseDay, second: rng.int(12 * 3600...21 * 3600))
            }
        }

        // Milestones done: often logged the same evening, sometimes days later (backdated).
        for (i, doneDay) in doneDays.enumerated() {
            guard let doneDay else { continue }
            let second = rng.int(9 * 3600...21 * 3600)
            var recordDay = doneDay
            if rng.chance(0.3) {
                recordDay = doneDay + rng.int(1...3)
                if fate == 1, let drop = closeDay, recordDay >= drop { recordDay = doneDay }
            }
            emit(.milestoneDone(MilestoneDone(goal: goal.key, number: planned[i].number)),
                 stream: StreamName.goal(goal.key), command: "log done", day: doneDay, second: second,
                 recordDay: recordDay, recordSecond: recordDay == doneDay ? min(second + rng.int(0...3600), 86_340) : rng.int(7 * 3600...9 * 3600))
        }

        var window = GoalWindow(goal: g, from: day + 1, to: min((closeDay ?? last + 1) - 1, last), milestones: [])
        window.milestones = planned.enumerated().map { (i, milestone) in (milestone.number, day, doneDays[i]) }
        windows.append(window)

        goal.closedOn = closeDay
        switch fate {
        case 0:
            goal.status = .completed
            let close = closeDay!
            let backdated = rng.chance(0.15)
            emit(.goalCompleted(GoalCompleted(goal: goal.key, outcome: rng.chance(0.7) ? rng.pick(Catalog.outcomes) : nil)),
                 stream: StreamName.goal(goal.key), command: "log complete", day: close, second: rng.int(17 * 3600...22 * 3600),
                 recordDay: backdated ? close + 1 : close, recordSecond: backdated ? rng.int(7 * 3600...9 * 3600) : nil)
        case 1:
            goal.status = .dropped
            emit(.goalDropped(GoalDropped(goal: goal.key, reason: rng.pick(Catalog.dropReasons))),
                 stream: StreamName.goal(goal.key), command: "log drop", day: closeDay!, second: rng.int(17 * 3600...22 * 3600))
        default:
            break
        }
    }
}
