/// The article's SMART checks, as short advice shown the moment a goal is set or revised.
///
/// Advice never blocks (the fourth-goal rule is a decision, not advice). At most two lines are shown so
/// that advice stays read: the most consequential first — a goal someone else decides cannot be worked
/// toward at all, an unmeasurable one cannot be finished, and a crowded quarter dilutes every goal in it.
public struct Advice: Equatable, Sendable {
    public enum Code: String, Sendable, CaseIterable {
        case outsideControl = "outside-control"
        case noMetric = "no-metric"
        case thirdGoal = "third-goal"
        case noDeadline = "no-deadline"
        case dueAfterQuarter = "due-after-quarter"
        case milestoneAfterDeadline = "milestone-after-deadline"
        case noDirection = "no-direction"
    }

    public let code: Code
    public let text: String
}

public enum SmartAdvice {
    public static let maxLines = 2

    /// The advice an event calls for: on a goal set or revised, the goal as it now stands; on a milestone
    /// planned, whether it ends after the goal's deadline. `goal` is the goal after the event.
    public static func advise(after event: JournalEvent, goal: GoalState, goalsInQuarter: Int?) -> [Advice] {
        switch event {
        case .goalRevised(let e) where e.changes.allSatisfy({ $0.field == .key }):
            // A rename changes how the goal is named, not the goal: nothing new to advise on.
            return []
        case .goalSet, .goalRevised:
            return advise(goal, goalsInQuarter: goalsInQuarter)
        case .milestonePlanned(let e):
            return goal.milestones[e.number].flatMap { lateMilestoneAdvice(goal, [$0]) }.map { [$0] } ?? []
        case .milestoneRevised(let e) where e.schedule != nil:
            return goal.milestones[e.number].flatMap { lateMilestoneAdvice(goal, [$0]) }.map { [$0] } ?? []
        default:
            return []
        }
    }

    /// Advice for `goal` as it now stands. `goalsInQuarter` counts the goals of its quarter including this one,
    /// or is nil when the quarter did not change (a revision that keeps the quarter adds no goal to it).
    public static func advise(_ goal: GoalState, goalsInQuarter: Int?) -> [Advice] {
        var all: [Advice] = []
        if let outside = outsideControl(in: goal) {
            all.append(Advice(code: .outsideControl, text: "Achievable: \"\(outside.phrase)\" needs someone else's yes; aim at your own actions, e.g. \"\(outside.kind.reframing)\"."))
        }
        if goal.metric == nil, goal.target == nil {
            all.append(Advice(code: .noMetric, text: "Measurable: how will you know you succeeded? Add a metric (or a number to reach, --target N --unit TEXT): journal log revise \(goal.shownKey) --metric TEXT --reason TEXT"))
        }
        if let count = goalsInQuarter, count == Decider.goalsPerQuarter {
            all.append(Advice(code: .thirdGoal, text: "Focus: this is \(goal.quarter)'s third goal, and three is the maximum. Most people do better with one or two focused goals."))
        }
        if let due = goal.due {
            if due > goal.quarter.lastDay {
                all.append(Advice(code: .dueAfterQuarter, text: "Time-bound: the deadline \(due) is after \(goal.quarter) ends (\(goal.quarter.lastDay)); a sprint is one quarter, so aim at what you can finish by then: journal log revise \(goal.shownKey) --due \(goal.quarter.lastDay) --reason TEXT"))
            }
        } else {
            all.append(Advice(code: .noDeadline, text: "Time-bound: no deadline yet; the sprint ends \(goal.quarter.lastDay). Set one: journal log revise \(goal.shownKey) --due DATE --reason TEXT"))
        }
        if let late = lateMilestoneAdvice(goal, goal.milestones.values.sorted { $0.number < $1.number }) {
            all.append(late)
        }
        if goal.direction == nil {
            all.append(Advice(code: .noDirection, text: "Relevant: which 3-5 year direction does this serve? Link one: journal log revise \(goal.shownKey) --direction KEY --reason TEXT (set one with journal log direction TITLE --key KEY)"))
        }
        return Array(all.prefix(maxLines))
    }

