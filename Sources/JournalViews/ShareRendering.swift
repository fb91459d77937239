import JournalDomain
import Projections

/// `journal share`: the sprint as a document for an accountability partner, in markdown or plain text.
/// Both formats say the same things; only the markup differs.
public struct ShareRendering {
    let document: ShareDocument

    public init(document: ShareDocument) {
        self.document = document
    }

    var board: SprintBoard { document.board }
    var today: LocalDate { board.today }

    /// - Parameter fit: the terminal text fits (nil: full text).
    public func render(_ format: ShareFormat, fit: DisplayWidth? = nil) -> String {
        switch format {
        case .markdown: return markdown().joined(separator: "\n")
        case .text: return fit.fit(text(fit: fit).joined(separator: "\n"))
        case .json: return json().rendered()
        }
    }

    /// What differs between the formats in running text: escaping what users typed, and showing a command.
    struct Style {
        let escape: (String) -> String
        let code: (String) -> String

        static var markdown: Style { Style(escape: Markdown.escape, code: { "`" + $0 + "`" }) }
        static var text: Style { Style(escape: ShownText.line, code: { $0 }) }
    }

    // MARK: markdown

    func markdown() -> [String] {
        let style = Style.markdown
        var lines = ["# \(board.quarter) sprint", "", (when + ["as of \(TextStyle.date(today))"]).joined(separator: " · "), ""]
        lines += people(style).map { "- " + $0.label + ": " + $0.value }
        if let none = noGoals(style) { lines += ["", none] }
        for goal in document.goals {
            lines += ["", "## \(Markdown.escape(goal.card.title)) (\(Markdown.escape(goal.card.key)))", ""]
            lines += facts(goal, style).map { "- " + $0.label + ": " + $0.value }
            guard !goal.milestones.isEmpty else { continue }
            lines += ["", "| Week | Milestone | State |", "|---|---|---|"]
            for m in goal.milestones {
                let weeks = m.milestone.weeks(in: board.quarter).map { $0.first == $0.last ? "\($0.first)" : "\($0.first)-\($0.last)" }
                let state = m.state == .late ? "**late**" : state(m.state)
                lines.append("| \(weeks ?? schedule(m.milestone)) | \(Markdown.escape(m.milestone.title)) | \(state) |")
            }
        }
        if !document.warnings.isEmpty {
            lines += ["", "## Worth asking about", ""]
            lines += document.warnings.map { "- " + Markdown.escape($0.message) }
        }
        if !document.dropped.isEmpty {
            lines += ["", "## Dropped", ""]
            lines += document.dropped.map { "- " + dropped($0, style) }
        }
        return lines + ["", footer]
    }

    // MARK: text

    func text(fit: DisplayWidth? = nil) -> [String] {
        let style = Style.text
        var lines = ["\(board.quarter) sprint: " + when.joined(separator: ", ").lowercasedFirst() + " (as of \(TextStyle.date(today)))"]
        lines += people(style).map { $0.label + ": " + $0.value }
        if let none = noGoals(style) { lines += ["", none] }
        for goal in document.goals {
            lines += ["", "\(style.escape(goal.card.title)) (\(style.escape(goal.card.key)))"]
            lines += TextStyle.table(facts(goal, style).map { ["  " + $0.label, $0.value] }, fit: fit, shrink: 1)
            lines += TextStyle.table(goal.milestones.map { m in
                ["    " + schedule(m.milestone), style.escape(m.milestone.title), state(m.state)]
            }, fit: fit, shrink: 1)
        }
        if !document.warnings.isEmpty {
            lines += ["", "Worth asking about"]
            lines += document.warnings.map { "  " + style.escape($0.message) }
        }
        if !document.dropped.isEmpty {
            lines += ["", "Dropped"]
            lines += document.dropped.map { "  " + dropped($0, style) }
        }
        return lines + ["", footer]
    }

    // MARK: what both say

    /// Where the quarter stands: "Week 7 of 13", "46 days left"; before it starts or after it ends, that instead.
    var when: [String] {
        if today < board.quarter.firstDay {
            return ["Starts \(TextStyle.date(board.quarter.firstDay, reference: today))",
                    "in \(TextStyle.plural(today.days(until: board.quarter.firstDay), "day"))"]
        }
        if board.daysLeft == 0 { return ["Ended \(TextStyle.date(board.quarter.lastDay, reference: today))"] }
        return ["Week \(board.week) of \(board.weeks)", "\(TextStyle.plural(board.daysLeft, "day")) left"]
    }

