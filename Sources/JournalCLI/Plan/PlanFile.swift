import JournalApp
import JournalDomain

/// A plan file (`journal plan QUARTER --from FILE`, the JSON PlanAnswers describes) read strictly: an unknown
/// key or a value of the wrong kind is named with where it stands, before anything is decided.
extension PlanAnswers: Decodable {
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: AnswerKey.self)
        try c.onlyKeys(["carryOver", "goals", "milestones", "reschedule"])
        let carryOver = try Self.list(c, "carryOver") { item in
            try item.onlyKeys(["goal", "action", "reason", "title", "metric", "target", "targetIs", "unit", "due", "direction", "outcome"])
            return CarryOver(goal: try item.required("goal"), action: try item.required("action"), reason: try item.text("reason"),
                             title: try item.text("title"), metric: try item.text("metric"), unit: try item.text("unit"),
                             due: try item.text("due"), direction: try item.text("direction"), target: try item.number("target"),
                             targetIs: try item.text("targetIs"), outcome: try item.text("outcome"))
        }
        let goals = try Self.list(c, "goals") { item in
            try item.onlyKeys(["title", "key", "metric", "target", "unit", "due", "direction", "confidence", "milestones"])
            return Goal(title: try item.required("title"), key: try item.text("key"), metric: try item.text("metric"),
                        unit: try item.text("unit"), due: try item.text("due"), direction: try item.text("direction"),
                        target: try item.number("target"), confidence: try item.number("confidence"),
                        milestones: try Self.list(item, "milestones") { try Self.decodedMilestone($0, needsGoal: false) })
        }
        let milestones = try Self.list(c, "milestones") { try Self.decodedMilestone($0, needsGoal: true) }
        let reschedule = try Self.list(c, "reschedule") { item in
            try item.onlyKeys(["milestone", "week", "weeks", "due", "reason"])
            return Reschedule(milestone: try item.required("milestone"), week: try item.number("week").map { NumberText.format($0) },
                              weeks: try item.text("weeks"), due: try item.text("due"), reason: try item.text("reason"))
        }
        self.init(carryOver: carryOver, goals: goals, milestones: milestones, reschedule: reschedule)
    }

    static func decodedMilestone(_ item: KeyedDecodingContainer<AnswerKey>, needsGoal: Bool) throws -> Milestone {
        try item.onlyKeys((needsGoal ? ["goal"] : []) + ["title", "week", "weeks", "due"])
        return Milestone(goal: needsGoal ? try item.required("goal") : nil, title: try item.required("title"),
                         week: try item.number("week").map { NumberText.format($0) }, weeks: try item.text("weeks"), due: try item.text("due"))
    }

    static func list<T>(_ c: KeyedDecodingContainer<AnswerKey>, _ name: String,
                        _ read: (KeyedDecodingContainer<AnswerKey>) throws -> T) throws -> [T] {
        let key = AnswerKey(name)
        guard c.contains(key), try !c.decodeNil(forKey: key) else { return [] }
        var items = try c.nestedUnkeyedContainer(forKey: key)
        var result: [T] = []
        while !items.isAtEnd {
            result.append(try read(try items.nestedContainer(keyedBy: AnswerKey.self)))
        }
        return result
    }

}

extension KeyedDecodingContainer where Key == AnswerKey {
    func required(_ name: String) throws -> String {
        guard let text = try text(name) else {
            throw DecodingError.keyNotFound(AnswerKey(name), .init(codingPath: codingPath, debugDescription: "missing"))
        }
        return text
    }
}
