import JournalApp
import JournalDomain
import JournalViews

/// `journal plan QUARTER --edit`: the plan file's JSON (PlanAnswers), prefilled with what the guided plan asks
/// about: each unfinished goal of the previous quarter kept (its reason prefilled as the prompt's), the goals
/// already in the quarter, and an empty list of new goal drafts, with the choices in comment lines.
enum PlanEditing {
    static func template(_ context: PlanContext) -> String {
        let quarter = context.quarter
        var lines = EditorSession.comment(
            "The plan for \(quarter) (\(TextStyle.date(quarter.firstDay, reference: quarter.lastDay)) to \(TextStyle.date(quarter.lastDay))),"
            + " as the JSON of journal plan --from FILE. Save and close the editor to record it all in one append. Lines"
            + " starting with # are left out; an empty file, or one saved unchanged, records nothing. A sprint has one to"
            + " three goals.")
        if !context.alreadyInQuarter.isEmpty {
            lines.append("# Already in \(quarter): " + context.alreadyInQuarter.map(\.shownKey).joined(separator: ", "))
        }
        lines += ["{"]
        if context.unfinished.isEmpty {
            lines.append("  \"carryOver\": [],")
        } else {
            lines += [
                "  # Unfinished in \(quarter.previous): for each, \"action\" is keep (with a reason), revise (with a reason and any of",
                "  # title, metric, target, unit, due, direction), drop (with a reason) or complete (with an outcome).",
                "  \"carryOver\": [",
            ]
            for (index, goal) in context.unfinished.enumerated() {
                lines.append("    # " + PlanInterview.describe(goal) + (CarriedTarget.reached(goal) ? "; it reached its target" : ""))
                let comma = index == context.unfinished.count - 1 ? "" : ","
                lines.append("    {\"goal\": \(JSONText.quote(goal.shownKey)), \"action\": \"keep\", \"reason\": \(JSONText.quote(SprintPlan.defaultKeepReason(from: quarter.previous)))}" + comma)
            }
            lines.append("  ],")
        }
        lines += [
            "  # New goals, each {\"title\": \"...\", \"metric\": \"...\", \"target\": 10, \"unit\": \"...\", \"due\": \"\(quarter.lastDay)\",",
            "  #   \"direction\": \"KEY\", \"confidence\": 70, \"milestones\": [{\"title\": \"...\", \"weeks\": \"1-2\"}]}",
            "  \"goals\": [],",
            "  # Milestones of kept goals, each {\"goal\": \"KEY\", \"title\": \"...\", \"week\": 3}",
            "  \"milestones\": [],",
            "  # New weeks for carried milestones, each {\"milestone\": \"KEY/N\", \"weeks\": \"1-3\"}",
            "  \"reschedule\": []",
            "}",
            "",
        ]
        return lines.map(Prompter.shown).joined(separator: "\n")
    }
}
