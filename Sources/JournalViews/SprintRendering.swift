import JournalDomain
import Projections

/// The sprint board in the four output formats.
public enum SprintRendering {
    /// - Parameter drift: the quarter report as known today, for the page's drift table (worked out for html only).
    /// - Parameter later: for a board without goals, a later quarter that has some (text names it).
    public static func render(_ board: SprintBoard, charts: QuarterCharts, drift: @autoclosure () -> QuarterReport, format: PageFormat,
                       palette: Palette = .plain, later: Quarter? = nil, fit: DisplayWidth? = nil) -> String {
        switch format {
        case .text: return text(board, charts: charts, palette: palette, later: later, fit: fit)
        case .markdown: return markdown(board)
        case .json: return json(board).rendered()
        case .html: return SprintPage(board: board, charts: charts, drift: drift()).render()
        }
    }

    // MARK: json

    static func json(_ board: SprintBoard) -> JSONValue {
        .object([
            ("quarter", .string(board.quarter.description)),
            ("week", .int(board.week)),
            ("weeks", .int(board.weeks)),
            ("daysLeft", .int(board.daysLeft)),
            ("goals", .array(board.goals.map(json))),
            ("warnings", .array(board.warnings.map(WarningRendering.json))),
            ("today", .string(board.today.description)),
            ("partner", .optional(board.partner)),
        ])
    }

    static func json(_ card: SprintBoard.Card) -> JSONValue {
        .object([
            ("key", .string(card.key)),
            ("title", .string(card.title)),
            ("status", .string(card.standing.rawValue)),
            ("metric", .optional(card.metric)),
            ("due", .optional(card.due)),
            ("direction", .optional(card.direction)),
            ("target", .optional(card.target)),
            ("current", .optional(card.current)),
            ("unit", .optional(card.unit)),
            ("milestones", .array(card.milestones.map(json))),
            ("done", .int(card.done)),
            ("total", .int(card.total)),
            ("onTrack", .bool(card.onTrack)),
            ("weeksBehind", .int(card.weeksBehind)),
            ("expected", .optional(card.expected.map { ($0 * 100).rounded() / 100 })),
            ("daysOverdue", .optional(card.daysOverdue)),
        ])
    }

    static func json(_ m: SprintBoard.Milestone) -> JSONValue {
        .object([
            ("ref", .string(m.ref)),
            ("title", .string(m.title)),
            ("weeks", m.weeks.map { .array([.int($0.first), .int($0.last)]) } ?? .null),
            ("weeksQuarter", .optional(m.weeksQuarter?.description)),
            ("plannedFrom", .optional(m.plannedDays?.lowerBound)),
            ("plannedTo", .optional(m.plannedDays?.upperBound)),
            ("due", .optional(m.due)),
            ("doneOn", .optional(m.doneOn)),
            ("late", .bool(m.late)),
        ])
    }

    // MARK: text

    static func headline(_ board: SprintBoard) -> String {
        let when: String
        if board.today < board.quarter.firstDay {
            when = "starts \(TextStyle.date(board.quarter.firstDay, reference: board.today)), \(board.daysLeft) days"
        } else if board.daysLeft == 0 {
            when = "ended \(TextStyle.date(board.quarter.lastDay, reference: board.today))"
        } else {
            when = "week \(board.week) of \(board.weeks), \(TextStyle.plural(board.daysLeft, "day")) left"
        }
        return "\(board.quarter) sprint: \(when) (today \(TextStyle.date(board.today, reference: board.today)))"
    }

    static func standing(_ card: SprintBoard.Card) -> String {
        switch card.standing {
        case .completed: return "completed"
        case .dropped: return "dropped"
        case .overdue: return overdue(card.daysOverdue ?? 0)
        case .active: return card.onTrack ? "on track" : "\(TextStyle.plural(card.weeksBehind, "week")) behind"
        }
    }

    /// "overdue by 36 days": the report says it the same way.
    static func overdue(_ days: Int) -> String { "overdue by \(TextStyle.plural(days, "day"))" }

