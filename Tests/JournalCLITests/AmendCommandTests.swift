import Foundation
import Testing

/// `journal log amend` end to end: the line it prints, the events and history it leaves, its refusals, undo,
/// and amendments carried through export, import and a merge.
@Suite("journal log amend")
struct AmendCommandTests {
    func journal() throws -> Sandbox {
        let s = try Sandbox(tz: "UTC", now: "2025-05-14T18:00")
        try s.log("goal", "Pass AWS cert", "--quarter", "2025-Q2", "--key", "aws", "--quiet")
        try s.log("milestone", "aws", "Practice exam")
        try s.log("activity", "Study", "--minutes", "30", "--goal", "aws", "--on", "yesterday", "--tag", "study")
        return s
    }

    func textEvents(_ s: Sandbox, _ extra: [String] = []) throws -> [String] {
        try s.ok(["events"] + extra).split(separator: "\n").map(String.init)
    }

    @Test func anAmendmentPrintsOneLineAndShowsInEventsAndHistory() throws {
        let s = try journal()
        let result = try s.run("log", "amend", "3", "--minutes", "45", "--goal", "aws/1")
        #expect(result.status == 0 && result.stderr.isEmpty)
        #expect(result.stdout == "Amended event 3: activity on 2025-05-13 (45 min, aws/1): Study #study (event 5)\n")
        let events = try s.events()
        #expect(events.count == 5)
        #expect(events[3].type == "event-retracted" && events[3].streamId == "activities-2025-05-13")
        #expect(events[4].type == "activity-logged" && events[4].streamId == "activities-2025-05-13")
        #expect(events[4].occurredAt == events[2].occurredAt)
        let lines = try textEvents(s)
        #expect(lines[2].hasSuffix("(recorded 2025-05-14 18:00)  [retracted]"))
        #expect(lines[4].hasSuffix("(recorded 2025-05-14 18:00)  [amended #3]"))
        let history = try s.ok(["history", "aws"]).split(separator: "\n").map(String.init)
        #expect(history.suffix(3) == [
            "3  2025-05-13 12:00  (recorded 2025-05-14 18:00)  activity-logged    Activity (30 min): Study #study  [retracted: Amended with journal log amend]",
            "4  2025-05-14 18:00                               event-retracted    Retracted event 3 (activity-logged): Amended with journal log amend",
            "5  2025-05-13 12:00  (recorded 2025-05-14 18:00)  activity-logged    Activity (45 min, aws/1): Study #study (amended #3)",
        ])
    }

    @Test func movingUnlinkingAndRetaggingWithAReason() throws {
        let s = try journal()
        #expect(try s.ok(["log", "amend", "3", "--no-goal", "--on", "2025-05-12", "--tag", "#reading", "--reason", "Wrong day"])
                == "Amended event 3: activity on 2025-05-12 (30 min, no goal): Study #reading (event 5)\n")
        let events = try s.events()
        #expect(events.map(\.streamId).suffix(2) == ["activities-2025-05-13", "activities-2025-05-12"])
        #expect(try s.ok(["log", "amend", "5", "--goal", "none", "--text", "Studied"])
                == "Amended event 5: activity on 2025-05-12 (30 min, no goal): Studied #reading (event 7)\n")
        // Linked to no goal any more: the goal's history keeps the original and its retraction only.
        #expect(!(try s.ok(["history", "aws"])).contains("Studied"))
    }

    @Test func refusalsAppendNothing() throws {
        let s = try journal()
        expectRefusal(try s.run("log", "amend", "1", "--minutes", "5"), status: 65,
                      mentioning: ["event 1 is goal-set, not an activity"])
        expectRefusal(try s.run("log", "amend", "3", "--minutes", "30"), status: 65,
                      mentioning: ["this amendment changes nothing on event 3"])
        expectRefusal(try s.run("log", "amend", "42", "--minutes", "5"), status: 65, mentioning: ["no event 42 in this journal"])
        expectRefusal(try s.run("log", "amend", "3", "--goal", "blog"), status: 65, mentioning: ["blog"])
        expectRefusal(try s.run("log", "amend", "3", "--on", "tomorrow"), status: 65, mentioning: ["in the future"])
        expectRefusal(try s.run("log", "amend", "3", "--no-goal", "--goal", "aws"), status: 64, mentioning: ["--no-goal and --goal"])
        expectRefusal(try s.run("log", "amend", "3", "--minutes", "0"), status: 64, mentioning: ["minutes"])
        #expect(try s.count() == 3)
        try s.log("retract", "3", "--reason", "Never happened")
        expectRefusal(try s.run("log", "amend", "3", "--minutes", "5"), status: 65,
                      mentioning: ["event 3 is retracted or was amended before"])
        #expect(try s.count() == 4)
    }

    @Test func undoTakesTheWholeAmendmentBack() throws {
        let s = try journal()
        _ = try s.ok(["log", "amend", "3", "--minutes", "45", "--text", "Study hard"])
        #expect(try s.ok(["undo", "--yes"]) == "Amended event 5: activity on 2025-05-13 (30 min, aws): Study #study (event 7)\n")
        #expect(try s.ok(["insights"]).contains("Effort    30m linked to a goal, 0m to none"))
        #expect(try textEvents(s).last?.hasSuffix("[amended #5]") == true)
        // Undo again goes further back: the entry put back stands for the original, so it is taken back.
        #expect(try s.ok(["undo", "--yes"]) == "Retracted event 7 (activity-logged): Undone with journal undo (event 8)\n")
        #expect(try s.ok(["insights"]).contains("Effort    0m linked to a goal, 0m to none"))
        #expect(try s.ok(["undo", "--yes"]).hasPrefix("Retracted event 2 (milestone-planned)"))
    }

    @Test func anAmendmentSurvivesExportImportAndAMerge() throws {
        let s = try journal()
        _ = try s.ok(["log", "amend", "3", "--minutes", "45"])
        let file = s.path("export.jsonl")
        _ = try s.ok(["export", "--output", file])
        let copy = s.path("copy.sqlite")
        #expect(try s.ok(["import", file, "--db", copy]) == "Imported 5 of 5 events from \(file); the journal now holds 5\n")
        #expect(try s.ok(["events", "--db", copy]) == (try s.ok(["events"])))
        #expect(try s.ok(["history", "aws", "--db", copy]) == (try s.ok(["history", "aws"])))
        #expect(try s.ok(["verify", "--db", copy]).hasPrefix("OK: 5 events"))

        // A merge: another journal with events of its own takes the export in, amendment and all.
        let other = s.path("other.sqlite")
        _ = try s.ok(["log", "partner", "Sam Rivera", "--db", other])
        _ = try s.ok(["log", "activity", "Meetup", "--minutes", "60", "--db", other])
        #expect(try s.ok(["import", file, "--db", other]) == "Imported 5 of 5 events from \(file); the journal now holds 7\n")
        let merged = try textEvents(s, ["--db", other])
        #expect(merged.count == 7)
        #expect(merged[6].hasSuffix("[amended #5]"), "positions are the merged journal's: \(merged)")
        #expect(try s.ok(["history", "aws", "--db", other]).contains("Activity (45 min): Study #study (amended #5)"))
        #expect(try s.ok(["verify", "--db", other]).hasPrefix("OK: 7 events"))
        // The amended entry can be amended again in the merged journal, and the original cannot.
        expectRefusal(try s.run("log", "amend", "5", "--minutes", "5", "--db", other), status: 65, mentioning: ["amended before"])
        #expect(try s.ok(["log", "amend", "7", "--minutes", "50", "--db", other]).hasPrefix("Amended event 7:"))
    }
}
