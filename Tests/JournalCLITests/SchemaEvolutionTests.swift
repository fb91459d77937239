import Foundation
import Testing

/// A journal of schema version 1 (Tests/Fixtures/schema-v1) read, imported and appended to end to end; tags,
/// the field activity-logged gained in version 2, from the command line.
@Suite("Schema evolution, end to end")
struct SchemaEvolutionTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../Fixtures/schema-v1").standardizedFileURL

    func fixtureJournal(now: String = "2025-07-03T10:00") throws -> Sandbox {
        let s = try Sandbox(now: now)
        try FileManager.default.copyItem(atPath: Self.fixtures.appendingPathComponent("journal.sqlite").path, toPath: s.db)
        return s
    }

    @Test func aVersionOneJournalIsReadAndAppendedTo() throws {
        let s = try fixtureJournal()
        #expect(try s.ok(["verify"]).hasPrefix("OK: 42 events, hash chain intact; head 7fd8d5cd25d666ee18d42ce2c99124f9c56265b0995ee05d6295c2e3071e6bb1"))
        let report = try s.ok(["report", "2025-Q2"])
        #expect(report.contains("Complete AWS Solutions Architect certification") && report.contains("overcommitting"), "\(report)")
        let history = try s.ok(["history", "run"])
        #expect(history.contains("Activity (35 min): Löpning: 5 km \"easy\" — café ☕  [retracted: Logged twice]"), "\(history)")
        _ = try s.log("activity", "Meetup on stream processing", "--minutes", "120", "--tag", "networking", "--tag", "@events")
        let last = try s.lastEvent()
        #expect(last.schemaVersion == 2)
        #expect(last.payload["tags"] == ["networking", "events"])
        let old = try s.events().prefix(42)
        #expect(old.allSatisfy { $0.schemaVersion == 1 })
        #expect(try s.ok(["verify"]).hasPrefix("OK: 43 events"))
    }

    @Test func aVersionOneExportImportsAsItWas() throws {
        let s = try Sandbox(now: "2025-07-03T10:00")
        let file = Self.fixtures.appendingPathComponent("journal.jsonl").path
        #expect(try s.ok(["import", file]).contains("42"))
        #expect(try s.ok(["verify"]).hasPrefix("OK: 42 events, hash chain intact; head 7fd8d5cd25d666ee18d42ce2c99124f9c56265b0995ee05d6295c2e3071e6bb1"))
        // Exported again, every line is the fixture's: versions, payloads and hashes untouched.
        _ = try s.ok(["export", "--output", s.path("again.jsonl")])
        let again = try String(contentsOfFile: s.path("again.jsonl"), encoding: .utf8)
        let original = try String(contentsOfFile: file, encoding: .utf8)
        #expect(again == original)
    }

    @Test func tagsAreShownAndCheckedAndARefusalAppendsNothing() throws {
        let s = try Sandbox.demo(now: "2025-05-16T18:00")
        let logged = try s.log("activity", "Mock exam", "--goal", "aws/2", "--minutes", "90", "--tag", "exam", "--tag", "#exam", "--tag", "timed")
        #expect(logged.contains("Mock exam #exam #timed"), "\(logged)")
        #expect(try s.ok(["history", "aws"]).contains("Activity (90 min, aws/2): Mock exam #exam #timed"))
        let count = try s.count()
        // A tag is normalised as imports normalise labels ("Exam" is exam); one that normalises to nothing is refused.
        expectRefusal(try s.run("log", "activity", "x", "--tag", "!!!"), status: 64, mentioning: ["tag '!!!'", "lowercase"])
        expectRefusal(try s.run(["log", "activity", "x"] + (1...11).flatMap { ["--tag", "t\($0)"] }), status: 64, mentioning: ["at most 10"])
        #expect(try s.count() == count, "a refused activity appends nothing")
    }
}
