import Foundation
import JournalDomain
import Projections
import Testing

/// A journal set up so that a hint shows: the commands that build it (`setup` run at `setupNow`, then `later`
/// at `now`), then what is read at `now`. `values` stand in for the hint's placeholders (TEXT, DATE, KEY, ...)
/// where the defaults do not fit.
struct HintScenario: Sendable {
    var setupNow = "2025-04-02T09:00"
    var now = "2025-04-10T09:00"
    var setup: [[String]]
    var later: [[String]] = []
    var values: [String: String] = [:]
}

/// Every fix hint that sprint, insights, share and the SMART advice print runs as printed, once its placeholders
/// are given example values (issue 13: `journal log revise hired-as --due DATE` failed for want of `--reason`).
/// The tables are keyed by the codes, so a new warning or advice code without a scenario fails here.
@Suite("Hints that run")
struct RunnableHintsTests {
    static let defaults: [String: String] = [
        "TEXT": "Example reason", "DATE": "2025-06-15", "N": "5", "KEY": "ux", "TITLE": "Example title",
        "NAME": "Sam Rivera", "Q": "2025-Q2",
    ]

    static let subcommands: Set<String> = [
        "log", "plan", "review", "sprint", "report", "history", "insights", "resume", "share", "events", "undo", "export",
        "import", "backup", "verify", "rebuild", "demo",
    ]

    /// The commands a message tells people to run: from "journal" to the first word that ends its clause.
    static func hints(in message: String) -> [[String]] {
        let words = message.split(separator: " ").map(String.init)
        var found: [[String]] = []
        var index = 0
        while index < words.count {
            let word = words[index].drop(while: { $0 == "(" || $0 == "\"" || $0 == "`" })
            guard word == "journal", index + 1 < words.count, subcommands.contains(words[index + 1]) else {
                index += 1
                continue
            }
            var command: [String] = []
            index += 1
            while index < words.count {
                let raw = words[index]
                if raw.hasPrefix("(") { break }
                let trimmed = String(raw.reversed().drop(while: { ";,.)`\"".contains($0) }).reversed())
                command.append(trimmed)
                index += 1
                if trimmed != raw { break }
            }
            found.append(command)
        }
        return found
    }

    static func substituted(_ command: [String], _ values: [String: String]) -> [String] {
        command.map { values[$0] ?? defaults[$0] ?? $0 }
    }

    /// Builds the scenario's journal; nil when a setup step failed (recorded as an issue).
    func build(_ scenario: HintScenario) throws -> Sandbox {
        let s = try Sandbox(now: scenario.setupNow)
        for step in scenario.setup {
            let result = try s.run(step)
            #expect(result.status == 0, "setup step failed: \(result)")
        }
        s.environment["JOURNAL_NOW"] = scenario.now
        for step in scenario.later {
            let result = try s.run(step)
            #expect(result.status == 0, "setup step failed: \(result)")
        }
        return s
    }

    /// Runs every hint in `text` in the sandbox; each must succeed. Returns how many ran.
    @discardableResult
    func runHints(in text: String, _ s: Sandbox, values: [String: String], context: String) throws -> Int {
        let commands = Self.hints(in: text)
        for command in commands {
            let arguments = Self.substituted(command, values)
            #expect(!arguments.contains { $0.hasSuffix("...") }, "\(context): a hint with an elision cannot run: \(command)")
            let result = try s.run(arguments)
            #expect(result.status == 0 && result.stderr.isEmpty, "\(context): the hint \(command.joined(separator: " ")) does not run: \(result)")
        }
        return commands.count
    }

    // MARK: warnings

    static let goalG = ["log", "goal", "Read more", "--key", "g", "--quarter", "2025-Q2"]
    static let direction = ["log", "direction", "Move into UX design", "--key", "ux"]
    static let smartG = goalG + ["--metric", "12 books", "--due", "2025-06-15", "--direction", "ux"]

