import ArgumentParser
import JournalApp
import JournalDomain
import JournalViews
import Projections

struct History: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "The audit of one goal: every event that touched it, retracted ones marked, and how it stood on a day.",
        discussion: """
            Lists, in log order, the goal's own events (set, milestones planned and done, progress, revisions, \
            completion, drop), the activities linked to it and the retractions of either: position, when it \
            occurred (and when it was recorded, if that differs), type and what happened. Revisions show each \
            changed field from -> to and the reason; retracted events show the retraction's reason.
            --as-of DATE adds the goal as it stood at the end of that day (as known now).
            Example: journal history aws --as-of 2025-05-01
            """)

    @Argument(help: ArgumentHelp("The goal's key (journal events --type goal-set lists them).", valueName: "goal"),
              completion: CompletionCandidates.kind(.anyGoal))
    var goal: String
    @Option(name: .customLong("as-of"), help: ArgumentHelp(
        "Also show the goal as it stood at the end of this day: 2025-05-01, yesterday or '3 days ago'.", valueName: "date"))
    var asOf: String?
    @OptionGroup var read: ReadOptions

    func run() throws {
        let key = try Validate.key(goal, what: "GOAL")
        let context = try ReadContext(read.journal)
        let day = try asOf.map { raw throws(DomainError) in try DateInput.day(raw, option: "--as-of", time: context.time, week: .last) }
        let resolved = try context.reading.goalKey(key)
        noteFormerKeys(resolved.formerKey.map { [$0] } ?? [])
        guard let history = try context.reading.history(resolved.identity, asOf: day) else {
            throw DomainError.goalNeverSet(key: key)
        }
        print(HistoryRendering(history: history, time: context.time).render(read.format, fit: read.fit))
    }
}
