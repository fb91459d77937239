import JournalDomain
@testable import Projections
import Testing

@Suite struct OverviewTests {
    static func warning(_ code: Warning.Code, _ goal: String? = nil) -> Warning {
        Warning(code: code, goal: goal, message: code.rawValue)
    }

    @Test func theMostImportantWarningComesFirst() {
        let board: [Warning] = [Self.warning(.noMetric, "a"), Self.warning(.noAccountability), Self.warning(.behindNotRevised, "b"),
                                Self.warning(.pastDeadline, "c"), Self.warning(.pastDeadline, "d")]
        // Past a deadline first, and among equals the board's order.
        #expect(Warnings.mostImportant(board) == Self.warning(.pastDeadline, "c"))
        #expect(Warnings.mostImportant([Self.warning(.noDirection, "a"), Self.warning(.noMilestones, "b")]) == Self.warning(.noMilestones, "b"))
        #expect(Warnings.mostImportant([]) == nil)
        // Every code has its place.
        #expect(Set(Warnings.importance) == Set(Warning.Code.allCases) && Warnings.importance.count == Warning.Code.allCases.count)
    }
}
