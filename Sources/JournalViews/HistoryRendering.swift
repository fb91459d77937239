import JournalDomain
import Projections

/// `journal history` in each format.
public struct HistoryRendering {
    let history: GoalHistory
    let time: TimeContext

    public init(history: GoalHistory, time: TimeContext) {
        self.history = history
        self.time = time
    }

    /// - Parameter fit: the terminal text fits (nil: full text).
    public func render(_ format: OutputFormat, fit: DisplayWidth? = nil) -> String {
        switch format {
        case .text: return text(fit: fit)
        case .markdown: return markdown()
        case .json: return json().rendered()
        }
    }

    // MARK: - Text

    /// The entries as aligned columns (position, time, when recorded if any was recorded later, type, summary),
    /// revision details under the summary. Written straight into one buffer: a long goal's history has thousands
    /// of lines, and building a table of strings first was most of the command's time.
    func text(fit: DisplayWidth? = nil) -> String {
        let entries = history.entries
        let showRecorded = entries.contains(where: recordedLater)
        let occurred = entries.map { time.display($0.occurredAt) }
        let recorded = showRecorded ? entries.map { recordedLater($0) ? "(recorded \(time.display($0.recordedAt)))" : "" } : []
        let widths = [entries.map { String($0.position).utf8.count }.max() ?? 0,
                      occurred.map(TextStyle.displayWidth).max() ?? 0]
            + (showRecorded ? [recorded.map(TextStyle.displayWidth).max() ?? 0] : [])
            + [entries.map { TextStyle.displayWidth($0.type) }.max() ?? 0]
        // Details go under the summary, the last column: after every other column's width and its two spaces.
        // A text's later lines go further in, under its first, so that no line of a note or a reason can pass
        // for another entry or a detail of one.
        let indent = String(repeating: " ", count: widths.reduce(0) { $0 + $1 + 2 })
        let continuation = indent + "  "

        var out: [UInt8] = []
        out.reserveCapacity(64 + entries.count * 120)
        let space = UInt8(ascii: " ")
        func put(_ text: String) { out.append(contentsOf: text.utf8) }
        func pad(_ count: Int) { out.append(contentsOf: repeatElement(space, count: max(count, 0))) }
        put(header)
        for (i, entry) in entries.enumerated() {
            out.append(UInt8(ascii: "\n"))
            let position = String(entry.position)
            pad(widths[0] - position.utf8.count); put(position); pad(2)
            put(occurred[i]); pad(widths[1] - TextStyle.displayWidth(occurred[i]) + 2)
            if showRecorded { put(recorded[i]); pad(widths[2] - TextStyle.displayWidth(recorded[i]) + 2) }
            put(entry.type); pad(widths[widths.count - 1] - TextStyle.displayWidth(entry.type) + 2)
            put(ShownText.lines(entry.summary, indent: continuation))
            if let reason = entry.retractedBecause {
                put("  [retracted: "); put(ShownText.lines(reason, indent: continuation)); put("]")
            }
            while out.last == space { out.removeLast() }
            for detail in details(entry) {
                out.append(UInt8(ascii: "\n"))
                put(indent); put(ShownText.lines(detail, indent: continuation))
            }
        }
        if let day = history.asOf {
            out.append(UInt8(ascii: "\n"))
            for line in asOfText(day) { out.append(UInt8(ascii: "\n")); put(line) }
        }
        let whole = String(decoding: out, as: UTF8.self)
        guard let fit else { return whole }
        // The header and the as-of part fit as any text; an entry's summary and details wrap under the summary.
        let lines = whole.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let entryLines = lines.count - (history.asOf.map { asOfText($0).count + 1 } ?? 0)
        return lines.enumerated().flatMap { index, line in
            index == 0 || index >= entryLines ? fit.fit(line: line) : fit.fit(line: line, hangingAt: indent.count)
        }.joined(separator: "\n")
    }

    var header: String {
        guard let title = history.title, let status = history.status else {
            return "History of \(ShownText.line(history.key)) (its goal-set was retracted: the goal does not count)"
        }
        return "History of \(ShownText.line(history.key)): \(ShownText.line(title)) (\(status.rawValue))"
    }

    func recordedLater(_ entry: GoalHistory.Entry) -> Bool {
        abs(entry.recordedAt.millisecondsSinceEpoch - entry.occurredAt.millisecondsSinceEpoch) >= 60_000
    }

    /// A revision's changes ("due: 2025-06-15 → 2025-06-30") and its reason.
    func details(_ entry: GoalHistory.Entry) -> [String] {
        guard !entry.changes.isEmpty else {
            // A milestone's revision says its change in the summary; its reason goes under it, as a goal's does.
            return entry.type == JournalEvent.Kind.milestoneRevised.rawValue ? entry.reason.map { ["reason: \($0)"] } ?? [] : []
        }
        return entry.changes.map { "\($0.field.rawValue): \(value($0.from)) → \(value($0.to))" }
            + (entry.reason.map { ["reason: \($0)"] } ?? [])
    }

    func value(_ field: FieldValue?) -> String { field?.description ?? "none" }

