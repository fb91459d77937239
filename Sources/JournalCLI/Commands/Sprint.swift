import ArgumentParser
import JournalDomain
import Projections

struct Sprint: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sprint",
        abstract: "Where this quarter's sprint stands: goals, milestones against the calendar, progress, warnings.",
        discussion: "Examples: journal sprint   journal sprint --quarter 2025-Q2 --format markdown")

    @Option(help: ArgumentHelp("The quarter to show (default: the current one): 2025-Q2, Q2-2025 or \"Q2 2025\".", valueName: "quarter"))
    var quarter: String?
    @OptionGroup var output: ReadOptions

    func run() throws {
        let quarter = try self.quarter.map { raw throws(DomainError) in try Validate.quarter(raw) }
        let context = try ReadContext(output.journal) { time in .quarter(quarter ?? time.today.quarter) }
        let board = SprintBoard(ledger: context.ledger, quarter: quarter ?? context.time.today.quarter, time: context.time)
        print(SprintRendering.render(board, format: output.format))
    }
}
