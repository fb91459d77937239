import ArgumentParser
import JournalApp
import JournalDomain
import JournalViews
import Projections

struct Resume: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resume",
        abstract: "Resume lines to paste: completed goals and milestones in the past tense, by the direction they served.",
        discussion: """
            Results toward your most recent direction (the target role) come first, then other directions, then \
            the rest; a goal before its milestones, newest first. Titles are put in the past tense ("Take the exam": \
            "Took the exam"), small counts written as words, and a completed rate goal says the total it came to; \
            a title that starts with no verb the journal knows keeps your words. Retracted events are left out. \
            --since keeps what was completed on or after a day (your time zone).
            Example: journal resume --since 2025-01-01 --format markdown
            """)

    @Option(help: ArgumentHelp(
        "Only what was completed on or after this date: 2025-01-01, yesterday or '30 days ago'.", valueName: "date"))
    var since: String?
    @Flag(help: "Show the journal's references: goal keys, GOAL/N and direction keys.")
    var refs = false
    @OptionGroup var read: ReadOptions

    func run() throws {
        let context = try ReadContext(read.journal)
        let since = try self.since.map { raw throws(DomainError) in try DateInput.day(raw, option: "--since", time: context.time) }
        let accomplishments = try context.reading.accomplishments(since: since)
        print(ResumeRendering(accomplishments: accomplishments, today: context.time.today, refs: refs)
            .render(read.format, fit: read.fit))
    }
}
