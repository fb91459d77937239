import Foundation
import Testing

/// Most end-to-end tests run `journal` in the test process (Harness.swift); these hold that tier to the binary.
/// Every command runs both ways on copies of one journal: as a process of the built binary (its smoke run: it
/// starts, exits as documented, prints what it should) and in process. Exit status, standard output and standard
/// error must be identical, and a command that writes must leave the same events.
@Suite("The binary and the in-process tier agree")
struct ProcessTierTests {
    static let now = "2025-05-16T18:00"

    /// Every reading and maintenance command, help, version, and refusals of each kind. (Completion requests always
    /// run as processes: CompletionTests.)
    static let reads: [[String]] = [
        ["sprint"], ["sprint", "--format", "json"], ["sprint", "--quarter", "2025-Q2", "--format", "markdown"],
        ["sprint", "--format", "html"],
        ["report", "2025-Q2"], ["report", "2025-Q2", "--format", "json"], ["report", "2025-Q2", "--as-known-at", "2025-05-01"],
        ["history", "aws"], ["history", "aws", "--format", "json"],
        ["insights"], ["insights", "--format", "json"], ["insights", "--calibration"],
        ["resume"], ["resume", "--format", "markdown"], ["resume", "--refs", "--format", "json"],
        ["share", "2025-Q2"], ["share", "2025-Q2", "--format", "json"],
        ["events"], ["events", "--format", "jsonl"], ["events", "--goal", "aws"],
        ["export"], ["verify"], ["verify", "--deep"],
        [], ["--format", "json"], ["goals"], ["goals", "--all", "--format", "json"], ["goals", "--quarter", "2025-Q3", "--format", "markdown"],
        ["goals", "--all", "--quarter", "2025-Q2"], ["help", "completions"], ["completions"],
        ["--help"], ["--version"], ["help", "log", "goal"], ["log", "--help"], ["sprint", "-h"],
        ["sprint", "--format", "pdf"], ["nonsense"], ["history", "no-such-goal"], ["report", "2025-Q9"],
        ["log", "done", "aws/1"], ["log", "activity", "Reading", "--minutes", "lots"], ["log", "retract", "999", "--reason", "x"],
        ["activities"], ["activities", "--since", "2025-04-01", "--tag", "networking", "--format", "json"],
        ["insights", "--by", "tag"], ["insights", "--by", "tag", "--format", "json"], ["events", "--tag", "networking"],
        ["stop"], ["cancel"], ["stop", "--at", "soon"],
        ["log", "amend", "1", "--minutes", "5"], ["help", "log", "amend"],
        ["review", "--edit", "--from", "answers.json"], ["plan", "2025-Q3", "--edit", "--from", "plan.json"],
        ["remote", "list"], ["remote", "remove", "nowhere"], ["sync"], ["sync", "nowhere"],
    ]

    @Test(arguments: reads) func aReadIsTheSameBothWays(_ arguments: [String]) throws {
        let s = try Sandbox.demo(now: Self.now)
        let process = try s.runProcess(arguments)
        let inProcess = try s.run(arguments)
        #expect(process.exited, "\(process)")
        expectSame(process, inProcess)
    }

    @Test func aReadInAnotherTimeZoneIsTheSameBothWays() throws {
        let s = try Sandbox.demo(now: Self.now)
        for arguments in [["sprint"], ["events"], ["insights", "--format", "json"]] {
            let env: [String: String?] = ["TZ": "Pacific/Auckland"]
            expectSame(try s.runProcess(arguments, env: env), try s.run(arguments, env: env))
        }
    }

    /// Every kind of `journal log`, undo, plan, review, import, backup and rebuild, each on its own copy.
    static let writes: [[String]] = [
        ["log", "activity", "Read a chapter", "--minutes", "30"],
        ["log", "activity", "Practice exam", "--goal", "aws", "--minutes", "45", "--on", "yesterday"],
        ["log", "goal", "Ship the portfolio", "--quarter", "2025-Q3", "--metric", "Portfolio live", "--due", "2025-09-30"],
        ["log", "milestone", "aws", "Book the exam", "--week", "10"],
        ["log", "done", "aws/3"],
        ["log", "progress", "network", "9"],
        ["log", "revise", "network", "--target", "12", "--reason", "Fewer meetups this quarter"],
        ["log", "revise", "aws/3", "--week", "11", "--reason", "The exam centre is full"],
        ["log", "revise", "aws", "--key", "aws-cert", "--reason", "A clearer key"],
        ["log", "complete", "aws", "--outcome", "Passed"],
        ["log", "drop", "network", "--reason", "Changed teams"],
        ["log", "retract", "36", "--reason", "Logged twice"],
        ["log", "amend", "26", "--minutes", "150", "--on", "2025-05-13"], ["log", "amend", "23", "--goal", "network", "--tag", "webinar"],
        ["log", "direction", "Lead a platform team", "--by", "2027"],
        ["log", "partner", "Sam"],
        ["undo", "--yes"], ["rebuild"],
        ["start", "Practice exam", "--goal", "aws/2", "--tag", "Deep Work"],
        ["log", "activity", "Meetup", "--from", "yesterday 19:00", "--to", "21:30", "--tag", "networking"],
        ["remote", "add", "home", "postgresql://me@localhost/journal"],
    ]

