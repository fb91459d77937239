import ArgumentParser
import JournalApp
import JournalDomain
import JournalViews
import Projections

extension ShareFormat: ExpressibleByArgument {}

struct Share: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "share",
        abstract: "The sprint as a document for your accountability partner: goals, progress, milestones this week.",
        discussion: """
            Paste it into a document you share, and update it every week: telling someone makes a goal hard to \
            abandon quietly. Name your partner with journal log partner NAME.
            Examples: journal share   journal share 2025-Q2 --format text
            """)

    @Argument(help: ArgumentHelp(
        "The quarter to share (default: the current one): 2025-Q2, Q2-2025, \"Q2 2025\" or last-quarter.", valueName: "quarter"))
    var quarter: String?
    @Option(help: ArgumentHelp("markdown for a shared document, text for a message, json for scripts.", valueName: "format"))
    var format: ShareFormat = .markdown
    @OptionGroup var journal: JournalOptions

    func run() throws {
        let time = try JournalEnvironment().time()
        let quarter = try self.quarter.map { raw throws(DomainError) in try Validate.quarter(raw, today: time.today) } ?? time.today.quarter
        let document = try ReadContext(journal, time: time).reading.share(quarter)
        print(ShareRendering(document: document).render(format, fit: JournalEnvironment().fit(text: format == .text)))
    }
}
