import Foundation
import Testing

/// A journal every refusal case starts from (JOURNAL_NOW 2025-04-10T09:00, TZ=UTC):
///   1 goal aws (2025-Q2, due 2025-06-15)   2 milestone aws/1   3 aws/1 done
///   4 goal reading (2025-Q2, no target)    5 goal network (2025-Q2, target 15): 2025-Q2 is full
///   6 activity "Oops"                      7 retraction of 6
enum Fixture {
    static let commands: [[String]] = [
        ["log", "goal", "Complete AWS certification", "--quarter", "2025-Q2", "--key", "aws", "--due", "2025-06-15"],
        ["log", "milestone", "aws", "Finish sections 1-5", "--weeks", "1-4"],
        ["log", "done", "aws/1"],
        ["log", "goal", "Read more", "--quarter", "2025-Q2", "--key", "reading"],
        ["log", "goal", "Grow my network", "--quarter", "2025-Q2", "--key", "network", "--target", "15", "--unit", "connections"],
        ["log", "activity", "Oops"],
        ["log", "retract", "6", "--reason", "logged by mistake"],
    ]
    static let eventCount = 7

    /// Builds the fixture journal once; each test copies the file into its own sandbox.
    private static let template: Result<Data, any Error> = Result {
        let s = try Sandbox()
        for command in commands {
            let result = try s.run(command)
            guard result.status == 0 else { throw CLIFailure(result: result) }
        }
        return try Data(contentsOf: URL(fileURLWithPath: s.db))
    }

    struct CLIFailure: Error, CustomStringConvertible {
        let result: RunResult
        var description: String { "fixture command failed: \(result)" }
    }

    static func sandbox(tz: String = "UTC") throws -> Sandbox {
        let s = try Sandbox(tz: tz)
        try template.get().write(to: URL(fileURLWithPath: s.db))
        return s
    }
}

/// One bad command: what it is, and what must come of it.
struct BadInput: Sendable, CustomTestStringConvertible {
    let name: String
    let arguments: [String]
    let status: Int32
    var mentioning: [String] = []
    var env: [String: String] = [:]

    var testDescription: String { "\(name) -> \(status)" }
}

@Suite("Refusals")
struct RefusalTests {
    @Test func aFourthGoalIsRefusedUnlessForced() throws {
        let s = try Sandbox()
        for key in ["a", "b", "c"] {
            try s.log("goal", "Goal \(key)", "--quarter", "2025-Q3", "--key", key)
        }
        // Goals of other quarters do not count.
        try s.log("goal", "Elsewhere", "--quarter", "2025-Q2", "--key", "other")

        let refused = try s.run("log", "goal", "Fourth goal", "--quarter", "Q3-2025", "--key", "d")
        expectRefusal(refused, status: 65, mentioning: ["three is the maximum", "--force", "a, b, c"])
        #expect(try s.count() == 4)

        #expect(try s.log("goal", "Fourth goal", "--quarter", "Q3-2025", "--key", "d", "--force")
                == "Goal d set for 2025-Q3: Fourth goal [a fourth goal, forced] (event 5)")
        #expect(try s.lastEvent().payload["forced"] == true)

