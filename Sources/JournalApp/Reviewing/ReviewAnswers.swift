import JournalDomain
import JournalStore

/// The five answers and the blockers as far as they are known: from flags, a `--from` file, or typed.
public struct ReviewAnswers: Equatable, Sendable {
    public static let questions: [(key: String, text: String)] = [
        ("planned", "What did I set out to accomplish this quarter?"),
        ("accomplished", "What did I actually accomplish?"),
        ("obstacles", "What got in the way?"),
        ("learned", "What did I learn about my own working patterns?"),
        ("next", "Based on what I know now, what are my goals for next quarter?"),
    ]
    public static let fileKeys = questions.map(\.key) + ["blockers"]

    public var planned: String?
    public var accomplished: String?
    public var obstacles: String?
    public var learned: String?
    public var next: String?
    /// nil: not answered yet; empty: answered "none".
    public var blockers: [Blocker]?

    public init(planned: String? = nil, accomplished: String? = nil, obstacles: String? = nil, learned: String? = nil,
         next: String? = nil, blockers: [Blocker]? = nil) {
        self.planned = planned
        self.accomplished = accomplished
        self.obstacles = obstacles
        self.learned = learned
        self.next = next
        self.blockers = blockers
    }

    public subscript(key: String) -> String? {
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
    public func filling(from other: ReviewAnswers) -> ReviewAnswers {
        ReviewAnswers(planned: planned ?? other.planned, accomplished: accomplished ?? other.accomplished,
                      obstacles: obstacles ?? other.obstacles, learned: learned ?? other.learned,
                      next: next ?? other.next, blockers: blockers ?? other.blockers)
    }

    public var missing: [String] { Self.questions.map(\.key).filter { self[$0] == nil } }

    /// The review to record, or the refusal naming every missing answer.
    public func review(of quarter: Quarter) throws(AppError) -> ReviewRecorded {
        guard let planned, let accomplished, let obstacles, let learned, let next else {
            throw AppError.reviewMissingAnswers(missing)
        }
        return ReviewRecorded(quarter: quarter, planned: planned, accomplished: accomplished, obstacles: obstacles,
                              learned: learned, next: next, blockers: blockers ?? [])
    }
}

/// Recording a quarter's review from its answers as values.
public enum Reviewing {
    /// Records the review of `quarter` the answers give, refused while the quarter is too far off or when an
    /// answer is missing (nothing is recorded then).
    public static func record<Store: TransactionalStore>(_ answers: ReviewAnswers, of quarter: Quarter,
                                                         recorder: Recorder<Store>) throws -> Recorded {
        try Decider.reviewable(quarter, on: recorder.time.today)
        return try recorder.record(.recordReview(try answers.review(of: quarter)), occurredAt: nil, commandName: "review")
    }
}
