import Foundation
import Testing

/// Text on a terminal fits its width (TIOCGWINSZ, else COLUMNS, else 80), counted in the cells the C library's
/// wcwidth gives (CJK and emoji take two); pipes, --output and the other formats keep the full text.
@Suite("Output that fits the terminal")
struct TerminalWidthTests {
    /// Cells as wcwidth counts the characters these journals hold: CJK, kana and emoji two, the rest one.
    static func cells(_ line: String) -> Int {
        line.reduce(0) { total, character in
            guard let first = character.unicodeScalars.first else { return total }
            switch first.value {
            case 0x3040...0x30FF, 0x4E00...0x9FFF, 0xFF00...0xFF60, 0x1F300...0x1FAFF: return total + 2
            default: return total + 1
            }
        }
    }

    /// A journal with wide titles: Japanese, emoji, and English too long for 60 columns.
    static func wideJournal() throws -> Sandbox {
        let s = try Sandbox(now: "2025-05-16T09:00")
        try s.log("direction", "UXデザインへの転身 🎨", "--key", "ux", "--by", "2027")
        try s.log("goal", "日本語能力試験N2に合格するための長い準備計画を完了する", "--key", "jlpt", "--quarter", "2025-Q2",
                  "--direction", "ux", "--quiet")
        try s.log("goal", "Complete the Google UX Design Certificate with a portfolio of case studies 🚀", "--key", "uxc",
                  "--quarter", "2025-Q2", "--direction", "ux", "--target", "3", "--unit", "case studies", "--quiet")
        try s.log("milestone", "jlpt", "語彙と文法の教科書を最後まで読み終える 📚 and practise every single day", "--weeks", "1-6")
        try s.log("milestone", "jlpt", "模試を受ける", "--weeks", "7-9")
        try s.log("milestone", "uxc", "Finish courses 1-3", "--weeks", "1-4")
        try s.log("milestone", "uxc", "Build the first portfolio case study: a redesign of a neighbourhood café's menu", "--weeks", "5-9")
        try s.log("done", "uxc/1")
        try s.log("done", "jlpt/1")
        try s.log("activity", "日本語の勉強 🇯🇵 with a long note that keeps going past the edge of a narrow terminal", "--goal", "jlpt", "--minutes", "45")
        return s
    }

    /// The screen of `journal ARGS` on a terminal `columns` wide, once it has exited 0.
    func screen(_ s: Sandbox, _ arguments: [String], columns: UInt16, env: [String: String?] = [:],
                sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let terminal = try Terminal(s, arguments, env: env, columns: columns, sourceLocation: sourceLocation)
        #expect(terminal.wait() == 0, "\(terminal.screen)", sourceLocation: sourceLocation)
        return terminal.screen
    }

    /// Every line within `columns` cells; only the head hash verify prints, to be copied whole, may stand alone
    /// on a line of its own that is wider.
    func expectFits(_ screen: String, _ columns: Int, sourceLocation: SourceLocation = #_sourceLocation) {
        for line in screen.split(separator: "\n", omittingEmptySubsequences: false) {
            let word = line.trimmingCharacters(in: .whitespaces)
            if word.count == 64, word.allSatisfy(\.isHexDigit) { continue }
            #expect(Self.cells(String(line)) <= columns, "\(Self.cells(String(line))) cells: \(line)", sourceLocation: sourceLocation)
        }
    }

    /// Where `text` starts on `line`, in cells.
    static func column(of text: String, in line: Substring) -> Int? {
        line.range(of: text).map { cells(String(line[..<$0.lowerBound])) }
    }

    @Test(arguments: [60, 80, 120])
    func theSprintFitsWithItsColumnsAligned(columns: Int) throws {
        let s = try Self.wideJournal()
        let shown = try screen(s, ["sprint"], columns: UInt16(columns))
        expectFits(shown, columns)
        let lines = shown.split(separator: "\n")
        // Each card's milestone rows keep their schedule column in one place, wide titles or not.
        for key in ["jlpt/", "uxc/"] {
            let rows = lines.filter { $0.hasPrefix("     " + key) }
            #expect(rows.count == 2, "\(shown)")
            let starts = Set(rows.compactMap { Self.column(of: "weeks ", in: $0) })
            #expect(starts.count == 1, "\(rows)")
        }
        // The key and the standing always show; the title gives way with an ellipsis when it must.
        let header = try #require(lines.first { $0.hasPrefix("jlpt  ") })
        #expect(header.hasSuffix("[on track]") || header.hasSuffix("behind]"), "\(header)")
        let fullHeader = "jlpt  日本語能力試験N2に合格するための長い準備計画を完了する  "
        #expect(header.contains("…") == (Self.cells(fullHeader) + 12 > columns), "\(header)")
        if columns == 60 {
            #expect(shown.contains("…"))
            #expect(!shown.contains("a redesign of a neighbourhood café's menu"))
        }
        if columns == 120 {
            #expect(header.hasPrefix(fullHeader))
        }
    }

