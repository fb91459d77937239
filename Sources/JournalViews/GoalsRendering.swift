import JournalDomain
import Projections

/// `journal goals`: one line a goal (key, quarter, status, progress, deadline), in the three reading formats.
public enum GoalsRendering {
    public static func render(_ list: GoalList, format: OutputFormat, palette: Palette = .plain) -> String {
        switch format {
        case .text: return text(list, palette: palette)
        case .markdown: return markdown(list)
        case .json: return json(list).rendered()
        }
    }

    /// "7/15 people", "milestones 2/4", or "-" when the goal has neither a target nor milestones.
    static func progress(_ card: SprintBoard.Card) -> String {
        if let target = card.target, let current = card.current {
            let unit = card.unit.map { " " + ShownText.line($0) } ?? ""
            return "\(NumberText.format(current))/\(NumberText.format(target))\(unit)"
        }
        return card.total > 0 ? "milestones \(card.done)/\(card.total)" : "-"
    }

    /// The goal's deadline: its due date, or its quarter's last day.
    static func deadline(_ card: SprintBoard.Card, quarter: Quarter) -> LocalDate { card.due ?? quarter.lastDay }

    /// What to say when nothing is listed: the quarter asked for is empty, or the journal has no goals at all.
    static func empty(_ list: GoalList) -> String {
        guard let quarter = list.quarter else { return "No goals yet; set one with journal log goal TITLE --quarter \(list.today.quarter)" }
        return "No goals in \(quarter); journal goals --all lists every quarter's"
    }

    static func text(_ list: GoalList, palette: Palette) -> String {
        guard !list.isEmpty else { return empty(list) }
        let rows = list.quarters.flatMap { group in
            group.goals.map { card in
                [palette.bold(ShownText.line(card.key)), group.quarter.description, SprintRendering.standing(card, palette),
                 progress(card), "due " + TextStyle.date(deadline(card, quarter: group.quarter), reference: list.today)]
            }
        }
        return TextStyle.table(rows).joined(separator: "\n")
    }

    static func markdown(_ list: GoalList) -> String {
        guard !list.isEmpty else { return empty(list) }
        var lines = ["| Goal | Quarter | Title | Status | Progress | Deadline |", "|---|---|---|---|---|---|"]
        for group in list.quarters {
            for card in group.goals {
                lines.append("| \(Markdown.escape(card.key)) | \(group.quarter) | \(Markdown.escape(card.title)) | "
                             + "\(SprintRendering.standing(card)) | \(Markdown.inline(progress(card))) | \(deadline(card, quarter: group.quarter)) |")
            }
        }
        return lines.joined(separator: "\n")
    }

    /// A goal's standing as `goals` and the overview give it in json: status, the lag, progress and milestones.
    static func standingFields(_ card: SprintBoard.Card) -> [(String, JSONValue)] {
        [
            ("status", .string(card.standing.rawValue)),
            ("onTrack", .bool(card.onTrack)),
            ("weeksBehind", .int(card.weeksBehind)),
            ("daysOverdue", .optional(card.daysOverdue)),
            ("target", .optional(card.target)),
            ("current", .optional(card.current)),
            ("unit", .optional(card.unit)),
            ("done", .int(card.done)),
            ("total", .int(card.total)),
        ]
    }

    static func json(_ list: GoalList) -> JSONValue {
        .object([
            ("quarter", .optional(list.quarter?.description)),
            ("today", .string(list.today.description)),
            ("goals", .array(list.quarters.flatMap { group in
                group.goals.map { card in
                    JSONValue.object([
                        ("key", .string(card.key)),
                        ("quarter", .string(group.quarter.description)),
                        ("title", .string(card.title)),
                    ] + standingFields(card) + [
                        ("due", .optional(card.due)),
                        ("deadline", .string(deadline(card, quarter: group.quarter).description)),
                    ])
                }
            })),
        ])
    }
}
