import Foundation
import Testing

/// `journal log revise GOAL --key NEW` end to end: the old key keeps naming the goal everywhere (with a note on
/// stderr), reports show the new one, the refusals, a second rename, undo, export/import/merge, rebuild and verify.
@Suite("journal log revise --key")
struct GoalRenameTests {
    static let note = "journal: aws is now aws-cert; using it\n"

    /// aws (one milestone, one activity) and network, then aws renamed to aws-cert (event 5).
    func journal() throws -> Sandbox {
        let s = try Sandbox(tz: "UTC", now: "2025-05-14T18:00")
        try s.log("goal", "Pass AWS cert", "--quarter", "2025-Q2", "--key", "aws", "--metric", "Exam passed", "--due", "2025-06-30", "--quiet")
        try s.log("milestone", "aws", "Practice exam", "--week", "7")
        try s.log("activity", "Study", "--minutes", "30", "--goal", "aws", "--on", "yesterday")
        try s.log("goal", "Grow my network", "--quarter", "2025-Q2", "--key", "network", "--target", "15", "--unit", "people", "--quiet")
        #expect(try s.log("revise", "aws", "--key", "aws-cert", "--reason", "Clearer name")
                == "Goal aws renamed to aws-cert: Clearer name (event 5)")
        return s
    }

    @Test func theOldKeyStillWorksWithANoteAndTheNewOneWithout() throws {
        let s = try journal()
        let done = try s.run("log", "done", "aws/1")
        #expect(done.status == 0 && done.stderr == Self.note)
        #expect(done.stdout == "Milestone aws-cert/1 done on 2025-05-14: Practice exam (event 6)\n")
        let old = try s.run("log", "activity", "Read notes", "--goal", "aws", "--minutes", "20")
        #expect(old.stderr == Self.note)
        #expect(old.stdout == "Activity logged on 2025-05-14 (20 min, aws-cert): Read notes (event 7)\n")
        #expect(try s.log("activity", "Lab", "--goal", "aws-cert/1", "--minutes", "40")
                == "Activity logged on 2025-05-14 (40 min, aws-cert/1): Lab (event 8)")
        #expect(try s.log("progress", "network", "3").hasPrefix("Progress on network: +3 people"))

        // Events keep storing the identity: the goal's stream stays goal-aws.
        let events = try s.events()
        #expect(events.filter { $0.streamId == "goal-aws" }.count == 4)
        let change = events[4].payload["changes"]?[0]
        #expect(events[4].streamId == "goal-aws" && events[4].payload["goal"] == "aws")
        #expect(change?["field"] == "key" && change?["from"] == "aws" && change?["to"] == "aws-cert")
        #expect(events[6].payload["goal"] == "aws" && events[7].payload["goal"] == "aws")

        let history = try s.run("history", "aws")
        #expect(history.status == 0 && history.stderr == Self.note)
        #expect(history.stdout == (try s.ok(["history", "aws-cert"])))
        let lines = history.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "History of aws-cert: Pass AWS cert (active)")
        #expect(lines.contains("5  2025-05-14 18:00                               goal-revised       Revised key"))
        #expect(lines.contains("                                                                     key: aws → aws-cert"))
        #expect(lines.contains("2  2025-05-14 18:00                               milestone-planned  Milestone aws-cert/1 planned for week 7: Practice exam"))
        #expect(lines.last == "8  2025-05-14 18:00                               activity-logged    Activity (40 min, aws-cert/1): Lab")

        let listed = try s.run("events", "--goal", "aws")
        let byNewKey = try s.ok(["events", "--goal", "aws-cert"])
        #expect(listed.stderr == Self.note && listed.stdout == byNewKey)
        let eventLines = listed.stdout.split(separator: "\n").map(String.init)
        #expect(eventLines.count == 7)
        #expect(eventLines.allSatisfy { $0.hasSuffix("  [aws is now aws-cert]") }, "\(eventLines)")
        #expect(!(try s.ok(["events", "--goal", "network"])).contains("is now"))

        let activities = try s.run("activities", "--goal", "aws", "--since", "2025-05-01")
        #expect(activities.stderr == Self.note)
        #expect(activities.stdout == (try s.ok(["activities", "--goal", "aws-cert", "--since", "2025-05-01"])))
        #expect(activities.stdout.contains("aws-cert/1") && !activities.stdout.contains(" aws "))
    }

    @Test func reportsShowTheNewKey() throws {
        let s = try journal()
        _ = try s.ok(["log", "done", "aws-cert/1"])
        let sprint = try s.ok(["sprint"])
        #expect(sprint.contains("aws-cert  Pass AWS cert"))
        #expect(sprint.contains("aws-cert/1  Practice exam"))
        #expect(!sprint.contains("aws ") && !sprint.contains("aws/"), "\(sprint)")
        #expect(try s.ok(["sprint", "--format", "json"]).contains(#""key": "aws-cert""#))
        let report = try s.ok(["report", "2025-Q2"])
        #expect(report.contains("aws-cert") && !report.contains("aws/") && !report.contains("aws "), "\(report)")
        let insights = try s.ok(["insights"])
        #expect(insights.contains("aws-cert") && !insights.contains("aws "), "\(insights)")
        #expect(try s.ok(["share"]).contains("Pass AWS cert (aws-cert)"))
        let resume = try s.ok(["resume", "--refs"])
        #expect(resume.contains("aws-cert/1") && !resume.contains("aws/1"), "\(resume)")
    }

    @Test func refusalsAppendNothing() throws {
        let s = try journal()
        let count = try s.count()
        // The identity and the new key are both taken, for a new goal and for another goal's rename.
        expectRefusal(try s.run("log", "goal", "Another", "--quarter", "2025-Q3", "--key", "aws"), status: 65,
                      mentioning: ["a goal with key aws already exists"])
        expectRefusal(try s.run("log", "goal", "Another", "--quarter", "2025-Q3", "--key", "aws-cert"), status: 65,
                      mentioning: ["the key aws-cert is taken: goal aws-cert has or had it"])
        expectRefusal(try s.run("log", "revise", "network", "--key", "aws", "--reason", "x"), status: 65,
                      mentioning: ["the key aws is taken: goal aws-cert has or had it"])
        expectRefusal(try s.run("log", "revise", "network", "--key", "aws-cert", "--reason", "x"), status: 65,
                      mentioning: ["the key aws-cert is taken"])
        expectRefusal(try s.run("log", "revise", "aws-cert", "--key", "aws-cert", "--reason", "x"), status: 65,
                      mentioning: ["goal aws-cert already has the key aws-cert; give a new one with --key"])
        expectRefusal(try s.run("log", "revise", "aws-cert", "--key", "AWS Cert", "--reason", "x"), status: 64,
                      mentioning: ["goal key"])
        expectRefusal(try s.run("log", "revise", "aws-cert/1", "--key", "x", "--reason", "x"), status: 64,
                      mentioning: ["--key"])
        // Refusals about the goal name it by its current key, whichever key was typed.
        // (A refusal is its one line on stderr: no note comes with it.)
        let noTarget = try s.run("log", "progress", "aws", "3")
        #expect(noTarget.status == 65 && noTarget.stdout.isEmpty)
        #expect(noTarget.stderr == "journal: goal aws-cert has no numeric target; add one with journal log revise aws-cert --target N --unit TEXT --reason TEXT\n")
        expectRefusal(try s.run("log", "done", "aws-cert/9"), status: 65,
                      mentioning: ["no milestone aws-cert/9; plan it with journal log milestone aws-cert \"TITLE\""])
        #expect(try s.count() == count)
        // A closed goal keeps its key, as it keeps every other field.
        _ = try s.ok(["log", "complete", "network"])
        expectRefusal(try s.run("log", "revise", "network", "--key", "net", "--reason", "x"), status: 65,
                      mentioning: ["goal network is completed, so you cannot revise it"])
        #expect(try s.count() == count + 1)
    }

    @Test func aDerivedKeySkipsEveryAlias() throws {
        let s = try Sandbox(tz: "UTC", now: "2025-05-14T18:00")
        try s.log("goal", "Something", "--quarter", "2025-Q2", "--key", "cloud", "--quiet")
        #expect(try s.log("revise", "cloud", "--key", "aws-exam", "--reason", "Named for the exam")
                == "Goal cloud renamed to aws-exam: Named for the exam (event 2)")
        #expect(try s.log("goal", "AWS exam", "--quarter", "2025-Q2", "--quiet") == "Goal aws-exam-2 set for 2025-Q2: AWS exam (event 3)")
        #expect(try s.log("goal", "Cloud", "--quarter", "2025-Q2", "--quiet") == "Goal cloud-2 set for 2025-Q2: Cloud (event 4)")
    }

    @Test func aSecondRenameAndBackAgain() throws {
        let s = try journal()
        #expect(try s.log("revise", "aws-cert", "--key", "cloud-cert", "--reason", "Broader") == "Goal aws-cert renamed to cloud-cert: Broader (event 6)")
        // Every key it had still names it.
        for key in ["aws", "aws-cert"] {
            let r = try s.run("log", "activity", "Read", "--goal", key, "--minutes", "5")
            #expect(r.stderr == "journal: \(key) is now cloud-cert; using it\n")
            #expect(r.stdout.contains("(5 min, cloud-cert)"))
        }
        #expect(try s.ok(["history", "cloud-cert"]).split(separator: "\n").first == "History of cloud-cert: Pass AWS cert (active)")
        // Back to its first key: allowed (it is its own), and a key with other changes reads as a revision.
        #expect(try s.log("revise", "cloud-cert", "--key", "aws", "--title", "Pass the AWS cert", "--reason", "Back")
                == "Goal cloud-cert revised (title Pass AWS cert -> Pass the AWS cert; key cloud-cert -> aws): Back (event 9)")
        #expect(try s.log("activity", "Lab", "--goal", "aws", "--minutes", "5").contains("(5 min, aws)"))
        let r = try s.run("log", "activity", "Lab", "--goal", "cloud-cert", "--minutes", "5")
        #expect(r.stderr == "journal: cloud-cert is now aws; using it\n")
        #expect(try s.ok(["verify", "--deep"]).contains("goal_keys"))
    }

    @Test func undoTakesTheRenameBack() throws {
        let s = try journal()
        #expect(try s.ok(["undo", "--yes"]) == "Retracted event 5 (goal-revised): Undone with journal undo (event 6)\n")
        expectRefusal(try s.run("log", "activity", "Read", "--goal", "aws-cert"), status: 65, mentioning: ["no goal aws-cert"])
        #expect(try s.log("activity", "Read", "--goal", "aws", "--minutes", "5") == "Activity logged on 2025-05-14 (5 min, aws): Read (event 7)")
        #expect(try s.ok(["sprint"]).contains("aws  Pass AWS cert"))
        // The key is free again.
        #expect(try s.log("revise", "network", "--key", "aws-cert", "--reason", "Why not") == "Goal network renamed to aws-cert: Why not (event 8)")
        #expect(try s.ok(["verify", "--deep"]).hasPrefix("OK: 8 events"))
    }

    @Test func theRenameSurvivesExportImportAndAMerge() throws {
        let s = try journal()
        let file = s.path("export.jsonl")
        _ = try s.ok(["export", "--output", file])
        let copy = s.path("copy.sqlite")
        #expect(try s.ok(["import", file, "--db", copy]) == "Imported 5 of 5 events from \(file); the journal now holds 5\n")
        #expect(try s.ok(["sprint", "--db", copy]) == (try s.ok(["sprint"])))
        #expect(try s.ok(["history", "aws-cert", "--db", copy]) == (try s.ok(["history", "aws-cert"])))
        let old = try s.run("log", "activity", "Read", "--goal", "aws", "--minutes", "5", "--db", copy)
        #expect(old.stderr == Self.note)
        #expect(old.stdout == "Activity logged on 2025-05-14 (5 min, aws-cert): Read (event 6)\n")
        #expect(try s.ok(["verify", "--deep", "--db", copy]).hasPrefix("OK: 6 events"))

        // A merge: a journal with events of its own takes the export in, rename and all.
        let other = s.path("other.sqlite")
        _ = try s.ok(["log", "partner", "Sam Rivera", "--db", other])
        _ = try s.ok(["log", "activity", "Meetup", "--minutes", "60", "--db", other])
        #expect(try s.ok(["import", file, "--db", other]) == "Imported 5 of 5 events from \(file); the journal now holds 7\n")
        #expect(try s.ok(["sprint", "--db", other]).contains("aws-cert  Pass AWS cert"))
        #expect(try s.run("history", "aws", "--db", other).stderr == Self.note)
        expectRefusal(try s.run("log", "goal", "Again", "--quarter", "2025-Q3", "--key", "aws-cert", "--db", other), status: 65,
                      mentioning: ["the key aws-cert is taken"])
        _ = try s.ok(["rebuild", "--db", other])
        #expect(try s.ok(["verify", "--deep", "--db", other]).hasPrefix("OK: 7 events"))
        #expect(try s.run("log", "done", "aws/1", "--db", other).stdout.hasPrefix("Milestone aws-cert/1 done"))
    }

    @Test func rebuildAndADeepVerifyKeepTheKeys() throws {
        let s = try journal()
        _ = try s.ok(["rebuild"])
        #expect(try s.ok(["verify", "--deep"]).hasPrefix("OK: 5 events"))
        #expect(try s.run("history", "aws").stderr == Self.note)
        // An edited goal_keys table is found, and a rebuild mends it.
        #expect(try SQLiteShell.run(s.db, "DELETE FROM goal_keys", in: s).status == 0)
        expectRefusal(try s.run("verify", "--deep"), status: 65,
                      mentioning: ["the derived table goal_keys differs from the log: 1 row differs from the log (first: key aws-cert of goal aws); run journal rebuild"])
        _ = try s.ok(["rebuild"])
        #expect(try s.ok(["verify", "--deep"]).hasPrefix("OK: 5 events"))
        #expect(try s.run("history", "aws").stderr == Self.note)
    }
}