    /// Who is watching and what the sprint serves.
    func people(_ style: Style) -> [(label: String, value: String)] {
        let partner = board.partner.map(style.escape)
            ?? "none named yet; name one with \(style.code("journal log partner NAME"))"
        var lines = [(label: "Accountability partner", value: partner)]
        if !document.directions.isEmpty {
            let label = document.directions.count == 1 ? "Long-term direction" : "Long-term directions"
            lines.append((label, document.directions.map { direction in
                style.escape(direction.title) + (direction.by.map { " (by \(style.escape(horizon($0))))" } ?? "")
            }.joined(separator: "; ")))
        }
        return lines
    }

    func noGoals(_ style: Style) -> String? {
        guard document.goals.isEmpty else { return nil }
        if !document.dropped.isEmpty { return "Every goal of \(board.quarter) was dropped." }
        return "No goals are set for \(board.quarter) yet; set one with "
            + style.code("journal log goal TITLE --quarter \(board.quarter)") + "."
    }

    func facts(_ goal: ShareDocument.Goal, _ style: Style) -> [(label: String, value: String)] {
        let card = goal.card
        var facts = [(label: "Status", value: SprintRendering.standing(card))]
        // With a single direction the header already says what every goal serves.
        if document.directions.count > 1, let direction = goal.direction { facts.append(("Serves", style.escape(direction))) }
        if let metric = card.metric { facts.append(("Success metric", style.escape(metric))) }
        if let due = card.due { facts.append(("Deadline", TextStyle.date(due, reference: today))) }
        // Confidence is stated when the goal is set and never revised, so say when it is from.
        if let confidence = goal.confidence { facts.append(("Confidence when set", "\(confidence)%")) }
        if let progress = progress(card, style) { facts.append(("Progress", progress)) }
        facts.append(("Milestones", card.total == 0 ? "none planned" : "\(card.done) of \(card.total) done"))
        return facts
    }

    /// "7 of 15 connections, 47% █████░░░░░ (a steady pace to the deadline would be at 7.5 by today)".
    func progress(_ card: SprintBoard.Card, _ style: Style) -> String? {
        guard let target = card.target, let current = card.current, target > 0 else { return nil }
        let unit = card.unit.map { " " + style.escape($0) } ?? ""
        var line = "\(NumberText.format(current)) of \(NumberText.format(target))\(unit), "
            + "\(TextStyle.percent(current / target)) \(TextStyle.bar(current / target))"
        if let expected = card.expected, card.status == .active {
            line += " (a steady pace to the deadline would be at \(NumberText.format((expected * 10).rounded() / 10)) by today)"
        }
        return line
    }

    func schedule(_ m: SprintBoard.Milestone) -> String {
        ScheduleText.text(m, shownIn: board.quarter) { TextStyle.date($0, reference: today) }
    }

    func state(_ state: ShareDocument.State) -> String {
        switch state {
        case .done(let day): return "done " + TextStyle.date(day, reference: today)
        case .late: return "late"
        case .thisWeek: return "this week"
        case .planned: return "planned"
        case .notDone: return "not done"
        }
    }

    func dropped(_ goal: ShareDocument.Dropped, _ style: Style) -> String {
        // A reason may run over several lines; one line keeps the list a list.
        let reason = goal.reason.map { $0.split(whereSeparator: \.isNewline).joined(separator: " ") }
        return style.escape(goal.title) + " (\(style.escape(goal.key)))" + (reason.map { ": " + style.escape($0) } ?? "")
    }

    /// A direction's horizon as typed ("2028"), or a date written the way the rest of the document writes dates.
    func horizon(_ by: String) -> String {
        LocalDate(iso: by).map { TextStyle.date($0) } ?? by
    }

    /// Tells the reader how old the document is.
    var footer: String { "Recorded in journal; updated \(TextStyle.date(today))." }
}

private extension String {
    func lowercasedFirst() -> String {
        guard let first else { return self }
        return first.lowercased() + dropFirst()
    }
}
