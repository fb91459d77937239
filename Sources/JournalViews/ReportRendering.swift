import JournalDomain
import Projections

/// The quarter report in the four output formats.
public enum ReportRendering {
    public static func render(_ report: QuarterReport, charts: QuarterCharts, format: PageFormat, today: LocalDate,
                       palette: Palette = .plain, fit: DisplayWidth? = nil) -> String {
        switch format {
        case .text: return text(report, charts: charts, today: today, palette: palette, fit: fit)
        case .markdown: return markdown(report)
        case .json: return json(report).rendered()
        case .html: return ReportPage(report: report, charts: charts, today: today).render()
        }
    }

    // MARK: json

    static func json(_ r: QuarterReport) -> JSONValue {
        .object([
            ("quarter", .string(r.quarter.description)),
            ("asKnownAt", .optional(r.asKnownAt)),
            ("planned", .array(r.planned.map { p in
                .object([
                    ("key", .string(p.key)), ("title", .string(p.title)), ("metric", .optional(p.metric)),
                    ("target", .optional(p.target)), ("unit", .optional(p.unit)), ("due", .optional(p.due)),
                    ("milestones", .array(p.milestones.map { m in
                        .object([("ref", .string(m.ref)), ("title", .string(m.title)),
                                 ("weeks", m.weeks.map { .array([.int($0.first), .int($0.last)]) } ?? .null),
                                 ("weeksQuarter", .optional(m.weeksQuarter?.description)),
                                 ("due", .optional(m.due))])
                    })),
                ])
            })),
            ("goals", .array(r.goals.map { g in
                .object([
                    ("key", .string(g.key)), ("title", .string(g.title)), ("status", .string(g.standing.rawValue)),
                    ("done", .int(g.done)), ("total", .int(g.total)), ("revisions", .int(g.revisions)),
                    ("drift", .object([
                        ("dueShiftDays", .optional(g.drift.dueShiftDays)),
                        ("targetChange", .optional(g.drift.targetChange)),
                        ("addedDuringQuarter", .bool(g.drift.addedDuringQuarter)),
                        ("droppedDuringQuarter", .bool(g.drift.droppedDuringQuarter)),
                        ("movedTo", .optional(g.drift.movedTo?.description)),
                        ("milestonesAdded", .array(g.drift.milestonesAdded.map(JSONValue.string))),
                        ("milestonesRemoved", .array(g.drift.milestonesRemoved.map(JSONValue.string))),
                        ("milestonesRescheduled", .array(g.drift.milestonesRescheduled.map { r in
                            .object([("ref", .string(r.ref)), ("shiftDays", .optional(r.shiftDays))])
                        })),
                    ])),
                    ("metric", .optional(g.metric)), ("target", .optional(g.target)), ("current", .optional(g.current)),
                    ("unit", .optional(g.unit)), ("due", .optional(g.due)),
                    ("onTrack", .bool(g.onTrack)), ("daysOverdue", .optional(g.daysOverdue)),
                ])
            })),
            ("weekly", .array(r.weekly.map { w in
                .object([("week", .int(w.week)), ("milestonesDone", .int(w.milestonesDone)),
                         ("minutesLinked", .int(w.minutesLinked)), ("minutesUnlinked", .int(w.minutesUnlinked)),
                         ("from", .string(w.days.lowerBound.description)), ("to", .string(w.days.upperBound.description))])
            })),
            ("effort", effort(r.effort)),
            ("review", r.review.map { v in
                .object([("planned", .string(v.planned)), ("accomplished", .string(v.accomplished)),
                         ("obstacles", .string(v.obstacles)), ("learned", .string(v.learned)), ("next", .string(v.next)),
                         ("blockers", .array(v.blockers.map { .string($0.rawValue) }))])
            } ?? .null),
            ("accomplishments", .array(r.accomplishments.map { a in
                .object([("kind", .string(a.kind.rawValue)), ("ref", .string(a.ref)), ("title", .string(a.title)),
                         ("outcome", .optional(a.outcome)), ("completedOn", .string(a.completedOn.description))])
            })),
        ])
    }

