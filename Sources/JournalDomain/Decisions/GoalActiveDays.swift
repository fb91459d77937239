/// The days on which a goal can take effort. Effort linked to a goal that was done with, or that belonged to
/// another quarter, is motion without direction all the same (the article's mistake 4): `log activity` refuses
/// such a link unless forced, and insights count its minutes as linked to no goal.
///
/// A goal is active on a day when both hold:
/// - the day lies in a quarter the goal belonged to by the end of that day: the quarter it was set for, or a
///   quarter it was moved to on or before that day (a goal carried from Q3 into Q4 is active on Q3's days and,
///   from the day of the move, on Q4's; an old goal never moved is not active in a later quarter);
/// - it had not been completed or dropped before that day (the day of the completion itself still counts).
public struct GoalActiveDays: Equatable, Sendable {
    public struct Move: Equatable, Sendable {
        public let quarter: Quarter
        public let on: LocalDate
    }

    public struct Closing: Equatable, Sendable {
        public let status: GoalStatus
        public let on: LocalDate
    }

    /// Why a day is not one of the goal's active days.
    public enum Inactive: Equatable, Sendable {
        /// Completed or dropped before the day.
        case closed(Closing)
        /// The day's quarter is none the goal belonged to by then; `quarter` is where the goal stood that day.
        case otherQuarter(Quarter)
    }

    public let setFor: Quarter
    public let moves: [Move]
    public let closing: Closing?

    public init(setFor: Quarter, moves: [Move] = [], closing: Closing? = nil) {
        self.setFor = setFor
        self.moves = moves
        self.closing = closing
    }

    /// From a goal's events that count (retracted ones left out), in log order; nil when none sets the goal.
    /// A later goal-set starts the goal afresh, as the fold of its state does.
    public init?<S: Sequence>(events: S, localDate: (Instant) -> LocalDate) where S.Element == Envelope {
        var setFor: Quarter?
        var moves: [Move] = []
        var closing: Closing?
        for envelope in events {
            switch envelope.event {
            case .goalSet(let e):
                setFor = e.quarter
                moves = []
                closing = nil
            case .goalRevised(let e):
                for change in e.changes where change.field == .quarter {
                    if let quarter = change.to.flatMap({ Quarter(parsing: $0.description) }) {
                        moves.append(Move(quarter: quarter, on: localDate(envelope.occurredAt)))
                    }
                }
            case .goalCompleted where closing == nil:
                closing = Closing(status: .completed, on: localDate(envelope.occurredAt))
            case .goalDropped where closing == nil:
                closing = Closing(status: .dropped, on: localDate(envelope.occurredAt))
            default:
                continue
            }
        }
        guard let setFor else { return nil }
        self.init(setFor: setFor, moves: moves, closing: closing)
    }

    public func contains(_ day: LocalDate) -> Bool { inactive(on: day) == nil }

    /// Nil when the goal is active on `day`; otherwise why not (a closing before the day comes first).
    public func inactive(on day: LocalDate) -> Inactive? {
        if let closing, closing.on < day { return .closed(closing) }
        let quarter = day.quarter
        if quarter == setFor || moves.contains(where: { $0.quarter == quarter && $0.on <= day }) { return nil }
        return .otherQuarter(moves.last { $0.on <= day }?.quarter ?? setFor)
    }
}
