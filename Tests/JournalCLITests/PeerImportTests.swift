import Foundation
import Testing

/// `journal import --from TOOL FILE --map NAME=GOAL` end to end, on the real tools' exports in PeerFixtures.
@Suite("journal import --from another tool")
struct PeerImportTests {
    /// A journal in Paris after every fixture record, with the goals the maps name.
    func sandbox(now: String = "2026-12-01T12:00") throws -> Sandbox {
        let s = try Sandbox(tz: "Europe/Paris", now: now)
        try s.log("goal", "Pass the AWS Solutions Architect exam", "--key", "aws-cert", "--quarter", "2025-Q2", "--quiet")
        try s.log("milestone", "aws-cert", "Study the networking domain", "--week", "1")
        try s.log("goal", "Grow my data engineering network", "--key", "network", "--quarter", "2025-Q2", "--quiet")
        return s
    }

    func importing(_ tool: String, _ file: String, _ maps: [String] = []) -> [String] {
        ["import", "--from", tool, PeerFixtures.path(file)] + maps.flatMap { ["--map", $0] }
    }

    func activities(_ s: Sandbox) throws -> [EventLine] {
        try s.events().filter { $0.type == "activity-logged" }
    }

    @Test func eachToolImportsAndImportingAgainAddsNothing() throws {
        let s = try sandbox()
        let runs: [(args: [String], first: String, again: String)] = [
            (importing("taskwarrior", "taskwarrior.json", ["aws=aws-cert", "network=network"]),
             "Imported 5 activities from \(PeerFixtures.path("taskwarrior.json")) (3 tasks not completed skipped); the journal now holds 8 events",
             "(5 already here; 3 tasks not completed skipped); the journal now holds 29 events"),
            (importing("timewarrior", "timewarrior.json", ["aws=aws-cert/1", "network=network"]),
             "Imported 9 activities from \(PeerFixtures.path("timewarrior.json")) (1 open interval skipped; 1 record under half a minute skipped); the journal now holds 17 events",
             "(9 already here; 1 open interval skipped; 1 record under half a minute skipped); the journal now holds 29 events"),
            (importing("jrnl", "jrnl.json", ["aws=aws-cert", "sam=network"]),
             "Imported 7 activities from \(PeerFixtures.path("jrnl.json")); the journal now holds 24 events",
             "(7 already here); the journal now holds 29 events"),
            (importing("watson", "watson.json", ["aws=aws-cert", "network=network"]),
             "Imported 5 activities from \(PeerFixtures.path("watson.json")) (1 running frame skipped); the journal now holds 29 events",
             "(5 already here; 1 running frame skipped); the journal now holds 29 events"),
        ]
        for run in runs { #expect(try s.ok(run.args) == run.first + "\n") }
        let before = try s.events()
        for run in runs {
            let again = try s.ok(run.args)
            #expect(again.hasPrefix("Imported 0 activities from ") && again.hasSuffix(run.again + "\n"), "\(again)")
        }
        #expect(try s.events().map(\.hash) == before.map(\.hash), "nothing appended, nothing changed")
        #expect(try s.ok(["verify"]).hasPrefix("OK: 29 events, hash chain intact"))
        let activities = try activities(s)
        #expect(activities.allSatisfy { $0.metadata["command"]?.description.hasPrefix("\"import --from ") == true })
        // jrnl's 10:15 is Paris time; its entry lands on that local day's stream.
        let studied = try #require(activities.first { $0.payload["text"] == "Studied @aws networking for the exam." })
        #expect(studied.occurredAt == "2025-04-01T08:15:00.000Z" && studied.streamId == "activities-2025-04-01")
        #expect(studied.recordedAt == "2026-12-01T11:00:00.000Z", "recorded at the import")
    }

    /// A --map may name a goal by a former key: the activities store the goal's identity, as every command does.
    @Test func aMapByAFormerKeyLinksTheRenamedGoal() throws {
        let s = try sandbox()
        _ = try s.ok(["log", "revise", "network", "--key", "data-network", "--reason", "Clearer"])
        _ = try s.ok(importing("timew", "timewarrior.json", ["aws=aws-cert/1", "network=network"]))
        let linked = try activities(s).compactMap { $0.payload["goal"]?.description }
        #expect(linked == ["\"aws-cert\"", "\"aws-cert\"", "\"aws-cert\"", "\"aws-cert\"", "\"network\""])
        #expect(try s.ok(["history", "data-network"]).contains("Coffee with Sam about the data team"))
        _ = try s.ok(importing("timew", "timewarrior.json", ["aws=aws-cert/1", "network=data-network"]))
        #expect(try activities(s).count == 9, "the same records again, by the new key: nothing new")
    }

    @Test func mapsLinkRecordsToGoalsAndMilestonesAndTheRestIsUnlinkedEffort() throws {
        let s = try sandbox()
        _ = try s.ok(importing("timew", "timewarrior.json", ["aws=aws-cert/1", "network=network"]))
        let rows = try activities(s).map { event -> String in
            let p = event.payload
            return [p["goal"]?.description ?? "-", p["milestone"]?.description ?? "-", p["minutes"]?.description ?? "-",
                    p["tags"]?.description ?? "-"].joined(separator: " ")
        }
        #expect(rows == [
            "- - 120.0 [\"night-shift\",\"hackathon\"]", "- - 660.0 [\"night-shift\",\"hackathon\"]",
            "\"aws-cert\" 1.0 90.0 [\"study-session\",\"aws\"]",
            "- - 90.0 [\"blog\",\"writing\"]", "- - 60.0 [\"blog\",\"writing\"]",
            "\"aws-cert\" 1.0 240.0 [\"aws\",\"labs\"]", "\"aws-cert\" 1.0 1440.0 [\"aws\",\"labs\"]", "\"aws-cert\" 1.0 480.0 [\"aws\",\"labs\"]",
            "\"network\" - 45.0 [\"network\"]",
        ])
        let insights = try s.ok(["insights", "--since", "2025-03-29", "--until", "2025-04-30"])
        #expect(insights.contains("Effort    38h15 linked to a goal, 15h30 to none"), "\(insights)")
        #expect(try s.ok(["history", "network"]).contains("Coffee with Sam about the data team"))
    }

    @Test func aMapToAnUnknownGoalOrMilestoneIsRefusedAndNothingIsImported() throws {
        let s = try sandbox()
        expectRefusal(try s.run(importing("watson", "watson.json", ["aws=aws-cert", "network=nope"])), status: 65,
                      mentioning: ["--map network=nope: no goal nope", "journal log goal", "(nothing was imported)"])
        expectRefusal(try s.run(importing("watson", "watson.json", ["aws=aws-cert/9"])), status: 65,
                      mentioning: ["no milestone aws-cert/9", "(nothing was imported)"])
        #expect(try s.count() == 3)
        let fresh = s.path("fresh.sqlite")
        expectRefusal(try s.run(importing("watson", "watson.json", ["aws=aws-cert"]) + ["--db", fresh]), status: 65,
                      mentioning: ["no goal aws-cert", "no journal at \(fresh) yet"])
        #expect(!FileManager.default.fileExists(atPath: fresh), "a refused import creates no journal")
        expectRefusal(try s.run(importing("watson", "watson.json", ["aws"])), status: 64, mentioning: ["--map 'aws' is not NAME=GOAL"])
        expectRefusal(try s.run(importing("watson", "watson.json", ["aws=Not A Key"])), status: 64, mentioning: ["--map aws=Not A Key:"])
        expectRefusal(try s.run(importing("watson", "watson.json", ["aws=aws-cert", "AWS=network"])), status: 64, mentioning: ["names AWS twice"])
        expectRefusal(try s.run(["import", PeerFixtures.path("watson.json"), "--map", "aws=aws-cert"]), status: 64,
                      mentioning: ["--map needs --from TOOL"])
        expectRefusal(try s.run(importing("trello", "watson.json")), status: 64, mentioning: ["'trello' is invalid for '--from <tool>'"])
        #expect(try s.count() == 3)
    }

    @Test func aMalformedFileIsRefusedWholeNamingTheRecordOrLine() throws {
        let s = try sandbox()
        let text = try String(contentsOfFile: PeerFixtures.path("timewarrior.json"), encoding: .utf8)
        let damaged = s.path("damaged.json")
        // The fourth interval's end becomes a local time: every other record is fine, and none gets in.
        try Data(text.replacingOccurrences(of: "\"end\":\"20250406T060000Z\"", with: "\"end\":\"2025-04-06 08:00\"").utf8)
            .write(to: URL(fileURLWithPath: damaged))
        expectRefusal(try s.run(["import", "--from", "timewarrior", damaged]), status: 65, mentioning: [
            "damaged.json record 4 (interval from 2025-04-04T18:00:00Z): \"end\" '2025-04-06 08:00' is not a date and time like 20250401T090000Z",
            "give the output of timew export", "(nothing was imported)"])
        let cut = s.path("cut.json")
        try Data(text.prefix(300).utf8).write(to: URL(fileURLWithPath: cut))
        expectRefusal(try s.run(["import", "--from", "timewarrior", cut]), status: 65,
                      mentioning: ["cut.json is not JSON (line 5, column 21: a string is not closed)", "(nothing was imported)"])
        expectRefusal(try s.run(["import", "--from", "watson", PeerFixtures.path("taskwarrior.json")]), status: 65,
                      mentioning: ["record 1: \"id\" is not a string", "watson log --all --json"])
        expectRefusal(try s.run(["import", "--from", "jrnl", PeerFixtures.path("watson.json")]), status: 65,
                      mentioning: ["is not a jrnl export (a JSON object with \"entries\")"])
        expectRefusal(try s.run(["import", "--from", "taskwarrior", s.path("missing.json")]), status: 66, mentioning: ["cannot read"])
        #expect(try s.count() == 3)
        let fresh = s.path("fresh.sqlite")
        expectRefusal(try s.run(["import", "--from", "timewarrior", damaged, "--db", fresh]), status: 65)
        #expect(!FileManager.default.fileExists(atPath: fresh), "a refused file creates no journal")
    }

    @Test func aLaterExportAddsOnlyNewRecordsAndEarlierOnesStayAsFirstImported() throws {
        let s = try sandbox()
        _ = try s.ok(importing("timewarrior", "timewarrior.json", ["aws=aws-cert"]))
        #expect(try s.ok(importing("timewarrior", "timewarrior-more.json", ["aws=aws-cert"]))
            == "Imported 1 activity from \(PeerFixtures.path("timewarrior-more.json")) (9 already here; 1 open interval skipped; 1 record under half a minute skipped); the journal now holds 13 events\n")
        let before = try s.events()
        // Mapped otherwise now: the activities already here keep the goal the first import gave them.
        let remapped = try s.ok(importing("timewarrior", "timewarrior-more.json", ["network=network"]))
        #expect(remapped.contains("(10 already here, 6 of them now different and kept as first imported;"), "\(remapped)")
        #expect(try s.events().map(\.hash) == before.map(\.hash))
        // A retracted import stays retracted: importing again does not bring it back.
        let labs = try #require(before.first { $0.payload["minutes"] == 1440 })
        _ = try s.ok(["log", "retract", labs.eventId, "--reason", "Counted twice"])
        #expect(try s.ok(importing("timewarrior", "timewarrior-more.json", ["aws=aws-cert"])).hasPrefix("Imported 0 activities"))
        #expect(try s.count() == 14)
    }

    @Test func recordsAfterTodayWaitForALaterImport() throws {
        let s = try sandbox(now: "2025-04-05T12:00")
        #expect(try s.ok(importing("timewarrior", "timewarrior.json"))
            == "Imported 5 activities from \(PeerFixtures.path("timewarrior.json")) (1 open interval skipped; 3 records dated after today skipped); the journal now holds 8 events\n")
        let later = try s.ok(importing("timewarrior", "timewarrior.json"), env: ["JOURNAL_NOW": "2025-04-20"])
        #expect(later.hasPrefix("Imported 4 activities") && later.contains("(5 already here;"), "\(later)")
    }

    /// Without a journal and without maps, the import creates the journal, as `journal log` does.
    @Test func anImportWithoutMapsStartsAJournal() throws {
        let s = try Sandbox(tz: "UTC", now: "2026-12-01T12:00")
        #expect(try s.ok(["import", "--from", "task", PeerFixtures.path("taskwarrior.json")])
            == "Imported 5 activities from \(PeerFixtures.path("taskwarrior.json")) (3 tasks not completed skipped); the journal now holds 5 events\n")
        #expect(try s.ok(["verify"]).hasPrefix("OK: 5 events"))
    }
}