    @Test(arguments: writes) func aWriteIsTheSameBothWays(_ arguments: [String]) throws {
        let one = try Sandbox.demo(now: Self.now), other = try Sandbox.demo(now: Self.now)
        let process = try one.runProcess(arguments)
        let inProcess = try other.run(arguments)
        #expect(process.exited, "\(process)")
        // rebuild says how long it took.
        expectSame(process.replacing(#/in \d+ ms \(\d+ events\/s\)/#, with: "in T"), inProcess.replacing(#/in \d+ ms \(\d+ events\/s\)/#, with: "in T"))
        #expect(try events(one) == events(other), "\(arguments) left other events")
    }

    @Test func filesAndStandardInputAreTheSameBothWays() throws {
        let one = try Sandbox.demo(now: "2025-07-03T10:00"), other = try Sandbox.demo(now: "2025-07-03T10:00")
        let review = #"{"planned": "Pass AWS", "accomplished": "Passed", "obstacles": "Time", "learned": "Mornings", "next": "Kubernetes"}"#
        for s in [one, other] { try Data(review.utf8).write(to: URL(fileURLWithPath: s.path("review.json"))) }
        expectSame(try one.runProcess(["review", "--from", one.path("review.json")]),
                   try other.run(["review", "--from", other.path("review.json")]))
        expectSame(try one.runProcess(["review", "--quarter", "2025-Q2", "--from", "-"], input: Data(review.utf8)),
                   try other.run(["review", "--quarter", "2025-Q2", "--from", "-"], input: Data(review.utf8)))
        #expect(try events(one) == events(other))
        // An export imported into a new journal, and a backup, both ways.
        let export = one.path("all.jsonl")
        _ = try one.ok(["export", "--output", export])
        expectSame(try one.runProcess(["import", export, "--db", one.path("copy-a.sqlite")]),
                   try one.run(["import", export, "--db", one.path("copy-b.sqlite")]))
        expectSame(try one.runProcess(["backup", one.path("backup-a.sqlite")]).replacing(one.path("backup-a.sqlite"), with: "BACKUP"),
                   try one.run(["backup", one.path("backup-b.sqlite")]).replacing(one.path("backup-b.sqlite"), with: "BACKUP"))
    }

    func events(_ s: Sandbox) throws -> [String] {
        // Ids and hashes are random per run; what each event says, where and when, is not.
        try s.events().map { "\($0.position) \($0.streamId)@\($0.streamVersion) \($0.type) \($0.payload) \($0.metadata) \($0.occurredAt) \($0.recordedAt)" }
    }

    func expectSame(_ process: RunResult, _ inProcess: RunResult, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(process.status == inProcess.status, "exit \(process.status) as a process, \(inProcess.status) in process: \(process)",
                sourceLocation: sourceLocation)
        #expect(process.stdout == inProcess.stdout, "stdout differs:\n\(process)\n\(inProcess)", sourceLocation: sourceLocation)
        #expect(process.stderr == inProcess.stderr, "stderr differs:\n\(process)\n\(inProcess)", sourceLocation: sourceLocation)
    }
}

extension RunResult {
    func replacing(_ text: String, with replacement: String) -> RunResult {
        RunResult(arguments: arguments, status: status, exited: exited,
                  stdout: stdout.replacingOccurrences(of: text, with: replacement),
                  stderr: stderr.replacingOccurrences(of: text, with: replacement))
    }

    func replacing(_ pattern: some RegexComponent, with replacement: String) -> RunResult {
        RunResult(arguments: arguments, status: status, exited: exited,
                  stdout: stdout.replacing(pattern, with: replacement), stderr: stderr.replacing(pattern, with: replacement))
    }
}
