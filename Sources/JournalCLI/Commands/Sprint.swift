import ArgumentParser
import JournalApp
import JournalDomain
import JournalViews
import Projections

struct Sprint: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sprint",
        abstract: "Where this quarter's sprint stands: goals, milestones against the calendar, progress, warnings.",
        discussion: """
            --format html writes one self-contained page with the board and its charts up to today: milestones planned \
            vs done, each numeric goal's road vs its progress, effort linked vs unlinked a week, and the drift so far.
            Examples: journal sprint   journal sprint --quarter 2025-Q2 --format markdown   journal sprint --format html --output sprint.html
            """)

    @Option(help: ArgumentHelp("The quarter to show (default: the current one): 2025-Q2, Q2-2025, \"Q2 2025\" or last-quarter.", valueName: "quarter"))
    var quarter: String?
    @OptionGroup var output: PageReadOptions

    func run() throws {
        let time = try JournalEnvironment().time()
        let quarter = try self.quarter.map { raw throws(DomainError) in try Validate.quarter(raw, today: time.today) } ?? time.today.quarter
        let reading = try ReadContext(output.journal, time: time).reading
        let sprint = try reading.sprint(quarter)
        let later = output.format == .text ? try reading.laterQuarterWithGoals(after: sprint.board) : nil
        try output.emit(SprintRendering.render(sprint.board, charts: sprint.charts, drift: sprint.drift,
                                               format: output.format, palette: output.palette, later: later, fit: output.fit))
    }
}
