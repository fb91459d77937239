import JournalDomain

/// A piece of the article's advice that the log shows is needed. Codes are stable: scripts match on them.
public struct Warning: Equatable, Sendable {
    public enum Code: String, Sendable, CaseIterable {
        case tooManyGoals = "too-many-goals"
        case noMetric = "no-metric"
        case noDeadline = "no-deadline"
        case noDirection = "no-direction"
        case noMilestones = "no-milestones"
        case outsideControl = "outside-control"
        case noAccountability = "no-accountability"
        case busyNotProgress = "busy-not-progress"
        case behindNotRevised = "behind-not-revised"
        case pastDeadline = "past-deadline"
        case cramming
    }

    public let code: Code
    /// The goal it is about; nil for the quarter or the journal as a whole.
    public let goal: String?
    public let message: String
}

/// The warnings for one quarter's sprint, as of a day.
public enum Warnings {
    /// Unlinked effort above this share of the period's minutes is busyness, not progress.
    public static let busyShare = 0.4
    public static let behindWeeks = 2
    public static let revisionLookbackDays = 28

    public static func forSprint(quarter: Quarter, ledger: Ledger, time: TimeContext) -> [Warning] {
        let today = time.today
        let known = Knowledge(asKnownAt: time.now)
        let goals = ledger.goals(in: quarter, at: time.now, known)
        let counted = goals.filter { $0.status != .dropped }
        var warnings: [Warning] = []
        if counted.count > Decider.goalsPerQuarter {
            warnings.append(Warning(code: .tooManyGoals, goal: nil,
                message: "\(quarter) has \(counted.count) goals; three is the maximum. If everything is a priority, nothing is: drop the least important"))
        }
        for goal in goals where goal.status == .active {
            let key = goal.shownKey
            if goal.metric == nil && goal.target == nil {
                warnings.append(Warning(code: .noMetric, goal: key,
                    message: "\(key) has no success metric; add one (or a number to reach, --target N --unit TEXT) with journal log revise \(key) --metric TEXT --reason TEXT"))
            }
            if goal.due == nil {
                warnings.append(Warning(code: .noDeadline, goal: key,
                    message: "\(key) has no deadline; give it one with journal log revise \(key) --due DATE --reason TEXT"))
            }
            if goal.direction == nil || ledger.direction(goal.direction ?? "", known) == nil {
                warnings.append(Warning(code: .noDirection, goal: key,
                    message: "\(key) serves no long-term direction; link it with journal log revise \(key) --direction KEY --reason TEXT"))
            }
            if goal.milestones.isEmpty {
                warnings.append(Warning(code: .noMilestones, goal: key,
                    message: "\(key) has no weekly milestones; plan some with journal log milestone \(key) TITLE --week N"))
            }
            if let phrase = SmartAdvice.outsideControlPhrase(in: goal) {
                warnings.append(Warning(code: .outsideControl, goal: key,
                    message: "\(key) depends on someone else's decision (\"\(phrase)\"); aim at the requirements within your control, e.g. \"\(SmartAdvice.outsideControl(in: goal)?.kind.reframing ?? "")\""))
            }
            let pace = Pace(goal: goal, today: today)
            // Past its deadline the question is no longer catching up but which way out: that warning says it.
            if let days = pace.daysOverdue {
                warnings.append(pastDeadline(goal, days: days))
            } else if pace.weeksBehind >= behindWeeks, !revisedRecently(goal.id, ledger: ledger, time: time) {
                warnings.append(Warning(code: .behindNotRevised, goal: key,
                    message: "\(key) is \(pace.weeksBehind) weeks behind and has not been revised in four weeks; catch up, or revise it with a reason"))
            }
        }
        for goal in goals where goal.status != .dropped {
            let cramming = Cramming(goal: goal, time: time)
            if cramming.isCramming {
                warnings.append(Warning(code: .cramming, goal: goal.shownKey,
                    message: "\(goal.shownKey): \(cramming.doneInLastTwoWeeks) of its \(cramming.milestoneCount) milestones were done in its last two weeks; spread the work over the sprint's weeks"))
            }
        }
        if !goals.isEmpty, ledger.partner(known) == nil {
            warnings.append(Warning(code: .noAccountability, goal: nil,
                message: "no accountability partner; tell someone about your sprint and record them with journal log partner NAME"))
        }
        let upTo = min(today, quarter.lastDay)
        if upTo >= quarter.firstDay {
            let effort = Effort(ledger: ledger, days: quarter.firstDay...upTo, time: time, known)
            if let warning = busyWarning(effort, period: "\(quarter)") { warnings.append(warning) }
        }
        return warnings
    }

    /// The three ways out of an overdue goal, each a command that runs as printed once DATE and TEXT are filled in.
    static func pastDeadline(_ goal: GoalState, days: Int) -> Warning {
        let key = goal.shownKey
        let deadline = goal.due.map { "its deadline, \($0)" } ?? "the end of its quarter, \(goal.quarter.lastDay)"
        let dayCount = days == 1 ? "1 day" : "\(days) days"
        return Warning(code: .pastDeadline, goal: key,
            message: "\(key) is \(dayCount) past \(deadline), and neither completed nor dropped; complete it with journal log complete \(key), set a new deadline with journal log revise \(key) --due DATE --reason TEXT, or drop it with journal log drop \(key) --reason TEXT")
    }

    public static func busyWarning(_ effort: Effort, period: String) -> Warning? {
        guard effort.totalMinutes > 0, effort.unlinkedShare > busyShare else { return nil }
        let percent = Int(saturating: effort.unlinkedShare * 100)
        return Warning(code: .busyNotProgress, goal: nil,
            message: "\(percent)% of the effort logged in \(period) served no goal; ask what you are trying to accomplish, and whether each activity contributes")
    }

    /// A revision that occurred in the last four weeks up to `today`.
    static func revisedRecently(_ key: String, ledger: Ledger, time: TimeContext) -> Bool {
        let since = time.startOfDay(time.today.adding(days: -(revisionLookbackDays - 1)))
        return ledger.events(ofGoal: key, at: time.now, Knowledge(asKnownAt: time.now)).contains { envelope in
            if case .goalRevised = envelope.event { return envelope.occurredAt >= since }
            return false
        }
    }
}
