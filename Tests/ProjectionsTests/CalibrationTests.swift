import Foundation
import JournalDomain
import JournalTestSupport
import Projections
import Testing

@Suite("Calibration")
struct CalibrationTests {
    static func quarter(_ text: String) -> Quarter { Quarter(parsing: text) ?? LogBuilder.q2 }

    /// Today is 2025-07-15 (2025-Q3 runs). Outcomes, by the quarter each goal was first set for:
    /// - 2024-Q4: a (90%) completed Dec 20 → 1; b (30%) dropped → 0.
    /// - 2025-Q1: c (80%) completed Apr 2, after its quarter → 0; d (75%) completed Mar 31 23:00 UTC → 1;
    ///   e (no confidence) completed → 1; r (100%, completed) has its goal-set retracted: not counted;
    ///   m (10%) moved away to 2025-Q2 unfinished and completed there Jun 10 → 0 (and no hit in 2025-Q2).
    /// - 2025-Q2: f (70%) still active → 0; n (40%) moved away to 2025-Q3 unfinished → 0.
    /// - 2025-Q3 (not over): h (95%) completed Jul 10.
    static var log: LogBuilder {
        var b = LogBuilder()
        b.set("a", "2024-Q4", confidence: 90, at: "2024-10-01T09:00")
        b.set("b", "2024-Q4", confidence: 30, at: "2024-10-01T09:05")
        b.complete("a", at: "2024-12-20T10:00")
        b.add(.goalDropped(GoalDropped(goal: "b", reason: "reorg")), at: "2024-11-15T10:00")
        b.set("c", "2025-Q1", confidence: 80, at: "2025-01-02T09:00")
        b.set("d", "2025-Q1", confidence: 75, at: "2025-01-02T09:05")
        b.set("e", "2025-Q1", confidence: nil, at: "2025-01-02T09:10")
        let r = b.set("r", "2025-Q1", confidence: 100, at: "2025-01-02T09:15")
        b.set("m", "2025-Q1", confidence: 10, at: "2025-01-03T09:00")
        b.complete("e", at: "2025-02-10T10:00")
        b.complete("r", at: "2025-02-11T10:00")
        b.retract(r, at: "2025-02-12T10:00")
        b.move("m", from: "2025-Q1", to: "2025-Q2", at: "2025-03-20T10:00")
        b.complete("d", at: "2025-03-31T23:00")
        b.complete("c", at: "2025-04-02T10:00")
        b.set("f", "2025-Q2", confidence: 70, at: "2025-04-01T09:00")
        b.set("n", "2025-Q2", confidence: 40, at: "2025-04-01T09:05")
        b.complete("m", at: "2025-06-10T10:00")
        b.move("n", from: "2025-Q2", to: "2025-Q3", at: "2025-06-20T10:00")
        b.set("h", "2025-Q3", confidence: 95, at: "2025-07-01T09:00")
        b.complete("h", at: "2025-07-10T10:00")
        return b
    }

    static func calibration(zone: String = "UTC", now: String = "2025-07-15T12:00") -> Calibration {
        let time = TimeContext(now: LogBuilder.instant(now), zone: TimeZone(identifier: zone) ?? LogBuilder.utc)
        return Calibration(ledger: Ledger.fold(log.envelopes), time: time)
    }

    static func close(_ a: Double?, _ b: Double) -> Bool {
        guard let a else { return false }
        return abs(a - b) < 1e-9
    }

