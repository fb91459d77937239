import Foundation
import JournalDomain
import Projections
import Testing

@Suite("Goal history")
struct GoalHistoryTests {
    static let utc = TimeContext(now: at("2025-07-01T09:00:00Z"), zone: TimeZone(identifier: "UTC") ?? .current)

    static func at(_ iso: String) -> Instant {
        Instant(iso: iso) ?? Instant(millisecondsSinceEpoch: 0)
    }

    static func day(_ iso: String) -> LocalDate {
        LocalDate(iso: iso) ?? LocalDate(dayNumber: 0)
    }

    func envelope(_ position: Int64, _ event: JournalEvent, _ occurred: String, recorded: String? = nil) -> Envelope {
        let occurredAt = Self.at(occurred)
        return Envelope(position: position, eventId: "e\(position)", streamId: event.goalKey.map { "goal-\($0)" } ?? "other",
                        streamVersion: Int(position), occurredAt: occurredAt,
                        recordedAt: recorded.map(Self.at) ?? occurredAt, event: event)
    }

    /// AWS certification: set, a milestone, a linked activity, a revision of the due date, a retracted revision of
    /// the title, the milestone done a day late in the log, and completion; plus events of another goal and an
    /// unlinked activity that must not show.
    var events: [Envelope] {
        let quarter = Quarter(year: 2025, number: 2) ?? Self.day("2025-04-01").quarter
        return [
            envelope(1, .goalSet(GoalSet(key: "aws", title: "Complete AWS certification", quarter: quarter,
                                         metric: "Pass the exam", due: Self.day("2025-06-15"))), "2025-04-01T09:00:00Z"),
            envelope(2, .milestonePlanned(MilestonePlanned(goal: "aws", number: 1, title: "Finish sections 1-5",
                                                           weeks: WeekSpan(first: 1, last: 4))), "2025-04-01T09:05:00Z"),
            envelope(3, .activityLogged(ActivityLogged(text: "Course section 1", goal: "aws", milestone: 1, minutes: 60)),
                     "2025-04-03T18:00:00Z"),
            envelope(4, .activityLogged(ActivityLogged(text: "Unrelated webinar", minutes: 30)), "2025-04-04T18:00:00Z"),
            envelope(5, .goalSet(GoalSet(key: "network", title: "Grow my network", quarter: quarter, target: 15,
                                         unit: "connections")), "2025-04-05T09:00:00Z"),
            envelope(6, .milestoneDone(MilestoneDone(goal: "aws", number: 1)), "2025-04-28T12:00:00Z",
                     recorded: "2025-04-29T08:00:00Z"),
            envelope(7, .goalRevised(GoalRevised(goal: "aws", changes: [
                FieldChange(field: .due, from: .text("2025-06-15"), to: .text("2025-06-30")),
            ], reason: "Exam slots full until late June")), "2025-05-20T10:00:00Z"),
            envelope(8, .goalRevised(GoalRevised(goal: "aws", changes: [
                FieldChange(field: .title, from: .text("Complete AWS certification"), to: .text("AWS cert")),
            ], reason: "Shorter")), "2025-05-21T10:00:00Z"),
            envelope(9, .eventRetracted(EventRetracted(target: "e8", targetType: "goal-revised", reason: "Kept the long title")),
                     "2025-05-21T11:00:00Z"),
            envelope(10, .progressMeasured(ProgressMeasured(goal: "network", amount: 3)), "2025-05-22T09:00:00Z"),
            envelope(11, .goalCompleted(GoalCompleted(goal: "aws", outcome: "Passed, 870/1000")), "2025-06-27T16:00:00Z"),
        ]
    }

