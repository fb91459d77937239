import JournalDomain
import Projections

/// `journal activities`: one line an activity (date, minutes, goal ref, text, #tags) and a total; json for scripts.
public enum ActivityListRendering {
    public static func text(_ list: ActivityList) -> String {
        var lines: [String] = []
        if list.items.isEmpty {
            lines.append("No activities from \(list.from) to \(list.to).")
            return lines.joined(separator: "\n")
        }
        let rows = list.items.map { item in
            [item.day.description, item.minutes.map(TextStyle.minutes) ?? "-", item.goalReference.map(ShownText.line) ?? "no goal",
             ShownText.line(item.text) + Tags.suffix(item.tags)]
        }
        lines += TextStyle.table(rows, rightAligned: [1])
        let count = list.items.count == 1 ? "1 activity" : "\(list.items.count) activities"
        lines.append("Total: \(count), "
            + "\(TextStyle.minutes(list.totalMinutes)) (\(list.from) to \(list.to))")
        return lines.joined(separator: "\n")
    }

    public static func json(_ list: ActivityList) -> String {
        JSONValue.object([
            ("from", .string(list.from.description)),
            ("to", .string(list.to.description)),
            ("activities", .array(list.items.map { item in
                .object([
                    ("eventId", .string(item.eventId)),
                    ("position", .int(Int(item.position))),
                    ("date", .string(item.day.description)),
                    ("occurredAt", .string(item.occurredAt.description)),
                    ("minutes", .optional(item.minutes)),
                    ("goal", .optional(item.goal)),
                    ("milestone", .optional(item.milestone)),
                    ("text", .string(item.text)),
                    ("tags", .array(item.tags.map(JSONValue.string))),
                ])
            })),
            ("count", .int(list.items.count)),
            ("totalMinutes", .int(list.totalMinutes)),
        ]).rendered()
    }
}
