import JournalDomain

/// What was accomplished, for a resume or a quarter report: completed goals (with their outcome) and
/// completed milestones, grouped by the quarter they were achieved in (the quarter of the local day they were
/// done, whatever quarter their goal belongs to now; newest quarter first), newest completion first within a
/// quarter. Retracted events do not count; a goal whose goal-set was retracted contributes nothing.
///
/// "Now" (`time.now`) is a parameter: what had occurred and been recorded by then. The period keeps the
/// completions whose local day falls in it (`from` and `through` inclusive, either open).
public struct Accomplishments: Equatable, Sendable {
    public let from: LocalDate?
    public let through: LocalDate?
    public let quarters: [QuarterGroup]
    /// The long-term directions the items served, newest set first (the target role leads a resume).
    public let directions: [DirectionSet]

    public struct QuarterGroup: Equatable, Sendable {
        public let quarter: Quarter
        public let items: [Item]
    }

    public enum Kind: String, Equatable, Sendable {
        case goal, milestone
    }

    public struct Item: Equatable, Sendable {
        public let kind: Kind
        /// The goal's key, or GOAL/N for a milestone.
        public let ref: String
        public let goal: String
        public let title: String
        /// What the completion recorded; always nil for milestones.
        public let outcome: String?
        public let completedAt: Instant
        /// The local day of `completedAt`.
        public let completedOn: LocalDate
        /// The log position of the completion, the tie-breaker for equal times.
        let position: Int64
        /// The goal's direction key, if it serves one.
        public let direction: String?
        /// The goal's numbers as known now (a rate goal's achieved total comes from them).
        public let target: Double?
        public let current: Double?
        public let unit: String?
        /// Whether the goal itself is completed (its target then counts as reached).
        public let goalCompleted: Bool
    }

    public var isEmpty: Bool { quarters.isEmpty }

    public init(ledger: Ledger, time: TimeContext, from: LocalDate? = nil, through: LocalDate? = nil) {
        self.from = from
        self.through = through
        let known = Knowledge(asKnownAt: time.now)
        var byQuarter: [Quarter: [Item]] = [:]
        for key in ledger.goals.keys {
            guard let goal = ledger.goal(key, at: time.now, known) else { continue }
            let events = ledger.events(ofGoal: key, at: time.now, known)
            var items: [Item] = []
            let shown = goal.shownKey
            if goal.status == .completed,
               let completion = events.last(where: { if case .goalCompleted = $0.event { true } else { false } }),
               case .goalCompleted(let e) = completion.event {
                items.append(Item(kind: .goal, ref: shown, goal: shown, title: goal.title, outcome: e.outcome,
                                  completedAt: completion.occurredAt, completedOn: time.localDate(of: completion.occurredAt),
                                  position: completion.position, direction: goal.direction, target: goal.target,
                                  current: goal.current, unit: goal.unit, goalCompleted: true))
            }
            // The last done of each milestone, found in one pass (a search per milestone was quadratic).
            var donePosition: [Int: Int64] = [:]
            for envelope in events {
                if case .milestoneDone(let e) = envelope.event { donePosition[e.number] = envelope.position }
            }
            for milestone in goal.milestones.values {
                guard let doneAt = milestone.doneAt else { continue }
                let position = donePosition[milestone.number] ?? 0
                items.append(Item(kind: .milestone, ref: "\(shown)/\(milestone.number)", goal: shown, title: milestone.title,
                                  outcome: nil, completedAt: doneAt, completedOn: time.localDate(of: doneAt),
                                  position: position, direction: goal.direction, target: nil, current: nil, unit: nil,
                                  goalCompleted: goal.status == .completed))
            }
            // A milestone done before its goal was carried into a later quarter is that earlier quarter's.
            for item in items where (from.map { item.completedOn >= $0 } ?? true) && (through.map { item.completedOn <= $0 } ?? true) {
                byQuarter[item.completedOn.quarter, default: []].append(item)
            }
        }
        let served = Set(byQuarter.values.joined().compactMap(\.direction))
        directions = ledger.directions.filter { served.contains($0.key) }
            .compactMap { key, _ in ledger.direction(key, known).map { (position: ledger.directions[key]?.last?.position ?? 0, $0) } }
            .sorted { $0.position > $1.position }.map(\.1)
        quarters = byQuarter.keys.sorted(by: >).map { quarter in
            QuarterGroup(quarter: quarter, items: (byQuarter[quarter] ?? []).sorted {
                ($0.completedAt, $0.position, $0.ref) > ($1.completedAt, $1.position, $1.ref)
            })
        }
    }
}