    @Test func listsEveryEventThatTouchedTheGoalInLogOrder() throws {
        let ledger = Ledger.fold(events)
        let history = try #require(GoalHistory(ledger: ledger, key: "aws", time: Self.utc))
        #expect(history.key == "aws")
        #expect(history.title == "Complete AWS certification")
        #expect(history.status == .completed)
        #expect(history.asOf == nil && history.stateAsOf == nil)
        #expect(history.entries.map(\.position) == [1, 2, 3, 6, 7, 8, 9, 11])
        #expect(history.entries.map(\.type) == ["goal-set", "milestone-planned", "activity-logged", "milestone-done",
                                                 "goal-revised", "goal-revised", "event-retracted", "goal-completed"])
        #expect(history.entries.map(\.summary) == [
            "Goal set for 2025-Q2: Complete AWS certification [metric: Pass the exam; due 2025-06-15]",
            "Milestone aws/1 planned for weeks 1-4: Finish sections 1-5",
            "Activity (60 min, aws/1): Course section 1",
            "Milestone aws/1 done: Finish sections 1-5",
            "Revised due",
            "Revised title",
            "Retracted event 8 (goal-revised): Kept the long title",
            "Completed: Passed, 870/1000",
        ])
        // Occurred and recorded times are the event's own.
        let done = history.entries[3]
        #expect(done.occurredAt == Self.at("2025-04-28T12:00:00Z") && done.recordedAt == Self.at("2025-04-29T08:00:00Z"))
        #expect(done.changes.isEmpty && done.reason == nil && !done.retracted)
    }

    @Test func revisionsCarryTheirChangesAndReasonAndRetractedOnesTheRetractionsReason() throws {
        let history = try #require(GoalHistory(ledger: Ledger.fold(events), key: "aws", time: Self.utc))
        let due = history.entries[4]
        #expect(due.changes == [FieldChange(field: .due, from: .text("2025-06-15"), to: .text("2025-06-30"))])
        #expect(due.reason == "Exam slots full until late June")
        #expect(!due.retracted && due.retractedBecause == nil)

        let title = history.entries[5]
        #expect(title.changes == [FieldChange(field: .title, from: .text("Complete AWS certification"), to: .text("AWS cert"))])
        #expect(title.reason == "Shorter")
        #expect(title.retracted && title.retractedBecause == "Kept the long title")

        let retraction = history.entries[6]
        #expect(retraction.eventId == "e9" && retraction.reason == "Kept the long title")
        #expect(retraction.changes.isEmpty && !retraction.retracted && retraction.retractedBecause == nil)

        // Every entry that is not a revision, a drop or a retraction has no reason and no changes.
        for entry in history.entries where !["goal-revised", "event-retracted"].contains(entry.type) {
            #expect(entry.changes.isEmpty && entry.reason == nil, "\(entry.type)")
        }
    }

    @Test func aRetractedLinkedActivityAndADropShowWithTheirReasons() throws {
        var list = Array(events.prefix(3))
        list.append(envelope(4, .eventRetracted(EventRetracted(target: "e3", targetType: "activity-logged",
                                                                 reason: "Wrong goal")), "2025-04-04T09:00:00Z"))
        list.append(envelope(5, .goalDropped(GoalDropped(goal: "aws", reason: "Reorg moved me to platform work")),
                             "2025-05-01T09:00:00Z"))
        let history = try #require(GoalHistory(ledger: Ledger.fold(list), key: "aws", time: Self.utc))
        #expect(history.status == .dropped)
        #expect(history.entries.map(\.position) == [1, 2, 3, 4, 5])
        #expect(history.entries[2].retractedBecause == "Wrong goal")
        #expect(history.entries[3].summary == "Retracted event 3 (activity-logged): Wrong goal")
        #expect(history.entries[4].type == "goal-dropped")
        #expect(history.entries[4].reason == "Reorg moved me to platform work")
        #expect(history.entries[4].summary == "Dropped: Reorg moved me to platform work")
    }

    @Test func asOfShowsTheGoalAtTheEndOfThatDayBeforeAndAfterARevision() throws {
        let ledger = Ledger.fold(events)
        let before = try #require(GoalHistory(ledger: ledger, key: "aws", asOf: Self.day("2025-05-19"), time: Self.utc))
        #expect(before.asOf == Self.day("2025-05-19"))
        let old = try #require(before.stateAsOf)
        #expect(old.title == "Complete AWS certification")
        #expect(old.quarter.description == "2025-Q2")
        #expect(old.status == .active)
        #expect(old.metric == "Pass the exam")
        #expect(old.target == nil && old.current == nil && old.unit == nil && old.direction == nil)
        #expect(old.due == Self.day("2025-06-15"))
        let milestone = try #require(old.milestones.first)
        #expect(old.milestones.count == 1)
        #expect(milestone.number == 1 && milestone.ref == "aws/1" && milestone.title == "Finish sections 1-5")
        #expect(milestone.weeks == WeekSpan(first: 1, last: 4) && milestone.due == nil)
        #expect(milestone.doneOn == Self.day("2025-04-28"))

        // The revision occurred on May 20: at the end of that day the due date had moved; the retracted title
        // revision (May 21) never counts.
        let after = try #require(GoalHistory(ledger: ledger, key: "aws", asOf: Self.day("2025-05-21"), time: Self.utc)?.stateAsOf)
        #expect(after.due == Self.day("2025-06-30"))
        #expect(after.title == "Complete AWS certification")
        #expect(after.status == .active)

        // Before the milestone was done, and after completion.
        let april = try #require(GoalHistory(ledger: ledger, key: "aws", asOf: Self.day("2025-04-27"), time: Self.utc)?.stateAsOf)
        #expect(april.milestones.map(\.doneOn) == [nil])
        let july = try #require(GoalHistory(ledger: ledger, key: "aws", asOf: Self.day("2025-07-01"), time: Self.utc)?.stateAsOf)
        #expect(july.status == .completed)

        // Before the goal was set there is no state, but the history is still there.
        let march = try #require(GoalHistory(ledger: ledger, key: "aws", asOf: Self.day("2025-03-31"), time: Self.utc))
        #expect(march.stateAsOf == nil && march.entries.count == 8)
    }

    @Test func asOfEndsAtTheEndOfTheLocalDay() throws {
        // 2025-05-20T02:00Z is May 19, 22:00 in New York: the revision counts at the end of May 19 there.
        var list = Array(events.prefix(2))
        list.append(envelope(3, .goalRevised(GoalRevised(goal: "aws", changes: [
            FieldChange(field: .due, from: .text("2025-06-15"), to: .text("2025-06-30")),
        ], reason: "Late slots")), "2025-05-20T02:00:00Z"))
        let ledger = Ledger.fold(list)
        let newYork = TimeContext(now: Self.at("2025-07-01T09:00:00Z"), zone: try #require(TimeZone(identifier: "America/New_York")))
        let local = try #require(GoalHistory(ledger: ledger, key: "aws", asOf: Self.day("2025-05-19"), time: newYork)?.stateAsOf)
        #expect(local.due == Self.day("2025-06-30"))
        let utc = try #require(GoalHistory(ledger: ledger, key: "aws", asOf: Self.day("2025-05-19"), time: Self.utc)?.stateAsOf)
        #expect(utc.due == Self.day("2025-06-15"))
    }

    @Test func aGoalWhoseGoalSetWasRetractedStillHasAHistoryAndAnUnknownGoalHasNone() throws {
        var list = Array(events.prefix(2))
        list.append(envelope(3, .eventRetracted(EventRetracted(target: "e1", targetType: "goal-set", reason: "Duplicate goal")),
                             "2025-04-02T09:00:00Z"))
        let ledger = Ledger.fold(list)
        let history = try #require(GoalHistory(ledger: ledger, key: "aws", asOf: Self.day("2025-04-30"), time: Self.utc))
        #expect(history.title == nil && history.status == nil && history.stateAsOf == nil)
        #expect(history.entries.map(\.position) == [1, 2, 3])
        #expect(history.entries[0].retractedBecause == "Duplicate goal")

        #expect(GoalHistory(ledger: ledger, key: "nope", time: Self.utc) == nil)
        #expect(GoalHistory(ledger: Ledger(), key: "aws", time: Self.utc) == nil)
    }
}
