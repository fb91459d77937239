import JournalDomain
import Projections

/// How `journal insights` shows busyness against progress: text for people, markdown to share, json for scripts.
public enum InsightsReport {
    public static func render(_ insights: Insights, format: OutputFormat, time: TimeContext, palette: Palette = .plain,
                              fit: DisplayWidth? = nil) -> String {
        switch format {
        case .text: return fit.fit(text(insights, today: time.today, palette: palette, fit: fit))
        case .markdown: return markdown(insights, today: time.today)
        case .json: return json(insights).rendered()
        }
    }

    /// `journal insights --by tag`: minutes per tag, linked to a goal and to none.
    public static func renderByTag(_ insights: Insights, format: OutputFormat, time: TimeContext, palette: Palette = .plain) -> String {
        switch format {
        case .text:
            var lines = [palette.bold(title(insights) + " by tag: " + span(insights, today: time.today))]
            if insights.tags.isEmpty {
                lines.append("No effort in this period.")
            } else {
                let rows = insights.tags.map { row in
                    [row.tag.map { "#" + $0 } ?? "(untagged)", TextStyle.minutes(row.minutesLinked),
                     TextStyle.minutes(row.minutesUnlinked), TextStyle.minutes(row.minutes)]
                }
                lines += TextStyle.table([["tag", "linked", "unlinked", "total"]] + rows, rightAligned: [1, 2, 3])
            }
            return lines.joined(separator: "\n")
        case .markdown:
            var lines = ["# " + (insights.period.quarter.map { "Insights by tag: \($0)" }
                ?? "Insights by tag: \(insights.period.from) to \(insights.period.to)"), ""]
            lines.append("| tag | linked minutes | unlinked minutes | total |")
            lines.append("|---|---:|---:|---:|")
            for row in insights.tags {
                lines.append("| " + [row.tag.map(Markdown.escape) ?? "(untagged)", String(row.minutesLinked),
                                      String(row.minutesUnlinked), String(row.minutes)].joined(separator: " | ") + " |")
            }
            return lines.joined(separator: "\n")
        case .json:
            let period = insights.period
            return JSONValue.object([
                ("period", .object([
                    ("kind", .string(period.quarter == nil ? "dates" : "quarter")),
                    ("quarter", .optional(period.quarter.map(\.description))),
                    ("from", .string(period.from.description)),
                    ("to", .string(period.to.description)),
                    ("through", .optional(insights.through)),
                ])),
                ("tags", .array(insights.tags.map { row in
                    .object([
                        ("tag", .optional(row.tag)),
                        ("minutesLinked", .int(row.minutesLinked)),
                        ("minutesUnlinked", .int(row.minutesUnlinked)),
                        ("minutes", .int(row.minutes)),
                    ])
                })),
            ]).rendered()
        }
    }

    // MARK: - json

    /// The documented fields in the documented order; `through`, `busyButStuck`, `status` and `weeks` follow them.
    static func json(_ insights: Insights) -> JSONValue {
        let period = insights.period
        return .object([
            ("period", .object([
                ("kind", .string(period.quarter == nil ? "dates" : "quarter")),
                ("quarter", .optional(period.quarter.map(\.description))),
                ("from", .string(period.from.description)),
                ("to", .string(period.to.description)),
                ("through", .optional(insights.through)),
            ])),
            ("effort", .object([
                ("minutesLinked", .int(insights.effort.minutesLinked)),
                ("minutesUnlinked", .int(insights.effort.minutesUnlinked)),
                ("unlinkedShare", .share(insights.effort.unlinkedShare)),
            ])),
            ("goals", .array(insights.goals.map { goal in
                .object([
                    ("key", .string(goal.key)),
                    ("minutes", .int(goal.minutes)),
                    ("milestonesDone", .int(goal.milestonesDone)),
                    ("minutesPerMilestone", .optional(goal.minutesPerMilestone)),
                    ("stuckWeeks", .int(goal.stuckWeeks)),
                    ("crammedShare", .share(goal.crammedShare)),
                    ("busyButStuck", .bool(goal.isBusyButStuck)),
                    ("status", .optional(goal.status?.rawValue)),
                ])
            })),
            ("warnings", .array(insights.warnings.map { warning in
                .object([
                    ("code", .string(warning.code.rawValue)),
                    ("goal", .optional(warning.goal)),
                    ("message", .string(warning.message)),
                ])
            })),
            ("weeks", .array(insights.weeks.map { week in
                .object([
                    ("from", .string(week.from.description)),
                    ("minutesLinked", .int(week.minutesLinked)),
                    ("minutesUnlinked", .int(week.minutesUnlinked)),
                ])
            })),
        ])
    }

    // MARK: - text