    @Test func outcomesPerGoalByTheQuarterItWasFirstSetFor() {
        let c = Self.calibration()
        #expect(c.outcomes.map { "\($0.quarter) \($0.key) \($0.confidence.map(String.init) ?? "-") \($0.completed ? 1 : 0)" } == [
            "2024-Q4 a 90 1", "2024-Q4 b 30 0",
            "2025-Q1 c 80 0", "2025-Q1 d 75 1", "2025-Q1 e - 1", "2025-Q1 m 10 0",
            "2025-Q2 f 70 0", "2025-Q2 n 40 0",
        ])
        #expect(c.quarters.map { "\($0.quarter) \($0.goalsSet) \($0.goalsCompleted)" } == [
            "2024-Q4 2 1", "2025-Q1 4 2", "2025-Q2 2 0",
        ])
        #expect(c.goalsTotal == 8 && c.goalsWithConfidence == 7)
        #expect(c.today == LogBuilder.date("2025-07-15"))
    }

    @Test func brierScoreIsTheMeanSquaredErrorOfTheStatedConfidence() {
        let c = Self.calibration()
        // a, b, c, d, m, f, n: (0.9-1)² + (0.3-0)² + (0.8-0)² + (0.75-1)² + (0.1-0)² + (0.7-0)² + (0.4-0)²
        //   = 0.01+0.09+0.64+0.0625+0.01+0.49+0.16
        #expect(Self.close(c.brierScore, 1.4625 / 7), "\(String(describing: c.brierScore))")
        #expect(Self.close(c.meanConfidence, 395.0 / 7))
        #expect(Self.close(c.completionRate, 2.0 / 7))
        #expect(Self.close(c.gap, 395.0 / 7 - 200.0 / 7))
    }

    @Test func reliabilityBandsCountMeanAndRate() {
        let c = Self.calibration()
        #expect(c.bands.map(\.range) == [0...20, 21...40, 41...60, 61...80, 81...100])
        #expect(c.bands.map(\.goals) == [1, 2, 0, 3, 1])
        #expect(c.bands.map(\.meanConfidence) == [10, 35, nil, 75, 90])
        #expect(c.bands[0].completionRate == 0 && c.bands[1].completionRate == 0 && c.bands[2].completionRate == nil)
        #expect(Self.close(c.bands[3].completionRate, 1.0 / 3) && c.bands[4].completionRate == 1)
    }

    @Test func averagesAndSuggestedSprintSize() {
        let c = Self.calibration()
        #expect(Self.close(c.averageSet, 8.0 / 3))
        #expect(Self.close(c.averageCompleted, 3.0 / 3))
        #expect(c.suggestedSprintSize == 1)
    }

    @Test func suggestedSizeRoundsHalfUpAndStaysWithinOneToThree() {
        #expect(Calibration.suggestedSize(completed: 3, quarters: 2) == 2)
        #expect(Calibration.suggestedSize(completed: 5, quarters: 4) == 1)
        #expect(Calibration.suggestedSize(completed: 7, quarters: 3) == 2)
        #expect(Calibration.suggestedSize(completed: 5, quarters: 2) == 3)
        #expect(Calibration.suggestedSize(completed: 0, quarters: 3) == 1)
        #expect(Calibration.suggestedSize(completed: 9, quarters: 2) == 3)
        #expect(Calibration.suggestedSize(completed: 0, quarters: 0) == nil)
    }

    @Test func theCompletionDayIsTheLocalDay() {
        // In Berlin, d's completion at 23:00 UTC on Mar 31 falls on Apr 1: after its quarter.
        let c = Self.calibration(zone: "Europe/Berlin")
        #expect(c.outcomes.first { $0.key == "d" }?.completed == false)
        #expect(c.quarters.map(\.goalsCompleted) == [1, 1, 0])
        #expect(c.bands[3].completionRate == 0)
    }

    @Test func aQuarterCountsOnlyOnceItsLastDayIsPast() {
        // On Jun 30, 2025-Q2 still runs; on Jul 1 it is past.
        let running = Self.calibration(now: "2025-06-30T20:00")
        #expect(running.quarters.map(\.quarter.description) == ["2024-Q4", "2025-Q1"])
        #expect(running.goalsTotal == 6)
        let ended = Self.calibration(now: "2025-07-01T08:00")
        #expect(ended.quarters.map(\.quarter.description) == ["2024-Q4", "2025-Q1", "2025-Q2"])
    }

    @Test func aGoalCarriedIntoALaterQuarterCountsOnlyWhereItWasSet() {
        // w: set for 2025-Q1, carried into Q2 and completed there. v: set for Q2 and completed in Q2.
        // Only v is a hit in 2025-Q2; w is a miss in 2025-Q1 and counts nowhere else.
        var b = LogBuilder()
        b.set("w", "2025-Q1", confidence: 60, at: "2025-01-02T09:00")
        b.move("w", from: "2025-Q1", to: "2025-Q2", at: "2025-04-01T09:00")
        b.complete("w", at: "2025-05-01T09:00")
        b.set("v", "2025-Q2", confidence: 60, at: "2025-04-01T09:05")
        b.complete("v", at: "2025-05-02T09:00")
        let c = Calibration(ledger: Ledger.fold(b.envelopes), time: LogBuilder.time("2025-07-15T12:00"))
        #expect(c.outcomes.map { "\($0.quarter) \($0.key) \($0.completed ? 1 : 0)" } == ["2025-Q1 w 0", "2025-Q2 v 1"])
        #expect(c.quarters.map { "\($0.quarter) \($0.goalsSet) \($0.goalsCompleted)" } == ["2025-Q1 1 0", "2025-Q2 1 1"])
        // While 2025-Q2 runs, w's quarter is already past: a miss there, before the goal is even completed.
        let earlier = Calibration(ledger: Ledger.fold(b.envelopes), time: LogBuilder.time("2025-04-20T12:00"))
        #expect(earlier.outcomes.map(\.key) == ["w"] && earlier.outcomes.first?.completed == false)
    }

    @Test func nothingToCalibrateWithoutPastGoals() {
        let c = Self.calibration(now: "2024-12-31T12:00")
        #expect(c.isEmpty && c.quarters.isEmpty && c.goalsTotal == 0)
        #expect(c.brierScore == nil && c.meanConfidence == nil && c.completionRate == nil && c.gap == nil)
        #expect(c.averageSet == nil && c.averageCompleted == nil && c.suggestedSprintSize == nil)
        #expect(c.bands.map(\.goals) == [0, 0, 0, 0, 0] && c.bands.allSatisfy { $0.meanConfidence == nil })
    }

    @Test func pastGoalsWithoutConfidenceStillGiveTheSprintSize() {
        var b = LogBuilder()
        b.set("x", "2025-Q1", confidence: nil, at: "2025-01-02T09:00")
        b.set("y", "2025-Q1", confidence: nil, at: "2025-01-02T09:05")
        b.complete("x", at: "2025-02-01T09:00")
        b.complete("y", at: "2025-03-01T09:00")
        let c = Calibration(ledger: Ledger.fold(b.envelopes), time: LogBuilder.time("2025-05-01"))
        #expect(c.goalsTotal == 2 && c.goalsWithConfidence == 0)
        #expect(c.brierScore == nil && c.meanConfidence == nil && c.gap == nil)
        #expect(c.averageSet == 2 && c.averageCompleted == 2 && c.suggestedSprintSize == 2)
    }
}

extension LogBuilder {
    @discardableResult
    mutating func set(_ key: String, _ quarter: String, confidence: Int?, at: String) -> String {
        add(.goalSet(GoalSet(key: key, title: "Goal \(key)", quarter: CalibrationTests.quarter(quarter), confidence: confidence)),
            at: at)
    }

    mutating func complete(_ key: String, at: String) {
        add(.goalCompleted(GoalCompleted(goal: key)), at: at)
    }

    mutating func move(_ key: String, from: String, to: String, at: String) {
        add(.goalRevised(GoalRevised(goal: key, changes: [FieldChange(field: .quarter, from: .text(from), to: .text(to))],
                                     reason: "moved")), at: at)
    }
}
