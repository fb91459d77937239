import Foundation
import JournalDomain
import Testing
@testable import JournalCLI
@testable import JournalViews

/// Whatever a log holds (an older journal, another program's import, an edited file), text output shows it
/// escaped and Markdown output keeps it inert: no escape sequence, bidi override or hidden character reaches the
/// terminal, no HTML reaches a Markdown renderer, and no line of a multi-line note passes for another entry.
@Suite("Hostile text in the log")
struct HostileTextTests {
    /// Retitles the terminal, clears it, turns it red, reverses what follows, hides a character, and carries a C1
    /// CSI and a DEL.
    static let evil = "Evil\u{1B}]0;pwned\u{07}\u{1B}[2J\u{1B}[31mRED\u{202E}rev\u{200B}zw\u{9B}c1\u{7F}"
    static let shown = #"Evil\x1b]0;pwned\x07\x1b[2J\x1b[31mRED\u{202e}rev\u{200b}zwc1\x7f"#
        .replacingOccurrences(of: "zwc1", with: #"zw\x9bc1"#)
    static let html = "<img src=x onerror=alert(1)>"
    /// A reason whose second line looks like an entry of the history.
    static let forged = "slots full\n99  2025-04-10 09:00  goal-dropped  Dropped: forged\nthird line"

    static func journal() throws -> Sandbox {
        let s = try Sandbox()
        let q = try #require(Quarter(parsing: "2025-Q2"))
        try RawJournal.append([
            .partnerNamed(PartnerNamed(name: evil)),
            .goalSet(GoalSet(key: "evil", title: evil, quarter: q, metric: evil, target: 10, unit: evil, direction: evil)),
            .milestonePlanned(MilestonePlanned(goal: "evil", number: 1, title: evil, weeks: WeekSpan(first: 1, last: 2))),
            .milestoneDone(MilestoneDone(goal: "evil", number: 1)),
            .progressMeasured(ProgressMeasured(goal: "evil", amount: 2, note: evil + "\n" + forged)),
            .goalRevised(GoalRevised(goal: "evil", changes: [FieldChange(field: .due, from: nil, to: .text("2025-06-30"))],
                                     reason: forged)),
            .activityLogged(ActivityLogged(text: evil, goal: "evil", minutes: 30)),
            .activityLogged(ActivityLogged(text: html, minutes: 30)),
            .goalSet(GoalSet(key: html, title: html, quarter: q, metric: html)),
            .goalCompleted(GoalCompleted(goal: html, outcome: html + "\n" + forged)),
            .reviewRecorded(ReviewRecorded(quarter: q, planned: evil, accomplished: forged, obstacles: html, learned: evil,
                                           next: html + "\n# heading\n- item", blockers: [])),
        ], to: s.db)
        return s
    }

    static func expectInert(_ out: String, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let hidden = out.unicodeScalars.filter { ShownText.isHidden($0) && $0 != "\n" }
        #expect(hidden.isEmpty, "\(what) printed \(hidden.map { String($0.value, radix: 16) })", sourceLocation: sourceLocation)
    }

    @Test("text output shows control, bidi and hidden characters escaped", arguments: [
        ["sprint"], ["report", "2025-Q2"], ["history", "evil"], ["history", "evil", "--as-of", "2025-04-10"], ["share", "--format", "text"],
        ["insights"], ["resume"], ["events"], ["sprint", "--format", "markdown"],
        ["report", "2025-Q2", "--format", "markdown"], ["share"], ["history", "evil", "--format", "markdown"],
    ])
    func textIsInert(_ arguments: [String]) throws {
        let s = try Self.journal()
        let out = try s.ok(arguments)
        Self.expectInert(out, arguments.joined(separator: " "))
        // Markdown backslash-escapes the escapes themselves; insights, resume and events show no such title.
        if !arguments.contains("markdown") && arguments != ["share"] && !["events", "insights", "resume"].contains(arguments[0]) {
            #expect(out.contains(Self.shown), "\(arguments) shows the title escaped: \(out)")
        }
    }

    @Test("markdown makes HTML inert", arguments: [
        ["share"], ["report", "2025-Q2", "--format", "markdown"], ["sprint", "--format", "markdown"], ["resume", "--format", "markdown"],
        ["history", "evil", "--format", "markdown"], ["insights", "--format", "markdown"],
    ])
    func markdownHasNoHTML(_ arguments: [String]) throws {
        let s = try Self.journal()
        let out = try s.ok(arguments)
        #expect(!out.contains("<img") && !out.contains("<"), "\(arguments): \(out)")
    }

    @Test func markdownEscapesKeysTitlesAndAnswers() throws {
        let s = try Self.journal()
        let report = try s.ok(["report", "2025-Q2", "--format", "markdown"])
        #expect(report.contains("| &lt;img src=x onerror=alert(1)&gt;: &lt;img src=x onerror=alert(1)&gt; | completed |"), "\(report)")
        // An answer's later lines stay in its list item and start no heading or list of their own.
        #expect(report.contains("- **Goals for next quarter**: &lt;img src=x onerror=alert(1)&gt;\n  \\# heading\n  \\- item\n"), "\(report)")
        let share = try s.ok(["share"])
        #expect(share.contains("- Accountability partner: " + Markdown.escape(Self.evil)), "\(share)")
        #expect(Markdown.escape("a & b <c> | d\ne") == "a &amp; b &lt;c&gt; \\| d\\\\ne")
    }

    @Test func aNotesLaterLinesAreIndentedUnderItsFirst() throws {
        let s = try Self.journal()
        let lines = try s.ok(["history", "evil"]).split(separator: "\n").map(String.init)
        #expect(!lines.contains { $0.hasPrefix("99") || $0.hasPrefix("third") }, "\(lines)")
        let revised = try #require(lines.firstIndex { $0.contains("goal-revised") }, "\(lines)")
        let reason = try #require(lines[revised...].firstIndex { $0.contains("reason: slots full") }, "\(lines)")
        let column = lines[reason].prefix { $0 == " " }.count
        #expect(lines[reason + 1] == String(repeating: " ", count: column + 2) + "99  2025-04-10 09:00  goal-dropped  Dropped: forged")
        #expect(lines[reason + 2] == String(repeating: " ", count: column + 2) + "third line")
        // The progress note, in the summary column, goes in under the summary.
        let note = try #require(lines.firstIndex { $0.contains("Progress +2") }, "\(lines)")
        let summary = try #require(lines[note].range(of: "Progress +2")).lowerBound
        let summaryColumn = lines[note].distance(from: lines[note].startIndex, to: summary)
        #expect(lines[note + 1] == String(repeating: " ", count: summaryColumn + 2) + "slots full")

        let report = try s.ok(["report", "2025-Q2"])
        #expect(report.contains("  What I accomplished: slots full\n    99  2025-04-10 09:00  goal-dropped  Dropped: forged\n    third line\n"),
                "\(report)")
    }

