import JournalApp
import JournalDomain
import JournalViews
import Projections

/// The guided review: a short summary of the quarter, then the article's five questions one at a time,
/// the first two prefilled from the log, and the blockers offered to pick from.
struct ReviewInterview {
    let report: QuarterReport
    let prompter: Prompter

    /// The quarter to review by default: the current one during its last two weeks, else the one that just ended.
    static func defaultQuarter(today: LocalDate) -> Quarter {
        let current = today.quarter
        return today >= current.lastDay.adding(days: -13) ? current : current.previous
    }

    /// What the plan said at the end of week 1 (or, with no plan by then, the goals the quarter ended with).
    static func plannedPrefill(_ report: QuarterReport) -> String? {
        let items = report.planned.isEmpty
            ? report.goals.map { $0.title + ($0.metric.map { " (\($0))" } ?? "") }
            : report.planned.map { $0.title + ($0.metric.map { " (\($0))" } ?? "") }
        return items.isEmpty ? nil : items.joined(separator: "; ")
    }

    /// What the log shows was accomplished: completed goals with their outcome, milestones done, numeric progress.
    static func accomplishedPrefill(_ report: QuarterReport) -> String? {
        var items: [String] = []
        for a in report.accomplishments where a.kind == .goal {
            items.append("Goal completed: \(a.title)" + (a.outcome.map { " (\($0))" } ?? ""))
        }
        let milestones = report.accomplishments.filter { $0.kind == .milestone }
        if !milestones.isEmpty {
            items.append("\(TextStyle.plural(milestones.count, "milestone")) done: " + milestones.map(\.title).joined(separator: ", "))
        }
        for goal in report.goals where goal.status != .completed {
            if let target = goal.target {
                items.append("\(goal.key) reached \(NumberText.format(goal.current ?? 0)) of \(NumberText.format(target))" + (goal.unit.map { " " + $0 } ?? ""))
            }
        }
        return items.isEmpty ? nil : items.joined(separator: "; ")
    }

    /// The goals already set for the next quarter, as a starting answer to the fifth question.
    static func nextPrefill(_ ledger: Ledger, after quarter: Quarter) -> String? {
        let titles = ledger.goals(in: quarter.next).filter { $0.status != .dropped }.map(\.title)
        return titles.isEmpty ? nil : titles.joined(separator: "; ")
    }

    static func summary(_ report: QuarterReport, existing: Fact<ReviewRecorded>?, time: TimeContext) -> [String] {
        let q = report.quarter
        var lines = ["Review of \(q) (\(TextStyle.date(q.firstDay, reference: q.lastDay)) to \(TextStyle.date(q.lastDay)))", "", "Planned by the end of week 1"]
        lines += ReportRendering.plannedLines(report)
        lines += ["How it ended"]
        lines += ReportRendering.endedLines(report)
        lines.append(ReportRendering.effortLine(report))
        let goals = report.accomplishments.filter { $0.kind == .goal }.count
        lines.append("Accomplishments: \(TextStyle.plural(goals, "goal")) completed, \(TextStyle.plural(report.accomplishments.count - goals, "milestone")) done")
        if let existing {
            lines.append("\(q) already has a review, recorded \(TextStyle.date(time.localDate(of: existing.recordedAt))); a new one takes its place in reports.")
        }
        return lines
    }

    /// Asks every question `given` leaves open; returns the complete answers. `back` at a prompt returns to the
    /// previous question asked (its answer offered again in brackets).
    func run(_ given: ReviewAnswers, nextPrefill: String?) throws -> ReviewAnswers {
        var answers = given
        prompter.say()
        prompter.say("The article's five questions. Enter keeps the answer in brackets; back returns to the previous question; Ctrl-C stops without recording.")
        let prefills = ["planned": Self.plannedPrefill(report), "accomplished": Self.accomplishedPrefill(report), "next": nextPrefill]
        // The steps still open: each question, and the blockers after the third; flags answered the others.
        var steps: [String] = []
        for question in ReviewAnswers.questions {
            if given[question.key] == nil { steps.append(question.key) }
            if question.key == "obstacles", given.blockers == nil { steps.append("blockers") }
        }
        var step = 0
        while step < steps.count {
            let key = steps[step]
            let typed: String?
            if key == "blockers" {
                let picked = try askBlockers(offering: answers.blockers)
                if picked == nil, step > 0 { step -= 1; continue }
                answers.blockers = picked ?? []
                step += 1
                continue
            }
            let index = ReviewAnswers.questions.firstIndex { $0.key == key } ?? 0
            prompter.say()
            typed = try prompter.ask("\(index + 1)/5 \(ReviewAnswers.questions[index].text)", prefill: answers[key] ?? prefills[key] ?? nil)
            if typed?.lowercased() == Prompter.back {
                if step > 0 { step -= 1 } else { prompter.say("  This is the first question.") }
                continue
            }
            answers[key] = typed
            step += 1
        }
        return answers
    }

    /// The answers in one list, shown before the user is asked to record them.
    static func recap(_ answers: ReviewAnswers) -> [String] {
        var lines = ["Your answers"]
        for question in ReviewAnswers.questions {
            lines.append("  \(question.key.prefix(1).uppercased() + question.key.dropFirst()): " + (answers[question.key] ?? ""))
        }
        let blockers = answers.blockers ?? []
        lines.append("  Blockers: " + (blockers.isEmpty ? "none" : blockers.map(\.rawValue).joined(separator: ", ")))
        return lines
    }

    /// The blockers picked; nil when the user typed `back`.
    func askBlockers(offering earlier: [Blocker]? = nil) throws -> [Blocker]? {
        let menu = Blocker.allCases.enumerated().map { "\($0.offset + 1) \($0.element.rawValue)" }.joined(separator: "  ")
        prompter.say("    Which of these got in the way? \(menu)")
        prompter.say("    Numbers or names, separated by spaces or commas; Enter for none.")
        if let earlier, !earlier.isEmpty { prompter.say("    [\(earlier.map(\.rawValue).joined(separator: ", "))]") }
        while true {
            let typed = try prompter.line("> ")
            if typed.lowercased() == Prompter.back { return nil }
            if typed.isEmpty, let earlier { return earlier }
            do {
                return try Self.blockers(typed)
            } catch {
                prompter.say("    " + CLIError.from(error).message)
            }
        }
    }

    /// "1 3", "overcommitting, other": the blockers picked, each once, in the order typed.
    static func blockers(_ typed: String) throws(DomainError) -> [Blocker] {
        var picked: [Blocker] = []
        for word in typed.split(whereSeparator: { $0 == "," || $0 == " " }) {
            let blocker: Blocker
            if let number = Int(word), (1...Blocker.allCases.count).contains(number) {
                blocker = Blocker.allCases[number - 1]
            } else {
                blocker = try Validate.blocker(String(word), option: "blocker")
            }
            if !picked.contains(blocker) { picked.append(blocker) }
        }
        return picked
    }
}
