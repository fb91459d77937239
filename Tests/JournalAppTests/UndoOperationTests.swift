import JournalApp
import JournalDomain
import JournalStore
import Testing

/// Undo as an operation: what it finds to take back, the retractions it records, and its refusals.
@Suite struct UndoOperationTests {
    let store = InMemoryEventStore()

    func journal() throws -> Recorder<InMemoryEventStore> {
        let recorder = Recorder(store: store, time: try at("2025-04-07T09:00"))
        _ = try recorder.recordAll([goal("aws", "Pass AWS"), .planMilestone(goal: "aws", title: "Study", schedule: weeks(1, 2)),
                                    .markDone(goal: "aws", number: 1)], commandName: "test")
        return recorder
    }

    @Test func withoutAPositionItTakesBackTheNewestEvent() throws {
        let recorder = try journal()
        let targets = try UndoTargets.find(in: store, after: nil)
        #expect(targets.map(\.position) == [3])
        let recorded = try UndoTargets.retract(targets, reason: UndoTargets.defaultReason(after: nil), force: false, recorder: recorder)
        #expect(recorded.map(\.target?.position) == [3])
        #expect(recorded.first?.goal?.milestones[1]?.doneAt == nil, "the milestone is open again")
        #expect(try UndoTargets.find(in: store, after: nil).map(\.position) == [2], "a retraction and what it retracted are skipped")
    }

    @Test func afterAPositionItTakesBackEverythingNewestFirstInOneAppend() throws {
        let recorder = try journal()
        let targets = try UndoTargets.find(in: store, after: 1)
        #expect(targets.map(\.position) == [3, 2])
        let recorded = try UndoTargets.retract(targets, reason: UndoTargets.defaultReason(after: 1), force: false, recorder: recorder)
        #expect(recorded.map(\.event.position) == [4, 5])
        #expect(try store.event(atPosition: 4)?.payload.contains("Undone with journal undo --to 1") == true)
    }

    @Test func aPositionPastTheEndIsRefused() throws {
        _ = try journal()
        #expect(throws: AppError.undoPositionPastHead(position: 9, head: 3)) { try UndoTargets.find(in: store, after: 9) }
    }

    @Test func nothingLeftToUndoIsRefused() throws {
        #expect(throws: AppError.nothingToUndo(after: nil)) { try UndoTargets.find(in: store, after: nil) }
        _ = try journal()
        #expect(throws: AppError.nothingToUndo(after: 3)) { try UndoTargets.find(in: store, after: 3) }
    }

    @Test func anUndoThatBreaksARuleRecordsNothing() throws {
        let recorder = Recorder(store: store, time: try at("2025-04-07T09:00"))
        for key in ["a", "b", "c"] { _ = try recorder.record(goal(key, "Goal \(key)"), occurredAt: nil, commandName: "test") }
        _ = try recorder.record(.dropGoal(goal: "c", reason: "no time"), occurredAt: nil, commandName: "test")
        _ = try recorder.record(goal("d", "Goal d"), occurredAt: nil, commandName: "test")
        // Undoing the set of d and then the drop of c would be fine, but undoing only the drop brings back a fourth goal.
        let targets = try UndoTargets.find(in: store, after: 3).filter { $0.position == 4 }
        #expect(throws: DomainError.self) {
            try UndoTargets.retract(targets, reason: "undo", force: false, recorder: recorder)
        }
        #expect(try store.count() == 5)
        #expect(try UndoTargets.retract(targets, reason: "undo", force: true, recorder: recorder).count == 1)
    }
}
