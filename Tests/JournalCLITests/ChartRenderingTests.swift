import Foundation
import JournalDomain
import Testing
@testable import JournalCLI
@testable import JournalViews

@Suite("HTML escaping")
struct HTMLEscapeTests {
    @Test func markupAndQuotesAreEscaped() {
        #expect(HTML.escape("<script>alert(1)</script>") == "&lt;script&gt;alert(1)&lt;/script&gt;")
        #expect(HTML.escape("\"&'") == "&quot;&amp;&#39;")
        #expect(HTML.escape("a &amp; b") == "a &amp;amp; b", "an entity a user typed is shown as typed")
        #expect(HTML.escape("<img src=x onerror=alert(1)>") == "&lt;img src=x onerror=alert(1)&gt;")
    }

    @Test func textStaysTextAndControlCharactersCannotBreakTheDocument() {
        #expect(HTML.escape("Café — 日本語 🚀") == "Café — 日本語 🚀")
        #expect(HTML.escape("line 1\nline 2\ttab") == "line 1\nline 2\ttab")
        #expect(HTML.escape("bell\u{07}nul\u{0}esc\u{1B}") == "bell\u{FFFD}nul\u{FFFD}esc\u{FFFD}")
        // U+FFFF and U+FDD0, noncharacters (Swift literals refuse them).
        #expect(HTML.escape(String(decoding: [0xEF, 0xBF, 0xBF, 0xEF, 0xB7, 0x90], as: UTF8.self)) == "\u{FFFD}\u{FFFD}")
    }
}

@Suite("SVG chart geometry")
struct SVGGeometryTests {
    @Test func scalesMapTheDomainOntoThePlotArea() {
        let chart = SVGChart(x: 0...13, y: 0...8)
        // The plot area: x from 56 to 624 (640 - 16), y from 232 (280 - 48) up to 36.
        #expect(chart.x(0) == 56 && chart.x(13) == 624)
        #expect(abs(chart.x(6.5) - 340) < 1e-9)
        #expect(chart.y(0) == 232 && chart.y(8) == 36)
        #expect(abs(chart.y(2) - 183) < 1e-9, "a quarter of the way up: 232 - 196/4")
        // An empty domain maps everything to its start rather than dividing by zero.
        #expect(LinearScale(domain: 3...3, from: 10, to: 20)(3) == 10)
    }

    @Test func linesAndBarsLandOnTheirValues() {
        var chart = SVGChart(x: 0...10, y: 0...10)
        chart.line([(0, 0, nil), (5, 5, "half"), (10, 10, nil)], cssClass: "done")
        #expect(chart.elements.first == "<polyline class=\"done\" points=\"56,232 340,134 624,36\"/>")
        #expect(chart.elements.contains("<circle class=\"done\" cx=\"340\" cy=\"134\" r=\"3\"><title>half</title></circle>"))
        chart.bar(x0: 1, x1: 2, low: 0, high: 2.5, cssClass: "linked", note: "<b>")
        #expect(chart.elements.last == "<rect class=\"linked\" x=\"112.8\" y=\"183\" width=\"56.8\" height=\"49\"><title>&lt;b&gt;</title></rect>")
        let count = chart.elements.count
        chart.bar(x0: 1, x1: 2, low: 3, high: 3, cssClass: "unlinked", note: "nothing")
        #expect(chart.elements.count == count, "an empty bar draws nothing")
    }

    @Test func coordinatesAreWrittenShort() {
        #expect(SVGChart.number(56) == "56")
        #expect(SVGChart.number(99.6923) == "99.7")
        #expect(SVGChart.number(-0.04) == "0")
        #expect(SVGChart.number(1234.56) == "1234.6")
    }

