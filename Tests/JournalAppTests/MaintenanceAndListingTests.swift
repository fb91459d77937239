import JournalApp
import JournalDomain
@testable import JournalStore
import Projections
import Testing

/// Verify, the event listing and the completion lists, as operations on a store.
@Suite struct MaintenanceAndListingTests {
    let store = InMemoryEventStore()

    func journal() throws -> [Recorded] {
        let recorder = Recorder(store: store, time: try at("2025-04-07T09:00"))
        let recorded = try recorder.recordAll([
            goal("aws", "Pass AWS"), .planMilestone(goal: "aws", title: "Study", schedule: weeks(1, 2)),
            .logActivity(text: "Read", goal: "aws", milestone: nil, minutes: 30), .logActivity(text: "Walk", goal: nil, milestone: nil, minutes: 20),
            goal("blog", "Write a blog", target: 4, unit: "posts"), .setDirection(key: "data-lead", title: "Lead data", by: nil),
        ], commandName: "test")
        _ = try recorder.record(.retract(reference: "3", reason: "wrong day"), occurredAt: nil, commandName: "test")
        return recorded
    }

    @Test func anIntactJournalVerifiesAndNamesTheEarlierHead() throws {
        let recorded = try journal()
        let verification = try Verification.run(store, earlierHead: recorded[1].event.hash, deep: true)
        #expect(verification.isOK && verification.events == 7)
        #expect(verification.earlierHead?.position == 2)
        #expect(verification.derived == [])
        #expect(try Verification.run(store, earlierHead: nil, deep: false).derived == nil, "derived tables are checked only when deep")
    }

    @Test func anEarlierHeadTheJournalNoLongerHoldsFailsWithoutTheDeepCheck() throws {
        _ = try journal()
        let verification = try Verification.run(store, earlierHead: Array(repeating: 7, count: 32), deep: true)
        #expect(!verification.isOK && verification.earlierHead?.position == nil && verification.derived == nil)
    }

    @Test func theDeepCheckNamesATamperedGoalIndex() throws {
        _ = try journal()
        for (key, row) in store.tables.goalIndex { store.tables.goalIndex[key] = StoredGoalIndexRow(key: row.key, quarter: row.quarter, status: "dropped") }
        let verification = try Verification.run(store, earlierHead: nil, deep: true)
        #expect(!verification.isOK && verification.derived?.map(\.table) == [.goalIndex])
        try store.catchUpSlices(rebuild: true)
        #expect(try Verification.run(store, earlierHead: nil, deep: true).isOK, "rebuild mends it")
    }

    @Test func theListingSelectsByGoalTypeAndTimeAndMarksRetractions() throws {
        _ = try journal()
        let aws = try EventSelection(goal: "aws", types: [], since: nil).select(in: store)
        #expect(aws.map(\.event.position) == [1, 2, 3, 7], "the goal's events, its activity and the activity's retraction")
        #expect(aws.map(\.retracted) == [false, false, true, false])
        let activities = try EventSelection(goal: nil, types: ["activity-logged"], since: nil).select(in: store)
        #expect(activities.map(\.event.position) == [3, 4])
        #expect(try EventSelection(goal: nil, types: [], since: try at("2025-04-08T00:00").now).select(in: store).isEmpty)
    }

    @Test func theListingReadsSQLiteTheSameWay() throws {
        let file = try TemporaryJournalFile()
        let sqlite = try file.open()
        let recorder = Recorder(store: sqlite, time: try at("2025-04-07T09:00"))
        _ = try recorder.recordAll([goal("aws", "Pass AWS"), .logActivity(text: "Read", goal: "aws", milestone: nil, minutes: 30)], commandName: "test")
        _ = try recorder.record(.retract(reference: "2", reason: "wrong day"), occurredAt: nil, commandName: "test")
        let selection = EventSelection(goal: "aws", types: [], since: nil)
        let fast = try selection.select(in: sqlite)
        #expect(fast.map(\.retracted) == [false, true, false])
        #expect(try fast == genericSelect(selection, sqlite), "SQLite's page reader and the generic one agree")
    }

    func genericSelect<Store: EventStore>(_ selection: EventSelection, _ store: Store) throws -> [EventSelection.Listed] {
        try selection.select(in: store)
    }

    @Test func completionListsOfferWhatEachArgumentAccepts() throws {
        let file = try TemporaryJournalFile()
        let sqlite = try file.open()
        let recorder = Recorder(store: sqlite, time: try at("2025-04-07T09:00"))
        _ = try recorder.recordAll([
            goal("aws", "Pass AWS"), .planMilestone(goal: "aws", title: "Study", schedule: weeks(1, 2)),
            .planMilestone(goal: "aws", title: "Exam", schedule: weeks(3, 3)), .markDone(goal: "aws", number: 1),
            goal("blog", "Write a blog", target: 4, unit: "posts"), goal("old", "Old goal"), .dropGoal(goal: "old", reason: "no"),
            .setDirection(key: "data-lead", title: "Lead data", by: nil), .setDirection(key: "gone", title: "Gone", by: nil),
        ], commandName: "test")
        _ = try recorder.record(.retract(reference: "9", reason: "never meant"), occurredAt: nil, commandName: "test")
        #expect(try CompletionList.activeGoals.candidates(in: sqlite) == ["aws", "blog"])
        #expect(try CompletionList.anyGoal.candidates(in: sqlite) == ["aws", "blog", "old"])
        #expect(try CompletionList.goalsWithTarget.candidates(in: sqlite) == ["blog"])
        #expect(try CompletionList.openMilestones.candidates(in: sqlite) == ["aws/2"])
        #expect(try CompletionList.activeGoalsAndOpenMilestones.candidates(in: sqlite) == ["aws", "aws/2", "blog"])
        #expect(try CompletionList.directions.candidates(in: sqlite) == ["data-lead"], "a retracted direction is no longer offered")
    }
}

/// An export from any store: each event's line in log order, then the head line.
@Suite struct ExportingTests {
    @Test func anExportIsEveryEventsLineThenTheHead() throws {
        let store = InMemoryEventStore()
        let recorded = try Recorder(store: store, time: try at("2025-04-07T09:00"))
            .recordAll([goal("aws", "Pass AWS"), .planMilestone(goal: "aws", title: "Study", schedule: weeks(1, 2))], commandName: "test")
        var lines: [String] = []
        #expect(try Exporting.lines(of: store) { lines.append($0) } == 2)
        #expect(lines == recorded.map { ExportLine.text($0.event) } + [ExportLine.headText(hash: recorded[1].event.hash, events: 2)])
    }

    @Test func sqlitesPagesGiveTheSameLinesAsTheGenericReader() throws {
        let file = try TemporaryJournalFile()
        let sqlite = try file.open()
        _ = try Recorder(store: sqlite, time: try at("2025-04-07T09:00")).record(goal("aws", "Pass AWS"), occurredAt: nil, commandName: "test")
        var fast: [String] = []
        var generic: [String] = []
        try Exporting.lines(of: sqlite) { fast.append($0) }
        try exportGenerically(sqlite) { generic.append($0) }
        #expect(fast == generic && fast.count == 2)
        #expect(try Exporting.lines(of: InMemoryEventStore()) { _ in } == 0, "an empty journal exports its head line only")
    }

    func exportGenerically<Store: EventStore>(_ store: Store, _ write: (String) throws -> Void) throws {
        try Exporting.lines(of: store, write)
    }
}
