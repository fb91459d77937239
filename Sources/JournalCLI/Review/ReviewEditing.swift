import JournalApp
import JournalDomain
import JournalViews
import Projections

/// `journal review --edit`: the five questions as the --from file's JSON, prefilled as the guided review
/// prefills them, with the quarter's summary and the choices in comment lines.
enum ReviewEditing {
    static func template(_ quarter: Quarter, given: ReviewAnswers, summary: [String], prefills: [String: String?]) -> String {
        var lines = EditorSession.comment("The review of \(quarter): answer the five questions in the JSON below, then save and"
            + " close the editor to record it. Lines starting with # are left out; an empty file, or one saved unchanged,"
            + " records nothing.")
        lines += EditorSession.comment("blockers: a list of any of " + Blocker.allCases.map(\.rawValue).joined(separator: ", ")
            + " ([] for none).")
        lines.append("#")
        lines += summary.map { $0.isEmpty ? "#" : "# " + $0 }
        lines += ["#", "{"]
        for (index, question) in ReviewAnswers.questions.enumerated() {
            lines.append("  # \(index + 1)/5 \(question.text)")
            let answer = given[question.key] ?? prefills[question.key] ?? nil
            lines.append("  \(JSONText.quote(question.key)): \(JSONText.quote(answer ?? "")),")
        }
        let blockers = (given.blockers ?? []).map { JSONText.quote($0.rawValue) }.joined(separator: ", ")
        lines += ["  # What got in the way, as blockers (see above)", "  \"blockers\": [\(blockers)]", "}", ""]
        return lines.joined(separator: "\n")
    }

    /// The answers the saved file gives, every one checked as recording would check it.
    static func read(_ text: String, of quarter: Quarter) throws -> ReviewAnswers {
        let answers = try AnswerFile.decode(ReviewAnswers.self, text: text, source: "the file")
        _ = try Decider.decide(.recordReview(try answers.review(of: quarter)), DecisionState())
        return answers
    }
}
