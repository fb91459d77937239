import ArgumentParser
import JournalApp
import JournalDomain
import JournalStore
import JournalViews
import Projections

/// `journal` alone: the current sprint on one screen. It is the root's default subcommand, hidden, so that
/// `journal --help`, usage errors, the man page and the completion scripts read as they did before it existed.
struct OverviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "overview",
        abstract: "The current sprint on one screen: each goal's status, milestones due soon, this week's effort, the top warning.",
        discussion: """
            What journal with no arguments shows. With no journal yet, it says how to start.
            Examples: journal   journal --format json   journal --db /tmp/sample.sqlite
            """,
        shouldDisplay: false)

    @Option(help: ArgumentHelp("text for people, json for scripts.", valueName: "format"))
    var format: OverviewFormat = .text
    @OptionGroup var color: ColorOptions
    @OptionGroup var journal: JournalOptions

    func run() throws {
        let time = try JournalEnvironment().time()
        let overview: Overview
        do {
            overview = try ReadContext(journal, time: time).reading.overview()
        } catch StoreError.noJournal where format == .text {
            print(OverviewRendering.start(quarter: time.today.quarter))
            return
        }
        let palette = JournalEnvironment().palette(text: format == .text, noColor: color.noColor,
                                                   toTerminal: JournalEnvironment.standardOutputIsTerminal)
        print(OverviewRendering.render(overview, json: format == .json, time: time, palette: palette,
                                       fit: JournalEnvironment().fit(text: format == .text)))
    }
}

/// The overview's formats: a screen for people, or the fields for scripts.
enum OverviewFormat: String, CaseIterable, ExpressibleByArgument {
    case text, json
}

/// `journal goals`: every goal's key, quarter, status, progress and deadline, so no one reads raw events to find a key.
struct GoalsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "goals",
        abstract: "List goals, one a line: key, quarter, status, progress, deadline (default: the current quarter's).",
        discussion: """
            Examples: journal goals   journal goals --quarter 2025-Q3   journal goals --all --format json
            """)

    @Option(help: ArgumentHelp("The quarter to list (default: the current one): 2025-Q2, Q2-2025, \"Q2 2025\" or last-quarter.",
                               valueName: "quarter"))
    var quarter: String?
    @Flag(help: "Every quarter's goals, oldest quarter first.")
    var all = false
    @OptionGroup var output: ReadOptions

    func validate() throws {
        if all, quarter != nil { throw ValidationError("--all and --quarter cannot be used together; give one of them") }
    }

    func run() throws {
        let time = try JournalEnvironment().time()
        let quarter = all ? nil : try self.quarter.map { raw throws(DomainError) in try Validate.quarter(raw, today: time.today) } ?? time.today.quarter
        let list = try ReadContext(output.journal, time: time).reading.goals(quarter)
        let rendered = GoalsRendering.render(list, format: output.format, palette: output.palette)
        print(output.fit.map { $0.fit(rendered) } ?? rendered)
    }
}