    static func effort(_ e: Effort) -> JSONValue {
        .object([("minutesLinked", .int(e.minutesLinked)), ("minutesUnlinked", .int(e.minutesUnlinked)),
                 ("unlinkedShare", .share(e.unlinkedShare))])
    }

    // MARK: words shared by text and markdown

    static func driftPhrases(_ g: QuarterReport.EndedGoal) -> [String] {
        var phrases: [String] = []
        let d = g.drift
        if d.addedDuringQuarter { phrases.append("added during the quarter") }
        if let moved = d.movedTo { phrases.append("moved to \(moved)") } else if d.droppedDuringQuarter { phrases.append("dropped") }
        if let shift = d.dueShiftDays, shift != 0 {
            phrases.append("deadline moved \(shift > 0 ? "later" : "earlier") by \(TextStyle.plural(abs(shift), "day"))")
        }
        if let change = d.targetChange, change != 0, let target = g.target {
            phrases.append("target \(change < 0 ? "lowered" : "raised") \(NumberText.format(target - change)) → \(NumberText.format(target))")
        }
        if !d.milestonesAdded.isEmpty { phrases.append("milestones added: \(d.milestonesAdded.joined(separator: ", "))") }
        if !d.milestonesRemoved.isEmpty { phrases.append("milestones removed: \(d.milestonesRemoved.joined(separator: ", "))") }
        for r in d.milestonesRescheduled {
            switch r.shiftDays {
            case let days? where days != 0:
                phrases.append("milestone \(r.ref) rescheduled \(days > 0 ? "later" : "earlier") by \(TextStyle.plural(abs(days), "day"))")
            case nil: phrases.append("milestone \(r.ref) scheduled")
            default: phrases.append("milestone \(r.ref) rescheduled")
            }
        }
        return phrases
    }

    static func plannedSummary(_ p: QuarterReport.PlannedGoal, dateText: (LocalDate) -> String) -> String {
        var parts: [String] = []
        if let target = p.target { parts.append("\(NumberText.format(target))\(p.unit.map { " " + $0 } ?? "")") }
        if let due = p.due { parts.append("due " + dateText(due)) }
        parts.append(TextStyle.plural(p.milestones.count, "milestone"))
        return parts.joined(separator: ", ")
    }

    static func reviewItems(_ v: ReviewRecorded) -> [(String, String)] {
        [("What I set out to accomplish", v.planned), ("What I accomplished", v.accomplished),
         ("What got in the way", v.obstacles), ("What I learned about my working patterns", v.learned),
         ("Goals for next quarter", v.next)]
    }

    static func accomplishmentLine(_ a: QuarterReport.Accomplishment, dateText: (LocalDate) -> String) -> String {
        switch a.kind {
        case .goal: return "Goal completed: \(a.title) (\(dateText(a.completedOn)))" + (a.outcome.map { ": \($0)" } ?? "")
        case .milestone: return "\(a.ref) \(a.title) (\(dateText(a.completedOn)))"
        }
    }

    // MARK: text

    /// The plan at the end of week 1, a goal a line (also the guided review's summary).
    public static func plannedLines(_ r: QuarterReport, fit: DisplayWidth? = nil) -> [String] {
        let day = { (d: LocalDate) in TextStyle.date(d, reference: r.quarter.lastDay) }
        if r.planned.isEmpty { return ["  nothing was planned by then"] }
        return TextStyle.table(r.planned.map {
            ["  " + ShownText.line($0.key), ShownText.line($0.title), ShownText.line(plannedSummary($0, dateText: day))]
        }, fit: fit, shrink: 1)
    }

