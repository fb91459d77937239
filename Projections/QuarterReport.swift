import JournalDomain

/// A quarter looked back on: the plan as it stood at the end of its first week, how each goal ended, the
/// drift between the two, effort and milestones week by week, the review, and the accomplishments.
///
/// Two clocks: goals are placed in time by when things occurred (so a milestone backdated into the quarter
/// counts in it), and `asKnownAt` leaves out everything recorded after that instant (the report as it could
/// have been read then). Goals and milestones set by the end of week 1 count as planned: people often
/// finish planning a few days in.
public struct QuarterReport: Equatable, Sendable {
    public let quarter: Quarter
    public let asKnownAt: LocalDate?
    /// The day how each goal ended is judged on (on track, overdue): the quarter's last day, or the report's
    /// day (`asKnownAt`, else today) when that is earlier.
    public let judgedOn: LocalDate
    public let planned: [PlannedGoal]
    public let goals: [EndedGoal]
    public let weekly: [Week]
    public let effort: Effort
    public let review: ReviewRecorded?
    public let accomplishments: [Accomplishment]

    public struct PlannedGoal: Equatable, Sendable {
        public let key: String
        public let title: String
        public let metric: String?
        public let target: Double?
        public let unit: String?
        public let due: LocalDate?
        public let milestones: [PlannedMilestone]
    }

    public struct PlannedMilestone: Equatable, Sendable {
        public let ref: String
        public let title: String
        public let weeks: WeekSpan?
        /// The quarter its weeks are weeks of (another one for a milestone carried over with its goal); nil without weeks.
        public let weeksQuarter: Quarter?
        public let due: LocalDate?
    }

    public struct EndedGoal: Equatable, Sendable {
        public let key: String
        public let title: String
        public let status: GoalStatus
        public let metric: String?
        public let target: Double?
        public let current: Double?
        public let unit: String?
        public let due: LocalDate?
        public let done: Int
        public let total: Int
        /// Revisions that occurred during the quarter.
        public let revisions: Int
        public let drift: Drift
        /// As the sprint board judged it on the report's day (`judgedOn`); false for a goal moved away.
        public let onTrack: Bool
        /// Days from the deadline to the report's day, for a goal still in the quarter, active and past it.
        public let daysOverdue: Int?

        /// The status as shown: `status`, or overdue.
        public var standing: Standing { Standing(status, daysOverdue: daysOverdue) }
    }

    public struct Drift: Equatable, Sendable {
        /// How far the deadline moved between the plan and the end, in days (nil: no deadline on one side).
        public let dueShiftDays: Int?
        /// End target minus planned target: negative when lowered (nil: no target on one side, or unchanged is 0).
        public let targetChange: Double?
        public let addedDuringQuarter: Bool
        /// Dropped, or moved to another quarter, during this one.
        public let droppedDuringQuarter: Bool
        /// The quarter the goal was moved to, when it left this one.
        public let movedTo: Quarter?
        public let milestonesAdded: [String]
        public let milestonesRemoved: [String]
        /// Milestones rescheduled during the quarter, in the order they were.
        public let milestonesRescheduled: [Rescheduling]

        public var isEmpty: Bool {
            (dueShiftDays ?? 0) == 0 && (targetChange ?? 0) == 0 && !addedDuringQuarter && !droppedDuringQuarter
                && milestonesAdded.isEmpty && milestonesRemoved.isEmpty && milestonesRescheduled.isEmpty
        }
    }

    /// A milestone's planned end moved: later (positive days) or earlier; nil when it had no schedule before.
    public struct Rescheduling: Equatable, Sendable {
        public let ref: String
        public let shiftDays: Int?

        public init(ref: String, shiftDays: Int?) {
            self.ref = ref
            self.shiftDays = shiftDays
        }
    }

    public struct Week: Equatable, Sendable {
        public let week: Int
        public let days: ClosedRange<LocalDate>
        public let milestonesDone: Int
        public let minutesLinked: Int
        public let minutesUnlinked: Int
    }

    public struct Accomplishment: Equatable, Sendable {
        public enum Kind: String, Sendable { case goal, milestone }
        public let kind: Kind
        /// The goal's key, or GOAL/N for a milestone.
        public let ref: String
        public let title: String
        public let outcome: String?
        public let completedOn: LocalDate
    }

