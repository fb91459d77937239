import Foundation
import Testing

/// `journal undo`: ordinary retractions of the newest events, asked for on a terminal, `--yes` elsewhere.
@Suite("journal undo")
struct UndoTests {
    /// The demo's journal (36 events; 36 is the Q2 review, 35 the completion of aws), read on 2025-07-09.
    func demo() throws -> Sandbox { try Sandbox.demo(now: "2025-07-09T12:00") }

    func json(_ s: Sandbox, _ arguments: [String]) throws -> JSON {
        try JSONDecoder().decode(JSON.self, from: Data(try s.ok(arguments + ["--format", "json"]).utf8))
    }

    @Test func undoRetractsTheNewestEventAndRunningItAgainGoesFurtherBack() throws {
        let s = try demo()
        #expect(try json(s, ["report", "2025-Q2"])["review"] != .null)
        #expect(try s.ok(["undo", "--yes"]) == "Retracted event 36 (review-recorded): Undone with journal undo (event 37)\n")
        #expect(try json(s, ["report", "2025-Q2"])["review"] == .null)
        // The newest event is now a retraction, which undo passes over, as it passes over what is already retracted.
        #expect(try s.ok(["undo", "--yes", "--reason", "Not passed yet"]) == "Retracted event 35 (goal-completed): Not passed yet (event 38)\n")
        let events = try s.events()
        #expect(events.filter(\.retracted).map(\.position) == [35, 36])
        #expect(events.suffix(2).map(\.type) == ["event-retracted", "event-retracted"])
        #expect(events.last?.payload["reason"] == "Not passed yet")
        let aws = try json(s, ["report", "2025-Q2"])["goals"]?[0]
        #expect(aws?["key"] == "aws")
        #expect(aws?["status"] == "active")
    }

    @Test func withoutATerminalItNeedsYesAndRecordsNothing() throws {
        let s = try demo()
        expectRefusal(try s.run("undo"), status: 64, mentioning: ["--yes", "nothing was retracted"])
        expectRefusal(try s.run("undo", "--to", "30"), status: 64, mentioning: ["--yes"])
        #expect(try s.count() == 36)
    }

    @Test func undoToRetractsEveryLaterEventNotAlreadyTakenBackInOneAppend() throws {
        let s = try demo()
        try s.log("activity", "Wrong entry", "--minutes", "10")                  // 37
        try s.log("retract", "37", "--reason", "Typo")                             // 38
        try s.log("partner", "Alex Kim")                                           // 39
        let output = try s.ok(["undo", "--to", "35", "--yes"])
        #expect(output == """
            Retracted event 39 (partner-named): Undone with journal undo --to 35 (event 40)
            Retracted event 36 (review-recorded): Undone with journal undo --to 35 (event 41)

            """)
        let events = try s.events()
        #expect(events.count == 41)
        #expect(events.filter(\.retracted).map(\.position) == [36, 37, 39])
        // One append: both retractions were recorded at the same moment by the same command.
        #expect(Set(events.suffix(2).map(\.recordedAt)).count == 1)
        #expect(events.suffix(2).allSatisfy { $0.metadata["command"] == "undo" })
        expectRefusal(try s.run("undo", "--to", "35", "--yes"), status: 65, mentioning: ["nothing to undo after position 35"])
        expectRefusal(try s.run("undo", "--to", "99", "--yes"), status: 65, mentioning: ["no position 99", "41 events"])
        expectRefusal(try s.run("undo", "--to", "x", "--yes"), status: 64, mentioning: ["--to"])
        #expect(try s.count() == 41)
    }

    @Test func anUndoTheRulesRefuseRecordsNothingUntilForced() throws {
        let s = try Sandbox()
        for key in ["g1", "g2", "g3"] { try s.log("goal", "Goal \(key)", "--quarter", "2025-Q2", "--key", key) }
        try s.log("goal", "Goal g4", "--quarter", "2025-Q2", "--key", "g4", "--force")   // 4
        try s.log("drop", "g4", "--reason", "Too many")                                   // 5
        try s.log("activity", "Reading", "--minutes", "20")                               // 6
        // Undoing the drop would bring a fourth goal back into 2025-Q2: refused, and the activity is not retracted either.
        expectRefusal(try s.run("undo", "--to", "4", "--yes"), status: 65, mentioning: ["--force"])
        #expect(try s.count() == 6)
        let output = try s.ok(["undo", "--to", "4", "--yes", "--force"])
        #expect(output.split(separator: "\n").count == 2)
        #expect(try s.events().filter(\.retracted).map(\.position) == [5, 6])
    }

    @Test func onATerminalItShowsWhatItRetractsAndAsks() throws {
        let s = try demo()
        let no = try Terminal(s, ["undo"])
        try no.expect("This retracts:")
        try no.expect("36  2025-07-01 09:00  review-recorded  review of 2025-Q2")
        try no.expect("Retract it? [y/N] ")
        no.type("")
        try no.expect("Nothing was retracted.")
        #expect(no.wait() == 0, "\(no.screen)")
        #expect(try s.count() == 36)

        let yes = try Terminal(s, ["undo", "--to", "33"])
        try yes.expect("This retracts 3 events:")
        try yes.expect("35  2025-06-27 16:06  goal-completed  goal aws completed")
        try yes.expect("Retract them? [y/N] ")
        yes.type("y")
        try yes.expect("Retracted event 34 (milestone-done): Undone with journal undo --to 33 (event 39)")
        #expect(yes.wait() == 0, "\(yes.screen)")
        #expect(try s.events().filter(\.retracted).map(\.position) == [34, 35, 36])
    }

    @Test func ctrlCAtTheQuestionRetractsNothing() throws {
        let s = try demo()
        let terminal = try Terminal(s, ["undo"])
        try terminal.expect("Retract it? [y/N] ")
        terminal.pressControlC()
        try terminal.expect("journal: interrupted; nothing was recorded")
        #expect(terminal.wait() == 130, "\(terminal.screen)")
        #expect(try s.count() == 36)
    }

    @Test func anUndoSurvivesExportImportAndMerge() throws {
        let s = try demo()
        let before = s.path("before.jsonl"), after = s.path("after.jsonl")
        let merged = s.path("merged.sqlite"), copy = s.path("copy.sqlite")
        try s.ok(["export", "--output", before])
        try s.ok(["import", before, "--db", merged])
        try s.ok(["undo", "--to", "34", "--yes"])
        try s.ok(["export", "--output", after])
        try s.ok(["import", after, "--db", copy])
        let undone = try json(s, ["report", "2025-Q2"])
        #expect(undone["review"] == .null)
        #expect(try json(s, ["report", "2025-Q2", "--db", copy]) == undone)
        // Merging the undone journal into a copy taken before the undo brings just the two retractions along.
        #expect(try s.ok(["import", after, "--db", merged]).hasPrefix("Imported 2 of 38 events"))
        #expect(try json(s, ["report", "2025-Q2", "--db", merged]) == undone)
    }

    @Test func anEmptyOrFullyUndoneJournalHasNothingToUndo() throws {
        let s = try Sandbox()
        expectRefusal(try s.run("undo", "--yes"), status: 66)
        try s.log("partner", "Sam")
        try s.ok(["undo", "--yes"])
        expectRefusal(try s.run("undo", "--yes"), status: 65, mentioning: ["nothing to undo"])
        #expect(try s.count() == 2)
    }
}
