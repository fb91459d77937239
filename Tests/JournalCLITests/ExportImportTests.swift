import Foundation
import Testing

/// `journal export` and `journal import`: a checked, idempotent, all-or-nothing round trip.
@Suite("journal export and import")
struct ExportImportTests {
    func export(_ s: Sandbox, db: String? = nil) throws -> [String] {
        try s.ok(["export"] + (db.map { ["--db", $0] } ?? [])).split(separator: "\n").map(String.init)
    }

    func write(_ s: Sandbox, _ name: String, _ lines: [String]) throws -> String {
        let path = s.path(name)
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func aRoundTripKeepsEverythingAndReimportingAddsNothing() throws {
        let s = try Sandbox.demo(now: "2025-07-05T10:00")
        let lines = try export(s)
        #expect(lines.count == 37)
        let verify = try s.ok(["verify"])
        let head = try #require(verify.split(separator: "\n").first?.split(separator: " ").last).trimmingCharacters(in: .newlines)
        #expect(lines.last == "{\"head\":\"\(head)\",\"events\":36}")
        let file = try write(s, "export.jsonl", lines)

        let copy = s.path("copy.sqlite")
        #expect(try s.ok(["import", file, "--db", copy]) == "Imported 36 of 36 events from \(file); the journal now holds 36\n")
        #expect(try s.ok(["verify", "--db", copy]) == verify, "same positions, streams, times: the same chain")
        #expect(try s.ok(["report", "2025-Q2", "--db", copy]) == (try s.ok(["report", "2025-Q2"])))
        #expect(try export(s, db: copy) == lines)
        #expect(try s.ok(["import", file, "--db", copy]) == "Imported 0 of 36 events from \(file) (36 already here); the journal now holds 36\n")
    }

    @Test func mergingTwoJournals() throws {
        let s = try Sandbox.demo(now: "2025-07-05T10:00")
        let other = s.path("other.sqlite")
        _ = try s.ok(["log", "goal", "Lead the pipeline migration", "--key", "lead", "--quarter", "2025-Q3", "--quiet", "--db", other])
        _ = try s.ok(["log", "activity", "Kick-off", "--goal", "lead", "--minutes", "60", "--db", other])
        let file = try write(s, "other.jsonl", try export(s, db: other))
        #expect(try s.ok(["import", file]) == "Imported 2 of 2 events from \(file); the journal now holds 38\n")
        #expect(try s.ok(["verify"]).hasPrefix("OK: 38 events"))
        #expect(try s.ok(["history", "lead"]).contains("Kick-off"))
        #expect(try s.ok(["import", file]).contains("Imported 0 of 2 events"))
        // The goal index knows the imported goal: the quarter's limit counts it.
        for key in ["b", "c"] { try s.log("goal", "Goal \(key)", "--key", key, "--quarter", "2025-Q3", "--quiet") }
        expectRefusal(try s.run("log", "goal", "Goal d", "--quarter", "2025-Q3"), status: 65, mentioning: ["already has 3 goals (b, c, lead)"])
    }

    @Test func anIdWithOtherContentRefusesTheWholeFile() throws {
        let s = try Sandbox.demo(now: "2025-07-05T10:00")
        let other = s.path("other.sqlite")
        let lines = try export(s)
        let copy = try write(s, "copy.jsonl", lines)
        _ = try s.ok(["import", copy, "--db", other])
        _ = try s.ok(["log", "partner", "Alex Kim", "--db", other])
        // Rewrite the demo's first event as if another journal had it with other content, chain and all.
        let tampered = try export(s, db: other).map { $0.replacingOccurrences(of: "Move into data engineering leadership", with: "Something else") }
        let file = try write(s, "conflict.jsonl", tampered)
        let result = try s.run("import", file)
        expectRefusal(result, status: 65, mentioning: ["line 1:", "nothing was imported"])
        #expect(try s.count() == 36)
    }

    @Test func alteredFilesAreRefusedWithTheLine() throws {
        let s = try Sandbox.demo(now: "2025-07-05T10:00")
        let lines = try export(s)
        let target = s.path("target.sqlite")
        var edited = lines
        edited[4] = edited[4].replacingOccurrences(of: "\"streamVersion\":", with: "\"streamVersion\":1")
        var dropped = lines
        dropped.remove(at: 7)
        var swapped = lines
        swapped.swapAt(3, 4)
        let cases: [([String], [String])] = [
            (edited, ["line 5:", "does not match its hash"]),
            (dropped, ["line 8:", "position 9 where 8 was expected"]),
            (swapped, ["line 4:", "position 5 where 4 was expected"]),
            (Array(lines.dropLast()), ["no head line", "cut short"]),
            (Array(lines.dropLast(2)) + [lines[lines.count - 1]], ["line 36:", "head line does not match"]),
            (lines.prefix(10) + ["{\"position\": 11,"] + lines.suffix(from: 11), ["line 11:", "expected '\"' at column 17"]),
            (lines + ["{\"head\":\"00\",\"events\":0}"], ["line 38:", "after the head line"]),
        ]
        for (index, (content, needles)) in cases.enumerated() {
            let file = try write(s, "bad\(index).jsonl", content)
            expectRefusal(try s.run("import", file, "--db", target), status: 65, mentioning: needles)
        }
        #expect(try s.count(at: target) == 0)
        #expect(!FileManager.default.fileExists(atPath: target), "a refused file creates no journal")
        expectRefusal(try s.run("import", s.path("missing.jsonl")), status: 66, mentioning: ["cannot read"])
    }

    /// A new journal is built beside its path and appears whole: nothing else is left in its folder.
    @Test func aNewJournalAppearsWhole() throws {
        let s = try Sandbox.demo(now: "2025-07-05T10:00")
        let file = try write(s, "export.jsonl", try export(s))
        let folder = s.path("restored")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        #expect(try s.ok(["import", file, "--db", folder + "/j.sqlite"]) == "Imported 36 of 36 events from \(file); the journal now holds 36\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["j.sqlite"])
        let attributes = try FileManager.default.attributesOfItem(atPath: folder + "/j.sqlite")
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        #expect(try s.ok(["verify", "--db", folder + "/j.sqlite"]) == (try s.ok(["verify"])))
        // A journal whose folder is missing is made the usual way, folder and all.
        #expect(try s.ok(["import", file, "--db", s.path("deep/er/j.sqlite")]).hasPrefix("Imported 36 of 36 events"))
    }

    @Test func exportToAFile() throws {
        let s = try Sandbox.demo(now: "2025-07-05T10:00")
        let file = s.path("backup.jsonl")
        #expect(try s.ok(["export", "--output", file]).isEmpty)
        let written = try String(contentsOfFile: file, encoding: .utf8)
        #expect(written.split(separator: "\n").map(String.init) == (try export(s)))
    }
}
