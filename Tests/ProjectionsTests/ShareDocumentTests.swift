import JournalDomain
import JournalTestSupport
import Projections
import Testing

@Suite("The share document")
struct ShareDocumentTests {
    typealias L = LogBuilder

    /// 2025-Q2 with two directions. aws (confidence 70, direction "dir") has milestones in weeks 1, 2-3, 4, one due
    /// on Apr 13 and one on Apr 20; blog (direction "writing") is completed with a milestone left undone; side
    /// (a direction that does not exist) is active; talk is dropped with a two-line reason.
    func journal() -> Ledger {
        var log = L()
        log.add(.directionSet(DirectionSet(key: "dir", title: "Lead data", by: "2028")), at: "2025-03-30T10:00")
        log.add(.directionSet(DirectionSet(key: "writing", title: "Write a book")), at: "2025-03-30T10:00")
        log.add(.goalSet(GoalSet(key: "aws", title: "AWS", quarter: L.q2, metric: "Pass", due: L.date("2025-06-15"),
                                 direction: "dir", confidence: 70)), at: "2025-03-31T10:00")
        log.milestone("aws", 1, weeks: (1, 1), at: "2025-03-31T10:00")
        log.milestone("aws", 2, weeks: (2, 3), at: "2025-03-31T10:00")
        log.milestone("aws", 3, weeks: (4, 4), at: "2025-03-31T10:00")
        log.milestone("aws", 4, due: "2025-04-13", at: "2025-03-31T10:00")
        log.milestone("aws", 5, due: "2025-04-20", at: "2025-03-31T10:00")
        log.goal("blog", direction: "writing", at: "2025-03-31T11:00")
        log.milestone("blog", 1, weeks: (2, 2), at: "2025-03-31T11:00")
        log.milestone("blog", 2, weeks: (1, 1), at: "2025-03-31T11:00")
        log.done("blog", 2, at: "2025-04-03T10:00")
        log.add(.goalCompleted(GoalCompleted(goal: "blog")), at: "2025-04-04T10:00")
        log.goal("side", direction: "nowhere", at: "2025-03-31T12:00")
        log.goal("talk", direction: "dir", at: "2025-03-31T13:00")
        log.add(.goalDropped(GoalDropped(goal: "talk", reason: "No conference\nthis spring")), at: "2025-04-05T10:00")
        return Ledger.fold(log.envelopes)
    }

    @Test func milestoneStatesInWeekTwo() {
        // 2025-04-10 is in week 2 (Apr 8-14).
        let document = ShareDocument(ledger: journal(), quarter: L.q2, time: L.time("2025-04-10T12:00"))
        #expect(document.goals.map(\.card.key) == ["aws", "blog", "side"])
        #expect(document.goals[0].milestones.map(\.state) == [.late, .thisWeek, .planned, .thisWeek, .planned])
        #expect(document.goals[1].milestones.map(\.state) == [.notDone, .done(L.date("2025-04-03"))])
    }

    @Test func noMilestoneIsThisWeekOutsideTheQuarter() {
        let before = ShareDocument(ledger: journal(), quarter: L.q2, time: L.time("2025-03-31T18:00"))
        #expect(before.goals[0].milestones.map(\.state) == Array(repeating: .planned, count: 5))
        let after = ShareDocument(ledger: journal(), quarter: L.q2, time: L.time("2025-07-02T12:00"))
        #expect(after.goals[0].milestones.map(\.state) == Array(repeating: .late, count: 5))
    }

    @Test func directionsConfidenceAndDrops() {
        let document = ShareDocument(ledger: journal(), quarter: L.q2, time: L.time("2025-04-10T12:00"))
        // The dropped goal's direction is not listed for it, the missing one not at all, each once.
        #expect(document.directions.map(\.key) == ["dir", "writing"])
        #expect(document.directions.first?.by == "2028")
        #expect(document.goals.map(\.direction) == ["Lead data", "Write a book", nil])
        #expect(document.goals.map(\.confidence) == [70, nil, nil])
        #expect(document.dropped.map(\.key) == ["talk"])
        #expect(document.dropped.first?.title == "Goal talk" && document.dropped.first?.reason == "No conference\nthis spring")
    }

    @Test func onlyTheWarningsAPartnerCanAskAbout() {
        // Without a partner the board warns no-accountability; side has no milestones: planning advice, left out.
        let document = ShareDocument(ledger: journal(), quarter: L.q2, time: L.time("2025-04-10T12:00"))
        #expect(document.board.warnings.contains { $0.code == .noAccountability })
        #expect(document.warnings.isEmpty)
    }
}