        // A fifth with --force too; without it, still refused.
        expectRefusal(try s.run("log", "goal", "Fifth", "--quarter", "2025-Q3"), status: 65, mentioning: ["three is the maximum"])
        #expect(try s.count() == 5)
    }

    @Test func aDroppedGoalFreesItsPlace() throws {
        let s = try Sandbox()
        for key in ["a", "b", "c"] {
            try s.log("goal", "Goal \(key)", "--quarter", "2025-Q3", "--key", key)
        }
        expectRefusal(try s.run("log", "goal", "Fourth", "--quarter", "2025-Q3", "--key", "d"), status: 65)
        try s.log("drop", "b", "--reason", "Lost interest")
        #expect(try s.log("goal", "Fourth", "--quarter", "2025-Q3", "--key", "d") == "Goal d set for 2025-Q3: Fourth (event 5)")
        #expect(try s.lastEvent().payload["forced"] == nil)
        // A completed goal keeps its place.
        try s.log("complete", "a")
        expectRefusal(try s.run("log", "goal", "Fifth", "--quarter", "2025-Q3", "--key", "e"), status: 65,
                      mentioning: ["three is the maximum"])
        // A retracted goal frees its place too.
        try s.log("goal", "Mistake", "--quarter", "2025-Q4", "--key", "x")
        try s.log("goal", "Y", "--quarter", "2025-Q4", "--key", "y")
        try s.log("goal", "Z", "--quarter", "2025-Q4", "--key", "z")
        try s.log("retract", "7", "--reason", "set by mistake")
        // Moving a goal into a full quarter follows the same rule.
        try s.log("goal", "Movable", "--quarter", "2025-Q4", "--key", "m")
        expectRefusal(try s.run("log", "revise", "m", "--quarter", "2025-Q3", "--reason", "sooner"), status: 65,
                      mentioning: ["three is the maximum", "--force"])
        #expect(try s.count() == 11)
        #expect(try s.log("revise", "m", "--quarter", "2025-Q3", "--reason", "sooner", "--force")
                == "Goal m revised (quarter 2025-Q4 -> 2025-Q3): sooner (event 12)")
        #expect(try s.lastEvent().payload["forced"] == true)
    }

    @Test func retractingADropCannotSneakInAFourthGoal() throws {
        let s = try Sandbox()
        for key in ["a", "b", "c"] {
            try s.log("goal", "Goal \(key)", "--quarter", "2025-Q3", "--key", key)
        }
        try s.log("drop", "b", "--reason", "Lost interest")           // event 4
        try s.log("goal", "Goal d", "--quarter", "2025-Q3", "--key", "d")
        expectRefusal(try s.run("log", "retract", "4", "--reason", "changed my mind"), status: 65,
                      mentioning: ["three is the maximum", "--force"])
        #expect(try s.count() == 5)
        #expect(try s.log("retract", "4", "--reason", "changed my mind", "--force")
                == "Retracted event 4 (goal-dropped): changed my mind (event 6)")
        // With b back, the quarter holds four goals; a fifth is still refused.
        expectRefusal(try s.run("log", "goal", "Goal e", "--quarter", "2025-Q3", "--key", "e"), status: 65,
                      mentioning: ["already has 4 goals"])
    }

    static let badInputs: [BadInput] = [
        BadInput(name: "unknown goal", arguments: ["log", "progress", "nope", "3"], status: 65, mentioning: ["no goal nope"]),
        BadInput(name: "activity for an unknown goal", arguments: ["log", "activity", "x", "--goal", "nope"], status: 65,
                 mentioning: ["no goal nope"]),
        BadInput(name: "unknown milestone", arguments: ["log", "done", "aws/9"], status: 65, mentioning: ["aws/9"]),
        BadInput(name: "activity for an unknown milestone", arguments: ["log", "activity", "x", "--goal", "aws/9"], status: 65,
                 mentioning: ["aws/9"]),
        BadInput(name: "impossible date", arguments: ["log", "goal", "X", "--quarter", "2025-Q3", "--due", "2025-02-30"],
                 status: 64, mentioning: ["2025-02-30"]),
        BadInput(name: "impossible --on date", arguments: ["log", "activity", "x", "--on", "2025-02-30"], status: 64,
                 mentioning: ["2025-02-30"]),
        BadInput(name: "malformed date", arguments: ["log", "activity", "x", "--on", "next tuesday"], status: 64,
                 mentioning: ["next tuesday"]),
        BadInput(name: "quarter 5", arguments: ["log", "goal", "X", "--quarter", "2025-Q5"], status: 64, mentioning: ["2025-Q5"]),
        BadInput(name: "fourth goal without --force", arguments: ["log", "goal", "Fourth", "--quarter", "2025-Q2"], status: 65,
                 mentioning: ["three is the maximum", "--force"]),
        BadInput(name: "milestone done twice", arguments: ["log", "done", "aws/1"], status: 65, mentioning: ["already done"]),
        BadInput(name: "empty title", arguments: ["log", "goal", "", "--quarter", "2025-Q3"], status: 64, mentioning: ["empty"]),
        BadInput(name: "empty activity", arguments: ["log", "activity", ""], status: 64, mentioning: ["empty"]),
        BadInput(name: "whitespace-only title", arguments: ["log", "goal", "  \t ", "--quarter", "2025-Q3"], status: 64,
                 mentioning: ["empty"]),
        BadInput(name: "title with a line break", arguments: ["log", "activity", "two\nlines"], status: 64),
        BadInput(name: "negative minutes", arguments: ["log", "activity", "x", "--minutes", "-5"], status: 64,
                 mentioning: ["--minutes"]),
        BadInput(name: "zero minutes", arguments: ["log", "activity", "x", "--minutes", "0"], status: 64, mentioning: ["--minutes"]),
        BadInput(name: "more than a day of minutes", arguments: ["log", "activity", "x", "--minutes", "1441"], status: 64,
                 mentioning: ["1441"]),
        BadInput(name: "minutes not a number", arguments: ["log", "activity", "x", "--minutes", "abc"], status: 64,
                 mentioning: ["abc"]),
        BadInput(name: "revise without --reason", arguments: ["log", "revise", "aws", "--due", "2025-06-30"], status: 64,
                 mentioning: ["--reason"]),
        BadInput(name: "revise changing nothing", arguments: ["log", "revise", "aws", "--reason", "just because"], status: 65,
                 mentioning: ["changes nothing"]),
        BadInput(name: "revise to the same value", arguments: ["log", "revise", "aws", "--due", "2025-06-15", "--reason", "same"],
                 status: 65, mentioning: ["changes nothing"]),
        BadInput(name: "revise with an empty reason", arguments: ["log", "revise", "aws", "--due", "2025-06-30", "--reason", " "],
                 status: 64, mentioning: ["reason"]),
        BadInput(name: "retract a missing position", arguments: ["log", "retract", "99", "--reason", "x"], status: 65,
                 mentioning: ["99"]),
        BadInput(name: "retract an unknown event id", arguments: ["log", "retract", "0b5e9b4e-0000-4000-8000-000000000000", "--reason", "x"],
                 status: 65),
        BadInput(name: "retract a retraction", arguments: ["log", "retract", "7", "--reason", "x"], status: 65,
                 mentioning: ["itself a retraction"]),
        BadInput(name: "retract twice", arguments: ["log", "retract", "6", "--reason", "x"], status: 65,
                 mentioning: ["already retracted"]),
        BadInput(name: "unknown subcommand", arguments: ["log", "frobnicate", "x"], status: 64),
        BadInput(name: "unknown top-level command", arguments: ["frobnicate"], status: 64),
        BadInput(name: "unknown flag", arguments: ["log", "activity", "x", "--bogus"], status: 64, mentioning: ["--bogus"]),
        BadInput(name: "confidence 101", arguments: ["log", "goal", "X", "--quarter", "2025-Q3", "--confidence", "101"], status: 64,
                 mentioning: ["--confidence"]),
        BadInput(name: "week 14", arguments: ["log", "milestone", "aws", "x", "--week", "14"], status: 64, mentioning: ["14"]),
        BadInput(name: "weeks backwards", arguments: ["log", "milestone", "aws", "x", "--weeks", "4-1"], status: 64),
        BadInput(name: "progress without a target", arguments: ["log", "progress", "reading", "3"], status: 65,
                 mentioning: ["no numeric target"]),
        BadInput(name: "progress amount and --set", arguments: ["log", "progress", "network", "3", "--set", "4"], status: 64),
        BadInput(name: "negative progress", arguments: ["log", "progress", "network", "-3"], status: 64),
        BadInput(name: "--on in the future", arguments: ["log", "activity", "x", "--on", "2025-04-11"], status: 65,
                 mentioning: ["future"]),
        BadInput(name: "complete --on in the future", arguments: ["log", "complete", "aws", "--on", "2025-04-11"], status: 65,
                 mentioning: ["future"]),
        BadInput(name: "malformed JOURNAL_NOW", arguments: ["log", "activity", "x"], status: 64, mentioning: ["JOURNAL_NOW"],
                 env: ["JOURNAL_NOW": "soon"]),
        BadInput(name: "malformed JOURNAL_NOW when reading", arguments: ["events"], status: 64, mentioning: ["JOURNAL_NOW"],
                 env: ["JOURNAL_NOW": "2025-13-01"]),
        BadInput(name: "bad goal key", arguments: ["log", "milestone", "AWS!", "x"], status: 64, mentioning: ["AWS!"]),
        BadInput(name: "unknown blocker", arguments: ["log", "review", "2025-Q2", "--planned", "a", "--accomplished", "b",
                                                      "--obstacles", "c", "--learned", "d", "--next", "e", "--blocker", "meetings"],
                 status: 64, mentioning: ["meetings"]),
        BadInput(name: "unknown direction", arguments: ["log", "goal", "X", "--quarter", "2025-Q3", "--direction", "mgmt"], status: 65,
                 mentioning: ["mgmt"]),
        BadInput(name: "duplicate goal key", arguments: ["log", "goal", "X", "--quarter", "2025-Q3", "--key", "aws"], status: 65,
                 mentioning: ["aws"]),
        BadInput(name: "empty --db", arguments: ["log", "activity", "x", "--db", ""], status: 64, mentioning: ["--db"]),
        BadInput(name: "events --type bogus", arguments: ["events", "--type", "bogus"], status: 64, mentioning: ["bogus"]),
        BadInput(name: "events --since garbage", arguments: ["events", "--since", "next month"], status: 64,
                 mentioning: ["next month"]),
    ]

    @Test(arguments: badInputs)
    func badInputIsRejected(_ bad: BadInput) throws {
        let s = try Fixture.sandbox()
        let result = try s.run(bad.arguments, env: bad.env)
        expectRefusal(result, status: bad.status, mentioning: bad.mentioning)
        #expect(try s.count() == Fixture.eventCount, "nothing appended")
        #expect(try s.events().count == Fixture.eventCount)
    }

    @Test func aMalformedFirstCommandCreatesNoJournal() throws {
        let s = try Sandbox()
        for command in [["log", "goal", "X", "--quarter", "2025-Q5"], ["log", "activity", "x", "--minutes", "abc"],
                        ["log", "activity", "x", "--on", "next tuesday"], ["log", "nope"]] {
            expectRefusal(try s.run(command), status: 64)
        }
        expectRefusal(try s.run(["log", "activity", "x"], env: ["JOURNAL_NOW": "tomorrow"]), status: 64)
        #expect(!FileManager.default.fileExists(atPath: s.db))
    }

    @Test func aFileThatIsNotSQLiteIsNotAJournal() throws {
        let s = try Fixture.sandbox()
        let other = s.path("notes.txt")
        let content = Data(String(repeating: "These are my notes, not a database.\n", count: 20).utf8)
        try content.write(to: URL(fileURLWithPath: other))
        let short = s.path("short.txt")
        try Data("short".utf8).write(to: URL(fileURLWithPath: short))
        for file in [other, short] {
            for command in [["log", "activity", "x", "--db", file], ["events", "--db", file], ["verify", "--db", file]] {
                expectRefusal(try s.run(command), status: 66, mentioning: [file, "not a journal"])
            }
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: other)) == content, "the file is left as it was")
        #expect(try Data(contentsOf: URL(fileURLWithPath: short)) == Data("short".utf8))
        #expect(try s.count() == Fixture.eventCount, "JOURNAL_DB untouched: --db wins")
    }

    @Test func anSQLiteDatabaseOfAnotherProgramIsNotAJournal() throws {
        let s = try Fixture.sandbox()
        let other = s.path("other.sqlite")
        let created = try SQLiteShell.run(other, "CREATE TABLE t(x); INSERT INTO t VALUES (42);", in: s)
        try #require(created.status == 0, "\(created)")
        for command in [["log", "activity", "x", "--db", other], ["events", "--db", other], ["verify", "--db", other]] {
            expectRefusal(try s.run(command), status: 66, mentioning: [other, "another program"])
        }
        let check = try SQLiteShell.run(other, "SELECT x FROM t; PRAGMA user_version; PRAGMA application_id;", in: s)
        #expect(check.stdout == "42\n0\n0\n", "the other program's data is untouched: \(check)")
        #expect(try s.count() == Fixture.eventCount)
        // Nor its journal mode: switching to WAL is a change to the file, so the store must look for another
        // program's tables before it turns WAL on.
        let mode = try SQLiteShell.run(other, "PRAGMA journal_mode;", in: s)
        #expect(mode.stdout == "delete\n", "\(mode)")
    }

    @Test func aFolderIsNotAJournal() throws {
        let s = try Fixture.sandbox()
        let folder = s.path("folder")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        expectRefusal(try s.run("log", "activity", "x", "--db", folder), status: 66, mentioning: ["folder"])
        expectRefusal(try s.run("events", "--db", folder), status: 66)
    }

    @Test func readingAMissingJournalCreatesNothing() throws {
        let s = try Sandbox()
        let missing = s.path("sub/dir/missing.sqlite")
        expectRefusal(try s.run("events"), status: 66, mentioning: ["no journal", s.db])
        expectRefusal(try s.run("verify"), status: 66, mentioning: ["no journal"])
        expectRefusal(try s.run("events", "--db", missing), status: 66, mentioning: [missing])
        #expect(!FileManager.default.fileExists(atPath: s.db))
        #expect(!FileManager.default.fileExists(atPath: s.path("sub")))
        #expect(try FileManager.default.contentsOfDirectory(atPath: s.root.path).isEmpty)
    }

    @Test func helpAndVersionAreNotErrors() throws {
        let s = try Sandbox()
        let help = try s.run("log", "goal", "--help")
        #expect(help.status == 0 && help.stdout.contains("--quarter") && help.stderr.isEmpty, "\(help)")
        let version = try s.run("--version")
        #expect(version.status == 0 && version.stdout == "0.1.0\n", "\(version)")
        #expect(!FileManager.default.fileExists(atPath: s.db))
    }
}