    /// The first of `milestones` still open that ends after the goal's deadline (or, without one, after its
    /// sprint): its work would land after the goal is meant to be done.
    static func lateMilestoneAdvice(_ goal: GoalState, _ milestones: [MilestoneState]) -> Advice? {
        let deadline = goal.due ?? goal.quarter.lastDay
        for milestone in milestones where milestone.doneAt == nil {
            guard let ends = milestone.plannedEnd, ends > deadline else { continue }
            let whose = goal.due == nil ? "the sprint's last day" : "the goal's deadline"
            return Advice(code: .milestoneAfterDeadline, text: "Time-bound: \(goal.shownKey)/\(milestone.number) ends \(ends), after \(whose) \(deadline); plan it earlier, or move the deadline: journal log revise \(goal.shownKey) --due \(ends) --reason TEXT")
        }
        return nil
    }

    /// Kinds of outcome someone else decides, each with the article's reframing: the actions within your
    /// control that lead to it ("Get promoted" becomes "Complete the three requirements for promotion").
    public enum OutsideControl: Sendable, CaseIterable {
        case promotion, hiring, selection, award

        public var reframing: String {
            switch self {
            case .promotion: return "Complete the three requirements for promotion"
            case .hiring: return "Apply to 5 roles a week and attend 1 community event a month"
            case .selection: return "Meet every selection criterion and submit a complete application by the deadline"
            case .award: return "Submit an entry you are proud of by the deadline, reviewed by two peers first"
            }
        }
    }

    /// Outcomes that need someone else to say yes, as people write them. Matched on whole words, so
    /// "winter" or "approval process" do not trigger it.
    static let outsideControlPhrases: [(words: [String], kind: OutsideControl)] = [
        (["get", "promoted"], .promotion), (["be", "promoted"], .promotion), (["get", "a", "promotion"], .promotion),
        (["get", "the", "promotion"], .promotion), (["get", "a", "raise"], .promotion), (["get", "a", "pay", "rise"], .promotion),
        (["get", "a", "bonus"], .promotion), (["get", "a", "rise"], .promotion), (["get", "tenure"], .promotion),
        (["get", "hired"], .hiring), (["be", "hired"], .hiring), (["get", "an", "offer"], .hiring), (["get", "a", "job", "offer"], .hiring),
        (["land", "a", "job"], .hiring), (["land", "a", "role"], .hiring), (["land", "the", "job"], .hiring), (["get", "the", "job"], .hiring),
        (["get", "a", "job"], .hiring), (["receive", "an", "offer"], .hiring),
        (["be", "selected"], .selection), (["get", "selected"], .selection), (["be", "chosen"], .selection), (["get", "chosen"], .selection),
        (["get", "accepted"], .selection), (["be", "accepted"], .selection), (["get", "approved"], .selection), (["be", "approved"], .selection),
        (["get", "picked"], .selection), (["be", "picked"], .selection), (["get", "elected"], .selection), (["be", "elected"], .selection),
        (["win"], .award), (["be", "awarded"], .award), (["get", "recognized"], .award), (["be", "recognized"], .award),
        (["get", "recognised"], .award), (["be", "recognised"], .award),
    ]

    /// The phrase in a goal's title or metric that puts its success in someone else's hands, and its kind.
    public static func outsideControl(in goal: GoalState) -> (phrase: String, kind: OutsideControl)? {
        ([goal.title] + [goal.metric].compactMap { $0 }).lazy.compactMap(outsideControl(in:)).first
    }

    public static func outsideControl(in title: String) -> (phrase: String, kind: OutsideControl)? {
        let words = title.lowercased().split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "'") }).map(String.init)
        for (phrase, kind) in outsideControlPhrases where phrase.count <= words.count {
            for start in 0...(words.count - phrase.count) where Array(words[start..<(start + phrase.count)]) == phrase {
                return (phrase.joined(separator: " "), kind)
            }
        }
        return nil
    }

    public static func outsideControlPhrase(in goal: GoalState) -> String? { outsideControl(in: goal)?.phrase }

    public static func outsideControlPhrase(in title: String) -> String? { outsideControl(in: title)?.phrase }
}
