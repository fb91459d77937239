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
        case noDirection = "no-direction"
    }

    public let code: Code
    public let text: String
}

public enum SmartAdvice {
    public static let maxLines = 2

    /// Advice for `goal` as it now stands. `goalsInQuarter` counts the goals of its quarter including this one,
    /// or is nil when the quarter did not change (a revision that keeps the quarter adds no goal to it).
    public static func advise(_ goal: GoalState, goalsInQuarter: Int?) -> [Advice] {
        var all: [Advice] = []
        if let phrase = outsideControlPhrase(in: goal) {
            all.append(Advice(code: .outsideControl, text: "Achievable: \"\(phrase)\" needs someone else's yes; aim at your own actions, e.g. \"Complete the three requirements for promotion\"."))
        }
        if goal.metric == nil, goal.target == nil {
            all.append(Advice(code: .noMetric, text: "Measurable: how will you know you succeeded? Add one: journal log revise \(goal.key) --metric TEXT (or --target N --unit TEXT) --reason TEXT"))
        }
        if let count = goalsInQuarter, count == Decider.goalsPerQuarter {
            all.append(Advice(code: .thirdGoal, text: "Focus: this is \(goal.quarter)'s third goal, and three is the maximum. Most people do better with one or two focused goals."))
        }
        if goal.due == nil {
            all.append(Advice(code: .noDeadline, text: "Time-bound: no deadline yet; the sprint ends \(goal.quarter.lastDay). Set one: journal log revise \(goal.key) --due DATE --reason TEXT"))
        }
        if goal.direction == nil {
            all.append(Advice(code: .noDirection, text: "Relevant: which 3-5 year direction does this serve? Link one: journal log revise \(goal.key) --direction KEY --reason TEXT (see journal log direction)"))
        }
        return Array(all.prefix(maxLines))
    }

    /// Outcomes that need someone else to say yes, as people write them. Matched on whole words, so
    /// "winter" or "approval process" do not trigger it.
    static let outsideControlPhrases: [[String]] = [
        ["get", "promoted"], ["be", "promoted"], ["get", "a", "promotion"], ["get", "the", "promotion"],
        ["get", "a", "raise"], ["get", "a", "pay", "rise"], ["get", "a", "bonus"],
        ["get", "hired"], ["be", "hired"], ["get", "an", "offer"], ["get", "a", "job", "offer"], ["land", "a", "job"],
        ["land", "a", "role"], ["land", "the", "job"], ["get", "the", "job"], ["get", "a", "job"],
        ["be", "selected"], ["get", "selected"], ["be", "chosen"], ["get", "chosen"], ["get", "accepted"],
        ["be", "accepted"], ["get", "approved"], ["be", "approved"], ["get", "recognized"], ["be", "recognized"],
        ["get", "recognised"], ["be", "recognised"], ["get", "picked"], ["be", "picked"], ["win"], ["be", "awarded"],
        ["get", "a", "rise"], ["get", "elected"], ["be", "elected"], ["receive", "an", "offer"], ["get", "tenure"],
    ]

    /// The phrase in a goal's title or metric that puts its success in someone else's hands.
    public static func outsideControlPhrase(in goal: GoalState) -> String? {
        ([goal.title] + [goal.metric].compactMap { $0 }).lazy.compactMap(outsideControlPhrase(in:)).first
    }

    public static func outsideControlPhrase(in title: String) -> String? {
        let words = title.lowercased().split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "'") }).map(String.init)
        for phrase in outsideControlPhrases where phrase.count <= words.count {
            for start in 0...(words.count - phrase.count) where Array(words[start..<(start + phrase.count)]) == phrase {
                return phrase.joined(separator: " ")
            }
        }
        return nil
    }
}
