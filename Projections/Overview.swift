import JournalDomain

/// What `journal` alone shows: the current quarter's board cut down to one screen. The goals and the warnings
/// are the sprint board's own; this adds which open milestones are due this sprint week or the next, and this
/// sprint week's effort.
public struct Overview: Equatable, Sendable {
    public let board: SprintBoard
    /// The sprint week today falls in (its days), nil outside the board's quarter.
    public let thisWeek: ClosedRange<LocalDate>?
    /// The milestones not done whose planned last day (or due date) falls in this sprint week or the next, in
    /// the order of that day, then the board's order.
    public let dueSoon: [SprintBoard.Milestone]
    /// Effort that occurred in this sprint week up to today.
    public let effort: Effort
    /// The first later quarter with goals, when the board's quarter has none.
    public let laterQuarter: Quarter?
    /// The timer `journal start` left running, and for how many whole minutes it has run by now.
    public let timer: RunningTimer?
    public let timerMinutes: Int

    public init(board: SprintBoard, ledger: Ledger, time: TimeContext, laterQuarter: Quarter? = nil, timer: RunningTimer? = nil) {
        self.board = board
        self.laterQuarter = laterQuarter
        self.timer = timer
        timerMinutes = timer.map { max(0, Int((time.now.millisecondsSinceEpoch - $0.startedAt.millisecondsSinceEpoch) / 60_000)) } ?? 0
        let quarter = board.quarter
        let week = quarter.week(of: board.today)
        thisWeek = week.flatMap { quarter.days(ofWeek: $0) }
        if let thisWeek, let week {
            let end = quarter.days(ofWeek: week + 1)?.upperBound ?? thisWeek.upperBound
            let window = thisWeek.lowerBound...end
            let open = board.goals.filter { $0.status == .active }.flatMap(\.milestones).filter { m in
                m.doneOn == nil && (m.plannedDays.map { window.contains($0.upperBound) } ?? false)
            }
            // A stable sort: milestones due the same day keep the board's order.
            dueSoon = open.enumerated().sorted { a, b in
                let (x, y) = (a.element.plannedDays?.upperBound, b.element.plannedDays?.upperBound)
                return x == y ? a.offset < b.offset : (x ?? end) < (y ?? end)
            }.map(\.element)
            effort = Effort(ledger: ledger, days: thisWeek.lowerBound...min(board.today, thisWeek.upperBound), time: time,
                            Knowledge(asKnownAt: time.now))
        } else {
            dueSoon = []
            effort = Effort()
        }
    }

    /// The board's most important warning: what needs doing first.
    public var warning: Warning? { Warnings.mostImportant(board.warnings) }
}

extension Warnings {
    /// The order a one-screen view picks a warning in: a deadline passed first, then falling behind, too many
    /// goals and busyness, then the plan's gaps, and the advice about partners and directions last.
    public static let importance: [Warning.Code] = [
        .pastDeadline, .behindNotRevised, .tooManyGoals, .cramming, .busyNotProgress, .noMilestones, .noMetric,
        .noDeadline, .outsideControl, .noDirection, .noAccountability,
    ]

    /// The first of `warnings` by `importance` (the board's order among equals).
    public static func mostImportant(_ warnings: [Warning]) -> Warning? {
        warnings.enumerated().min { a, b in
            let (x, y) = (rank(a.element.code), rank(b.element.code))
            return x == y ? a.offset < b.offset : x < y
        }?.element
    }

    static func rank(_ code: Warning.Code) -> Int {
        importance.firstIndex(of: code) ?? importance.count
    }
}
