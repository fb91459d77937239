import Foundation
import Testing

/// Each `journal log` subcommand: exit 0, one line naming what was recorded with "(event N)",
/// exactly one event of the right type with the right payload.
@Suite("journal log subcommands")
struct LogCommandTests {
    @Test func direction() throws {
        let s = try Sandbox()
        #expect(try s.log("direction", "Move into engineering management", "--key", "mgmt", "--by", "2028")
                == "Direction mgmt set: Move into engineering management (by 2028) (event 1)")
        var e = try s.lastEvent()
        #expect(e.type == "direction-set")
        #expect(e.streamId == "direction-mgmt" && e.streamVersion == 1)
        #expect(e.payload == .object(["key": "mgmt", "title": "Move into engineering management", "by": "2028"]))

        // Giving an existing key updates that direction, saying what changed: same stream, next version.
        #expect(try s.log("direction", "Lead", "a", "platform", "team", "--key", "mgmt", "--by", "2028-06-30")
                == "Direction mgmt updated (title Move into engineering management -> Lead a platform team; by 2028 -> 2028-06-30): Lead a platform team (event 2)")
        e = try s.lastEvent()
        #expect(e.streamId == "direction-mgmt" && e.streamVersion == 2)
        #expect(e.payload["title"] == "Lead a platform team" && e.payload["by"] == "2028-06-30")

        // Without --key the key is derived from the title.
        #expect(try s.log("direction", "Become a staff engineer") == "Direction staff-engineer set: Become a staff engineer (event 3)")
        #expect(try s.lastEvent().payload["key"] == "staff-engineer")
    }

    @Test func goal() throws {
        let s = try Sandbox()
        try s.log("direction", "Move into management", "--key", "mgmt")
        #expect(try s.log("goal", "Complete AWS Solutions Architect certification", "--quarter", "2025-Q2",
                          "--metric", "Pass the exam", "--due", "2025-06-15", "--confidence", "70")
                == "Goal aws-solutions set for 2025-Q2: Complete AWS Solutions Architect certification [metric: Pass the exam; due 2025-06-15] (event 2)")
        var e = try s.lastEvent()
        #expect(e.type == "goal-set" && e.streamId == "goal-aws-solutions" && e.streamVersion == 1)
        #expect(e.payload == .object(["key": "aws-solutions", "title": "Complete AWS Solutions Architect certification",
                                      "quarter": "2025-Q2", "metric": "Pass the exam", "due": "2025-06-15",
                                      "confidence": 70]))
        #expect(e.metadata["command"] == "log goal")

        // Q2-2025 is read as 2025-Q2; --target, --unit, --direction recorded.
        #expect(try s.log("goal", "Build professional network in data engineering", "--quarter", "Q2-2025",
                          "--target", "15", "--unit", "connections", "--direction", "mgmt", "--key", "network")
                == "Goal network set for 2025-Q2: Build professional network in data engineering [target: 15 connections] (event 3)")
        e = try s.lastEvent()
        #expect(e.payload == .object(["key": "network", "title": "Build professional network in data engineering",
                                      "quarter": "2025-Q2", "target": 15, "unit": "connections", "direction": "mgmt"]))

        // "Q2 2025" too; the same title again gets the next free key.
        #expect(try s.log("goal", "Complete AWS Solutions Architect certification", "--quarter", "Q2 2025")
                == "Goal aws-solutions-2 set for 2025-Q2: Complete AWS Solutions Architect certification (event 4)")
        e = try s.lastEvent()
        #expect(e.payload["quarter"] == "2025-Q2" && e.payload["key"] == "aws-solutions-2")
        #expect(try s.events(["--type", "goal-set"]).map { $0.payload["quarter"] } == ["2025-Q2", "2025-Q2", "2025-Q2"])
    }

    @Test func milestones() throws {
        let s = try Sandbox()
        try s.log("goal", "AWS certification", "--quarter", "2025-Q2", "--key", "aws")
        #expect(try s.log("milestone", "aws", "Finish sections 1-5", "--weeks", "1-4")
                == "Milestone aws/1 planned for weeks 1-4: Finish sections 1-5 (event 2)")
        var e = try s.lastEvent()
        #expect(e.type == "milestone-planned" && e.streamId == "goal-aws" && e.streamVersion == 2)
        #expect(e.payload == .object(["goal": "aws", "number": 1, "title": "Finish sections 1-5", "weeks": [1, 4]]))

        #expect(try s.log("milestone", "aws", "Practice", "exams", "--week", "5")
                == "Milestone aws/2 planned for week 5: Practice exams (event 3)")
        e = try s.lastEvent()
        #expect(e.payload == .object(["goal": "aws", "number": 2, "title": "Practice exams", "weeks": [5, 5]]))

        #expect(try s.log("milestone", "aws", "Book the exam", "--due", "2025-05-01")
                == "Milestone aws/3 planned due 2025-05-01: Book the exam (event 4)")
        e = try s.lastEvent()
        #expect(e.payload == .object(["goal": "aws", "number": 3, "title": "Book the exam", "due": "2025-05-01"]))
    }

    @Test func doneYesterday() throws {
        let s = try Sandbox()
        try s.log("goal", "AWS certification", "--quarter", "2025-Q2", "--key", "aws")
        try s.log("milestone", "aws", "Finish sections 1-5", "--weeks", "1-4")
        try s.log("milestone", "aws", "Practice exams", "--week", "5")
        #expect(try s.log("done", "aws/2", "--on", "yesterday") == "Milestone aws/2 done on 2025-04-09: Practice exams (event 4)")
        let e = try s.lastEvent()
        #expect(e.type == "milestone-done" && e.streamId == "goal-aws" && e.streamVersion == 4)
        #expect(e.payload == .object(["goal": "aws", "number": 2]))
        // A past day without a time is noon of that day (TZ=UTC); recorded is "now".
        #expect(e.occurredAt == "2025-04-09T12:00:00.000Z")
        #expect(e.recordedAt == "2025-04-10T09:00:00.000Z")
        // The text listing shows the recorded time since it differs.
        let text = try s.ok(["events", "--type", "milestone-done"])
        #expect(text.contains("2025-04-09 12:00") && text.contains("(recorded 2025-04-10 09:00)"), "\(text)")

        // Without --on it happened now.
        #expect(try s.log("done", "aws/1") == "Milestone aws/1 done on 2025-04-10: Finish sections 1-5 (event 5)")
        let now = try s.lastEvent()
        #expect(now.occurredAt == "2025-04-10T09:00:00.000Z" && now.recordedAt == "2025-04-10T09:00:00.000Z")
    }

    @Test func progress() throws {
        let s = try Sandbox()
        try s.log("goal", "Grow my network", "--quarter", "2025-Q2", "--key", "network", "--target", "15", "--unit", "connections")
        #expect(try s.log("progress", "network", "3", "--note", "Data meetup")
                == "Progress on network: +3 connections (now 3 of 15 connections) (event 2)")
        var e = try s.lastEvent()
        #expect(e.type == "progress-measured" && e.streamId == "goal-network" && e.streamVersion == 2)
        #expect(e.payload == .object(["goal": "network", "amount": 3, "note": "Data meetup"]))

        #expect(try s.log("progress", "network", "--set", "12")
                == "Progress on network: set to 12 connections (now 12 of 15 connections) (event 3)")
        e = try s.lastEvent()
        #expect(e.payload == .object(["goal": "network", "value": 12]))

        #expect(try s.log("progress", "network", "2.5")
                == "Progress on network: +2.5 connections (now 14.5 of 15 connections) (event 4)")
    }

    @Test func activity() throws {
        let s = try Sandbox()
        try s.log("goal", "AWS certification", "--quarter", "2025-Q2", "--key", "aws")
        try s.log("milestone", "aws", "Sections", "--weeks", "1-4")
        try s.log("milestone", "aws", "Practice exams", "--week", "5")

        #expect(try s.log("activity", "Read a blog post") == "Activity logged on 2025-04-10 (no goal): Read a blog post (event 4)")
        var e = try s.lastEvent()
        #expect(e.type == "activity-logged" && e.streamId == "activities-2025-04-10" && e.streamVersion == 1)
        #expect(e.payload == .object(["text": "Read a blog post"]))

        #expect(try s.log("activity", "Practice exam 1", "--goal", "aws", "--minutes", "90")
                == "Activity logged on 2025-04-10 (90 min, aws): Practice exam 1 (event 5)")
        e = try s.lastEvent()
        #expect(e.streamId == "activities-2025-04-10" && e.streamVersion == 2)
        #expect(e.payload == .object(["text": "Practice exam 1", "goal": "aws", "minutes": 90]))

        #expect(try s.log("activity", "Practice exam 2", "--goal", "aws/2")
                == "Activity logged on 2025-04-10 (aws/2): Practice exam 2 (event 6)")
        e = try s.lastEvent()
        #expect(e.payload == .object(["text": "Practice exam 2", "goal": "aws", "milestone": 2]))

        // Unquoted words are one text.
        #expect(try s.log("activity", "Read", "chapter", "3") == "Activity logged on 2025-04-10 (no goal): Read chapter 3 (event 7)")
        #expect(try s.lastEvent().payload == .object(["text": "Read chapter 3"]))

        // Backdated activities go into the stream of the day they happened.
        #expect(try s.log("activity", "Flashcards", "--minutes", "1440", "--on", "2025-04-08")
                == "Activity logged on 2025-04-08 (1440 min, no goal): Flashcards (event 8)")
        e = try s.lastEvent()
        #expect(e.streamId == "activities-2025-04-08" && e.streamVersion == 1 && e.occurredAt == "2025-04-08T12:00:00.000Z")
        #expect(try s.log("activity", "Mock exam", "--on", "3 days ago")
                == "Activity logged on 2025-04-07 (no goal): Mock exam (event 9)")
        e = try s.lastEvent()
        #expect(e.streamId == "activities-2025-04-07" && e.occurredAt == "2025-04-07T12:00:00.000Z")
        #expect(e.recordedAt == "2025-04-10T09:00:00.000Z")
    }

    @Test func revise() throws {
        let s = try Sandbox()
        try s.log("goal", "AWS certification", "--quarter", "2025-Q2", "--key", "aws", "--due", "2025-06-15")
        try s.log("goal", "Grow my network", "--quarter", "2025-Q2", "--key", "network", "--target", "15", "--unit", "connections")

        #expect(try s.log("revise", "aws", "--due", "2025-06-30", "--metric", "Pass the exam", "--title", "AWS SA certification",
                          "--reason", "Exam slots full until late June")
                == "Goal aws revised (title AWS certification -> AWS SA certification; metric none -> Pass the exam; due 2025-06-15 -> 2025-06-30): Exam slots full until late June (event 3)")
        var e = try s.lastEvent()
        #expect(e.type == "goal-revised" && e.streamId == "goal-aws" && e.streamVersion == 2)
        #expect(e.payload == .object([
            "goal": "aws",
            "reason": "Exam slots full until late June",
            "changes": [
                .object(["field": "title", "from": "AWS certification", "to": "AWS SA certification"]),
                .object(["field": "metric", "to": "Pass the exam"]),
                .object(["field": "due", "from": "2025-06-15", "to": "2025-06-30"]),
            ],
        ]))

        // Numbers are recorded as numbers; moving quarters records the old and new quarter; unchanged values are left out.
        #expect(try s.log("revise", "network", "--target", "20", "--unit", "connections", "--quarter", "Q3 2025", "--reason", "Stretch")
                == "Goal network revised (target 15 -> 20; quarter 2025-Q2 -> 2025-Q3): Stretch (event 4)")
        e = try s.lastEvent()
        #expect(e.payload["changes"] == [
            .object(["field": "target", "from": 15, "to": 20]),
            .object(["field": "quarter", "from": "2025-Q2", "to": "2025-Q3"]),
        ])
    }

    @Test func completeAndDrop() throws {
        let s = try Sandbox()
        try s.log("goal", "AWS certification", "--quarter", "2025-Q2", "--key", "aws")
        try s.log("goal", "Grow my network", "--quarter", "2025-Q2", "--key", "network")

        #expect(try s.log("complete", "aws", "--outcome", "Passed with 870/1000")
                == "Goal aws completed on 2025-04-10: Passed with 870/1000 (event 3)")
        var e = try s.lastEvent()
        #expect(e.type == "goal-completed" && e.streamId == "goal-aws" && e.streamVersion == 2)
        #expect(e.payload == .object(["goal": "aws", "outcome": "Passed with 870/1000"]))

        #expect(try s.log("drop", "network", "--reason", "Team reorg changed my focus")
                == "Goal network dropped: Team reorg changed my focus (event 4)")
        e = try s.lastEvent()
        #expect(e.type == "goal-dropped" && e.streamId == "goal-network" && e.streamVersion == 2)
        #expect(e.payload == .object(["goal": "network", "reason": "Team reorg changed my focus"]))

        // Closed goals stay closed.
        expectRefusal(try s.run("log", "complete", "aws"), status: 65, mentioning: ["completed"])
        expectRefusal(try s.run("log", "drop", "network", "--reason", "again"), status: 65, mentioning: ["dropped"])
        #expect(try s.count() == 4)
    }

    @Test func review() throws {
        let s = try Sandbox()
        #expect(try s.log("review", "Q2-2025", "--planned", "AWS cert, network", "--accomplished", "Passed AWS",
                          "--obstacles", "Release crunch in May", "--learned", "I study best mornings",
                          "--next", "Lead a project", "--blocker", "overcommitting", "--blocker", "too-many-goals",
                          "--blocker", "overcommitting")
                == "Review of 2025-Q2 recorded (blockers: overcommitting, too-many-goals) (event 1)")
        let e = try s.lastEvent()
        #expect(e.type == "review-recorded" && e.streamId == "review-2025-Q2")
        #expect(e.payload == .object([
            "quarter": "2025-Q2", "planned": "AWS cert, network", "accomplished": "Passed AWS",
            "obstacles": "Release crunch in May", "learned": "I study best mornings", "next": "Lead a project",
            "blockers": ["overcommitting", "too-many-goals"],
        ]))
        // Each of the five answers is required.
        let missing = try s.run("log", "review", "2025-Q2", "--planned", "a", "--accomplished", "b", "--obstacles", "c", "--learned", "d")
        expectRefusal(missing, status: 64, mentioning: ["--next"])
        #expect(try s.count() == 1)
    }

    @Test func partner() throws {
        let s = try Sandbox()
        #expect(try s.log("partner", "Sam", "Rivera") == "Accountability partner: Sam Rivera (event 1)")
        let e = try s.lastEvent()
        #expect(e.type == "partner-named" && e.streamId == "partner" && e.streamVersion == 1)
        #expect(e.payload == .object(["name": "Sam Rivera"]))
    }

    @Test func retract() throws {
        let s = try Sandbox()
        try s.log("goal", "AWS certification", "--quarter", "2025-Q2", "--key", "aws")
        try s.log("activity", "Wrong goal", "--goal", "aws", "--minutes", "30")   // 2
        try s.log("partner", "Sam Rivera")                                       // 3

        // By position.
        #expect(try s.log("retract", "2", "--reason", "Logged against the wrong goal")
                == "Retracted event 2 (activity-logged): Logged against the wrong goal (event 4)")
        var events = try s.events()
        let retraction = events[3]
        #expect(retraction.type == "event-retracted")
        #expect(retraction.streamId == events[1].streamId && retraction.streamVersion == 2, "appended to its target's stream")
        #expect(retraction.payload == .object(["target": .string(events[1].eventId), "targetType": "activity-logged",
                                               "reason": "Logged against the wrong goal"]))

        // By event id (case-insensitive).
        let partnerId = events[2].eventId
        #expect(try s.log("retract", partnerId.uppercased(), "--reason", "Typo in the name")
                == "Retracted event 3 (partner-named): Typo in the name (event 5)")
        events = try s.events()
        #expect(events[4].payload["target"] == .string(partnerId) && events[4].streamId == "partner")

        #expect(events.map(\.retracted) == [false, true, true, false, false])
        let text = try s.ok(["events"]).split(separator: "\n").map(String.init)
        #expect(text.count == 5)
        for (index, line) in text.enumerated() {
            #expect(line.hasSuffix("[retracted]") == (index == 1 || index == 2), "\(line)")
        }
        // The retracted activity no longer counts: the goal's events still list it and its retraction.
        #expect(try s.events(["--goal", "aws"]).map(\.position) == [1, 2, 4])
    }
}
