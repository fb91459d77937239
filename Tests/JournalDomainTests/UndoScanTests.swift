import Testing
@testable import JournalDomain

@Suite("What undo takes back")
struct UndoScanTests {
    func envelope(_ position: Int64, _ event: JournalEvent) -> Envelope {
        let t = Instant(millisecondsSinceEpoch: 1_744_275_600_000 + position * 60_000)
        return Envelope(position: position, eventId: "e\(position)", streamId: "s", streamVersion: Int(position),
                        occurredAt: t, recordedAt: t, event: event)
    }

    func retraction(of position: Int) -> JournalEvent {
        .eventRetracted(EventRetracted(target: "e\(position)", targetType: "activity-logged", reason: "wrong"))
    }

    @Test func retractionsAndWhatTheyRetractAreSkipped() {
        let activity = JournalEvent.activityLogged(ActivityLogged(text: "Read", minutes: 30))
        // 1 activity, 2 activity, 3 retracts 2, 4 activity, 5 retracts 4, 6 retracts 1 (an earlier undo, say).
        let log = [envelope(1, activity), envelope(2, activity), envelope(3, retraction(of: 2)), envelope(4, activity),
                   envelope(5, retraction(of: 4)), envelope(6, retraction(of: 1))]
        var scan = UndoScan()
        #expect(log.reversed().filter { scan.isUndoable($0) }.isEmpty)

        let more = log + [envelope(7, activity), envelope(8, retraction(of: 7)), envelope(9, activity)]
        var again = UndoScan()
        #expect(more.reversed().filter { again.isUndoable($0) }.map(\.position) == [9])
    }

    @Test func summariesNameTheEvent() {
        #expect(JournalEvent.activityLogged(ActivityLogged(text: "Read", goal: "aws", milestone: 2, minutes: 30)).shortSummary
                == "activity: Read (30 min, aws/2)")
        #expect(JournalEvent.activityLogged(ActivityLogged(text: "Email")).shortSummary == "activity: Email")
        #expect(JournalEvent.milestoneDone(MilestoneDone(goal: "aws", number: 1)).shortSummary == "milestone aws/1 done")
    }
}
