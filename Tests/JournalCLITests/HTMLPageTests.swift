import Foundation
import Testing

/// Checks what makes a page self-contained and safe to open: a document with its charset and viewport, styles
/// inline, and nothing that runs or is fetched.
func expectSelfContained(_ html: String, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"), sourceLocation: sourceLocation)
    #expect(html.contains("<meta charset=\"utf-8\">"), sourceLocation: sourceLocation)
    #expect(html.contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"), sourceLocation: sourceLocation)
    #expect(html.contains("<style>") && html.contains("@media print"), sourceLocation: sourceLocation)
    #expect(html.hasSuffix("</html>\n"), sourceLocation: sourceLocation)
    let lower = html.lowercased()
    for needle in ["<script", "http:", "https:", "src=", "href=", "url(", "@import", "<link", "<img", "<iframe", "<object",
                   "<embed", "onload", "onerror", "javascript:", "@font-face"] {
        #expect(!lower.contains(needle), "the page must not contain \(needle.debugDescription)", sourceLocation: sourceLocation)
    }
}

/// The text between `<h2>heading</h2>` and the end of its section.
func section(_ html: String, _ heading: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
    let start = try #require(html.range(of: "<h2>\(heading)</h2>"), "no section \(heading.debugDescription)", sourceLocation: sourceLocation)
    let end = html.range(of: "</section>", range: start.upperBound..<html.endIndex)?.lowerBound ?? html.endIndex
    return String(html[start.upperBound..<end])
}

@Suite("report and sprint as an HTML page")
struct HTMLPageTests {
    /// The demo's report, read after the review.
    func demoReport(_ extra: [String] = []) throws -> (Sandbox, String) {
        let s = try Sandbox.demo(now: "2025-07-05T10:00")
        return (s, try s.ok(["report", "2025-Q2", "--format", "html"] + extra))
    }

