import ArgumentParser
import JournalApp
import JournalDomain
import JournalViews
import Projections

struct Resume: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resume",
        abstract: "Accomplishments for a resume: completed goals with their outcome and completed milestones, by quarter.",
        discussion: """
            Newest first, grouped by the goal's quarter; retracted events are left out. --since keeps what was \
            completed on or after a day (your time zone).
            Example: journal resume --since 2025-01-01 --format markdown
            """)

    @Option(help: ArgumentHelp(
        "Only what was completed on or after this date: 2025-01-01, yesterday or '30 days ago'.", valueName: "date"))
    var since: String?
    @OptionGroup var read: ReadOptions

    func run() throws {
        let context = try ReadContext(read.journal)
        let since = try self.since.map { raw throws(DomainError) in try DateInput.day(raw, option: "--since", time: context.time) }
        let accomplishments = try context.reading.accomplishments(since: since)
        print(ResumeRendering(accomplishments: accomplishments, today: context.time.today).render(read.format))
    }
}