    /// How each goal ended, a goal a line.
    public static func endedLines(_ r: QuarterReport, palette: Palette = .plain, fit: DisplayWidth? = nil) -> [String] {
        if r.goals.isEmpty { return ["  no goals"] }
        return TextStyle.table(r.goals.map { g in
            ["  " + ShownText.line(g.key), statusText(g, palette), "\(g.done)/\(g.total) milestones", TextStyle.plural(g.revisions, "revision"),
             g.target.map { t in "\(NumberText.format(g.current ?? 0))/\(NumberText.format(t))\(g.unit.map { " " + ShownText.line($0) } ?? "")" } ?? ""]
        }, fit: fit)
    }

    /// "completed", "active", "overdue by 36 days" (counted to the report's day).
    static func statusWords(_ g: QuarterReport.EndedGoal) -> String {
        g.standing == .overdue ? SprintRendering.overdue(g.daysOverdue ?? 0) : g.standing.rawValue
    }

    static func statusText(_ g: QuarterReport.EndedGoal, _ palette: Palette) -> String {
        let words = statusWords(g)
        switch g.standing {
        case .completed: return palette.green(words)
        case .dropped: return palette.dim(words)
        case .overdue: return palette.red(words)
        case .active: return words
        }
    }

    /// Linked and unlinked minutes a week on one scale, milestones done a week, and each numeric goal's progress.
    static func weeklyLines(_ r: QuarterReport, charts: QuarterCharts, palette: Palette) -> [String] {
        let top = r.weekly.map { max($0.minutesLinked, $0.minutesUnlinked) }.max() ?? 0
        var rows = [
            ["  linked", palette.green(TextStyle.sparkline(r.weekly.map(\.minutesLinked), top: top)), "minutes on goals, weeks 1-13"],
            ["  unlinked", palette.yellow(TextStyle.sparkline(r.weekly.map(\.minutesUnlinked), top: top)), "minutes on no goal, same scale"],
            ["  done", TextStyle.sparkline(r.weekly.map(\.milestonesDone)), "milestones done"],
        ]
        for road in charts.roads {
            let values = road.points.map(\.actual)
            rows.append(["  " + ShownText.line(road.key), TextStyle.sparkline(values, top: max(road.target, values.max() ?? 0)),
                         "progress: \(NumberText.format(road.current)) of \(NumberText.format(road.target))\(road.unit.map { " " + ShownText.line($0) } ?? "")"])
        }
        return TextStyle.table(rows)
    }

    public static func effortLine(_ r: QuarterReport) -> String {
        "Effort: \(TextStyle.minutes(r.effort.minutesLinked)) on goals, \(TextStyle.minutes(r.effort.minutesUnlinked)) on nothing "
            + "in particular (\(TextStyle.percent(r.effort.unlinkedShare)) unlinked) \(TextStyle.bar(r.effort.unlinkedShare))"
    }

