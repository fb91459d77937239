import JournalDomain
import Projections

/// `journal sprint --format html`: the board as one page, with the charts up to today and the drift so far.
struct SprintPage {
    let board: SprintBoard
    let charts: QuarterCharts
    /// The quarter report as known today: its drift table.
    let drift: QuarterReport

    func render() -> String {
        let headline = SprintRendering.headline(board)
        var page = HTMLPage(title: "\(board.quarter) sprint",
                            subtitle: String(headline.drop { $0 != ":" }.dropFirst(2))
                                + (board.partner.map { " · accountability partner: \($0)" } ?? ""))
        page.section("Goals", goalsTable())
        if board.goals.contains(where: { !$0.milestones.isEmpty }) { page.section("Milestones", milestonesTable()) }
        ChartSections.add(charts, to: &page)
        page.section("Drift from the plan so far", ChartSections.driftTable(drift))
        if !board.warnings.isEmpty {
            page.section("Warnings", "<ul>" + board.warnings.map {
                "<li><span class=\"badge warn\">\(HTML.escape($0.code.rawValue))</span> \(HTML.escape($0.message))</li>"
            }.joined() + "</ul>")
        }
        return page.render()
    }

    func standingBadge(_ card: SprintBoard.Card) -> String {
        let text = SprintRendering.standing(card)
        switch card.standing {
        case .completed: return HTMLPage.badge(text, "good")
        case .dropped: return HTMLPage.badge(text, "quiet")
        case .overdue: return HTMLPage.badge(text, "bad")
        case .active: return HTMLPage.badge(text, card.onTrack ? "good" : "warn")
        }
    }

    func goalsTable() -> String {
        guard !board.goals.isEmpty else {
            return "<p class=\"note\">No goals for \(board.quarter) yet; set one with journal log goal TITLE --quarter \(board.quarter).</p>"
        }
        let today = board.today
        let rows = board.goals.map { card -> [String] in
            var facts: [String] = []
            if let metric = card.metric { facts.append("metric: " + HTML.escape(metric)) }
            if let due = card.due { facts.append("due " + TextStyle.date(due, reference: today)) }
            if let direction = card.direction { facts.append("direction: " + HTML.escape(direction)) }
            var progress = "<span class=\"quiet\">no target</span>"
            if let target = card.target, let current = card.current {
                progress = HTML.escape("\(NumberText.format(current)) of \(NumberText.format(target))\(card.unit.map { " " + $0 } ?? "")")
                if let expected = card.expected, card.status == .active {
                    progress += "<br><span class=\"quiet\">road: \(NumberText.format((expected * 10).rounded() / 10)) by today</span>"
                }
            }
            return ["<span class=\"key\">\(HTML.escape(card.key))</span> \(HTML.escape(card.title))"
                        + (facts.isEmpty ? "" : "<br><span class=\"quiet\">\(facts.joined(separator: " · "))</span>"),
                    standingBadge(card), "\(card.done) of \(card.total)", progress]
        }
        return HTMLPage.table(["Goal", "Standing", "Milestones", "Progress"], rows, numeric: [2])
    }

    func milestonesTable() -> String {
        let today = board.today
        let rows = board.goals.flatMap(\.milestones).map { m -> [String] in
            let state = m.doneOn.map { HTMLPage.badge("done " + TextStyle.date($0, reference: today), "good") }
                ?? (m.late ? HTMLPage.badge("late", "bad") : "<span class=\"quiet\">open</span>")
            return [HTML.escape(m.ref), HTML.escape(m.title), HTML.escape(SprintRendering.schedule(m, quarter: board.quarter, today: today)), state]
        }
        return HTMLPage.table(["Milestone", "Title", "Planned", "State"], rows)
    }
}