    static let warningScenarios: [Warning.Code: HintScenario] = [
        .tooManyGoals: HintScenario(setup: [direction] + ["a", "b", "c", "d"].map { key in
            ["log", "goal", "Goal \(key)", "--key", key, "--quarter", "2025-Q2", "--force"]
        }),
        .noMetric: HintScenario(setup: [direction, goalG + ["--due", "2025-06-15", "--direction", "ux"]]),
        // The issue's own: a goal someone else decides, with no deadline.
        .noDeadline: HintScenario(setup: [direction, ["log", "goal", "Get hired as a UX designer", "--key", "hired-as", "--quarter", "2025-Q2",
                                                      "--metric", "An offer", "--direction", "ux"]]),
        .noDirection: HintScenario(setup: [direction, goalG + ["--metric", "12 books", "--due", "2025-06-15"]]),
        .noMilestones: HintScenario(setup: [direction, smartG]),
        .outsideControl: HintScenario(setup: [direction, ["log", "goal", "Win the design award", "--key", "award", "--quarter", "2025-Q2"]]),
        .noAccountability: HintScenario(setup: [direction, smartG]),
        .busyNotProgress: HintScenario(setup: [direction, smartG, ["log", "activity", "Scrolled design news", "--minutes", "90"]]),
        .behindNotRevised: HintScenario(now: "2025-05-20T09:00", setup: [direction, smartG, ["log", "milestone", "g", "Read book 1", "--week", "1"]]),
        // Due Apr 5, read on Apr 10, neither completed nor dropped: each of the three ways out runs.
        .pastDeadline: HintScenario(setup: [direction, ["log", "goal", "Read more", "--key", "g", "--quarter", "2025-Q2", "--metric", "12 books",
                                                        "--due", "2025-04-05", "--direction", "ux"]]),
        // Both milestones done in the goal's last two weeks (Jun 2 to its deadline, Jun 15).
        .cramming: HintScenario(now: "2025-06-28T09:00", setup: [
            direction, smartG, ["log", "milestone", "g", "Book 1", "--week", "2"], ["log", "milestone", "g", "Book 2", "--week", "4"],
        ], later: [["log", "done", "g/1", "--on", "2025-06-05"], ["log", "done", "g/2", "--on", "2025-06-12"]]),
    ]

    @Test("every warning's hints run", arguments: Warning.Code.allCases)
    func warningHintsRun(code: Warning.Code) throws {
        guard let scenario = Self.warningScenarios[code] else {
            Issue.record("no scenario shows the \(code.rawValue) warning; add one to warningScenarios")
            return
        }
        let s = try build(scenario)
        let raw = try s.ok(["sprint", "--quarter", "2025-Q2", "--format", "json"])
        let board = try JSONDecoder().decode(JSON.self, from: Data(raw.utf8))
        guard case .array(let warnings)? = board["warnings"],
              let warning = warnings.first(where: { $0["code"] == JSON.string(code.rawValue) }),
              case .string(let message)? = warning["message"] else {
            Issue.record("the \(code.rawValue) scenario does not show that warning: \(raw)")
            return
        }
        // insights prints the same messages (and share those a partner could ask about).
        let insights = try s.ok(["insights", "--quarter", "2025-Q2"])
        #expect(insights.contains("[\(code.rawValue)] " + message), "\(insights)")
        // A message may offer ways out that exclude each other (past-deadline: complete, revise or drop): each runs
        // in a journal of its own, as the user would take one of them.
        for hint in Self.hints(in: message) {
            try runHints(in: "journal " + hint.joined(separator: " "), try build(scenario), values: scenario.values, context: code.rawValue)
        }
    }