    @Test func axesGetRoundTicks() {
        #expect(Ticks.nice(top: 8) == [0, 2, 4, 6, 8])
        #expect(Ticks.nice(top: 15) == [0, 5, 10, 15])
        #expect(Ticks.nice(top: 3.5, count: 4) == [0, 1, 2, 3, 4])
        #expect(Ticks.nice(top: 120) == [0, 50, 100, 150])
        let small = Ticks.nice(top: 0.3, minimumStep: 0.1)
        #expect(small.count == 4 && abs(small[1] - 0.1) < 1e-12 && (small.last ?? 0) >= 0.3 - 1e-12)
        #expect(Ticks.nice(top: 0) == [0, 1])
    }

    @Test func aDayLiesWithinItsWeek() throws {
        let q2 = try #require(Quarter(parsing: "2025-Q2"))
        let day = { (text: String) in LocalDate(iso: text) ?? q2.firstDay }
        #expect(ChartGraphics.weekPosition(of: day("2025-04-07"), in: q2) == 1)
        #expect(ChartGraphics.weekPosition(of: day("2025-04-01"), in: q2) == 1.0 / 7)
        #expect(ChartGraphics.weekPosition(of: day("2025-05-16"), in: q2) == 6 + 4.0 / 7)
        #expect(ChartGraphics.weekPosition(of: day("2025-06-30"), in: q2) == 13)
        #expect(ChartGraphics.weekPosition(of: day("2025-03-30"), in: q2) == 0)
        #expect(ChartGraphics.weekPosition(of: day("2025-07-02"), in: q2) == 13)
    }
}

@Suite("Terminal bars and colour")
struct TerminalStyleTests {
    @Test func sparklinesShareAScaleWhenAskedTo() {
        #expect(TextStyle.sparkline([0, 1, 4, 8]) == " ▁▄█")
        #expect(TextStyle.sparkline([0, 1, 4, 8], top: 16) == " ▁▂▄")
        #expect(TextStyle.sparkline([7.5, 15], top: 15) == "▄█")
        #expect(TextStyle.sparkline([20], top: 15) == "█", "above the top stays at the top")
        // The old scale, value by value: the eighth reached, rounded up.
        #expect(TextStyle.sparkline([60, 120, 75, 150, 90, 0, 180, 0, 130, 130, 0, 45, 180]) == "▃▆▄▇▄ █ ▆▆ ▂█")
    }

    @Test func colourIsOnlyPaintedWhenEnabled() {
        #expect(Palette.plain.red("LATE") == "LATE")
        #expect(Palette.terminal.red("LATE") == "\u{1B}[31mLATE\u{1B}[0m")
        #expect(Palette.terminal.green("") == "", "nothing to paint, no codes")
        #expect(Palette.visible(Palette.terminal.yellow("behind") + " x " + Palette.terminal.dim("é")) == "behind x é")
    }

    @Test func colourTakesNoRoomInAColumn() {
        let paint = Palette.terminal
        let lines = TextStyle.table([[paint.green("ok"), "a"], ["longer", "b"]])
        #expect(lines.map(Palette.visible) == ["ok      a", "longer  b"])
        #expect(TextStyle.displayWidth(paint.red("█░")) == 2)
    }

    @Test func colourIsForTextOnATerminalUnlessRefused() {
        let env = { (vars: [String: String]) in JournalEnvironment(vars) }
        #expect(env([:]).palette(text: true, noColor: false, toTerminal: true).enabled)
        #expect(env(["NO_COLOR": ""]).palette(text: true, noColor: false, toTerminal: true).enabled, "an empty NO_COLOR does not count")
        #expect(!env(["NO_COLOR": "1"]).palette(text: true, noColor: false, toTerminal: true).enabled)
        #expect(!env(["TERM": "dumb"]).palette(text: true, noColor: false, toTerminal: true).enabled)
        #expect(!env([:]).palette(text: true, noColor: true, toTerminal: true).enabled)
        #expect(!env([:]).palette(text: true, noColor: false, toTerminal: false).enabled)
        #expect(!env([:]).palette(text: false, noColor: false, toTerminal: true).enabled)
    }
}