    static func text(_ r: QuarterReport, charts: QuarterCharts, today: LocalDate, palette: Palette = .plain,
                     fit: DisplayWidth? = nil) -> String {
        let ref = r.quarter.lastDay
        let day = { (d: LocalDate) in TextStyle.date(d, reference: ref) }
        let heading = palette.bold
        var lines = [heading("\(r.quarter) report, " + (r.asKnownAt.map { "as known at the end of \(TextStyle.date($0, reference: today))" } ?? "as known now"))]

        lines += ["", heading("Planned by the end of week 1 (\(day(r.quarter.firstDay.adding(days: 6))))")]
        lines += plannedLines(r, fit: fit)
        lines += ["", heading("How it ended")]
        lines += endedLines(r, palette: palette, fit: fit)
        let drifts = r.goals.filter { !$0.drift.isEmpty }
        if !drifts.isEmpty {
            lines += ["", heading("Drift from the plan")]
            lines += TextStyle.table(drifts.map { ["  " + ShownText.line($0.key), ShownText.line(driftPhrases($0).joined(separator: "; "))] }, fit: fit, shrink: 1)
        }

        lines += ["", heading("Week by week")]
        var rows = [["  week", "from", "done", "linked", "unlinked"]]
        for w in r.weekly {
            rows.append(["  \(w.week)", day(w.days.lowerBound), String(w.milestonesDone),
                         TextStyle.minutes(w.minutesLinked), TextStyle.minutes(w.minutesUnlinked)])
        }
        lines += TextStyle.table(rows, rightAligned: [0, 2, 3, 4])
        lines += weeklyLines(r, charts: charts, palette: palette)
        lines += ["", effortLine(r)]

        lines += ["", heading("Review")]
        if let v = r.review {
            for (question, answer) in reviewItems(v) { lines.append("  \(question): " + ShownText.lines(answer, indent: "    ")) }
            lines.append("  Blockers: " + (v.blockers.isEmpty ? "none named" : v.blockers.map(\.rawValue).joined(separator: ", ")))
        } else {
            lines.append(palette.yellow("  not recorded yet; record it with journal log review \(r.quarter) --planned ... (five answers)"))
        }

        lines += ["", heading("Accomplishments")]
        if r.accomplishments.isEmpty { lines.append("  none yet") }
        lines += r.accomplishments.map { "  - " + ShownText.lines(accomplishmentLine($0, dateText: day), indent: "    ") }
        return fit.fit(lines.joined(separator: "\n"))
    }

    // MARK: markdown

    static func markdown(_ r: QuarterReport) -> String {
        let e = Markdown.escape
        let day = { (d: LocalDate) in d.description }
        var lines = ["# \(r.quarter) report", "", r.asKnownAt.map { "As known at the end of \($0)." } ?? "As known now."]
        lines += ["", "## The plan at the end of week 1 (\(r.quarter.firstDay.adding(days: 6)))", ""]
        if r.planned.isEmpty { lines.append("Nothing was planned by then.") }
        for p in r.planned {
            lines.append("- **\(e(p.key))**: \(e(p.title)) (\(e(plannedSummary(p, dateText: day))))")
            for m in p.milestones {
                lines.append("  - \(e(m.ref)) \(e(m.title)) (\(ScheduleText.text(weeks: m.weeks, of: m.weeksQuarter, shownIn: r.quarter, due: m.due, dateText: day)))")
            }
        }
        lines += ["", "## How it ended", "", "| Goal | Status | Milestones | Revisions | Drift |", "|---|---|---|---|---|"]
        for g in r.goals {
            let drift = driftPhrases(g).map(e).joined(separator: "; ")
            lines.append("| \(e(g.key)): \(e(g.title)) | \(statusWords(g)) | \(g.done)/\(g.total) | \(g.revisions) | \(drift.isEmpty ? "none" : drift) |")
        }
        lines += ["", "## Week by week", "", "| Week | From | Milestones done | Minutes on goals | Minutes on no goal |", "|---|---|---|---|---|"]
        for w in r.weekly {
            lines.append("| \(w.week) | \(w.days.lowerBound) | \(w.milestonesDone) | \(w.minutesLinked) | \(w.minutesUnlinked) |")
        }
        lines += ["", "Effort: \(r.effort.minutesLinked) minutes on goals, \(r.effort.minutesUnlinked) on no goal (\(TextStyle.percent(r.effort.unlinkedShare)) unlinked)."]
        lines += ["", "## Review", ""]
        if let v = r.review {
            for (question, answer) in reviewItems(v) { lines.append("- **\(question)**: " + Markdown.block(answer, indent: "  ")) }
            lines.append("- **Blockers**: " + (v.blockers.isEmpty ? "none named" : v.blockers.map(\.rawValue).joined(separator: ", ")))
        } else {
            lines.append("Not recorded yet.")
        }
        lines += ["", "## Accomplishments", ""]
        if r.accomplishments.isEmpty { lines.append("None yet.") }
        lines += r.accomplishments.map { "- " + Markdown.block(accomplishmentLine($0, dateText: day), indent: "  ") }
        return lines.joined(separator: "\n")
    }
}
