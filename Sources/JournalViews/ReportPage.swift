import JournalDomain
import Projections

/// `journal report QUARTER --format html`: the report as one page, with the whole quarter's charts.
struct ReportPage {
    let report: QuarterReport
    let charts: QuarterCharts
    let today: LocalDate

    func render() -> String {
        let r = report
        let known = r.asKnownAt.map { "as known at the end of \(TextStyle.date($0))" } ?? "as known on \(TextStyle.date(today))"
        var page = HTMLPage(title: "\(r.quarter) report",
                            subtitle: "\(TextStyle.date(r.quarter.firstDay, reference: r.quarter.lastDay)) to \(TextStyle.date(r.quarter.lastDay)), \(known)")
        page.section("How it ended", endedTable())
        ChartSections.add(charts, to: &page)
        page.section("Drift from the plan", ChartSections.driftTable(r))
        page.section("The plan at the end of week 1 (\(TextStyle.date(r.quarter.firstDay.adding(days: 6))))", plannedTable())
        page.section("Review", review())
        page.section("Accomplishments", accomplishments())
        return page.render()
    }

    func endedTable() -> String {
        guard !report.goals.isEmpty else { return "<p class=\"note\">No goals in this quarter.</p>" }
        let rows = report.goals.map { g -> [String] in
            let progress = g.target.map { t in
                HTML.escape("\(NumberText.format(g.current ?? 0)) of \(NumberText.format(t))\(g.unit.map { " " + $0 } ?? "")")
            } ?? "<span class=\"quiet\">no target</span>"
            return ["<span class=\"key\">\(HTML.escape(g.key))</span> \(HTML.escape(g.title))"
                        + (g.metric.map { "<br><span class=\"quiet\">\(HTML.escape($0))</span>" } ?? ""),
                    ChartSections.statusBadge(g), "\(g.done) of \(g.total)", progress]
        }
        return HTMLPage.table(["Goal", "Status", "Milestones", "Progress"], rows, numeric: [2])
    }

    func plannedTable() -> String {
        guard !report.planned.isEmpty else { return "<p class=\"note\">Nothing was planned by then.</p>" }
        let day = { (d: LocalDate) in TextStyle.date(d, reference: report.quarter.lastDay) }
        let rows = report.planned.map { p -> [String] in
            let milestones = p.milestones.map { m in
                "<li>\(HTML.escape(m.ref)) \(HTML.escape(m.title)) <span class=\"quiet\">(\(ScheduleText.text(weeks: m.weeks, of: m.weeksQuarter, shownIn: report.quarter, due: m.due, dateText: day)))</span></li>"
            }
            return ["<span class=\"key\">\(HTML.escape(p.key))</span> \(HTML.escape(p.title))",
                    HTML.escape(ReportRendering.plannedSummary(p, dateText: day)),
                    milestones.isEmpty ? "<span class=\"quiet\">none</span>" : "<ul>\(milestones.joined())</ul>"]
        }
        return HTMLPage.table(["Goal", "Plan", "Milestones"], rows)
    }

    func review() -> String {
        guard let v = report.review else {
            return "<p class=\"note\">Not recorded yet: journal review \(report.quarter) asks the five questions.</p>"
        }
        let items = ReportRendering.reviewItems(v).map { "<dt>\(HTML.escape($0.0))</dt><dd>\(HTML.escape($0.1))</dd>" }
        let blockers = v.blockers.isEmpty ? "none named" : v.blockers.map(\.rawValue).joined(separator: ", ")
        return "<dl>\(items.joined())<dt>Blockers</dt><dd>\(HTML.escape(blockers))</dd></dl>"
    }

    func accomplishments() -> String {
        guard !report.accomplishments.isEmpty else { return "<p class=\"note\">None yet.</p>" }
        let day = { (d: LocalDate) in TextStyle.date(d, reference: report.quarter.lastDay) }
        return "<ul>" + report.accomplishments.map { "<li>\(HTML.escape(ReportRendering.accomplishmentLine($0, dateText: day)))</li>" }.joined() + "</ul>"
    }
}