    /// The standing in its colour: green when on track or completed, yellow when behind, red when overdue, dim when dropped.
    static func standing(_ card: SprintBoard.Card, _ palette: Palette) -> String {
        let text = "[" + standing(card) + "]"
        switch card.standing {
        case .completed: return palette.green(text)
        case .dropped: return palette.dim(text)
        case .overdue: return palette.red(text)
        case .active: return card.onTrack ? palette.green(text) : palette.yellow(text)
        }
    }

    /// "aws  Complete AWS Solutions Architect certification  [on track]": on a terminal the title gives way, so
    /// the key and the standing always show.
    static func cardLine(_ card: SprintBoard.Card, palette: Palette, fit: DisplayWidth?) -> String {
        let key = palette.bold(ShownText.line(card.key))
        let status = standing(card, palette)
        var title = ShownText.line(card.title)
        if let fit {
            title = fit.truncate(title, to: max(fit.columns - fit.width(of: key) - fit.width(of: status) - 4, 4))
        }
        return "\(key)  \(title)  \(status)"
    }

    /// The goal's minutes a week so far, on the scale of the board's busiest goal-week: "effort 9h45 ▃▅▄ ▄ █  (weeks 1-7)".
    static func effortLine(_ series: QuarterCharts.GoalMinutes?, top: Int) -> String? {
        guard let series, !series.minutes.isEmpty else { return nil }
        guard series.total > 0 else { return "effort none logged yet" }
        let weeks = series.minutes.count == 1 ? "week 1" : "weeks 1-\(series.minutes.count)"
        return "effort \(TextStyle.minutes(series.total)) \(TextStyle.sparkline(series.minutes, top: top))  (\(weeks))"
    }

    static func schedule(_ m: SprintBoard.Milestone, quarter: Quarter, today: LocalDate) -> String {
        ScheduleText.text(m, shownIn: quarter) { TextStyle.date($0, reference: today) }
    }

    static func progressLine(_ card: SprintBoard.Card) -> String? {
        guard let target = card.target, let current = card.current else { return nil }
        let unit = card.unit.map { " " + ShownText.line($0) } ?? ""
        var line = "progress \(NumberText.format(current))/\(NumberText.format(target))\(unit) \(TextStyle.bar(current / target))"
        if let expected = card.expected, card.status == .active {
            line += "  (road: \(NumberText.format((expected * 10).rounded() / 10)) by today)"
        }
        return line
    }

