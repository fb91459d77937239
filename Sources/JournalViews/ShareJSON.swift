import JournalDomain
import Projections

/// `journal share --format json`: the sprint board's fields, plus what the shared document adds to them (the
/// directions' titles, each goal's confidence, each milestone's state in words, the dropped goals' reasons).
extension ShareRendering {
    func json() -> JSONValue {
        .object([
            ("quarter", .string(board.quarter.description)),
            ("week", .int(board.week)),
            ("weeks", .int(board.weeks)),
            ("daysLeft", .int(board.daysLeft)),
            ("today", .string(today.description)),
            ("partner", .optional(board.partner)),
            ("directions", .array(document.directions.map { d in
                .object([("key", .string(d.key)), ("title", .string(d.title)), ("by", .optional(d.by))])
            })),
            ("goals", .array(document.goals.map(json))),
            ("dropped", .array(document.dropped.map { d in
                .object([("key", .string(d.key)), ("title", .string(d.title)), ("reason", .optional(d.reason))])
            })),
            ("warnings", .array(document.warnings.map(WarningRendering.json))),
        ])
    }

    func json(_ goal: ShareDocument.Goal) -> JSONValue {
        SprintRendering.json(goal.card)
            .replacing("milestones", with: .array(goal.milestones.map { m in
                SprintRendering.json(m.milestone).adding([("state", .string(ShareRendering.code(m.state)))])
            }))
            .adding([("confidence", .optional(goal.confidence)), ("directionTitle", .optional(goal.direction))])
    }

    /// A milestone's state as scripts read it: done, late, this-week, planned or not-done.
    static func code(_ state: ShareDocument.State) -> String {
        switch state {
        case .done: return "done"
        case .late: return "late"
        case .thisWeek: return "this-week"
        case .planned: return "planned"
        case .notDone: return "not-done"
        }
    }
}

extension JSONValue {
    /// An object with `fields` after its own; anything else unchanged.
    func adding(_ fields: [(String, JSONValue)]) -> JSONValue {
        guard case .object(let own) = self else { return self }
        return .object(own + fields)
    }

    /// An object with the value of `name` replaced where it stands; anything else unchanged.
    func replacing(_ name: String, with value: JSONValue) -> JSONValue {
        guard case .object(let own) = self else { return self }
        return .object(own.map { $0.0 == name ? ($0.0, value) : $0 })
    }
}
