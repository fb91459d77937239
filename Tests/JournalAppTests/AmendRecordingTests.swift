import JournalApp
import JournalDomain
import JournalStore
import Testing

/// `log amend` as an operation: the two events it appends (to one stream or two), that a refusal appends nothing,
/// and undo taking the whole amendment back.
@Suite struct AmendRecordingTests {
    let store = InMemoryEventStore()

    func recorder(_ now: String = "2025-04-07T09:00") throws -> Recorder<InMemoryEventStore> {
        Recorder(store: store, time: try at(now))
    }

    func journal() throws -> Recorded {
        _ = try recorder().recordAll([goal("aws", "Pass AWS"), .planMilestone(goal: "aws", title: "Study", schedule: weeks(1, 2))],
                                     commandName: "test")
        return try recorder().record(.logActivity(text: "Read", goal: "aws", milestone: nil, minutes: 30), occurredAt: nil,
                                     commandName: "log activity")
    }

    func payloads() throws -> [String] { try store.read(from: 1, limit: 100).map(\.payload) }

    @Test func itAppendsTheRetractionAndTheCorrectedEntryToTheActivitysDay() throws {
        let logged = try journal()
        let amended = try recorder("2025-04-07T12:00").record(
            .amendActivity(reference: "3", amendment: ActivityAmendment(minutes: 45, link: .goal("aws", milestone: 1)), reason: "Typo"),
            occurredAt: nil, commandName: "log amend")
        let events = try store.read(from: 4, limit: 10)
        #expect(events.map(\.streamId) == ["activities-2025-04-07", "activities-2025-04-07"])
        #expect(events.map(\.payload) == [
            #"{"reason":"Typo","target":"\#(logged.event.eventId)","targetType":"activity-logged"}"#,
            #"{"amends":"\#(logged.event.eventId)","goal":"aws","milestone":1,"minutes":45,"text":"Read"}"#,
        ])
        // The corrected entry keeps the original's time; the retraction happens now.
        #expect(events[1].occurredAt == logged.event.occurredAt && events[0].occurredAt != logged.event.occurredAt)
        #expect(amended.event.position == 5 && amended.target?.position == 3)
    }

    @Test func movingItToAnotherDayAppendsToBothDays() throws {
        let logged = try journal()
        let sunday = try #require(TimeContext.parseNow("2025-04-06T10:00", zone: try at("2025-04-07T09:00").zone))
        _ = try recorder().record(.amendActivity(reference: logged.event.eventId, amendment: ActivityAmendment(occurredAt: sunday),
                                                 reason: "Wrong day"), occurredAt: nil, commandName: "log amend")
        let events = try store.read(from: 4, limit: 10)
        #expect(events.map(\.streamId) == ["activities-2025-04-07", "activities-2025-04-06"])
        #expect(events[1].occurredAt == sunday)
    }

    @Test func aRefusalAppendsNothing() throws {
        _ = try journal()
        let before = try payloads()
        for (reference, amendment) in [("3", ActivityAmendment(minutes: 30)), ("1", ActivityAmendment(minutes: 5)),
                                       ("99", ActivityAmendment(minutes: 5)), ("3", ActivityAmendment(link: .goal("blog", milestone: nil)))] {
            #expect(throws: DomainError.self) {
                try recorder().record(.amendActivity(reference: reference, amendment: amendment, reason: "x"), occurredAt: nil,
                                      commandName: "log amend")
            }
        }
        #expect(try payloads() == before)
    }

    @Test func undoAmendsBackToTheOriginalUnlessTheOriginalIsUndoneToo() throws {
        let logged = try journal()
        _ = try recorder().record(.amendActivity(reference: "3", amendment: ActivityAmendment(text: "Read twice", minutes: 60), reason: "More"),
                                  occurredAt: nil, commandName: "log amend")
        let targets = try UndoTargets.find(in: store, after: nil)
        #expect(targets.map(\.position) == [5])
        let undone = try UndoTargets.retract(targets, reason: "undo", force: false, recorder: recorder())
        #expect(undone.map(\.event.position) == [7] && undone.first?.target?.position == 5)
        let last = try #require(try store.event(atPosition: 7))
        #expect(last.payload == #"{"amends":"\#(try #require(try store.event(atPosition: 5)).eventId)","goal":"aws","minutes":30,"text":"Read"}"#)
        #expect(last.occurredAt == logged.event.occurredAt)

        // The entry undo put back stands for the original: undoing again retracts it.
        let again = try UndoTargets.retract(try UndoTargets.find(in: store, after: nil), reason: "undo", force: false, recorder: recorder())
        #expect(again.map(\.change.kind) == [.eventRetracted] && again.first?.target?.position == 7)
        #expect(try UndoTargets.find(in: store, after: nil).map(\.position) == [2])
    }

    @Test func undoingEverythingAfterAPositionRestoresNothingItTakesBack() throws {
        _ = try journal()
        _ = try recorder().record(.amendActivity(reference: "3", amendment: ActivityAmendment(minutes: 60), reason: "More"),
                                  occurredAt: nil, commandName: "log amend")
        // Undoing everything after the goal's milestone takes the entries back without restoring any.
        let all = try UndoTargets.find(in: store, after: 2)
        #expect(all.map(\.position) == [5])
        let plain = try UndoTargets.retract(all, after: 2, reason: "undo", force: false, recorder: recorder())
        #expect(plain.map(\.change.kind) == [.eventRetracted])
    }
}
