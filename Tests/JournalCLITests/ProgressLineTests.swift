import Foundation
import JournalDomain
import Testing
@testable import JournalCLI

/// Long work shows how far it has got on a terminal's standard error, and nowhere else.
@Suite("Progress lines")
struct ProgressLineTests {
    /// A journal large enough that export, verify, rebuild and import each run for well over a tenth of a second
    /// in a debug build: activities, made once per run and copied into each sandbox.
    static func large() throws -> Sandbox {
        try PreparedJournals.sandbox("progress-large", fileID: "ProgressLineTests") { s in
            let events = (0..<60_000).map { JournalEvent.activityLogged(ActivityLogged(text: "Practice \($0)", minutes: 30)) }
            try RawJournal.append(events, to: s.db)
        }
    }

    /// The progress lines of `command` a terminal received: each "\rCOMMAND: ...\e[K" update.
    static func updates(_ t: Terminal, _ command: String) -> [String] {
        t.screenWithReturns.components(separatedBy: "\u{1B}[K").compactMap { piece in
            piece.components(separatedBy: "\r").last.flatMap { $0.hasPrefix(command + ": ") ? $0 : nil }
        }
    }

    /// (A terminal's process runs in the test's folder: the export goes into the sandbox by its full path.)
    @Test(arguments: [["export", "--output"], ["verify"], ["rebuild"]])
    func aTerminalSeesProgressAndPipesDoNot(_ given: [String]) throws {
        let s = try Self.large()
        let arguments = given == ["export", "--output"] ? given + [s.path("out.jsonl")] : given
        let command = arguments[0]
        let t = try Terminal(s, arguments)
        #expect(t.wait() == 0, "\(t.screen)")
        let lines = Self.updates(t, command)
        #expect(!lines.isEmpty, "\(t.screenWithReturns.debugDescription)")
        #expect(lines.allSatisfy { $0.contains(" of 60000 events") }, "\(lines)")
        // Cleared at the end: the line is blanked before anything else is printed.
        #expect(t.screenWithReturns.contains("\r\u{1B}[K"), "\(t.screenWithReturns.debugDescription)")
        // Through a pipe: nothing but what the command always printed.
        let piped = try s.runProcess(arguments)
        #expect(piped.status == 0, "\(piped)")
        #expect(!piped.stderr.contains("events") && !piped.stderr.contains("\r"), "\(piped)")
        if command != "rebuild" { #expect(piped.stderr.isEmpty, "\(piped)") }
    }

    @Test func anImportIntoANewJournalShowsProgressOnATerminal() throws {
        let s = try Self.large()
        _ = try s.ok(["export", "--output", s.path("all.jsonl")])
        let fresh = s.path("fresh.sqlite")
        let t = try Terminal(s, ["import", s.path("all.jsonl"), "--db", fresh])
        #expect(t.wait() == 0, "\(t.screen)")
        #expect(t.screen.contains("Imported 60000 of 60000 events"), "\(t.screen)")
        let lines = Self.updates(t, "import")
        #expect(!lines.isEmpty && lines.allSatisfy { $0.contains(" of 60000 events") }, "\(t.screen)")
        let piped = try s.runProcess(["import", s.path("all.jsonl"), "--db", s.path("other.sqlite")])
        #expect(piped.status == 0 && piped.stderr.isEmpty, "\(piped)")
    }

    @Test func anImportIntoAJournalWithEventsShowsProgressOnATerminal() throws {
        let s = try Self.large()
        _ = try s.ok(["export", "--output", s.path("all.jsonl")])
        let existing = s.path("existing.sqlite")
        _ = try s.ok(["log", "direction", "Lead a data team", "--key", "lead", "--db", existing])
        let t = try Terminal(s, ["import", s.path("all.jsonl"), "--db", existing])
        #expect(t.wait() == 0, "\(t.screen)")
        #expect(t.screen.contains("Imported 60000 of 60000 events"), "\(t.screen)")
        let lines = Self.updates(t, "import")
        #expect(!lines.isEmpty && lines.allSatisfy { $0.contains(" of 60000 events") }, "\(t.screenWithReturns.debugDescription)")
        // The count only moves forward, though the store reads each event twice (to check it, then to store it).
        let counts = lines.compactMap { Int($0.dropFirst("import: ".count).prefix { $0.isNumber }) }
        #expect(counts == counts.sorted() && (counts.last ?? 0) <= 60000, "\(counts) \(lines)")
        #expect(try s.count(at: existing) == 60001)
        let other = s.path("other.sqlite")
        _ = try s.ok(["log", "direction", "Lead a data team", "--key", "lead", "--db", other])
        let piped = try s.runProcess(["import", s.path("all.jsonl"), "--db", other])
        #expect(piped.status == 0 && piped.stderr.isEmpty, "\(piped)")
    }

    /// Another tool's records too: 40,000 Timewarrior intervals, an hour apart from 2020 on.
    @Test func anImportFromAnotherToolShowsProgressOnATerminal() throws {
        let s = try Sandbox(now: "2025-04-10T09:00")
        let start = Date(timeIntervalSince1970: 1_577_836_800)  // 2020-01-01T00:00:00Z
        let format = DateFormatter()
        format.locale = Locale(identifier: "en_US_POSIX")
        format.timeZone = TimeZone(identifier: "UTC")
        format.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        let intervals = (0..<40_000).map { hour in
            let from = start.addingTimeInterval(Double(hour) * 3600)
            return #"{"id":\#(40_000 - hour),"start":"\#(format.string(from: from))","end":"\#(format.string(from: from.addingTimeInterval(1800)))","tags":["study"]}"#
        }
        try Data(("[\n" + intervals.joined(separator: ",\n") + "\n]\n").utf8).write(to: URL(fileURLWithPath: s.path("timew.json")))
        let t = try Terminal(s, ["import", "--from", "timewarrior", s.path("timew.json")])
        #expect(t.wait() == 0, "\(t.screen)")
        #expect(t.screen.contains("Imported 40000 activities"), "\(t.screen)")
        let lines = Self.updates(t, "import")
        #expect(!lines.isEmpty && lines.allSatisfy { $0.contains(" of 40000 events") }, "\(t.screenWithReturns.debugDescription)")
        let piped = try s.runProcess(["import", "--from", "timewarrior", s.path("timew.json"), "--db", s.path("other.sqlite")])
        #expect(piped.status == 0 && piped.stderr.isEmpty, "\(piped)")
    }

    @Test func theLineSaysDoneOfTotalRateAndTimeLeft() {
        #expect(ProgressLine.text("verify", done: 120_000, total: 500_000, seconds: 2) == "verify: 120000 of 500000 events, 60000 events/s, 7 s left")
        #expect(ProgressLine.text("import", done: 4096, total: 0, seconds: 0.5) == "import: 4096 events, 8192 events/s")
        #expect(ProgressLine.text("export", done: 0, total: 10, seconds: 0) == "export: 0 of 10 events")
        #expect(ProgressLine.text("rebuild", done: 10, total: 10, seconds: 1) == "rebuild: 10 of 10 events, 10 events/s")
    }
}
