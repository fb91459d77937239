import Foundation
import Testing
@testable import JournalDomain

/// Given a goal's events, when effort is logged on a day, then the link is kept, refused, or kept by force.
@Suite("Effort on goals not active that day")
struct GoalActiveDaysTests {
    let q3 = Quarter(year: 2025, number: 3)!
    let q4 = Quarter(year: 2025, number: 4)!
    let utc = TimeZone(identifier: "UTC") ?? TimeZone.current

    func day(_ text: String) -> LocalDate { LocalDate(iso: text) ?? LocalDate(dayNumber: 0) }

    /// The goal `cs` set for 2025-Q3 on Jul 10, with more events, each at noon UTC on its day.
    func stream(_ more: [(String, JournalEvent)]) -> [Envelope] {
        let events = [("2025-07-10", JournalEvent.goalSet(GoalSet(key: "cs", title: "Case studies", quarter: q3)))] + more
        return events.enumerated().map { i, pair in
            let at = Instant(date: day(pair.0), hour: 12)
            return Envelope(position: Int64(i + 1), eventId: "e\(i + 1)", streamId: "goal-cs", streamVersion: i + 1,
                            occurredAt: at, recordedAt: at, event: pair.1)
        }
    }

    func activeDays(_ more: [(String, JournalEvent)]) -> GoalActiveDays? {
        let events = stream(more)
        let retracted = Retractions.targets(in: events)
        return GoalActiveDays(events: events.filter { !retracted.contains($0.eventId) },
                              localDate: TimeContext(now: Instant(date: day("2026-01-01")), zone: utc).localDate(of:))
    }

    func move(to quarter: Quarter) -> JournalEvent {
        .goalRevised(GoalRevised(goal: "cs", changes: [FieldChange(field: .quarter, from: .text(q3.description), to: .text(quarter.description))],
                                 reason: "carried over"))
    }

    func logged(on text: String, _ days: GoalActiveDays?, force: Bool = false) -> Result<[JournalEvent], DomainError> {
        let state = DecisionState(goal: GoalState.replay(stream([])), goalActiveDays: days, occurredOn: day(text), today: day("2025-12-31"))
        do {
            return .success(try Decider.decide(.logActivity(text: "Draft", goal: "cs", milestone: nil, minutes: 30, force: force), state))
        } catch {
            return .failure(error)
        }
    }

    @Test func aGoalIsActiveOnItsQuarterDaysOnly() throws {
        let days = try #require(activeDays([]))
        // Jul 1 is before the goal was set: effort logged on it later, within its quarter, still served it.
        #expect(days.contains(day("2025-07-01")) && days.contains(day("2025-09-30")))
        #expect(days.inactive(on: day("2025-10-01")) == .otherQuarter(q3))
        #expect(days.inactive(on: day("2025-06-30")) == .otherQuarter(q3))
    }

    @Test func aCompletedOrDroppedGoalIsActiveUpToTheDayItClosed() throws {
        let completed = try #require(activeDays([("2025-08-20", .goalCompleted(GoalCompleted(goal: "cs")))]))
        #expect(completed.contains(day("2025-08-20")))
        #expect(completed.inactive(on: day("2025-08-21")) == .closed(.init(status: .completed, on: day("2025-08-20"))))
        let dropped = try #require(activeDays([("2025-08-20", .goalDropped(GoalDropped(goal: "cs", reason: "wrong goal")))]))
        #expect(dropped.inactive(on: day("2025-09-01")) == .closed(.init(status: .dropped, on: day("2025-08-20"))))
        // A retracted completion closes nothing.
        let reopened = try #require(activeDays([("2025-08-20", .goalCompleted(GoalCompleted(goal: "cs"))),
                                                ("2025-08-22", .eventRetracted(EventRetracted(target: "e2", targetType: "goal-completed", reason: "too soon")))]))
        #expect(reopened.contains(day("2025-09-01")))
    }

    @Test func aMovedGoalIsActiveInItsOldQuarterAndFromTheMoveInTheNewOne() throws {
        // Carried into Q4 on Sep 29, while planning ahead: the rest of Q3 and all of Q4 from then on.
        let days = try #require(activeDays([("2025-09-29", move(to: q4))]))
        #expect(days.contains(day("2025-09-30")) && days.contains(day("2025-10-05")))
        #expect(days.inactive(on: day("2026-01-05")) == .otherQuarter(q4))
        // Moved to Q4 only on Oct 10: a day of Q4 before the move was not one of the goal's.
        let late = try #require(activeDays([("2025-10-10", move(to: q4))]))
        #expect(late.inactive(on: day("2025-10-05")) == .otherQuarter(q3))
        #expect(late.contains(day("2025-10-10")))
    }

    @Test func loggingEffortOnAGoalNotActiveThatDayIsRefusedUnlessForced() throws {
        let completed = activeDays([("2025-08-20", .goalCompleted(GoalCompleted(goal: "cs")))])
        let closed = try #require(logged(on: "2025-09-02", completed).failure)
        #expect(closed.code == .goalNotActive)
        #expect(closed == .goalClosedBefore(goal: "cs", status: .completed, closedOn: day("2025-08-20"), day: day("2025-09-02")))
        let elsewhere = try #require(logged(on: "2025-10-02", activeDays([])).failure)
        #expect(elsewhere == .goalOfOtherQuarter(goal: "cs", quarter: q3, day: day("2025-10-02")))
        // The day of the completion, and any forced link, are recorded as given.
        #expect(try logged(on: "2025-08-20", completed).get().count == 1)
        let forced = try logged(on: "2025-09-02", completed, force: true).get()
        #expect(forced == [.activityLogged(ActivityLogged(text: "Draft", goal: "cs", minutes: 30))])
    }
}

extension Result {
    var failure: Failure? {
        if case .failure(let error) = self { return error }
        return nil
    }
}
