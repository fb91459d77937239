/// The article's blockers: what got in the way.
public enum Blocker: String, Codable, Sendable, CaseIterable, FastValue {
    case overcommitting
    case tooManyGoals = "too-many-goals"
    case lostInterest = "lost-interest"
    case wrongGoal = "wrong-goal"
    case other
}

/// The answers to the article's five review questions.
public struct ReviewRecorded: Codable, Equatable, Sendable {
    public var quarter: Quarter
    public var planned: String
    public var accomplished: String
    public var obstacles: String
    public var learned: String
    public var next: String
    public var blockers: [Blocker]

    public init(quarter: Quarter, planned: String, accomplished: String, obstacles: String, learned: String,
                next: String, blockers: [Blocker]) {
        self.quarter = quarter
        self.planned = planned
        self.accomplished = accomplished
        self.obstacles = obstacles
        self.learned = learned
        self.next = next
        self.blockers = blockers
    }
}

extension ReviewRecorded: EventPayload {
    static var kindName: String { "review-recorded" }
    var event: JournalEvent { .reviewRecorded(self) }
    static var blank: Self {
        ReviewRecorded(quarter: Quarter(validYear: 2000, number: 1), planned: "", accomplished: "", obstacles: "", learned: "",
                       next: "", blockers: [])
    }
    static let fields = FieldTable<Self>([
        .required("quarter") { $0.quarter = $1 },
        .required("planned") { $0.planned = $1 },
        .required("accomplished") { $0.accomplished = $1 },
        .required("obstacles") { $0.obstacles = $1 },
        .required("learned") { $0.learned = $1 },
        .required("next") { $0.next = $1 },
        .required("blockers") { $0.blockers = $1 },
    ])
}
