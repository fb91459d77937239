import Foundation
import Testing

/// Tags in reports: `insights --by tag`, `events --tag`, `activities`, and every --tag normalised as imports do.
@Suite("Tags in reports")
struct TagReportsTests {
    static func sandbox() throws -> Sandbox {
        let s = try Sandbox.demo(now: "2025-05-16T18:00")
        _ = try s.ok(["log", "activity", "Design critique", "--goal", "network", "--minutes", "60", "--tag", "UX Research", "--tag", "events"])
        _ = try s.ok(["log", "activity", "Usability notes", "--minutes", "30", "--tag", "ux research"])
        _ = try s.ok(["log", "activity", "Inbox", "--minutes", "20"])
        return s
    }

    @Test func tagsAreNormalisedAsImportsDo() throws {
        let s = try Self.sandbox()
        let events = try s.events()
        #expect(events[36].payload["tags"] == ["ux-research", "events"])
        #expect(events[37].payload["tags"] == ["ux-research"])
    }

    @Test func insightsByTag() throws {
        let s = try Self.sandbox()
        #expect(try s.ok(["insights", "--by", "tag", "--since", "2025-05-16"]) == """
            Insights by tag: May 16 to May 16
            tag           linked  unlinked  total
            #ux-research      1h       30m   1h30
            #events           1h        0m     1h
            (untagged)        0m       20m    20m

            """)
        #expect(try s.ok(["insights", "--by", "tag", "--since", "2025-05-16", "--format", "json"]) == """
            {
              "period": {
                "kind": "dates",
                "quarter": null,
                "from": "2025-05-16",
                "to": "2025-05-16",
                "through": "2025-05-16"
              },
              "tags": [
                {
                  "tag": "ux-research",
                  "minutesLinked": 60,
                  "minutesUnlinked": 30,
                  "minutes": 90
                },
                {
                  "tag": "events",
                  "minutesLinked": 60,
                  "minutesUnlinked": 0,
                  "minutes": 60
                },
                {
                  "tag": null,
                  "minutesLinked": 0,
                  "minutesUnlinked": 20,
                  "minutes": 20
                }
              ]
            }

            """)
        #expect(try s.run(["insights", "--by", "tag", "--calibration"]).status == 64)
    }

    @Test func eventsByTag() throws {
        let s = try Self.sandbox()
        let listed = try s.events(["--tag", "UX Research"])
        #expect(listed.map(\.position) == [37, 38])
        _ = try s.ok(["log", "retract", "38", "--reason", "Duplicate"])
        #expect(try s.events(["--tag", "ux-research"]).map { "\($0.position) \($0.type) \($0.retracted)" }
            == ["37 activity-logged false", "38 activity-logged true", "40 event-retracted false"])
        #expect(try s.events(["--tag", "nothing-like-it"]).isEmpty)
    }

    @Test func activitiesListsReadablyWithATotal() throws {
        let s = try Self.sandbox()
        #expect(try s.ok(["activities", "--since", "2025-05-16"]) == """
            2025-05-16   1h  network  Design critique #ux-research #events
            2025-05-16  30m  no goal  Usability notes #ux-research
            2025-05-16  20m  no goal  Inbox
            Total: 3 activities, 1h50 (2025-05-16 to 2025-05-16)

            """)
        #expect(try s.ok(["activities", "--since", "2025-05-16", "--tag", "UX Research", "--grep", "USABILITY"]) == """
            2025-05-16  30m  no goal  Usability notes #ux-research
            Total: 1 activity, 30m (2025-05-16 to 2025-05-16)

            """)
        _ = try s.ok(["log", "retract", "39", "--reason", "Not work"])
        let json = try s.ok(["activities", "--since", "2025-05-16", "--goal", "network", "--format", "json"])
        let events = try s.events()
        let decoded = try JSONDecoder().decode(JSON.self, from: Data(json.utf8))
        #expect(decoded == .object([
            "from": "2025-05-16", "to": "2025-05-16", "count": 1, "totalMinutes": 60,
            "activities": [.object([
                "eventId": .string(events[36].eventId), "position": 37, "date": "2025-05-16", "occurredAt": "2025-05-16T18:00:00.000Z",
                "minutes": 60, "goal": "network", "milestone": .null, "text": "Design critique", "tags": ["ux-research", "events"],
            ])],
        ]))
        #expect(json.hasPrefix("{\n  \"from\": \"2025-05-16\",\n  \"to\": \"2025-05-16\",\n  \"activities\": ["))
        #expect(try s.ok(["activities", "--since", "2025-05-16"]).contains("Total: 2 activities, 1h30"), "the retracted one is left out")
        #expect(try s.run(["activities", "--since", "2025-05-17", "--until", "2025-05-16"]).status == 64)
    }
}
