import JournalDomain

/// The five answers and the blockers as far as they are known: from flags, a `--from` file, or typed.
struct ReviewAnswers: Decodable, Equatable {
    static let questions: [(key: String, text: String)] = [
        ("planned", "What did I set out to accomplish this quarter?"),
        ("accomplished", "What did I actually accomplish?"),
        ("obstacles", "What got in the way?"),
        ("learned", "What did I learn about my own working patterns?"),
        ("next", "Based on what I know now, what are my goals for next quarter?"),
    ]
    static let fileKeys = questions.map(\.key) + ["blockers"]

    var planned: String?
    var accomplished: String?
    var obstacles: String?
    var learned: String?
    var next: String?
    /// nil: not answered yet; empty: answered "none".
    var blockers: [Blocker]?

    init(planned: String? = nil, accomplished: String? = nil, obstacles: String? = nil, learned: String? = nil,
         next: String? = nil, blockers: [Blocker]? = nil) {
        self.planned = planned
        self.accomplished = accomplished
        self.obstacles = obstacles
        self.learned = learned
        self.next = next
        self.blockers = blockers
    }

    init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: AnswerKey.self)
        try c.onlyKeys(Self.fileKeys)
        planned = try c.text("planned")
        accomplished = try c.text("accomplished")
        obstacles = try c.text("obstacles")
        learned = try c.text("learned")
        next = try c.text("next")
        let key = AnswerKey("blockers")
        if c.contains(key), try !c.decodeNil(forKey: key) {
            let names: [String]
            if let list = try? c.decode([String].self, forKey: key) { names = list } else { names = [try c.decode(String.self, forKey: key)] }
            blockers = try names.map { name throws(DomainError) in try Validate.blocker(name, option: "blockers") }
        }
    }

    subscript(key: String) -> String? {
        get {
            switch key {
            case "planned": return planned
            case "accomplished": return accomplished
            case "obstacles": return obstacles
            case "learned": return learned
            default: return next
            }
        }
        set {
            switch key {
            case "planned": planned = newValue
            case "accomplished": accomplished = newValue
            case "obstacles": obstacles = newValue
            case "learned": learned = newValue
            default: next = newValue
            }
        }
    }

    /// These answers, with `other`'s filling the gaps (flags given on the command line win over a file).
    func filling(from other: ReviewAnswers) -> ReviewAnswers {
        ReviewAnswers(planned: planned ?? other.planned, accomplished: accomplished ?? other.accomplished,
                      obstacles: obstacles ?? other.obstacles, learned: learned ?? other.learned,
                      next: next ?? other.next, blockers: blockers ?? other.blockers)
    }

    var missing: [String] { Self.questions.map(\.key).filter { self[$0] == nil } }

    /// The review to record, or a usage error naming every missing answer.
    func review(of quarter: Quarter) throws -> ReviewRecorded {
        guard let planned, let accomplished, let obstacles, let learned, let next else {
            let names = missing
            throw CLIError(.usage, "the review is missing \(names.count == 1 ? "an answer" : "answers"): \(names.joined(separator: ", ")); give \(names.map { "--\($0)" }.joined(separator: " ")) or put \(names.count == 1 ? "it" : "them") in the --from file (nothing was recorded)")
        }
        return ReviewRecorded(quarter: quarter, planned: planned, accomplished: accomplished, obstacles: obstacles,
                              learned: learned, next: next, blockers: blockers ?? [])
    }
}