    func asOfText(_ day: LocalDate) -> [String] {
        let when = "As of the end of \(TextStyle.date(day, reference: time.today))"
        guard let state = history.stateAsOf else {
            return [when + ": \(ShownText.line(history.key)) had not been set (or its goal-set was retracted)."]
        }
        let shown = ShownText.line
        var rows = [["title", shown(state.title)], ["quarter", state.quarter.description], ["status", state.status.rawValue]]
        if let metric = state.metric { rows.append(["metric", shown(metric)]) }
        if let target = state.target {
            let unit = state.unit.map { " \(shown($0))" } ?? ""
            rows.append(["progress", "\(NumberText.format(state.current ?? 0)) of \(NumberText.format(target))\(unit)"])
        } else if let unit = state.unit {
            rows.append(["unit", shown(unit)])
        }
        if let due = state.due { rows.append(["due", TextStyle.date(due, reference: day)]) }
        if let direction = state.direction { rows.append(["direction", shown(direction)]) }
        var lines = [when + ":"] + TextStyle.table(rows).map { "  " + $0 }
        guard !state.milestones.isEmpty else { return lines }
        lines.append("  milestones")
        let milestoneRows = state.milestones.map { m in
            [shown(m.ref), m.doneOn.map { "done " + TextStyle.date($0, reference: day) } ?? "not done", shown(m.title)]
        }
        lines += TextStyle.table(milestoneRows).map { "    " + $0 }
        return lines
    }

    // MARK: - Markdown

    func markdown() -> String {
        var lines = ["# " + Markdown.escape(header), ""]
        for entry in history.entries {
            var line = "- **\(entry.position)** \(time.display(entry.occurredAt))"
            if recordedLater(entry) { line += " (recorded \(time.display(entry.recordedAt)))" }
            line += " · `\(entry.type)` · " + Markdown.block(entry.summary, indent: "  ")
            if let reason = entry.retractedBecause { line += " — *retracted: " + Markdown.block(reason, indent: "  ") + "*" }
            lines.append(line)
            lines += details(entry).map { "  - " + Markdown.block($0, indent: "    ") }
        }
        if let day = history.asOf {
            lines += ["", "## As of the end of \(TextStyle.date(day, reference: time.today))", ""]
            if let state = history.stateAsOf {
                lines += ["| field | value |", "|---|---|"] + snapshotFields(state, day: day).map { "| \($0.0) | " + Markdown.escape($0.1) + " |" }
                if !state.milestones.isEmpty {
                    lines += ["", "Milestones:", ""] + state.milestones.map { m in
                        "- \(Markdown.escape(m.ref)) " + Markdown.escape(m.title) + " — "
                            + (m.doneOn.map { "done " + TextStyle.date($0, reference: day) } ?? "not done")
                    }
                }
            } else {
                lines.append(Markdown.escape("\(history.key) had not been set (or its goal-set was retracted)."))
            }
        }
        return lines.joined(separator: "\n")
    }

    func snapshotFields(_ state: GoalHistory.Snapshot, day: LocalDate) -> [(String, String)] {
        var fields = [("title", state.title), ("quarter", state.quarter.description), ("status", state.status.rawValue)]
        if let metric = state.metric { fields.append(("metric", metric)) }
        if let target = state.target {
            fields.append(("progress", "\(NumberText.format(state.current ?? 0)) of \(NumberText.format(target))"
                + (state.unit.map { " \($0)" } ?? "")))
        }
        if let due = state.due { fields.append(("due", TextStyle.date(due, reference: day))) }
        if let direction = state.direction { fields.append(("direction", direction)) }
        return fields
    }

    // MARK: - JSON

    /// `{goal, entries, stateAsOf, title, asOf}`; stateAsOf and asOf are null without --as-of.
    func json() -> JSONValue {
        .object([
            ("goal", .string(history.key)),
            ("entries", .array(history.entries.map(entryJSON))),
            ("stateAsOf", history.stateAsOf.map(snapshotJSON) ?? .null),
            ("title", .optional(history.title)),
            ("asOf", .optional(history.asOf)),
        ])
    }

    func entryJSON(_ entry: GoalHistory.Entry) -> JSONValue {
        .object([
            ("position", .int(Int(entry.position))),
            ("type", .string(entry.type)),
            ("occurredAt", .string(entry.occurredAt.description)),
            ("recordedAt", .string(entry.recordedAt.description)),
            ("changes", .array(entry.changes.map { change in
                .object([("field", .string(change.field.rawValue)), ("from", fieldJSON(change.from)), ("to", fieldJSON(change.to))])
            })),
            ("reason", .optional(entry.reason)),
            ("retracted", .bool(entry.retracted)),
            ("summary", .string(entry.summary)),
            ("retractedBecause", .optional(entry.retractedBecause)),
            ("eventId", .string(entry.eventId)),
        ])
    }

    func fieldJSON(_ value: FieldValue?) -> JSONValue {
        switch value {
        case .text(let text)?: return .string(text)
        case .number(let number)?: return .number(number)
        case nil: return .null
        }
    }

    func snapshotJSON(_ state: GoalHistory.Snapshot) -> JSONValue {
        .object([
            ("title", .string(state.title)),
            ("quarter", .string(state.quarter.description)),
            ("status", .string(state.status.rawValue)),
            ("metric", .optional(state.metric)),
            ("target", .optional(state.target)),
            ("current", .optional(state.current)),
            ("unit", .optional(state.unit)),
            ("due", .optional(state.due)),
            ("direction", .optional(state.direction)),
            ("milestones", .array(state.milestones.map { m in
                .object([
                    ("ref", .string(m.ref)),
                    ("title", .string(m.title)),
                    ("doneOn", .optional(m.doneOn)),
                    ("due", .optional(m.due)),
                    ("weeks", m.weeks.map { .array([.int($0.first), .int($0.last)]) } ?? .null),
                    ("weeksQuarter", .optional(m.weeksQuarter?.description)),
                ])
            })),
        ])
    }
}