    @Test(arguments: [60, 80, 120])
    func everyTextReportFits(columns: Int) throws {
        let s = try Self.wideJournal()
        for arguments in [["report", "2025-Q2"], ["history", "jlpt"], ["history", "uxc"], ["events"], ["resume"], ["resume", "--refs"],
                          ["insights", "--quarter", "2025-Q2"], ["share", "--format", "text"], ["verify"],
                          ["activities", "--since", "2025-04-01"], ["insights", "--quarter", "2025-Q2", "--by", "tag"],
                          [], ["goals"], ["goals", "--all"]] {
            expectFits(try screen(s, arguments, columns: UInt16(columns)), columns)
        }
        // The demo, the article's sprint, too.
        let demo = try Sandbox()
        expectFits(try screen(demo, ["demo", "--db", demo.path("demo.sqlite")], columns: UInt16(columns)), columns)
    }

    @Test func aPipeAndOtherFormatsKeepTheFullText() throws {
        let s = try Self.wideJournal()
        let long = "Build the first portfolio case study: a redesign of a neighbourhood café's menu"
        // A pipe: the in-process run and a process whose output is a pipe print the full titles, the same bytes.
        let piped = try s.ok(["sprint"])
        #expect(piped.contains(long))
        #expect(piped.contains("日本語能力試験N2に合格するための長い準備計画を完了する"))
        #expect(try s.runProcess(["sprint"], env: ["COLUMNS": "40"]).stdout == piped)
        // On a 60-column terminal, json and markdown are whole; so is --output.
        #expect(try screen(s, ["sprint", "--format", "json"], columns: 60).contains(long))
        #expect(try screen(s, ["sprint", "--format", "markdown"], columns: 60).contains(long))
        _ = try screen(s, ["sprint", "--output", s.path("sprint.txt")], columns: 60)
        #expect(try String(contentsOfFile: s.path("sprint.txt"), encoding: .utf8) == piped)
        // The history's summaries are whole in a pipe.
        #expect(try s.ok(["events"]).contains("with a long note that keeps going past the edge of a narrow terminal"))
    }

    @Test func aTerminalThatDoesNotSayItsSizeUsesColumnsThenEighty() throws {
        let s = try Self.wideJournal()
        let narrow = try screen(s, ["sprint"], columns: 0, env: ["COLUMNS": "60"])
        expectFits(narrow, 60)
        #expect(narrow.contains("…"))
        #expect(narrow == (try screen(s, ["sprint"], columns: 60)))
        let eighty = try screen(s, ["sprint"], columns: 0, env: ["COLUMNS": nil])
        expectFits(eighty, 80)
        #expect(eighty == (try screen(s, ["sprint"], columns: 80)))
        // A size the terminal gives wins over COLUMNS.
        #expect(try screen(s, ["sprint"], columns: 120, env: ["COLUMNS": "60"]) == (try screen(s, ["sprint"], columns: 120)))
    }

    /// Colour codes take no cells: a coloured terminal fits the same text, and a wrapped warning keeps its colour.
    @Test func colourTakesNoRoom() throws {
        let s = try Self.wideJournal()
        let colour: [String: String?] = ["TERM": "xterm-256color"]
        for arguments in [["sprint"], ["report", "2025-Q2"], ["insights", "--quarter", "2025-Q2"]] {
            let coloured = try screen(s, arguments, columns: 60, env: colour)
            #expect(coloured.contains("\u{1B}["), "\(arguments)")
            let plain = coloured.replacingOccurrences(of: "\u{1B}\\[[0-9;]*m", with: "", options: .regularExpression)
            expectFits(plain, 60)
            #expect(plain == (try screen(s, arguments, columns: 60)), "\(arguments)")
        }
    }

    @Test func proseWrapsAtWordsUnderItsText() throws {
        let s = try Sandbox.demo(now: "2025-07-05T12:00")
        let report = try screen(s, ["report", "2025-Q2"], columns: 60)
        expectFits(report, 60)
        // The effort line wraps at a space, its second line two cells in.
        #expect(report.contains("Effort: 19h20 on goals, 4h30 on nothing in particular (19%\n  unlinked) ██░░░░░░░░\n"), "\(report)")
        // A review answer wraps under its question, never mid-word.
        #expect(report.contains("  What I learned about my working patterns: I study best in\n    the mornings, in 90-minute blocks\n"), "\(report)")
    }
}
