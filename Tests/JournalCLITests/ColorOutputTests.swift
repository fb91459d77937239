import Foundation
import Testing

/// Colour codes: ESC [ ... m.
func hasColour(_ text: String) -> Bool { text.contains("\u{1B}[") }

@Suite("colour on terminals only")
struct ColorOutputTests {
    static let readCommands = [["sprint", "--quarter", "2025-Q2"], ["report", "2025-Q2"], ["insights", "--quarter", "2025-Q2"],
                               ["history", "aws"], ["resume"]]

    @Test("through a pipe there is no colour", arguments: readCommands)
    func pipedOutputHasNoEscapeCodes(arguments: [String]) throws {
        let s = try Sandbox.demo(now: "2025-05-16T18:00")
        let out = try s.ok(arguments, env: ["TERM": "xterm-256color"])
        #expect(!out.isEmpty && !hasColour(out) && !out.contains("\u{1B}"))
        // --no-color is accepted by every reading command, and changes nothing in a pipe.
        #expect(try s.ok(arguments + ["--no-color"], env: ["TERM": "xterm-256color"]) == out)
    }

    /// The screen of `journal ARGS` run on a pseudo-terminal, once it has exited 0.
    func onTerminal(_ s: Sandbox, _ arguments: [String], env: [String: String?] = ["TERM": "xterm-256color"],
                    sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let terminal = try Terminal(s, arguments, env: env, sourceLocation: sourceLocation)
        #expect(terminal.wait() == 0, "\(terminal.screen)", sourceLocation: sourceLocation)
        return terminal.screen
    }

    @Test func aTerminalGetsColour() throws {
        let s = try Sandbox.demo(now: "2025-05-16T18:00")
        let sprint = try onTerminal(s, ["sprint", "--quarter", "2025-Q2"])
        #expect(sprint.contains("\u{1B}[1m2025-Q2 sprint: week 7 of 13"))
        #expect(sprint.contains("\u{1B}[32m[on track]\u{1B}[0m"), "on track is green")
        // Both goals are within a week of their plan on May 16; by May 31 network is two whole weeks behind its road.
        #expect(sprint.contains("network\u{1B}[0m  Build professional network in data engineering  \u{1B}[32m[on track]\u{1B}[0m"))
        let behind = try onTerminal(s, ["sprint", "--quarter", "2025-Q2"], env: ["TERM": "xterm-256color", "JOURNAL_NOW": "2025-05-31"])
        #expect(behind.contains("\u{1B}[33m[2 weeks behind]\u{1B}[0m"), "behind is yellow")
        let overdue = try onTerminal(s, ["sprint", "--quarter", "2025-Q2"], env: ["TERM": "xterm-256color", "JOURNAL_NOW": "2025-07-03"])
        #expect(overdue.contains("\u{1B}[31m[overdue by 3 days]\u{1B}[0m"), "overdue is red")
        #expect(sprint.contains("\u{1B}[2mdone Apr 30\u{1B}[0m"), "what is done is dim")
        // The columns still line up: the colour codes take no room.
        #expect(sprint.contains("     aws/2  Finish sections 6-10, take 2 practice exams  weeks 5-8\n"))

        let report = try onTerminal(s, ["report", "2025-Q2"], env: ["TERM": "xterm-256color", "JOURNAL_NOW": "2025-07-05"])
        #expect(report.contains("\u{1B}[32mcompleted\u{1B}[0m"))
        #expect(report.contains("  linked    \u{1B}[32m▃▆▄▇▄ █ ▆▆ ▂█\u{1B}[0m  minutes on goals"))
        #expect(report.contains("  unlinked  \u{1B}[33m ▄   █       \u{1B}[0m  minutes on no goal"))

        let insights = try onTerminal(s, ["insights", "--quarter", "2025-Q2"], env: ["TERM": "xterm-256color", "JOURNAL_NOW": "2025-05-31"])
        #expect(insights.contains("\u{1B}[33m[behind-not-revised]\u{1B}[0m"))
    }

    @Test func aLateMilestoneIsRed() throws {
        let s = try Sandbox.demo(now: "2025-06-05T12:00")
        let sprint = try onTerminal(s, ["sprint", "--quarter", "2025-Q2"])
        #expect(sprint.contains("\u{1B}[31mLATE\u{1B}[0m"))
    }

    @Test("NO_COLOR, --no-color, a dumb terminal and other formats take the colour away", arguments: [
        (["sprint", "--quarter", "2025-Q2"], ["TERM": "xterm-256color", "NO_COLOR": "1"]),
        (["sprint", "--quarter", "2025-Q2", "--no-color"], ["TERM": "xterm-256color"]),
        (["report", "2025-Q2", "--no-color"], ["TERM": "xterm-256color"]),
        (["insights", "--quarter", "2025-Q2"], ["TERM": "xterm-256color", "NO_COLOR": "yes"]),
        (["sprint", "--quarter", "2025-Q2"], ["TERM": "dumb"]),
        (["sprint", "--quarter", "2025-Q2", "--format", "json"], ["TERM": "xterm-256color"]),
        (["sprint", "--quarter", "2025-Q2", "--format", "markdown"], ["TERM": "xterm-256color"]),
        (["report", "2025-Q2", "--format", "html"], ["TERM": "xterm-256color"]),
    ] as [([String], [String: String?])])
    func noColourWhenRefused(arguments: [String], env: [String: String?]) throws {
        let s = try Sandbox.demo(now: "2025-05-16T18:00")
        let screen = try onTerminal(s, arguments, env: env)
        #expect(screen.count > 100 && !screen.contains("\u{1B}"), "\(screen)")
    }

    @Test func anEmptyNoColorIsNoRefusal() throws {
        let s = try Sandbox.demo(now: "2025-05-16T18:00")
        #expect(hasColour(try onTerminal(s, ["sprint", "--quarter", "2025-Q2"], env: ["TERM": "xterm-256color", "NO_COLOR": ""])))
    }

    @Test func aFileGetsNoColourEvenFromATerminal() throws {
        let s = try Sandbox.demo(now: "2025-05-16T18:00")
        let file = s.path("sprint.txt")
        _ = try onTerminal(s, ["sprint", "--quarter", "2025-Q2", "--output", file])
        let written = try String(contentsOfFile: file, encoding: .utf8)
        #expect(written.hasPrefix("2025-Q2 sprint: week 7 of 13") && !written.contains("\u{1B}"))
    }
}
