import JournalDomain
import Projections

/// What `journal` alone prints: the current sprint on one screen of 80x24 (at most 21 lines, none wider than
/// 80 columns but for a goal key or unit longer than a screen allows), as `task` alone shows `next`.
public enum OverviewRendering {
    /// Goals and milestones shown before the rest is counted in a "... and N more" line.
    static let goalLines = 5
    static let milestoneLines = 4
    static let warningLines = 3
    static let width = 80

    /// Text for people, or (`json`) the documented fields for scripts.
    /// `time` shows a running timer's start in local time; `fit` narrows the screen to a terminal under 80 columns.
    public static func render(_ overview: Overview, json: Bool, time: TimeContext, palette: Palette = .plain,
                              fit: DisplayWidth? = nil) -> String {
        guard !json else { return self.json(overview).rendered() }
        let screen = text(overview, time: time, palette: palette)
        return fit.map { $0.columns < width ? $0.fit(screen) : screen } ?? screen
    }

    /// The running timer's line: what it times, since when and how long so far (`journal stop` records it).
    /// A goal renamed since the timer started shows by its key now (`shownKey`, from the board's cards).
    static func timerLine(_ timer: RunningTimer, minutes: Int, time: TimeContext, shownKey: (String) -> String = { $0 }) -> String {
        let reference = timer.goal.map { goal in shownKey(goal) + (timer.milestone.map { "/\($0)" } ?? "") }
        let link = reference.map { " (\(ShownText.line($0)))" } ?? ""
        // Started today: the time alone (the headline names the day); else the day too.
        let started = time.display(timer.startedAt)
        let since = time.localDate(of: timer.startedAt) == time.today ? String(started.split(separator: " ").last ?? "") : started
        return "Timer running: " + ShownText.line(timer.text) + Tags.suffix(timer.tags) + link
            + ", \(TextStyle.minutes(minutes)) since \(since)"
    }

    /// What to do first when there is no journal yet: three lines, each a command that runs as printed.
    public static func start(quarter: Quarter) -> String {
        """
        No journal yet. Set your first goal: journal log goal "TITLE" --quarter \(quarter) --due DATE
        Or plan the quarter step by step: journal plan
        Or look around a sample journal first: journal demo
        """
    }

    static func text(_ overview: Overview, time: TimeContext, palette: Palette) -> String {
        let board = overview.board
        let today = board.today
        let shown = ShownText.line
        var lines = [palette.bold(SprintRendering.headline(board))]
        if let timer = overview.timer {
            let line = timerLine(timer, minutes: overview.timerMinutes, time: time) { id in
                board.goals.first { $0.id == id }?.key ?? id
            }
            lines += wrapped(palette.green(line), visible: TextStyle.displayWidth(line), lines: 2)
        }
        lines.append("")
        if board.goals.isEmpty {
            lines.append("No goals for \(board.quarter) yet; set one with journal log goal TITLE --quarter \(board.quarter)")
            if let later = overview.laterQuarter {
                lines.append("\(later) has goals: see them with journal sprint --quarter \(later)")
            }
        } else {
            let rows = board.goals.map { card in
                ["  " + palette.bold(shown(card.key)), SprintRendering.standing(card, palette), GoalsRendering.progress(card),
                 "due " + TextStyle.date(GoalsRendering.deadline(card, quarter: board.quarter), reference: today)]
            }
            lines += capped(TextStyle.table(rows), goalLines)
        }
        if !overview.dueSoon.isEmpty {
            lines.append("")
            lines.append("Due this week and next:")
            let schedules = overview.dueSoon.map { SprintRendering.schedule($0, quarter: board.quarter, today: today) }
            // The title is the free text: it gets what the ref and schedule columns leave of the screen.
            let refWidth = overview.dueSoon.map { TextStyle.displayWidth(shown($0.ref)) }.max() ?? 0
            let room = width - 2 - refWidth - 2 - 2 - (schedules.map(TextStyle.displayWidth).max() ?? 0)
            let rows = zip(overview.dueSoon, schedules).map { m, schedule in
                ["  " + shown(m.ref), shortened(shown(m.title), to: max(room, 10)), schedule]
            }
            lines += capped(TextStyle.table(rows), milestoneLines)
        }
        if overview.thisWeek != nil {
            lines.append("")
            let effort = overview.effort
            lines.append("This week: \(TextStyle.minutes(effort.minutesLinked)) on goals, \(TextStyle.minutes(effort.minutesUnlinked)) on nothing linked")
        }
        if let warning = overview.warning {
            lines.append("")
            let more = board.warnings.count - 1
            let label = more > 0 ? "Warning (\(more) more: journal sprint): " : "Warning: "
            lines += wrapped(palette.yellow(label) + shown(warning.message), visible: label.count + shown(warning.message).count,
                             lines: warningLines)
        }
        return lines.joined(separator: "\n")
    }

