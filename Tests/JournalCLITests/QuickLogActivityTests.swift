import Foundation
import Testing
@testable import JournalCLI

/// `journal log activity` reads plain command lines itself (start-up cost) and leaves everything else to
/// ArgumentParser: the two must not be told apart from outside.
@Suite("journal log activity's own parsing")
struct QuickLogActivityTests {
    @Test func plainCommandLinesAreReadHere() throws {
        let quick = try #require(QuickLogActivity(["log", "activity", "Read", "chapter", "3", "--goal", "aws/2", "--minutes=45",
                                                   "--on", "yesterday", "--db", "/tmp/j.sqlite"]))
        #expect(quick.words == ["Read", "chapter", "3"])
        #expect(quick.goal == "aws/2" && quick.minutes == "45" && quick.on == "yesterday" && quick.db == "/tmp/j.sqlite")
    }

    @Test("everything else goes to ArgumentParser", arguments: [
        ["log", "activity"], ["log", "activity", "--help"], ["log", "activity", "x", "-h"], ["log", "activity", "help"],
        ["log", "activity", "x", "--goal"], ["log", "activity", "x", "--goal", ""], ["log", "activity", "x", "--minutes", "-5"],
        ["log", "activity", "x", "--goal", "a", "--goal", "b"], ["log", "activity", "x", "--force"], ["log", "activity", "--", "-x"],
        ["log", "goal", "x", "--quarter", "2025-Q2"], ["sprint"],
    ])
    func fallsBack(arguments: [String]) {
        #expect(QuickLogActivity(arguments) == nil)
    }

    @Test func bothWaysPrintAndStoreTheSame() throws {
        let s = try Sandbox()
        try s.log("goal", "Complete AWS certification", "--key", "aws", "--quarter", "2025-Q2", "--quiet")
        try s.log("milestone", "aws", "Sections 1-5", "--weeks", "1-4")
        // Read here (plain), and through ArgumentParser (the "--" ends options: same activity, other path).
        let plain = try s.ok(["log", "activity", "Practice", "exam", "--goal", "aws/1", "--minutes", "90", "--on", "2025-04-09"])
        let parsed = try s.ok(["log", "activity", "--goal", "aws/1", "--minutes", "90", "--on", "2025-04-09", "--", "Practice", "exam"])
        #expect(plain.replacingOccurrences(of: "(event 3)", with: "") == parsed.replacingOccurrences(of: "(event 4)", with: ""))
        let events = try s.events()
        #expect(events[2].payload == events[3].payload && events[2].occurredAt == events[3].occurredAt)
        #expect(events[2].metadata == events[3].metadata)
        // Refusals read the same either way.
        let bad = try s.run("log", "activity", "x", "--minutes", "0")
        let badParsed = try s.run("log", "activity", "--minutes", "0", "--", "x")
        expectRefusal(bad, status: 64, mentioning: ["--minutes 0 is out of range"])
        #expect(bad.stderr == badParsed.stderr && bad.status == badParsed.status)
        let missing = try s.run("log", "activity", "x", "--goal")
        expectRefusal(missing, status: 64, mentioning: ["see 'journal log activity --help'"])
    }
}
