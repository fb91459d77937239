import ArgumentParser
import JournalDomain
import Projections

struct Sprint: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sprint",
        abstract: "Where this quarter's sprint stands: goals, milestones against the calendar, progress, warnings.",
        discussion: "Examples: journal sprint   journal sprint --quarter 2025-Q2 --format markdown")

    @Option(help: ArgumentHelp("The quarter to show (default: the current one): 2025-Q2, Q2-2025, \"Q2 2025\" or last-quarter.", valueName: "quarter"))
    var quarter: String?
    @OptionGroup var output: ReadOptions

    func run() throws {
        let time = try JournalEnvironment().time()
        let quarter = try self.quarter.map { raw throws(DomainError) in try Validate.quarter(raw, today: time.today) } ?? time.today.quarter
        let context = try ReadContext(output.journal, time: time, scope: .quarter(quarter))
        let board = SprintBoard(ledger: context.ledger, quarter: quarter, time: time)
        print(SprintRendering.render(board, format: output.format))
    }
}
