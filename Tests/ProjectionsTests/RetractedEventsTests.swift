import JournalDomain
import Projections
import Testing

@Suite("Retracted events")
struct RetractedEventsTests {
    func envelope(_ position: Int64, _ event: JournalEvent) -> Envelope {
        let t = Instant(millisecondsSinceEpoch: 1_744_275_600_000)
        return Envelope(position: position, eventId: "e\(position)", streamId: "s", streamVersion: Int(position),
                        occurredAt: t, recordedAt: t, event: event)
    }

    @Test func foldsRetractionsAndMatchesIncrementalCatchUp() {
        let events = [
            envelope(1, .partnerNamed(PartnerNamed(name: "Sam"))),
            envelope(2, .activityLogged(ActivityLogged(text: "x"))),
            envelope(3, .eventRetracted(EventRetracted(target: "e2", targetType: "activity-logged", reason: "typo"))),
            envelope(4, .activityLogged(ActivityLogged(text: "y"))),
        ]
        let whole = RetractedEvents.fold(events)
        #expect(whole.contains("e2"))
        #expect(!whole.contains("e1") && !whole.contains("e4"))
        #expect(whole.reasons["e2"] == "typo")
        #expect(whole.position == 4)
        for split in 0...events.count {
            var incremental = RetractedEvents.fold(events.prefix(split))
            for e in events.dropFirst(split) { incremental.apply(e) }
            #expect(incremental == whole)
        }
    }
}
