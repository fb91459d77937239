import Foundation
import JournalDomain
import JournalViews
import Testing

/// The line a recorded command prints, reached as a front end without the command line reaches it: from values.
@Suite("What a recorded event says, from values")
struct RecordedLineTests {
    static let time = TimeContext(now: Instant(iso: "2025-04-10T09:30:00Z") ?? Instant(millisecondsSinceEpoch: 0),
                                  zone: TimeZone(identifier: "UTC") ?? .current)

    static func subject(_ change: JournalEvent, position: Int64 = 7, goal: GoalState? = nil,
                        target: RetractTarget? = nil, previousDirection: DirectionState? = nil) -> LogMessage.Subject {
        LogMessage.Subject(change: change, position: position, occurredAt: time.now, goal: goal, target: target,
                           previousDirection: previousDirection)
    }

    static func goal(current: Double, target: Double?) throws -> GoalState {
        let quarter = try #require(Quarter(year: 2025, number: 2))
        var goal = GoalState(GoalSet(key: "apply", title: "Apply to data roles", quarter: quarter, target: target,
                                     unit: "applications"))
        goal.current = current
        return goal
    }

    @Test func theLineNamesTheEventAndItsPositionAndKeepsTypedTextOnOneLine() {
        let line = LogMessage.describe(Self.subject(.partnerNamed(PartnerNamed(name: "Sam\nRivera")), position: 12),
                                       time: Self.time)
        #expect(line == "Accountability partner: Sam\\nRivera (event 12)")
    }

    @Test func aRetractionNamesTheRetractedEventByItsPosition() {
        let retraction = EventRetracted(target: "0190-abc", targetType: "activity-logged", reason: "typo")
        let target = RetractTarget(eventId: "0190-abc", position: 5, type: "activity-logged", alreadyRetracted: false)
        #expect(LogMessage.describe(Self.subject(.eventRetracted(retraction), target: target), time: Self.time)
            == "Retracted event 5 (activity-logged): typo (event 7)")
        // Without the target's row (not loaded), the event id stands in for its position.
        #expect(LogMessage.describe(Self.subject(.eventRetracted(retraction)), time: Self.time)
            == "Retracted event 0190-abc (activity-logged): typo (event 7)")
    }

    @Test func progressThatReachesTheTargetSuggestsCompletingTheGoal() throws {
        let measured = JournalEvent.progressMeasured(ProgressMeasured(goal: "apply", amount: 5))
        #expect(ProgressNote.note(measured, goal: try Self.goal(current: 62, target: 60))
            == "62 of 60 applications: complete it with journal log complete apply")
        #expect(ProgressNote.note(measured, goal: try Self.goal(current: 59, target: 60)) == nil)
        #expect(ProgressNote.note(measured, goal: try Self.goal(current: 59, target: nil)) == nil)
        #expect(ProgressNote.note(.partnerNamed(PartnerNamed(name: "Sam")), goal: try Self.goal(current: 62, target: 60)) == nil)
    }
}
