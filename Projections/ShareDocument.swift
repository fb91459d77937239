import JournalDomain

/// A quarter's sprint as an accountability partner reads it: the sprint board, plus what the board leaves to
/// the reader's memory (the directions' titles and horizons, each goal's confidence, a drop's reason) and each
/// milestone's state in words. "Now" comes in through `time`, like the board's.
public struct ShareDocument: Equatable, Sendable {
    public let board: SprintBoard
    /// The directions the quarter's live goals serve, in the order the goals name them; keys naming no
    /// direction are left out.
    public let directions: [Direction]
    /// The goals not dropped, in the board's order.
    public let goals: [Goal]
    public let dropped: [Dropped]
    /// The warnings a partner can ask about (a deadline passed, falling behind unrevised, busyness, cramming);
    /// the rest are planning advice for the journal's owner.
    public let warnings: [Warning]

    public struct Direction: Equatable, Sendable {
        public let key: String
        public let title: String
        public let by: String?
    }

    public struct Goal: Equatable, Sendable {
        public let card: SprintBoard.Card
        public let confidence: Int?
        /// The title of the direction it serves, when that direction exists.
        public let direction: String?
        public let milestones: [Milestone]
    }

    public struct Milestone: Equatable, Sendable {
        public let milestone: SprintBoard.Milestone
        public let state: State
    }

    public enum State: Equatable, Sendable {
        case done(LocalDate)
        case late
        /// Its planned weeks include today's week, or its due date falls in this week (and is not past: that is late).
        case thisWeek
        case planned
        /// Never done, on a goal that was completed or dropped: nothing is waiting for it any more.
        case notDone
    }

    public struct Dropped: Equatable, Sendable {
        public let key: String
        public let title: String
        public let reason: String?
    }

    public static let partnerCodes: Set<Warning.Code> = [.pastDeadline, .behindNotRevised, .busyNotProgress, .cramming]

    public init(ledger: Ledger, quarter: Quarter, time: TimeContext) {
        let board = SprintBoard(ledger: ledger, quarter: quarter, time: time)
        let known = Knowledge(asKnownAt: time.now)
        // Outside the quarter no week is "this week": before it nothing has started, after it all is late or done.
        let week = quarter.week(of: board.today)
        let thisWeek = week.flatMap(quarter.days(ofWeek:))
        self.board = board
        var goals: [Goal] = []
        var dropped: [Dropped] = []
        var directions: [Direction] = []
        var listed = Set<String>()   // a direction's key names one direction: a set, not a search of the list per goal
        for card in board.goals {
            if card.status == .dropped {
                dropped.append(Dropped(key: card.key, title: card.title, reason: ShareDocument.dropReason(card.id, ledger, time)))
                continue
            }
            let direction = card.direction.flatMap { key in
                ledger.direction(key, known).map { Direction(key: key, title: $0.title, by: $0.by) }
            }
            if let direction, listed.insert(direction.key).inserted { directions.append(direction) }
            let milestones = card.milestones.map { m in
                Milestone(milestone: m, state: ShareDocument.state(of: m, goal: card.status, week: week, thisWeek: thisWeek))
            }
            goals.append(Goal(card: card, confidence: ledger.goal(card.id, at: time.now, known)?.confidence,
                              direction: direction?.title, milestones: milestones))
        }
        self.goals = goals
        self.dropped = dropped
        self.directions = directions
        warnings = board.warnings.filter { ShareDocument.partnerCodes.contains($0.code) }
    }

    static func state(of m: SprintBoard.Milestone, goal status: GoalStatus, week: Int?, thisWeek: ClosedRange<LocalDate>?) -> State {
        if let doneOn = m.doneOn { return .done(doneOn) }
        guard status == .active else { return .notDone }
        if m.late { return .late }
        guard let week, let thisWeek else { return .planned }
        if let weeks = m.weeks { return weeks.first <= week && week <= weeks.last ? .thisWeek : .planned }
        if let due = m.due, thisWeek.contains(due) { return .thisWeek }
        return .planned
    }

    /// Why the goal was dropped: its latest drop that counts (a retracted drop would have revived the goal).
    static func dropReason(_ key: String, _ ledger: Ledger, _ time: TimeContext) -> String? {
        ledger.events(ofGoal: key, at: time.now, Knowledge(asKnownAt: time.now)).reversed().lazy.compactMap { envelope in
            if case .goalDropped(let e) = envelope.event { return e.reason }
            return nil
        }.first
    }
}