    /// At most `limit` lines: the first `limit - 1` and "... and N more" when there are more.
    static func capped(_ lines: [String], _ limit: Int) -> [String] {
        guard lines.count > limit else { return lines }
        return Array(lines.prefix(limit - 1)) + ["  ... and \(lines.count - (limit - 1)) more"]
    }

    /// Text cut to `limit` characters with an ellipsis (milestone titles are free text of any length).
    static func shortened(_ text: String, to limit: Int) -> String {
        text.count <= limit ? text : String(text.prefix(limit - 1)) + "…"
    }

    /// Text broken at spaces into lines of at most `width` columns, the lines after the first indented; the last
    /// kept line ends in an ellipsis when more was left. `visible` is the text's width without colour codes.
    static func wrapped(_ text: String, visible: Int, lines limit: Int) -> [String] {
        guard visible > width else { return [text] }
        var lines: [String] = []
        var current = ""
        var currentWidth = 0
        for word in text.split(separator: " ", omittingEmptySubsequences: false) {
            let wordWidth = TextStyle.displayWidth(String(word))
            if currentWidth > 0, currentWidth + 1 + wordWidth > width {
                lines.append(current)
                current = "  " + word
                currentWidth = 2 + wordWidth
            } else {
                current += (currentWidth > 0 ? " " : "") + word
                currentWidth += (currentWidth > 0 ? 1 : 0) + wordWidth
            }
        }
        if !current.isEmpty { lines.append(current) }
        guard lines.count > limit else { return lines }
        var kept = Array(lines.prefix(limit))
        let last = kept[limit - 1]
        kept[limit - 1] = (TextStyle.displayWidth(last) < width ? last : String(last.prefix(last.count - 1))) + "…"
        return kept
    }

    static func json(_ overview: Overview) -> JSONValue {
        let board = overview.board
        return .object([
            ("quarter", .string(board.quarter.description)),
            ("week", .int(board.week)),
            ("weeks", .int(board.weeks)),
            ("daysLeft", .int(board.daysLeft)),
            ("today", .string(board.today.description)),
            ("goals", .array(board.goals.map { card in
                .object([("key", .string(card.key))] + GoalsRendering.standingFields(card) + [
                    ("deadline", .string(GoalsRendering.deadline(card, quarter: board.quarter).description)),
                ])
            })),
            ("dueSoon", .array(overview.dueSoon.map { m in
                .object([("ref", .string(m.ref)), ("title", .string(m.title)),
                         ("plannedTo", .optional(m.plannedDays?.upperBound)), ("late", .bool(m.late))])
            })),
            ("thisWeek", overview.thisWeek.map { .object([("from", .string($0.lowerBound.description)), ("to", .string($0.upperBound.description))]) } ?? .null),
            ("minutesLinked", .int(overview.effort.minutesLinked)),
            ("minutesUnlinked", .int(overview.effort.minutesUnlinked)),
            ("warning", overview.warning.map(WarningRendering.json) ?? .null),
            ("warnings", .int(board.warnings.count)),
            ("laterQuarter", .optional(overview.laterQuarter?.description)),
            ("timer", overview.timer.map { timer in
                .object([("text", .string(timer.text)), ("goal", .optional(timer.goal)), ("milestone", .optional(timer.milestone)),
                         ("tags", .array(timer.tags.map { .string($0) })), ("startedAt", .string(timer.startedAt.description)),
                         ("minutes", .int(overview.timerMinutes))])
            } ?? .null),
        ])
    }
}
