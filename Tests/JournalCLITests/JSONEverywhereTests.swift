import Foundation
import Testing

/// Every reading command answers scripts with `--format json`: one JSON document on stdout.
@Suite("--format json on every reading command")
struct JSONEverywhereTests {
    func document(_ s: Sandbox, _ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) throws -> JSON {
        let output = try s.ok(arguments + ["--format", "json"], sourceLocation: sourceLocation)
        return try JSONDecoder().decode(JSON.self, from: Data(output.utf8))
    }

    @Test("each reading command prints one JSON document", arguments: [
        ["sprint"], ["report", "2025-Q2"], ["history", "aws"], ["insights"], ["insights", "--calibration"], ["resume"],
        ["share"], ["events"], ["verify"],
    ])
    func readingCommands(arguments: [String]) throws {
        let s = try Sandbox.demo(now: "2025-05-16T12:00")
        let json = try document(s, arguments)
        #expect(json != .null)
        #expect(!json.keys.isEmpty || { if case .array(let items) = json { return !items.isEmpty } else { return false } }())
    }

    @Test func shareCarriesTheBoardAndWhatTheDocumentAdds() throws {
        let s = try Sandbox.demo(now: "2025-05-16T12:00")
        let share = try document(s, ["share"])
        let sprint = try document(s, ["sprint"])
        for field in ["quarter", "week", "weeks", "daysLeft", "today", "partner"] {
            #expect(share[field] == sprint[field], "\(field)")
        }
        #expect(share["directions"]?[0]?["title"] == "Move into data engineering leadership")
        let aws = share["goals"]?[0]
        #expect(aws?["key"] == "aws")
        #expect(aws?["directionTitle"] == "Move into data engineering leadership")
        #expect(aws?["milestones"]?[0]?["state"] == "done")
        #expect(aws?["milestones"]?[1]?["state"] == "this-week")
        #expect(share["dropped"] == [])
    }

    @Test func eventsAsOneArrayHoldTheSameObjectsAsJSONLines() throws {
        let s = try Sandbox.demo(now: "2025-05-16T12:00")
        let array = try document(s, ["events", "--goal", "network"])
        let lines = try s.ok(["events", "--goal", "network", "--format", "jsonl"]).split(separator: "\n")
        guard case .array(let items) = array else {
            Issue.record("not an array: \(array)")
            return
        }
        #expect(items.count == lines.count && !items.isEmpty)
        for (item, line) in zip(items, lines) {
            #expect(item == (try JSONDecoder().decode(JSON.self, from: Data(line.utf8))))
        }
        #expect(try s.ok(["events", "--goal", "no-such-goal", "--format", "json"]) == "[]\n")
    }

    @Test func verifyReportsAnIntactChainAnEarlierHeadAndABreak() throws {
        let s = try Sandbox.demo(now: "2025-05-16T12:00")
        let ok = try document(s, ["verify"])
        #expect(ok["ok"] == true)
        #expect(ok["events"] == 36)
        guard case .string(let head)? = ok["head"] else {
            Issue.record("no head: \(ok)")
            return
        }
        try s.log("partner", "Alex Kim")
        let later = try document(s, ["verify", "--head", head])
        #expect(later["earlierHead"]?["position"] == 36)
        #expect(later["earlierHead"]?["recordedSince"] == 1)

        let tamper = try SQLiteShell.run(s.db, """
            DROP TRIGGER events_are_immutable_update;
            UPDATE events SET payload = '{"name":"Someone else"}' WHERE position = 2;
            """, in: s)
        try #require(tamper.status == 0, "\(tamper)")
        let broken = try s.run(["verify", "--format", "json"])
        #expect(broken.status == 65)
        #expect(broken.stderrLines.count == 1 && broken.stderr.contains("position 2"), "\(broken)")
        let report = try JSONDecoder().decode(JSON.self, from: Data(broken.stdout.utf8))
        #expect(report["ok"] == false)
        #expect(report["brokenAt"] == 2)
    }
}
