import ArgumentParser
import JournalApp
import JournalDomain
import JournalViews
import Projections

struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "A quarter looked back on: the plan, how it ended, the drift, effort week by week, the review.",
        discussion: """
            By default the report shows everything that occurred in the quarter, as known now. With --as-known-at
            it leaves out every event recorded after that day: the report as you could have read it then.
            --format html writes one self-contained page (styles and charts inside, nothing fetched): milestones planned \
            vs done, each numeric goal's road vs its progress, effort linked vs unlinked a week, and the drift table.
            Examples: journal report 2025-Q2   journal report 2025-Q2 --as-known-at 2025-06-01 --format json
            journal report 2025-Q2 --format html --output q2.html
            """)

    @Argument(help: ArgumentHelp("The quarter: 2025-Q2, Q2-2025, \"Q2 2025\", this-quarter or last-quarter.", valueName: "quarter"))
    var quarter: String
    @Option(name: .customLong("as-known-at"),
            help: ArgumentHelp("Leave out what was recorded after this day (a week means its Sunday).", valueName: "date"))
    var asKnownAt: String?
    @OptionGroup var output: PageReadOptions

    func run() throws {
        let time = try JournalEnvironment().time()
        let quarter = try Validate.quarter(self.quarter, today: time.today)
        let context = try ReadContext(output.journal, time: time)
        let knownAt = try asKnownAt.map { raw throws(DomainError) in try DateInput.day(raw, option: "--as-known-at", time: time, week: .last) }
        let read = try context.reading.report(quarter, asKnownAt: knownAt)
        try output.emit(ReportRendering.render(read.report, charts: read.charts, format: output.format, today: context.time.today,
                                               palette: output.palette, fit: output.fit))
    }
}