    /// The reproduction: the no-deadline hint names --reason, and runs.
    @Test func theNoDeadlineHintNamesTheReason() throws {
        let s = try build(try #require(Self.warningScenarios[.noDeadline]))
        let sprint = try s.ok(["sprint", "--quarter", "2025-Q2"])
        #expect(sprint.contains("hired-as has no deadline; give it one with journal log revise hired-as --due DATE --reason TEXT"), "\(sprint)")
        #expect(try runHints(in: "journal log revise hired-as --due DATE --reason TEXT", s, values: [:], context: "no-deadline") == 1)
        #expect(try s.lastEvent().payload["changes"]?[0]?["to"] == "2025-06-15")
    }

    // MARK: SMART advice

    /// Each scenario's last step prints the advice; `marker` picks its line.
    static let adviceScenarios: [Advice.Code: (scenario: HintScenario, marker: String)] = [
        .outsideControl: (HintScenario(setup: [direction, ["log", "goal", "Get hired as a UX designer", "--key", "hired-as", "--quarter", "2025-Q2",
                                                           "--metric", "An offer", "--due", "2025-06-30", "--direction", "ux"]]),
                          "Achievable: \"get hired\""),
        .noMetric: (HintScenario(setup: [direction, goalG + ["--due", "2025-06-15", "--direction", "ux"]]), "Measurable:"),
        .thirdGoal: (HintScenario(setup: [direction] + ["a", "b", "c"].map { key in
            ["log", "goal", "Goal \(key)", "--key", key, "--quarter", "2025-Q2", "--metric", "m", "--due", "2025-06-15", "--direction", "ux"]
        }), "Focus:"),
        .noDeadline: (HintScenario(setup: [direction, goalG + ["--metric", "12 books", "--direction", "ux"]]), "Time-bound: no deadline"),
        .dueAfterQuarter: (HintScenario(setup: [direction, goalG + ["--metric", "12 books", "--due", "2025-07-15", "--direction", "ux"]]),
                           "Time-bound: the deadline 2025-07-15"),
        .milestoneAfterDeadline: (HintScenario(setup: [direction, smartG, ["log", "milestone", "g", "Final book", "--weeks", "12-13"]]),
                                  "Time-bound: g/1 ends"),
        .noDirection: (HintScenario(setup: [direction, goalG + ["--metric", "12 books", "--due", "2025-06-15"]]), "Relevant:"),
    ]

    @Test("every SMART advice's hints run", arguments: Advice.Code.allCases)
    func adviceHintsRun(code: Advice.Code) throws {
        guard let (scenario, marker) = Self.adviceScenarios[code], let last = scenario.setup.last else {
            Issue.record("no scenario prints the \(code.rawValue) advice; add one to adviceScenarios")
            return
        }
        var before = scenario
        before.setup.removeLast()
        let s = try build(before)
        s.environment["JOURNAL_NOW"] = scenario.setupNow
        let result = try s.run(last)
        #expect(result.status == 0, "\(result)")
        guard let line = result.stdoutLines.dropFirst().first(where: { $0.hasPrefix("  " + marker) }) else {
            Issue.record("the \(code.rawValue) scenario does not print that advice: \(result)")
            return
        }
        s.environment["JOURNAL_NOW"] = scenario.now
        try runHints(in: line, s, values: scenario.values, context: code.rawValue)
    }

    // MARK: what the renderers add

    /// Hints the reading commands print beside the warnings: (scenario, the command read, a text the output must hold).
    static let rendererHints: [(name: String, scenario: HintScenario, read: [String], shows: String)] = [
        ("sprint without goals", HintScenario(setup: [direction]), ["sprint"], "set one with journal log goal TITLE --quarter 2025-Q2"),
        ("sprint page without goals", HintScenario(setup: [direction]), ["sprint", "--format", "html"], "journal log goal TITLE --quarter 2025-Q2"),
        ("share without goals", HintScenario(setup: [direction]), ["share", "--format", "text"], "journal log goal TITLE --quarter 2025-Q2"),
        ("share without a partner", HintScenario(setup: [direction, smartG]), ["share", "--format", "text"], "journal log partner NAME"),
        ("sprint page without a target", HintScenario(setup: [direction, smartG], values: ["KEY": "g"]), ["sprint", "--format", "html"],
         "journal log revise KEY --target N --unit TEXT --reason TEXT"),
        ("calibration with nothing past", HintScenario(setup: [direction, smartG]), ["insights", "--calibration"],
         "journal log goal TITLE --quarter Q --confidence 70"),
        ("calibration without confidence", HintScenario(setupNow: "2025-01-02T09:00", setup: [direction, ["log", "goal", "Read", "--quarter", "2025-Q1"]]),
         ["insights", "--calibration"], "journal log goal TITLE --quarter Q --confidence 70"),
    ]

    @Test func everyHintTheRenderersAddRuns() throws {
        for (name, scenario, read, shows) in Self.rendererHints {
            let s = try build(scenario)
            let output = try s.ok(read)
            #expect(output.contains(shows), "\(name): \(output)")
            // A page's text is what is between its tags.
            let text = output.replacingOccurrences(of: "<[^>]*>", with: " ", options: .regularExpression)
                .replacingOccurrences(of: "\n", with: " ")
            let ran = try runHints(in: text, s, values: scenario.values, context: name)
            #expect(ran >= 1, "\(name): no hint found")
        }
    }

    @Test func theExtractionStopsWhereTheClauseEnds() {
        #expect(Self.hints(in: "g has no deadline; give it one with journal log revise g --due DATE --reason TEXT")
            == [["log", "revise", "g", "--due", "DATE", "--reason", "TEXT"]])
        #expect(Self.hints(in: "none named yet; name one with `journal log partner NAME`.") == [["log", "partner", "NAME"]])
        #expect(Self.hints(in: "(journal log goal TITLE --quarter Q --confidence 70); once") == [["log", "goal", "TITLE", "--quarter", "Q", "--confidence", "70"]])
        #expect(Self.hints(in: "Link one: journal log revise g --direction KEY --reason TEXT (set one with journal log direction TITLE --key KEY)")
            == [["log", "revise", "g", "--direction", "KEY", "--reason", "TEXT"], ["log", "direction", "TITLE", "--key", "KEY"]])
        #expect(Self.hints(in: "Recorded in journal; written by journal from its log").isEmpty)
    }
}
