import JournalDomain
import Projections

/// What the report and the sprint pages share: the three charts with captions that state their figures, and
/// the drift table.
enum ChartSections {
    static func add(_ charts: QuarterCharts, to page: inout HTMLPage) {
        page.section("Milestones: planned vs done", HTMLPage.figure(ChartGraphics.burnUp(charts), caption: burnUpCaption(charts)))
        var roads = charts.roads.map { road in
            "<h3>\(HTML.escape(road.key)): \(HTML.escape(road.title))</h3>"
                + HTMLPage.figure(ChartGraphics.road(road, charts: charts), caption: roadCaption(road, charts: charts))
        }
        if !charts.withoutTarget.isEmpty {
            let keys = charts.withoutTarget.map(HTML.escape).joined(separator: ", ")
            roads.append("<p class=\"note\">No road for \(keys): \(charts.withoutTarget.count == 1 ? "it has" : "they have") "
                         + "no numeric target (give one with journal log revise KEY --target N --unit TEXT --reason TEXT).</p>")
        }
        if roads.isEmpty { roads.append("<p class=\"note\">No goals in this quarter.</p>") }
        page.section("Progress against the road", roads.joined())
        page.section("Effort a week: linked vs unlinked", HTMLPage.figure(ChartGraphics.effort(charts), caption: effortCaption(charts)))
    }

    static func day(_ date: LocalDate, _ charts: QuarterCharts) -> String { TextStyle.date(date) }

    static func burnUpCaption(_ charts: QuarterCharts) -> String {
        let left = "Goals dropped or moved to another quarter are left out."
        guard charts.milestoneTotal > 0 else { return "No milestones planned for this quarter's goals. " + left }
        guard let last = charts.weeks.last(where: \.counted), let done = last.milestonesDone else {
            return "The quarter has not begun: \(TextStyle.plural(charts.milestoneTotal, "milestone")) planned. " + left
        }
        return "By \(day(charts.through, charts)) (week \(last.week)): \(done) of \(TextStyle.plural(charts.milestoneTotal, "milestone")) done; "
            + "\(last.milestonesPlanned) planned to be done by then. " + left
    }

    static func roadCaption(_ road: QuarterCharts.Road, charts: QuarterCharts) -> String {
        let unit = road.unit.map { " " + HTML.escape($0) } ?? ""
        var text = "\(NumberText.format(road.current)) of \(NumberText.format(road.target))\(unit) by \(day(charts.through, charts))"
        if let last = road.points.last {
            text += "; the road stood at \(NumberText.format((last.expected * 10).rounded() / 10)) then"
        }
        return text + ". The road runs straight from 0 on \(day(charts.quarter.firstDay, charts)) to the target on "
            + "\(day(road.reaches, charts)); progress is counted at the end of each week."
    }

    static func effortCaption(_ charts: QuarterCharts) -> String {
        let counted = charts.weeks.filter(\.counted)
        guard !counted.isEmpty else { return "The quarter has not begun: no effort yet." }
        let effort = Effort(minutesLinked: counted.reduce(0) { $0 + ($1.minutesLinked ?? 0) },
                            minutesUnlinked: counted.reduce(0) { $0 + ($1.minutesUnlinked ?? 0) })
        return "\(TextStyle.minutes(effort.minutesLinked)) on goals, \(TextStyle.minutes(effort.minutesUnlinked)) on no goal "
            + "(\(TextStyle.percent(effort.unlinkedShare)) unlinked) by \(day(charts.through, charts))."
    }

    /// Each goal's drift from the plan at the end of week 1, and its revisions.
    static func driftTable(_ report: QuarterReport) -> String {
        guard !report.goals.isEmpty else { return "<p class=\"note\">No goals in this quarter.</p>" }
        let rows = report.goals.map { g -> [String] in
            let phrases = ReportRendering.driftPhrases(g)
            return ["<span class=\"key\">\(HTML.escape(g.key))</span> \(HTML.escape(g.title))",
                    phrases.isEmpty ? "<span class=\"quiet\">none</span>" : phrases.map(HTML.escape).joined(separator: "; "),
                    String(g.revisions)]
        }
        return HTMLPage.table(["Goal", "Drift from the plan", "Revisions"], rows, numeric: [2])
    }

    /// A goal's status as a coloured badge.
    static func statusBadge(_ goal: QuarterReport.EndedGoal) -> String {
        switch goal.standing {
        case .completed: return HTMLPage.badge("completed", "good")
        case .dropped: return HTMLPage.badge("dropped", "quiet")
        case .overdue: return HTMLPage.badge(ReportRendering.statusWords(goal), "bad")
        case .active: return HTMLPage.badge("active", "warn")
        }
    }
}