    static func text(_ insights: Insights, today: LocalDate, palette: Palette = .plain, fit: DisplayWidth? = nil) -> String {
        var lines = [palette.bold(title(insights) + ": " + span(insights, today: today))]
        let effort = insights.effort
        lines.append("Effort    \(TextStyle.minutes(effort.minutesLinked)) linked to a goal, "
            + "\(TextStyle.minutes(effort.minutesUnlinked)) to none  "
            + "\(palette.yellow(TextStyle.bar(effort.unlinkedShare))) \(TextStyle.percent(effort.unlinkedShare)) unlinked")
        if effort.totalMinutes > 0 {
            lines.append("Weekly    " + TextStyle.sparkline(insights.weeks.map { $0.minutesLinked + $0.minutesUnlinked })
                + "  (minutes a week, from " + TextStyle.date(insights.period.from, reference: today) + ")")
        }
        lines.append("")
        if insights.goals.isEmpty {
            lines.append("No goals for this period and no effort linked to one.")
        } else {
            let header = ["goal", "minutes", "done", "min/milestone", "stuck weeks", "crammed"]
            let rows = insights.goals.map { goal in
                [ShownText.line(goal.key), TextStyle.minutes(goal.minutes), String(goal.milestonesDone),
                 goal.minutesPerMilestone.map(TextStyle.minutes) ?? "-", String(goal.stuckWeeks),
                 TextStyle.percent(goal.crammedShare)]
            }
            lines += TextStyle.table([header] + rows, rightAligned: [1, 2, 3, 4, 5], fit: fit, shrink: 0)
        }
        lines.append("")
        let stuck = insights.busyButStuck
        if stuck.isEmpty {
            lines.append("Findings: none busy but stuck")
        } else {
            lines.append(palette.bold("Findings"))
            lines += stuck.map { "  " + palette.yellow(finding($0, insights: insights, today: today)) }
        }
        let warningsHeading = "Warnings" + (warningsLookBeyond(insights, today: today) ? " as of today (\(TextStyle.date(today, reference: today)))" : "")
        if insights.warnings.isEmpty {
            lines.append(warningsHeading + ": none")
        } else {
            lines.append(palette.bold(warningsHeading))
            lines += insights.warnings.map { "  " + palette.yellow("[\($0.code.rawValue)]") + " " + ShownText.line($0.message) }
        }
        return lines.joined(separator: "\n")
    }

    /// A quarter's warnings are the sprint's as it stands today: for a quarter already over, a figure from
    /// beyond the period, which its heading says.
    static func warningsLookBeyond(_ insights: Insights, today: LocalDate) -> Bool {
        insights.period.quarter != nil && insights.period.to < today
    }

    static func title(_ insights: Insights) -> String {
        insights.period.quarter.map { "Insights \($0)" } ?? "Insights"
    }

    /// "Apr 1 to Jun 30 2025, counted to Apr 30" and the like.
    static func span(_ insights: Insights, today: LocalDate) -> String {
        let period = insights.period
        var text = TextStyle.date(period.from, reference: today) + " to " + TextStyle.date(period.to, reference: today)
        if let through = insights.through {
            if through < period.to { text += ", counted to " + TextStyle.date(through, reference: today) }
        } else {
            text += ", not begun yet"
        }
        return text
    }

    /// The minutes and weeks are the period's; the day of the last milestone may lie before it, and then says so.
    static func finding(_ goal: Insights.GoalInsight, insights: Insights, today: LocalDate) -> String {
        let since = goal.lastMilestoneDone.map { day in
            "since its last one on \(TextStyle.date(day, reference: today))" + (day < insights.period.from ? ", before this period" : "")
        } ?? "in this period (from \(TextStyle.date(goal.stuckSince, reference: today)))"
        return "busy but stuck: \(ShownText.line(goal.key)) has \(TextStyle.minutes(goal.stuckMinutes)) of effort in "
            + "\(TextStyle.plural(goal.stuckWeeks, "week")) with no milestone done \(since); "
            + "finish the next milestone, or make it smaller"
    }

    // MARK: - markdown

    static func markdown(_ insights: Insights, today: LocalDate) -> String {
        let period = insights.period
        let effort = insights.effort
        var lines = ["# " + (period.quarter.map { "Insights: \($0)" } ?? "Insights: \(period.from) to \(period.to)"), ""]
        var span = "Period: \(period.from) to \(period.to)"
        if let through = insights.through {
            if through < period.to { span += ", counted to \(through)" }
        } else {
            span += ", not begun yet"
        }
        lines.append(span + ".")
        lines.append("")
        lines.append("Effort: \(TextStyle.minutes(effort.minutesLinked)) linked to a goal, "
            + "\(TextStyle.minutes(effort.minutesUnlinked)) linked to none "
            + "(\(TextStyle.percent(effort.unlinkedShare)) unlinked).")
        lines.append("")
        if insights.goals.isEmpty {
            lines.append("No goals for this period and no effort linked to one.")
        } else {
            lines.append("| goal | minutes | milestones done | minutes per milestone | stuck weeks | crammed |")
            lines.append("|---|---:|---:|---:|---:|---:|")
            for goal in insights.goals {
                let cells = [Markdown.escape(goal.key), String(goal.minutes), String(goal.milestonesDone),
                             goal.minutesPerMilestone.map(String.init) ?? "-", String(goal.stuckWeeks),
                             TextStyle.percent(goal.crammedShare)]
                lines.append("| " + cells.joined(separator: " | ") + " |")
            }
        }
        let stuck = insights.busyButStuck
        if !stuck.isEmpty {
            lines += ["", "## Findings", ""]
            lines += stuck.map { goal in
                "- **busy but stuck**: \(Markdown.escape(goal.key)), \(goal.stuckMinutes) minutes in "
                    + "\(TextStyle.plural(goal.stuckWeeks, "week")) with no milestone done "
                    + (goal.lastMilestoneDone.map { "since its last one on \($0)" + ($0 < period.from ? ", before this period" : "") }
                        ?? "in this period (from \(goal.stuckSince))")
            }
        }
        lines += ["", "## Warnings" + (warningsLookBeyond(insights, today: today) ? " as of today (\(today))" : ""), ""]
        if insights.warnings.isEmpty {
            lines.append("None.")
        } else {
            lines += insights.warnings.map { "- `\($0.code.rawValue)`: \(Markdown.escape($0.message))" }
        }
        return lines.joined(separator: "\n")
    }
}
