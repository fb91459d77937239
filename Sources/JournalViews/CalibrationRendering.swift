import JournalDomain
import Projections

/// How `journal insights --calibration` shows stated confidence against what was completed: text for people,
/// markdown to share, json for scripts.
public enum CalibrationRendering {
    public static func render(_ calibration: Calibration, format: OutputFormat, fit: DisplayWidth? = nil) -> String {
        switch format {
        case .text: return fit.fit(text(calibration))
        case .markdown: return markdown(calibration)
        case .json: return json(calibration).rendered()
        }
    }

    // MARK: - json

    /// The documented fields in the documented order; `today` and `outcomes` follow them. Confidence and the
    /// gap are in points (0-100, as `--confidence` takes them), completion rates are shares (0-1).
    static func json(_ c: Calibration) -> JSONValue {
        .object([
            ("quarters", .array(c.quarters.map { tally in
                .object([
                    ("quarter", .string(tally.quarter.description)),
                    ("goalsSet", .int(tally.goalsSet)),
                    ("goalsCompleted", .int(tally.goalsCompleted)),
                ])
            })),
            ("goalsTotal", .int(c.goalsTotal)),
            ("goalsWithConfidence", .int(c.goalsWithConfidence)),
            ("brierScore", rounded(c.brierScore, places: 4)),
            ("bands", .array(c.bands.map { band in
                .object([
                    ("from", .int(band.range.lowerBound)),
                    ("to", .int(band.range.upperBound)),
                    ("goals", .int(band.goals)),
                    ("meanConfidence", rounded(band.meanConfidence, places: 2)),
                    ("completionRate", rounded(band.completionRate, places: 4)),
                ])
            })),
            ("meanConfidence", rounded(c.meanConfidence, places: 2)),
            ("completionRate", rounded(c.completionRate, places: 4)),
            ("gap", rounded(c.gap, places: 2)),
            ("averageSet", rounded(c.averageSet, places: 2)),
            ("averageCompleted", rounded(c.averageCompleted, places: 2)),
            ("suggestedSprintSize", .optional(c.suggestedSprintSize)),
            ("today", .string(c.today.description)),
            ("outcomes", .array(c.outcomes.map { outcome in
                .object([
                    ("key", .string(outcome.key)),
                    ("quarter", .string(outcome.quarter.description)),
                    ("confidence", .optional(outcome.confidence)),
                    ("completed", .bool(outcome.completed)),
                ])
            })),
        ])
    }

    static func rounded(_ value: Double?, places: Int) -> JSONValue {
        guard let value else { return .null }
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        return .number((value * scale).rounded() / scale)
    }

    // MARK: - sentences text and markdown share

    static let nothingYet = "Nothing to calibrate yet: no goal belongs to a quarter that has ended. "
        + "State how sure you are when you set a goal (journal log goal TITLE --quarter Q --confidence 70); once its quarter "
        + "is over, this compares what you said with what you completed."

    static let noConfidence = "No goal of a past quarter has a stated confidence, so there is no Brier score yet; "
        + "give one when you set a goal: journal log goal TITLE --quarter Q --confidence 70"

    /// "over 4 past quarters (2024-Q3 to 2025-Q2): 9 goals, 7 with a stated confidence".
    static func scope(_ c: Calibration) -> String {
        let first = c.quarters.first.map(\.quarter.description) ?? ""
        let last = c.quarters.last.map(\.quarter.description) ?? ""
        let span = first == last ? first : "\(first) to \(last)"
        return "over \(c.quarters.count) past quarter\(c.quarters.count == 1 ? "" : "s") (\(span)): "
            + "\(TextStyle.plural(c.goalsTotal, "goal")), \(c.goalsWithConfidence) with a stated confidence"
    }

    static func brier(_ score: Double) -> String {
        "Brier score \(decimal(score, places: 2)) (0 is perfect; always saying 50% scores 0.25)"
    }

