import Foundation
import JournalDomain
@testable import Projections
import Testing

@Suite("Retracted events")
struct RetractedEventsTests {
    func envelope(_ position: Int64, _ event: JournalEvent) -> Envelope {
        let t = Instant(millisecondsSinceEpoch: 1_744_275_600_000)
        return Envelope(position: position, eventId: "e\(position)", streamId: event.goalKey.map { StreamName.goal($0) } ?? "s", streamVersion: Int(position),
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

@Suite("The retracted-id pre-check")
struct IdFilterTests {
    @Test func neverSaysNoToAnIdItHolds() {
        var filter = IdFilter()
        let held = (0..<200).map { _ in UUID().uuidString.lowercased() }
        for id in held { filter.insert(id) }
        #expect(held.allSatisfy(filter.mayContain))
        let others = (0..<2_000).map { _ in UUID().uuidString.lowercased() }
        // With 200 ids in 1,024 bits most others are turned away without a lookup (about 18% are not).
        #expect(others.filter(filter.mayContain).count < 700)
    }

    @Test func anEmptyFilterHoldsNothing() {
        let filter = IdFilter()
        #expect(!filter.mayContain(UUID().uuidString.lowercased()) && !filter.mayContain("") && !filter.mayContain("é"))
    }
}