    /// - Parameter asKnownAt: leave out what was recorded after the end of this local day.
    public init(ledger: Ledger, quarter: Quarter, asKnownAt: LocalDate? = nil, time: TimeContext) {
        self.quarter = quarter
        self.asKnownAt = asKnownAt
        let judgedOn = min(asKnownAt ?? time.today, quarter.lastDay)
        self.judgedOn = judgedOn
        let known = Knowledge(asKnownAt: asKnownAt.map { Self.endOf($0, time) })
        let planCutoff = Self.endOf(quarter.firstDay.adding(days: 6), time)
        let endCutoff = Self.endOf(quarter.lastDay, time)

        let keys = ledger.goals.keys.filter { key in
            ledger.goal(key, at: planCutoff, known, retractionsFromOccurrence: true)?.quarter == quarter
                || ledger.goal(key, at: endCutoff, known)?.quarter == quarter
        }
        let order = keys.sorted { (ledger.setPosition($0), $0) < (ledger.setPosition($1), $1) }

        var planned: [PlannedGoal] = []
        var ended: [EndedGoal] = []
        var accomplishments: [Accomplishment] = []
        var endedIds: [String] = []
        for id in order {
            // Looked up by identity, shown by the key it has as known (a rename is a revision like any other).
            let key = ledger.shownKey(of: id, at: nil, known)
            let plan = ledger.goal(id, at: planCutoff, known, retractionsFromOccurrence: true).flatMap { $0.quarter == quarter ? $0 : nil }
            if let plan {
                planned.append(PlannedGoal(
                    key: key, title: plan.title, metric: plan.metric, target: plan.target, unit: plan.unit, due: plan.due,
                    milestones: plan.milestones.values.sorted { $0.number < $1.number }.map { m in
                        PlannedMilestone(ref: "\(key)/\(m.number)", title: m.title, weeks: m.weeks,
                                         weeksQuarter: m.weeks == nil ? nil : m.quarter, due: m.due)
                    }))
            }
            guard let end = ledger.goal(id, at: endCutoff, known) else { continue }
            endedIds.append(id)
            let inQuarter = end.quarter == quarter
            let duringQuarter = ledger.events(ofGoal: id, at: endCutoff, known).filter { envelope in
                quarter.contains(time.localDate(of: envelope.occurredAt))
            }
            let revisions = duringQuarter.filter { envelope in
                guard case .goalRevised = envelope.event else { return false }
                return true
            }.count
            let rescheduled = duringQuarter.compactMap { envelope -> Rescheduling? in
                guard case .milestoneRevised(let e) = envelope.event, let schedule = e.schedule else { return nil }
                let shift = schedule.from?.end.flatMap { from in schedule.to.end.map { from.days(until: $0) } }
                return Rescheduling(ref: "\(key)/\(e.number)", shiftDays: shift)
            }
            let planNumbers = Set(plan?.milestones.keys.map { $0 } ?? [])
            let endNumbers = Set(end.milestones.keys)
            let drift = Drift(
                dueShiftDays: plan.flatMap { p in p.due.flatMap { from in end.due.map { from.days(until: $0) } } },
                targetChange: plan.flatMap { p in p.target.flatMap { from in end.target.map { $0 - from } } },
                addedDuringQuarter: plan == nil,
                droppedDuringQuarter: end.status == .dropped || !inQuarter,
                movedTo: inQuarter ? nil : end.quarter,
                milestonesAdded: endNumbers.subtracting(planNumbers).sorted().map { "\(key)/\($0)" },
                milestonesRemoved: plan == nil ? [] : planNumbers.subtracting(endNumbers).sorted().map { "\(key)/\($0)" },
                milestonesRescheduled: rescheduled)
            let doneMilestones = end.milestones.values.filter { $0.doneAt != nil }
            // A goal that moved away is judged in its new quarter, not here.
            let pace = inQuarter ? Pace(goal: end, today: judgedOn) : nil
            ended.append(EndedGoal(
                key: key, title: end.title, status: end.status, metric: end.metric, target: end.target,
                current: end.target == nil ? nil : end.current, unit: end.unit, due: end.due,
                done: doneMilestones.count, total: end.milestones.count, revisions: revisions, drift: drift,
                onTrack: pace?.onTrack ?? false, daysOverdue: pace?.daysOverdue))

            for milestone in doneMilestones {
                guard let doneAt = milestone.doneAt, quarter.contains(time.localDate(of: doneAt)) else { continue }
                accomplishments.append(Accomplishment(kind: .milestone, ref: "\(key)/\(milestone.number)", title: milestone.title,
                                                      outcome: nil, completedOn: time.localDate(of: doneAt)))
            }
            if end.status == .completed, let completion = Self.completion(of: id, ledger: ledger, at: endCutoff, known) {
                accomplishments.append(Accomplishment(kind: .goal, ref: key, title: end.title, outcome: completion.outcome,
                                                      completedOn: time.localDate(of: completion.at)))
            }
        }
        self.planned = planned
        goals = ended
        self.accomplishments = accomplishments.sorted { ($0.completedOn, $0.kind == .goal ? 1 : 0, $0.ref) < ($1.completedOn, $1.kind == .goal ? 1 : 0, $1.ref) }

        let activities = ledger.activities(in: quarter.firstDay...quarter.lastDay, time: time, known)
        effort = Effort(activities)
        let doneDays = endedIds.compactMap { id in ledger.goal(id, at: endCutoff, known) }
            .flatMap { $0.milestones.values.compactMap { $0.doneAt.map(time.localDate(of:)) } }
        // Each activity's local day is worked out once (a time-zone lookup), not once per week.
        let byWeek = Dictionary(grouping: activities) { quarter.week(of: time.localDate(of: $0.occurredAt)) ?? 0 }
        weekly = (1...Quarter.weekCount).compactMap { week in
            guard let days = quarter.days(ofWeek: week) else { return nil }
            let effort = Effort(byWeek[week] ?? [])
            return Week(week: week, days: days, milestonesDone: doneDays.filter { days.contains($0) }.count,
                        minutesLinked: effort.minutesLinked, minutesUnlinked: effort.minutesUnlinked)
        }
        review = ledger.review(of: quarter, known)?.value
    }

    /// The last millisecond of a local day.
    static func endOf(_ date: LocalDate, _ time: TimeContext) -> Instant {
        Instant(millisecondsSinceEpoch: time.startOfDay(date.adding(days: 1)).millisecondsSinceEpoch - 1)
    }

    static func completion(of key: String, ledger: Ledger, at instant: Instant, _ known: Knowledge) -> (outcome: String?, at: Instant)? {
        for envelope in ledger.events(ofGoal: key, at: instant, known).reversed() {
            if case .goalCompleted(let e) = envelope.event { return (e.outcome, envelope.occurredAt) }
        }
        return nil
    }
}