    @Test func theDemoReportHasItsFourChartsAndTablesWithTheirFigures() throws {
        let (_, html) = try demoReport()
        expectSelfContained(html)
        #expect(html.contains("<title>2025-Q2 report</title>"))

        // Milestones planned vs done: 8 milestones (aws 3, network 5); done 2 in week 4, 1 in weeks 5, 10 and 13.
        let burnUp = try section(html, "Milestones: planned vs done")
        #expect(burnUp.contains("By Jun 30 2025 (week 13): 5 of 8 milestones done; 8 planned to be done by then."))
        // x: 56 + week * 568/13; y: 232 - milestones * 196/8 (the axis runs to 8).
        #expect(burnUp.contains("<polyline class=\"done\" points=\"56,232 99.7,232 143.4,232 187.1,232 230.8,183 274.5,158.5 "
                                + "318.2,158.5 361.8,158.5 405.5,158.5 449.2,158.5 492.9,134 536.6,134 580.3,134 624,109.5\"/>"))
        #expect(burnUp.contains("<polyline class=\"planned\" points=\"56,232 99.7,232 143.4,232 187.1,232 230.8,158.5 274.5,158.5 "
                                + "318.2,158.5 361.8,158.5 405.5,109.5 449.2,109.5 492.9,85 536.6,60.5 580.3,36 624,36\"/>"))
        #expect(burnUp.contains("<title>Week 4: 2 done, 3 planned</title>"))
        #expect(!burnUp.contains("today"), "a report covers the whole quarter")

        // The road: network, 15 connections by Jun 30; 7 by the end of week 4, 12 from week 11.
        let road = try section(html, "Progress against the road")
        #expect(road.contains("<h3>network: Build professional network in data engineering</h3>"))
        #expect(road.contains("12 of 15 connections by Jun 30 2025; the road stood at 15 then."))
        #expect(road.contains("<polyline class=\"road\" points=\"56,232 624,36\"/>"))
        // x: 56 + day * 568/90 (Apr 7 is day 6); y: 232 - value * 196/15.
        #expect(road.contains("<polyline class=\"actual\" points=\"93.9,232 138,232 182.2,232 226.4,140.5 270.6,140.5 314.8,140.5 "
                              + "358.9,140.5 403.1,140.5 447.3,140.5 491.5,140.5 535.6,75.2 579.8,75.2 624,75.2\"/>"))
        #expect(road.contains("<title>Apr 28 (week 4): 7 connections; the road: 4.5</title>"))
        #expect(road.contains("No road for aws: it has no numeric target"))

        // Effort a week: 19h20 linked, 4h30 unlinked; week 2 has 2h on goals and 1h30 on none.
        let effort = try section(html, "Effort a week: linked vs unlinked")
        #expect(effort.contains("19h20 on goals, 4h30 on no goal (19% unlinked) by Jun 30 2025."))
        // y: 232 - hours * 196/4 (the axis runs to 4h).
        #expect(effort.contains("<rect class=\"linked\" x=\"106.2\" y=\"134\" width=\"30.6\" height=\"98\"><title>Week 2 (from Apr 8): 2h linked, 1h30 unlinked</title></rect>"))
        #expect(effort.contains("<rect class=\"unlinked\" x=\"106.2\" y=\"60.5\" width=\"30.6\" height=\"73.5\"><title>Week 2 (from Apr 8): 2h linked, 1h30 unlinked</title></rect>"))
        #expect(effort.contains("<title>Week 6 (from May 6): 0m linked, 3h unlinked</title>"))
        #expect(effort.components(separatedBy: "<rect class=\"linked\"").count - 1 == 10, "ten weeks had effort on goals")

        // The drift table.
        let drift = try section(html, "Drift from the plan")
        #expect(drift.contains("<td><span class=\"key\">aws</span> Complete AWS Solutions Architect certification</td><td>deadline moved later by 15 days</td><td class=\"num\">1</td>"))
        #expect(drift.contains("<td><span class=\"key\">network</span> Build professional network in data engineering</td><td>milestones added: network/5</td><td class=\"num\">0</td>"))

        // And the rest of the report.
        #expect(try section(html, "Review").contains("<dt>What got in the way</dt><dd>A release crunch in May ate two weeks</dd>"))
        #expect(try section(html, "Accomplishments").contains("<li>aws/3 Take the exam (Jun 27)</li>"))
    }

    @Test func outputWritesThePageToAFileAndTheBytesAreUTF8() throws {
        let (s, html) = try demoReport()
        let file = s.path("q2.html")
        let result = try s.run(["report", "2025-Q2", "--format", "html", "--output", file])
        #expect(result.status == 0 && result.stdout.isEmpty && result.stderr.isEmpty, "\(result)")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: file))
        #expect(String(bytes: bytes, encoding: .utf8) == html)
        // Text goes to the file just the same, and a file that cannot be written is one line and exit 74.
        _ = try s.ok(["report", "2025-Q2", "--output", file])
        #expect(try String(contentsOfFile: file, encoding: .utf8).hasPrefix("2025-Q2 report, as known now\n"))
        expectRefusal(try s.run(["report", "2025-Q2", "--format", "html", "--output", s.path("no/such/folder/q2.html")]),
                      status: 74, mentioning: ["cannot write", "no/such/folder/q2.html"])
        expectRefusal(try s.run(["sprint", "--output", ""]), status: 64, mentioning: ["--output is empty"])
    }

    @Test func theSprintPageRunsUpToToday() throws {
        let s = try Sandbox.demo(now: "2025-05-16T18:00")
        let html = try s.ok(["sprint", "--quarter", "2025-Q2", "--format", "html"])
        expectSelfContained(html)
        #expect(html.contains("<title>2025-Q2 sprint</title>"))
        #expect(html.contains("week 7 of 13, 46 days left (today May 16) · accountability partner: Sam Rivera"))
        #expect(html.components(separatedBy: "<span class=\"badge good\">on track</span>").count - 1 == 2, "both goals within a week of their plan")
        let later = try s.ok(["sprint", "--quarter", "2025-Q2", "--format", "html"], env: ["JOURNAL_NOW": "2025-05-31"])
        #expect(later.contains("<span class=\"badge warn\">2 weeks behind</span>"))
        let burnUp = try section(html, "Milestones: planned vs done")
        #expect(burnUp.contains("By May 16 2025 (week 7): 3 of 8 milestones done; 3 planned to be done by then."))
        // Week 7 is counted up to today, Friday May 16 (4 of its 7 days): x = 56 + (6 + 4/7) * 568/13.
        #expect(burnUp.contains("<polyline class=\"done\" points=\"56,232 99.7,232 143.4,232 187.1,232 230.8,183 274.5,158.5 318.2,158.5 343.1,158.5\"/>"))
        #expect(burnUp.contains(">today</text>"))
        let road = try section(html, "Progress against the road")
        #expect(road.contains("7 of 15 connections by May 16 2025; the road stood at 7.5 then."))
        #expect(road.components(separatedBy: "<circle class=\"actual\"").count - 1 == 7, "one point a week, to today")
        let effort = try section(html, "Effort a week: linked vs unlinked")
        #expect(effort.contains("11h15 on goals, 4h30 on no goal (29% unlinked) by May 16 2025."))
        #expect(!effort.contains("Week 8"), "no bars after today")
        let drift = try section(html, "Drift from the plan so far")
        #expect(drift.contains("milestones added: network/5"))
        #expect(!drift.contains("deadline moved"), "the deadline moved on May 20, after this day")
    }

    @Test func everythingAUserTypedIsEscaped() throws {
        let evil = "<script>alert(1)</script> \"&'"
        let shown = "&lt;script&gt;alert(1)&lt;/script&gt; &quot;&amp;&#39;"
        let s = try Sandbox(tz: "UTC", now: "2025-04-02T09:00")
        try s.log("partner", evil)
        try s.log("goal", evil, "--key", "evil", "--quarter", "2025-Q2", "--metric", evil, "--target", "10", "--unit", "talks",
                  "--due", "2025-06-30")
        try s.log("milestone", "evil", evil, "--weeks", "1-2")
        try s.log("revise", "evil", "--due", "2025-06-20", "--reason", evil)
        try s.log("review", "2025-Q2", "--planned", evil, "--accomplished", evil, "--obstacles", evil, "--learned", evil, "--next", evil)
        let report = try s.ok(["report", "2025-Q2", "--format", "html"])
        let sprint = try s.ok(["sprint", "--format", "html"])
        for html in [report, sprint] {
            expectSelfContained(html)
            #expect(!html.contains("<script>alert(1)</script>") && !html.contains(evil))
            #expect(html.contains("<span class=\"key\">evil</span> \(shown)"), "the title")
        }
        #expect(report.contains("<br><span class=\"quiet\">\(shown)</span>"), "the metric")
        #expect(report.contains("<li>evil/1 \(shown) <span class=\"quiet\">(weeks 1-2)</span></li>"), "the milestone")
        #expect(report.components(separatedBy: "<dd>\(shown)</dd>").count - 1 == 5, "the five review answers")
        #expect(sprint.contains("metric: \(shown) · due Jun 20"), "the metric")
        #expect(sprint.contains("<td>evil/1</td><td>\(shown)</td>"), "the milestone")
        #expect(sprint.contains("accountability partner: \(shown)"))
    }

    @Test("html only where it makes sense", arguments: [
        ["history", "aws", "--format", "html"], ["resume", "--format", "html"], ["insights", "--format", "html"],
        ["share", "--format", "html"], ["demo", "--format", "html"],
    ])
    func otherCommandsRefuseHTML(arguments: [String]) throws {
        let s = try Sandbox.demo(now: "2025-05-16T18:00")
        let before = try s.count()
        expectRefusal(try s.run(arguments), status: 64, mentioning: ["'html'", "--format"])
        #expect(try s.count() == before)
    }
}