    /// What users typed is escaped (ShownText) before it is coloured, so only the journal's own colours reach the terminal.
    static func text(_ board: SprintBoard, charts: QuarterCharts, palette: Palette = .plain, later: Quarter? = nil,
                     fit: DisplayWidth? = nil) -> String {
        let shown = ShownText.line
        var lines = [palette.bold(headline(board))]
        if let partner = board.partner { lines.append("Accountability partner: \(shown(partner))") }
        if board.goals.isEmpty {
            lines.append("")
            lines.append("No goals for \(board.quarter) yet; set one with journal log goal TITLE --quarter \(board.quarter)")
            if let later { lines.append("\(later) has goals: see them with journal sprint --quarter \(later)") }
        }
        let today = board.today
        // Looked up once for all cards: a search and a scale per card grew with the square of the goals.
        let series = Dictionary(charts.goalMinutes.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        let top = charts.goalMinutes.lazy.flatMap(\.minutes).max() ?? 0
        for card in board.goals {
            lines.append("")
            lines.append(cardLine(card, palette: palette, fit: fit))
            var facts: [String] = []
            if let metric = card.metric { facts.append("metric: \(shown(metric))") }
            if let due = card.due { facts.append("due \(TextStyle.date(due, reference: today))") }
            if let direction = card.direction { facts.append("direction: \(shown(direction))") }
            if !facts.isEmpty { lines.append("  " + palette.dim(facts.joined(separator: " · "))) }
            if let progress = progressLine(card) { lines.append("  " + progress) }
            if let effort = effortLine(series[card.key], top: top) { lines.append("  " + effort) }
            if card.total > 0 {
                lines.append("  milestones \(card.done)/\(card.total) \(TextStyle.bar(Double(card.done) / Double(card.total)))")
                let rows = card.milestones.map { m in
                    ["   ", shown(m.ref), shown(m.title), schedule(m, quarter: board.quarter, today: today),
                     m.doneOn.map { palette.dim("done " + TextStyle.date($0, reference: today)) } ?? (m.late ? palette.red("LATE") : "")]
                }
                lines += TextStyle.table(rows, fit: fit, shrink: 2)
            } else {
                lines.append("  no milestones")
            }
        }
        if !board.warnings.isEmpty {
            lines.append("")
            lines.append(palette.bold("Warnings"))
            lines += WarningRendering.textLines(board.warnings, palette: palette, fit: fit)
        }
        return fit.fit(lines.joined(separator: "\n"))
    }

    // MARK: markdown

    static func markdown(_ board: SprintBoard) -> String {
        var lines = ["# \(board.quarter) sprint", ""]
        var facts = [board.daysLeft == 0 ? "Ended" : "Week \(board.week) of \(board.weeks)",
                     "\(board.daysLeft) days left", "as of \(board.today)"]
        if let partner = board.partner { facts.append("accountability partner: \(Markdown.escape(partner))") }
        lines.append(facts.joined(separator: " · "))
        for card in board.goals {
            lines += ["", "## \(Markdown.escape(card.key)): \(Markdown.escape(card.title))", ""]
            lines.append("- Status: \(standing(card))")
            if let metric = card.metric { lines.append("- Metric: \(Markdown.escape(metric))") }
            if let due = card.due { lines.append("- Due: \(due)") }
            if let direction = card.direction { lines.append("- Direction: \(Markdown.escape(direction))") }
            if let target = card.target, let current = card.current {
                let unit = card.unit.map { " " + Markdown.escape($0) } ?? ""
                var progress = "- Progress: \(NumberText.format(current)) of \(NumberText.format(target))\(unit)"
                if let expected = card.expected, card.status == .active {
                    progress += " (the road says \(NumberText.format((expected * 10).rounded() / 10)) by today)"
                }
                lines.append(progress)
            }
            lines.append("- Milestones: \(card.done) of \(card.total) done")
            if !card.milestones.isEmpty {
                lines += ["", "| Milestone | Title | Planned | Done |", "|---|---|---|---|"]
                for m in card.milestones {
                    let planned = ScheduleText.text(m, shownIn: board.quarter) { $0.description }
                    let done = m.doneOn?.description ?? (m.late ? "**late**" : "")
                    lines.append("| \(Markdown.escape(m.ref)) | \(Markdown.escape(m.title)) | \(planned) | \(done) |")
                }
            }
        }
        if !board.warnings.isEmpty {
            lines += ["", "## Warnings", ""]
            lines += WarningRendering.markdownLines(board.warnings)
        }
        return lines.joined(separator: "\n")
    }
}

/// Warnings as every read command shows them.
enum WarningRendering {
    static func json(_ warning: Warning) -> JSONValue {
        .object([("code", .string(warning.code.rawValue)), ("goal", .optional(warning.goal)), ("message", .string(warning.message))])
    }

    /// On a terminal a long message wraps under itself, past the codes' column.
    static func textLines(_ warnings: [Warning], palette: Palette = .plain, fit: DisplayWidth? = nil) -> [String] {
        let codes = warnings.map { "  " + palette.yellow($0.code.rawValue) }
        guard let fit else { return TextStyle.table(zip(codes, warnings).map { [$0, ShownText.line($1.message)] }) }
        let column = (codes.map { fit.width(of: $0) }.max() ?? 0) + 2
        return zip(codes, warnings).flatMap { code, warning in
            fit.wrap(ShownText.line(warning.message), width: fit.columns - column, indent: "").enumerated().map { index, part in
                (index == 0 ? fit.pad(code, to: column) : String(repeating: " ", count: column)) + part
            }
        }
    }

    static func markdownLines(_ warnings: [Warning]) -> [String] {
        warnings.map { "- **\($0.code.rawValue)**: \(Markdown.escape($0.message))" }
    }
}
