import JournalDomain
import Projections

/// `journal resume` in each format: resume lines to paste, grouped by the long-term direction they served.
///
/// The article's advice for career changers: a resume tells the story of where you are headed, so the results
/// toward the target role come first (the direction set most recently leads), then those toward other
/// directions, then the rest. Within a group a completed goal (a result) comes before the milestones (the
/// steps), each newest first. The journal's own references (goal keys, GOAL/N, direction keys) show only with
/// `refs`; json always carries them.
public struct ResumeRendering {
    let accomplishments: Accomplishments
    /// Dates in this year are written without it (the "since" line).
    let today: LocalDate
    let refs: Bool

    public init(accomplishments: Accomplishments, today: LocalDate, refs: Bool = false) {
        self.accomplishments = accomplishments
        self.today = today
        self.refs = refs
    }

    /// One group of lines: a direction (by its key; nil for what served none) and its items in order.
    struct Group {
        let direction: String?
        let title: String?
        let by: String?
        let items: [Accomplishments.Item]
    }

    /// The groups in the order a resume shows them.
    var groups: [Group] {
        let items = accomplishments.quarters.flatMap(\.items)
        // Goals before milestones; the projection's order (newest first) kept within each.
        func ordered(_ items: [Accomplishments.Item]) -> [Accomplishments.Item] {
            items.filter { $0.kind == .goal } + items.filter { $0.kind == .milestone }
        }
        var groups: [Group] = []
        var placed = Set<String>()
        for direction in accomplishments.directions {
            placed.insert(direction.key)
            let mine = items.filter { $0.direction == direction.key }
            if !mine.isEmpty { groups.append(Group(direction: direction.key, title: direction.title, by: direction.by, items: ordered(mine))) }
        }
        // A direction a goal names but no direction-set describes: its key is all the journal knows.
        var unknown: [String] = []
        for item in items { if let key = item.direction, !placed.contains(key), !unknown.contains(key) { unknown.append(key) } }
        for key in unknown {
            groups.append(Group(direction: key, title: nil, by: nil, items: ordered(items.filter { $0.direction == key })))
        }
        let rest = items.filter { $0.direction == nil }
        if !rest.isEmpty { groups.append(Group(direction: nil, title: nil, by: nil, items: ordered(rest))) }
        return groups
    }

    /// - Parameter fit: the terminal text fits (nil: full text); a long line wraps under its bullet.
    public func render(_ format: OutputFormat, fit: DisplayWidth? = nil) -> String {
        switch format {
        case .text:
            // A bullet's later lines (an outcome may have several) stay indented under it.
            return fit.fit(document(heading: { $0 }, bullet: { ShownText.lines($0, indent: "  ") }).joined(separator: "\n"))
        case .markdown:
            return document(heading: { "## " + $0 }, bullet: { Markdown.block($0, indent: "  ") }, title: "# ").joined(separator: "\n")
        case .json: return json().rendered()
        }
    }

    var sinceText: String {
        accomplishments.from.map { " since " + TextStyle.date($0, reference: today) } ?? ""
    }

    /// "Toward: Move into data engineering leadership (by 2028)"; "Other results" for what served no direction.
    func heading(_ group: Group, _ escape: (String) -> String, only: Bool) -> String {
        guard let key = group.direction else { return only ? "Results" : "Other results" }
        let by = group.by.map { " (by " + escape($0) + ")" } ?? ""
        let ref = refs ? " [" + escape(key) + "]" : ""
        return "Toward: " + escape(group.title ?? key) + by + ref
    }

    /// Text and markdown share one shape: a title, then per direction a heading and bullets.
    func document(heading format: (String) -> String, bullet escape: (String) -> String, title prefix: String = "") -> [String] {
        guard !accomplishments.isEmpty else {
            let none = accomplishments.from == nil ? "No accomplishments yet" : "No accomplishments\(sinceText)"
            return (prefix.isEmpty ? [] : [prefix + "Accomplishments", ""])
                + [none + "; complete a milestone (journal log done GOAL/N) or a goal (journal log complete GOAL) and it shows here."]
        }
        var lines = [prefix + "Accomplishments" + sinceText]
        let groups = self.groups
        for group in groups {
            lines += ["", format(heading(group, escape, only: groups.count == 1))]
            if !prefix.isEmpty { lines.append("") }
            lines += group.items.map { "- " + line($0, escape) }
        }
        return lines
    }

    /// "Jun 2025": a resume dates by the month.
    static func month(_ day: LocalDate) -> String { TextStyle.monthNames[day.month - 1] + " " + String(day.year) }

    /// The resume line without refs: "Completed AWS Solutions Architect certification: Passed the exam".
    static func phrase(_ item: Accomplishments.Item) -> String {
        switch item.kind {
        case .goal:
            let title = ResumePhrase.goal(item.title, current: item.current, target: item.target, unit: item.unit)
            return title + (item.outcome.map { ": " + $0 } ?? "")
        case .milestone:
            return ResumePhrase.milestone(item.title)
        }
    }

    /// The line as shown: the phrase, the ref with --refs, and the month.
    func line(_ item: Accomplishments.Item, _ escape: (String) -> String) -> String {
        let ref = refs ? " [" + escape(item.ref) + "]" : ""
        return escape(Self.phrase(item)) + ref + " (" + Self.month(item.completedOn) + ")"
    }

    /// `{since, groups[{direction, title, by, items[{line, kind, ref, goal, title, outcome, completedOn, completedAt, quarter}]}]}`.
    func json() -> JSONValue {
        .object([
            ("since", .optional(accomplishments.from)),
            ("groups", .array(groups.map { group in
                .object([
                    ("direction", .optional(group.direction)),
                    ("title", .optional(group.title)),
                    ("by", .optional(group.by)),
                    ("items", .array(group.items.map { item in
                        .object([
                            ("line", .string(Self.phrase(item))),
                            ("kind", .string(item.kind.rawValue)),
                            ("ref", .string(item.ref)),
                            ("goal", .string(item.goal)),
                            ("title", .string(item.title)),
                            ("outcome", .optional(item.outcome)),
                            ("completedOn", .string(item.completedOn.description)),
                            ("completedAt", .string(item.completedAt.description)),
                            ("quarter", .string(item.completedOn.quarter.description)),
                        ])
                    })),
                ])
            })),
        ])
    }
}
