import Foundation
import JournalDomain
import JournalTestSupport
import Projections
import Testing

/// A read folds only the slices its question needs; the read models must not be able to tell.
@Suite("Ledger slices")
struct LedgerSlicesTests {
    /// Every event routed to its slices, as the store keeps them.
    func slices(_ events: [Envelope]) -> [String: [Envelope]] {
        var slices: [String: [Envelope]] = [:]
        for event in events {
            for key in LedgerSlices.slices(of: event) { slices[key, default: []].append(event) }
        }
        return slices
    }

    /// What the store's read returns: the events once each, in log order.
    static func merged(_ envelopes: [Envelope]) -> [Envelope] {
        var seen = Set<Int64>()
        return envelopes.sorted { $0.position < $1.position }.filter { seen.insert($0.position).inserted }
    }

    func sliced(_ scope: LedgerSlices.Scope, _ slices: [String: [Envelope]], time: TimeContext) throws -> Ledger {
        try LedgerSlices.ledger(scope, time: time, goalSliceKeys: { slices.keys.filter { $0.hasPrefix(LedgerSlices.goalPrefix) } },
                                read: { keys in [LedgerSlicesTests.merged(keys.flatMap { slices[$0] ?? [] })] })
    }

    static let zones = ["UTC", "America/Los_Angeles", "Pacific/Kiritimati", "Pacific/Pago_Pago", "Asia/Kolkata"]

    @Test("sliced reads equal whole-log reads", arguments: [1, 7, 42] as [UInt64], zones)
    func slicedEqualsWhole(seed: UInt64, zone: String) throws {
        let events = GeneratedLog.make(seed: seed, count: 700)
        let whole = Ledger.fold(events)
        let stored = slices(events)
        let tz = try #require(TimeZone(identifier: zone))
        for now in ["2025-04-01T00:30", "2025-05-10T12:00", "2025-06-30T23:30", "2025-07-01T00:30", "2025-08-15T12:00", "2025-10-02T12:00"] {
            let time = TimeContext(now: try #require(TimeContext.parseNow(now, zone: tz)), zone: tz)
            for quarter in [LogBuilder.q2.previous, LogBuilder.q2, LogBuilder.q2.next] {
                let ledger = try sliced(.quarters([quarter], days: quarter.firstDay...quarter.lastDay), stored, time: time)
                #expect(SprintBoard(ledger: ledger, quarter: quarter, time: time) == SprintBoard(ledger: whole, quarter: quarter, time: time))
                #expect(QuarterReport(ledger: ledger, quarter: quarter, time: time) == QuarterReport(ledger: whole, quarter: quarter, time: time))
                let knownAt = time.today.adding(days: -20)
                #expect(QuarterReport(ledger: ledger, quarter: quarter, asKnownAt: knownAt, time: time)
                        == QuarterReport(ledger: whole, quarter: quarter, asKnownAt: knownAt, time: time))
                #expect(Insights(ledger: ledger, period: .quarter(quarter), time: time) == Insights(ledger: whole, period: .quarter(quarter), time: time))
                #expect(ShareDocument(ledger: ledger, quarter: quarter, time: time) == ShareDocument(ledger: whole, quarter: quarter, time: time))
            }
            for (from, to) in [("2025-04-20", "2025-05-03"), ("2025-06-25", "2025-07-04"), ("2025-03-01", "2025-09-30")] {
                let days = try #require(LocalDate(iso: from))...(try #require(LocalDate(iso: to)))
                let ledger = try sliced(.quarters(LedgerSlices.quarters(of: days), days: days), stored, time: time)
                let period = Insights.Period.dates(from: days.lowerBound, to: days.upperBound)
                #expect(Insights(ledger: ledger, period: period, time: time) == Insights(ledger: whole, period: period, time: time), "\(from)...\(to)")
            }
            for key in whole.goals.keys {
                let ledger = try sliced(.goal(key), stored, time: time)
                #expect(GoalHistory(ledger: ledger, key: key, asOf: time.today, time: time) == GoalHistory(ledger: whole, key: key, asOf: time.today, time: time))
            }
            let allGoals = try sliced(.allGoals, stored, time: time)
            #expect(Accomplishments(ledger: allGoals, time: time) == Accomplishments(ledger: whole, time: time))
            #expect(Calibration(ledger: allGoals, time: time) == Calibration(ledger: whole, time: time))
        }
    }

    @Test func effortOnAGoalLeftInAnEarlierQuarterIsUnlinkedAndReadsNoEarlierEffort() throws {
        // A Q2 goal still worked on in Q3 without being moved: in Q3 it is not active, so its effort there serves
        // no goal, and no goal's effort from before Q3 is read (insights count only the period's effort).
        var log = LogBuilder()
        log.goal("old", quarter: LogBuilder.q2, at: "2025-04-01T10:00")
        log.milestone("old", 1, weeks: (1, 4), at: "2025-04-01T10:05")
        log.done("old", 1, at: "2025-05-20T10:00")
        log.activity(goal: "old", minutes: 120, at: "2025-06-10T10:00")
        log.activity(goal: "old", minutes: 60, at: "2025-07-08T10:00")
        let stored = slices(log.envelopes)
        let q3 = LogBuilder.q2.next
        let time = LogBuilder.time("2025-08-20T12:00")
        var requested: [String] = []
        let ledger = try LedgerSlices.ledger(.quarters([q3], days: q3.firstDay...q3.lastDay), time: time,
                                             goalSliceKeys: { [] }, read: { keys in
            requested += keys
            return [LedgerSlicesTests.merged(keys.flatMap { stored[$0] ?? [] })]
        })
        #expect(!requested.contains { $0.hasPrefix("links:") })
        let expected = Insights(ledger: Ledger.fold(log.envelopes), period: .quarter(q3), time: time)
        #expect(expected.goals.isEmpty && expected.effort.minutesUnlinked == 60, "the precondition: July's effort served no goal")
        #expect(Insights(ledger: ledger, period: .quarter(q3), time: time) == expected)
    }

    @Test func slicesAreSmallForALongLog() {
        // A quarter's read needs its own weeks and goals, not the rest of the log.
        let events = GeneratedLog.make(seed: 3, count: 700)
        let stored = slices(events)
        let time = LogBuilder.time("2025-05-10T12:00")
        let keys = LedgerSlices.firstSlices(.quarters([LogBuilder.q2], days: LogBuilder.q2.firstDay...LogBuilder.q2.lastDay), time: time)
        #expect(keys.first == LedgerSlices.global)
        #expect(keys.filter { $0.hasPrefix("week:") }.count == 14)
        #expect(stored.keys.contains(LedgerSlices.quarter(LogBuilder.q2)))
        // Every activity is in exactly one week slice; linked ones also in their goal's.
        let weeks = stored.filter { $0.key.hasPrefix("week:") }.values.reduce(0) { $0 + $1.count }
        #expect(weeks == events.filter { if case .activityLogged = $0.event { true } else { false } }.count)
    }

    @Test func weekNumbersFloorBeforeTheEpoch() {
        #expect(LedgerSlices.weekNumber(of: Instant(millisecondsSinceEpoch: 0)) == 0)
        #expect(LedgerSlices.weekNumber(of: Instant(millisecondsSinceEpoch: 7 * 86_400_000 - 1)) == 0)
        #expect(LedgerSlices.weekNumber(of: Instant(millisecondsSinceEpoch: 7 * 86_400_000)) == 1)
        #expect(LedgerSlices.weekNumber(of: Instant(millisecondsSinceEpoch: -1)) == -1)
    }
}
