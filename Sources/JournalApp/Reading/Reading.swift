import JournalDomain
import JournalStore
import Projections

/// The read models each report shows, loaded from a store: the slices the question needs (fast on SQLite,
/// the generic fold elsewhere), folded into the projections. Every store gives the same answers.
public struct Reading<Store: EventStore & ProjectionCheckpoints> {
    public let store: Store
    public let time: TimeContext

    public init(store: Store, time: TimeContext) {
        self.store = store
        self.time = time
    }

    /// The sprint board of a quarter, its charts up to today and its drift so far (the report as known by the end
    /// of today).
    public struct Sprint {
        public let board: SprintBoard
        public let charts: QuarterCharts
        private let ledger: Ledger
        private let time: TimeContext

        init(ledger: Ledger, quarter: Quarter, time: TimeContext) {
            board = SprintBoard(ledger: ledger, quarter: quarter, time: time)
            charts = QuarterCharts.sprint(ledger: ledger, quarter: quarter, time: time)
            self.ledger = ledger
            self.time = time
        }

        /// Folded when asked for: only the HTML page shows it, and it costs as much as a report.
        public var drift: QuarterReport { QuarterReport(ledger: ledger, quarter: board.quarter, asKnownAt: time.today, time: time) }
    }

    public func sprint(_ quarter: Quarter) throws -> Sprint {
        Sprint(ledger: try store.ledger(.quarter(quarter), time: time), quarter: quarter, time: time)
    }

    /// For a board with no goals: the first later quarter that has some (read only then, from every goal).
    public func laterQuarterWithGoals(after board: SprintBoard) throws -> Quarter? {
        guard board.goals.isEmpty, board.quarter >= time.today.quarter else { return nil }
        return GoalList.laterQuarter(after: board.quarter, ledger: try store.ledger(.allGoals, time: time), time: time)
    }

    /// What `journal` alone shows: the current quarter's board, this sprint week's due milestones and effort.
    public func overview() throws -> Overview {
        let quarter = time.today.quarter
        let ledger = try store.ledger(.quarter(quarter), time: time)
        let board = SprintBoard(ledger: ledger, quarter: quarter, time: time)
        return Overview(board: board, ledger: ledger, time: time, laterQuarter: try laterQuarterWithGoals(after: board),
                        timer: try runningTimer())
    }

    /// The goals of one quarter, or of every quarter (nil).
    public func goals(_ quarter: Quarter?) throws -> GoalList {
        GoalList(ledger: try store.ledger(quarter.map { .quarters([$0], days: nil) } ?? .allGoals, time: time), quarter: quarter, time: time)
    }

    /// A quarter looked back on, as known now or (with `asKnownAt`) as recorded by the end of that day.
    public struct Report {
        public let report: QuarterReport
        public let charts: QuarterCharts
    }

    public func report(_ quarter: Quarter, asKnownAt: LocalDate?) throws -> Report {
        let ledger = try store.ledger(.quarter(quarter), time: time)
        return Report(report: QuarterReport(ledger: ledger, quarter: quarter, asKnownAt: asKnownAt, time: time),
                      charts: QuarterCharts.report(ledger: ledger, quarter: quarter, asKnownAt: asKnownAt, time: time))
    }

    /// One goal's audit; nil when the journal holds no such goal.
    public func history(_ key: String, asOf: LocalDate?) throws -> GoalHistory? {
        GoalHistory(ledger: try store.ledger(.goal(key), time: time), key: key, asOf: asOf, time: time)
    }

    public func share(_ quarter: Quarter) throws -> ShareDocument {
        ShareDocument(ledger: try store.ledger(.quarter(quarter), time: time), quarter: quarter, time: time)
    }

    public func accomplishments(since: LocalDate?) throws -> Accomplishments {
        Accomplishments(ledger: try store.ledger(.allGoals, time: time), time: time, from: since)
    }

    public func insights(_ period: Insights.Period) throws -> Insights {
        Insights(ledger: try store.ledger(period.scope, time: time), period: period, time: time)
    }

    /// `journal activities`: the activities of the days `from...to` (linked to `goal`, carrying `tag`, matching `grep`).
    public func activities(from: LocalDate, to: LocalDate, goal: String?, tag: String?, grep: String?) throws -> ActivityList {
        let scope: LedgerSlices.Scope = goal.map { .goal($0) }
            ?? .quarters(from <= to ? LedgerSlices.quarters(of: from...to) : [], days: from <= to ? from...to : nil)
        return ActivityList(ledger: try store.ledger(scope, time: time), from: from, to: to, goal: goal, tag: tag, grep: grep, time: time)
    }

    /// The timer running now, if any (the fold of the small `timer` stream), for the overview and `journal stop`.
    public func runningTimer() throws -> RunningTimer? {
        RunningTimer.replay(try store.readStream(StreamName.timer, from: 0).map { try $0.envelope() })
    }

    public func calibration() throws -> Calibration {
        Calibration(ledger: try store.ledger(.allGoals, time: time), time: time)
    }

    /// What planning `quarter` starts from.
    public func planContext(_ quarter: Quarter) throws -> PlanContext {
        PlanContext(ledger: try store.ledger(.allGoals, time: time), quarter: quarter)
    }

    /// What reviewing `quarter` starts from: its report, and the ledger with the next quarter's goals too (to
    /// prefill the fifth answer).
    public struct ReviewContext {
        public let report: QuarterReport
        public let ledger: Ledger
        /// The review the quarter already has, which a new one replaces in reports.
        public var existing: Fact<ReviewRecorded>? { ledger.review(of: report.quarter) }
    }

    public func reviewContext(_ quarter: Quarter) throws -> ReviewContext {
        let ledger = try store.ledger(.quarter(quarter, alsoGoalsOf: [quarter.next]), time: time)
        return ReviewContext(report: QuarterReport(ledger: ledger, quarter: quarter, time: time), ledger: ledger)
    }
}

extension Insights.Period {
    /// The ledger slices this period's insights read: every figure counts the period's own effort, so no goal's
    /// effort from before it is needed.
    public var scope: LedgerSlices.Scope {
        let days = from...to
        return .quarters(quarter.map { [$0] } ?? LedgerSlices.quarters(of: days), days: days)
    }
}
