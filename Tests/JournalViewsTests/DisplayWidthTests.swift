import JournalViews
import Testing

/// Text measured and fitted in terminal cells, with a width table standing in for the C library's wcwidth
/// (the CLI's pseudo-terminal tests run the real one).
@Suite("Display width: measure, shorten, pad, wrap")
struct DisplayWidthTests {
    /// CJK and emoji take two cells, combining accents none, everything else one (what wcwidth says for these).
    static func cells(_ scalar: Unicode.Scalar) -> Int {
        switch scalar.value {
        case 0x0300...0x036F, 0x200D, 0xFE0F: return 0
        case 0x3040...0x30FF, 0x4E00...0x9FFF, 0xAC00...0xD7A3, 0x1F300...0x1FAFF: return 2
        default: return 1
        }
    }

    static func fit(_ columns: Int) -> DisplayWidth { DisplayWidth(columns: columns, scalarWidth: cells) }

    @Test func widthCountsCellsNotCharactersOrBytes() {
        let fit = Self.fit(80)
        #expect(fit.width(of: "plain") == 5)
        #expect(fit.width(of: "日本語の目標") == 12)
        #expect(fit.width(of: "🚀 launch") == 9)
        #expect(fit.width(of: "cafe\u{301}") == 4)
        // A family emoji is one glyph of two cells; a flag too.
        #expect(fit.width(of: "👩‍👩‍👧") == 2)
        // Colour codes take no room.
        #expect(fit.width(of: "\u{1B}[1maws\u{1B}[0m") == 3)
    }

    @Test func truncateCutsWholeClustersAndEndsWithAnEllipsis() {
        let fit = Self.fit(80)
        #expect(fit.truncate("Complete AWS certification", to: 12) == "Complete AW…")
        #expect(fit.truncate("short", to: 12) == "short")
        // A wide character that would straddle the limit is left out: 日本 is 4 cells, … one more.
        #expect(fit.truncate("日本語の目標", to: 6) == "日本…")
        #expect(fit.width(of: fit.truncate("日本語の目標", to: 6)) == 5)
        // An accent stays with its letter.
        #expect(fit.truncate("cafe\u{301} au lait", to: 5) == "cafe\u{301}…")
        // No space before the ellipsis.
        #expect(fit.truncate("Take the exam", to: 10) == "Take the…")
        #expect(fit.truncate("anything", to: 0) == "")
    }

    @Test func padFillsToTheCellWidth() {
        let fit = Self.fit(80)
        #expect(fit.pad("目標", to: 6) == "目標  ")
        #expect(fit.pad("longer than six", to: 6) == "longer than six")
    }

    @Test func wrapBreaksAtSpacesAndIndentsLaterLines() {
        let fit = Self.fit(80)
        #expect(fit.wrap("metric: Pass the certification exam · due Jun 15", width: 20, indent: "    ")
                == ["metric: Pass the", "    certification", "    exam · due Jun", "    15"])
        // A word longer than the line is shortened, never split.
        #expect(fit.wrap("see supercalifragilistic", width: 10, indent: "") == ["see", "supercali…"])
        #expect(fit.wrap("head 0123456789abcdef", width: 10, indent: "", keepWords: true) == ["head", "0123456789abcdef"])
        #expect(fit.wrap("目標 目標 目標", width: 9, indent: "") == ["目標 目標", "目標"])
        // CJK has no spaces: it breaks between its characters.
        #expect(fit.wrap("日本語能力試験に合格する", width: 10, indent: "") == ["日本語能力", "試験に合格", "する"])
        #expect(fit.wrap("Goal: 日本語能力試験に合格する", width: 12, indent: "  ") == ["Goal:", "  日本語能力", "  試験に合格", "  する"])
    }

    @Test func aLineFitsAsProseOrAsColumns() {
        let fit = Self.fit(24)
        // Prose wraps under its text, two cells further in.
        #expect(fit.fit(line: "  Blockers: overcommitting and the release crunch")
                == ["  Blockers:", "    overcommitting and", "    the release crunch"])
        // A columned line is cut at its end, so it stays aligned with its neighbours.
        #expect(fit.fit(line: "  aws      completed  3/3 milestones") == ["  aws      completed  3…"])
        #expect(fit.fit(line: "fits as it is") == ["fits as it is"])
        // A last column that starts 13 characters in wraps under itself.
        #expect(Self.fit(26).fit(line: "1  goal-set  Complete AWS certification", hangingAt: 13)
                == ["1  goal-set  Complete AWS", "             certification"])
        // Colour codes take no room and stay where they were.
        #expect(fit.fit(line: "  \u{1B}[33m[no-metric] jlpt has no success metric\u{1B}[0m")
                == ["  \u{1B}[33m[no-metric] jlpt has", "    no success metric\u{1B}[0m"])
        // A colour that starts before the indent: the indent still leads every line.
        #expect(fit.fit(line: "\u{1B}[33m  not recorded yet; record it\u{1B}[0m")
                == ["  \u{1B}[33mnot recorded yet;", "    record it\u{1B}[0m"])
        // Never narrower than 20 columns.
        #expect(Self.fit(5).columns == 20)
    }
}