    /// The percents shown are rounded first, so the gap named is the difference of the two numbers read.
    static func verdict(meanConfidence: Double, completionRate: Double) -> String {
        let said = Int(saturating: meanConfidence), done = Int(saturating: completionRate * 100)
        let opening = "You said \(said)% on average and completed \(done)%: "
        if said > done { return opening + "overconfident by \(TextStyle.plural(said - done, "point"))." }
        if said < done { return opening + "underconfident by \(TextStyle.plural(done - said, "point"))." }
        return opening + "well calibrated."
    }

    static func pace(_ c: Calibration) -> String? {
        guard let set = c.averageSet, let completed = c.averageCompleted, let size = c.suggestedSprintSize else { return nil }
        return "Goals a quarter: \(decimal(set, places: 1)) set, \(decimal(completed, places: 1)) completed. "
            + "Suggested sprint size: \(TextStyle.plural(size, "goal"))."
    }

    static func bandName(_ band: Calibration.Band) -> String { "\(band.range.lowerBound)-\(band.range.upperBound)%" }

    /// Rows of the reliability table for the bands that have goals: band, goals, said, completed.
    static func bandRows(_ c: Calibration) -> [[String]] {
        c.bands.compactMap { band in
            guard let said = band.meanConfidence, let rate = band.completionRate else { return nil }
            return [bandName(band), String(band.goals), "\(Int(saturating: said))%", TextStyle.percent(rate)]
        }
    }

    /// A fixed number of decimals, always shown: 1.0, 0.21.
    static func decimal(_ value: Double, places: Int) -> String {
        var scale = 1
        for _ in 0..<places { scale *= 10 }
        let scaled = Int(saturating: value * Double(scale))
        let whole = String(scaled / scale), fraction = String(scaled % scale)
        return places == 0 ? whole : whole + "." + String(repeating: "0", count: places - fraction.count) + fraction
    }

    // MARK: - text

    static func text(_ c: Calibration) -> String {
        guard !c.isEmpty else { return nothingYet }
        var lines = ["Calibration " + scope(c)]
        if let score = c.brierScore, let mean = c.meanConfidence, let rate = c.completionRate {
            lines.append(brier(score))
            lines.append("")
            lines += TextStyle.table([["stated", "goals", "said", "completed"]] + bandRows(c), rightAligned: [1, 2, 3])
            lines.append(verdict(meanConfidence: mean, completionRate: rate))
        } else {
            lines.append(noConfidence)
        }
        lines.append("")
        let rows = c.quarters.map { [$0.quarter.description, String($0.goalsSet), String($0.goalsCompleted)] }
        lines += TextStyle.table([["quarter", "set", "completed"]] + rows, rightAligned: [1, 2])
        if let pace = pace(c) { lines.append(pace) }
        return lines.joined(separator: "\n")
    }

    // MARK: - markdown

    static func markdown(_ c: Calibration) -> String {
        var lines = ["# Calibration", ""]
        guard !c.isEmpty else { return (lines + [nothingYet]).joined(separator: "\n") }
        let scope = scope(c)
        lines.append(scope.prefix(1).uppercased() + scope.dropFirst() + ".")
        lines.append("")
        if let score = c.brierScore, let mean = c.meanConfidence, let rate = c.completionRate {
            lines.append(brier(score) + ".")
            lines += ["", "| Stated | Goals | Said | Completed |", "|---|---:|---:|---:|"]
            lines += bandRows(c).map { "| " + $0.joined(separator: " | ") + " |" }
            lines += ["", verdict(meanConfidence: mean, completionRate: rate)]
        } else {
            lines.append(noConfidence)
        }
        lines += ["", "| Quarter | Set | Completed |", "|---|---:|---:|"]
        lines += c.quarters.map { "| \($0.quarter) | \($0.goalsSet) | \($0.goalsCompleted) |" }
        if let pace = pace(c) { lines += ["", pace] }
        return lines.joined(separator: "\n")
    }
}
