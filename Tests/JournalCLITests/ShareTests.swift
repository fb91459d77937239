import Foundation
import Testing

/// `journal share` through the built binary: the demo's document in both formats, escaping, the missing
/// partner, an empty quarter, "this week", and the refusals.
@Suite("journal share")
struct ShareTests {
    /// The demo journal, read on the day its sprint board shows (week 7).
    func demo() throws -> Sandbox { try Sandbox.demo(now: "2025-05-16T18:00") }

    @Test("golden document", arguments: [("markdown", "share.md"), ("text", "share.txt")])
    func golden(format: String, file: String) throws {
        let s = try demo()
        try Golden.check(try s.ok(["share", "--db", s.db, "--format", format]), file)
    }

    @Test func markdownAndTheCurrentQuarterAreTheDefaults() throws {
        let s = try demo()
        let plain = try s.ok(["share", "--db", s.db])
        #expect(plain == (try s.ok(["share", "Q2 2025", "--db", s.db, "--format", "markdown"])))
        #expect(plain.hasPrefix("# 2025-Q2 sprint\n"))
        #expect(plain.hasSuffix("\nRecorded in journal; updated May 16 2025.\n"))
    }

    @Test func whatUsersTypedIsEscapedInMarkdownOnly() throws {
        let s = try Sandbox()
        try s.log("partner", "Ann_Lee")
        try s.log("goal", "Ship *v2* | the_api", "--key", "ship", "--quarter", "2025-Q2", "--metric", "p99 < 200ms",
                  "--due", "2025-06-30", "--quiet")
        try s.log("milestone", "ship", "Cut | merge_branch", "--week", "5")
        let markdown = try s.ok(["share"])
        #expect(markdown.contains("- Accountability partner: Ann\\_Lee\n"))
        #expect(markdown.contains("\n## Ship \\*v2\\* \\| the\\_api (ship)\n"))
        #expect(markdown.contains("- Success metric: p99 &lt; 200ms\n"), "HTML made inert with an entity")
        #expect(markdown.contains("\n| 5 | Cut \\| merge\\_branch | planned |\n"))
        let text = try s.ok(["share", "--format", "text"])
        #expect(text.contains("\nShip *v2* | the_api (ship)\n"))
        #expect(text.contains("Cut | merge_branch"))
    }

    @Test func withoutAPartnerTheDocumentSaysHowToNameOne() throws {
        let s = try Sandbox()
        try s.log("goal", "Complete AWS Solutions Architect certification", "--key", "aws", "--quarter", "2025-Q2", "--quiet")
        #expect(try s.ok(["share"]).contains(
            "\n- Accountability partner: none named yet; name one with `journal log partner NAME`\n"))
        #expect(try s.ok(["share", "--format", "text"]).contains(
            "\nAccountability partner: none named yet; name one with journal log partner NAME\n"))
    }

    @Test func aQuarterWithNoGoalsSaysSo() throws {
        let s = try demo()
        let out = try s.ok(["share", "2025-Q3", "--db", s.db])
        #expect(out.contains("\nNo goals are set for 2025-Q3 yet; set one with `journal log goal TITLE --quarter 2025-Q3`.\n"))
        #expect(out.contains("Starts Jul 1 · in 46 days · as of May 16 2025"))
        #expect(!out.contains("##"))
    }

    @Test func milestonesOfThisWeek() throws {
        // 2025-04-10 is in week 2 (Apr 8-14): week 1 is over, weeks 1-3 and a due date of Apr 13 are this week.
        let s = try Sandbox(now: "2025-04-10T09:00")
        try s.log("goal", "Complete AWS Solutions Architect certification", "--key", "aws", "--quarter", "2025-Q2", "--quiet")
        try s.log("milestone", "aws", "Book the course", "--week", "1")
        try s.log("milestone", "aws", "Sections 1-3", "--weeks", "1-3")
        try s.log("milestone", "aws", "Practice exam", "--due", "2025-04-13")
        try s.log("milestone", "aws", "Sections 4-6", "--weeks", "4-6")
        let text = try s.ok(["share", "--format", "text"])
        #expect(text.contains("""
                week 1      Book the course  late
                weeks 1-3   Sections 1-3     this week
                due Apr 13  Practice exam    this week
                weeks 4-6   Sections 4-6     planned
            """))
        let markdown = try s.ok(["share"])
        #expect(markdown.contains("| 1 | Book the course | **late** |\n| 1-3 | Sections 1-3 | this week |\n"))
    }

    @Test func droppedGoalsComeLastWithTheirReason() throws {
        let s = try Sandbox()
        try s.log("goal", "Speak at a conference", "--key", "talk", "--quarter", "2025-Q2", "--quiet")
        try s.log("drop", "talk", "--reason", "No call for papers this spring")
        let out = try s.ok(["share"])
        #expect(out.contains("\nEvery goal of 2025-Q2 was dropped.\n"))
        #expect(out.contains("\n## Dropped\n\n- Speak at a conference (talk): No call for papers this spring\n"))
    }

    @Test func anUnknownFormatOrQuarterIsRefused() throws {
        let s = try demo()
        expectRefusal(try s.run("share", "--db", s.db, "--format", "yaml"), status: 64, mentioning: ["yaml", "markdown", "text", "json"])
        expectRefusal(try s.run("share", "2025-Q5", "--db", s.db), status: 64, mentioning: ["2025-Q5"])
    }

    @Test func aMissingJournalIsNotCreated() throws {
        let s = try Sandbox()
        expectRefusal(try s.run("share"), status: 66, mentioning: ["no journal"])
        #expect(!FileManager.default.fileExists(atPath: s.db))
    }
}