    @Test func errorsQuoteWhatWasTypedEscaped() throws {
        let s = try Self.journal()
        let result = try s.run(["history", "no\u{1B}[2Jsuch"])
        #expect(result.status != 0 && !result.stderr.contains("\u{1B}") && result.stderr.contains(#"no\x1b[2Jsuch"#), "\(result)")
        let imported = try s.run(["import", s.path("missing\u{1B}]0;x\u{07}.jsonl")])
        #expect(imported.status != 0, "\(imported)")
        Self.expectInert(imported.stderr, "import's error")
    }

    @Test func aLogConfirmationStaysOneInertLine() throws {
        let s = try Self.journal()
        // A bidi override is refused at the door (it reorders the text around it); a zero-width space inside is
        // accepted, and shown escaped.
        expectRefusal(try s.run(["log", "activity", "Read\u{202E}txt.exe", "--goal", "evil", "--minutes", "5"]), status: 64,
                      mentioning: ["bidirectional"])
        let result = try s.run(["log", "activity", "Read\u{200B}txt.exe", "--goal", "evil", "--minutes", "5"])
        #expect(result.status == 0 && result.stdoutLines.count == 1, "\(result)")
        #expect(result.stdout.contains(#"Read\u{200b}txt.exe"#), "\(result)")
        let drop = try s.run(["log", "drop", "evil", "--reason", "first\n99  2025-04-10 09:00  goal-set  forged"])
        #expect(drop.status == 0 && drop.stdoutLines == [#"Goal evil dropped: first\n99  2025-04-10 09:00  goal-set  forged (event 13)"#],
                "\(drop)")
    }

    @Test func shownTextEscapesEachKindOnce() {
        #expect(ShownText.line("plain ASCII, as it is") == "plain ASCII, as it is")
        #expect(ShownText.line("café ☕ 日本") == "café ☕ 日本")
        #expect(ShownText.line("a\tb\nc\r\u{0}\u{1B}\u{7F}\u{85}\u{9F}") == #"a\tb\nc\r\x00\x1b\x7f\x85\x9f"#)
        #expect(ShownText.line("\u{202A}\u{202E}\u{2066}\u{2069}\u{200E}\u{200F}\u{061C}") == #"\u{202a}\u{202e}\u{2066}\u{2069}\u{200e}\u{200f}\u{61c}"#)
        #expect(ShownText.line("\u{200B}\u{200C}\u{200D}\u{2060}\u{FEFF}\u{2028}\u{2029}") == #"\u{200b}\u{200c}\u{200d}\u{2060}\u{feff}\u{2028}\u{2029}"#)
        #expect(ShownText.lines("one\ttab\ntwo\r\nthree\rx", indent: "  ") == "one\ttab\n  two\n  three\\rx")
        #expect(DateInput.printable("a\u{1B}[2Jb") == #"a\x1b[2Jb"#)
        #expect(DateInput.printable(String(repeating: "x", count: 50), limit: 3) == "xxx…")
    }
}
