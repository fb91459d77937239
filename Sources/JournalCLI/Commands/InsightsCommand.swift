import ArgumentParser
import JournalApp
import JournalDomain
import JournalViews
import Projections

/// `journal insights`: busyness against progress over a quarter or a span of days; with `--calibration`,
/// stated confidence against what was completed over every past quarter.
struct InsightsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "insights",
        abstract: "Busyness vs progress: effort linked to goals or to none, and what each goal's minutes bought.",
        discussion: """
            For the period (default: the current quarter, counted up to today while it runs): minutes linked to a \
            goal vs to none, per goal the minutes, milestones done, minutes per milestone, weeks "busy but stuck" \
            (effort with no milestone done; 3 or more is a finding) and the share of milestones crammed into its \
            last two weeks, then the warnings.
            With --calibration instead: over every quarter that has ended, the confidence you stated when setting \
            goals (--confidence) against what you completed within the quarter, and a suggested sprint size.
            Examples: journal insights   journal insights --quarter 2025-Q2 --format markdown   \
            journal insights --since 2025-04-01 --until 2025-04-30 --format json   journal insights --week last-week   \
            journal insights --calibration   journal insights --by tag --format json
            """)

    @Option(help: ArgumentHelp("The quarter to look at, e.g. 2025-Q2 or last-quarter (default: the current one).", valueName: "quarter"))
    var quarter: String?
    @Option(help: ArgumentHelp("Look at the days from this date instead of a quarter (with or without --until); a week means its Monday.", valueName: "date"))
    var since: String?
    @Option(help: ArgumentHelp("The last day to look at, with --since (default: today); a week means its Sunday, a weekday the next one; days after today are not counted yet.", valueName: "date"))
    var until: String?
    @Option(help: ArgumentHelp("Look at one week, Monday to Sunday: 2025-W07, this-week, last-week or a day in it.", valueName: "week"))
    var week: String?
    @Flag(help: ArgumentHelp("""
        Show forecast calibration instead: over every past quarter, the confidence stated when goals were set \
        against what was completed, the Brier score and a suggested sprint size.
        """))
    var calibration = false
    enum Grouping: String, ExpressibleByArgument, CaseIterable { case goal, tag }
    @Option(help: ArgumentHelp("goal (the default report) or tag: minutes per tag, linked to a goal and to none, untagged effort as its own row.", valueName: "grouping"))
    var by: Grouping = .goal
    @OptionGroup var options: ReadOptions

    func run() throws {
        if calibration, quarter != nil || since != nil || until != nil || week != nil {
            throw CLIError(.usage, "--calibration looks at every past quarter and takes no --quarter, --since, --until or --week; drop them")
        }
        let time = try JournalEnvironment().time()
        if calibration, by == .tag {
            throw CLIError(.usage, "--calibration and --by tag are two different reports; give one of them")
        }
        if calibration {
            let calibration = try ReadContext(options.journal, time: time).reading.calibration()
            print(CalibrationRendering.render(calibration, format: options.format, fit: options.fit))
            return
        }
        let period = try self.period(time: time)
        let insights = try ReadContext(options.journal, time: time).reading.insights(period)
        if by == .tag {
            let report = InsightsReport.renderByTag(insights, format: options.format, time: time, palette: options.palette)
            print(options.fit.map { $0.fit(report) } ?? report)
            return
        }
        print(InsightsReport.render(insights, format: options.format, time: time,
                                    palette: options.palette, fit: options.fit))
    }

    /// The period the options name; usage errors for combinations that make no sense.
    func period(time: TimeContext) throws -> Insights.Period {
        if [quarter != nil, since != nil || until != nil, week != nil].filter({ $0 }).count > 1 {
            throw CLIError(.usage, "give one of --quarter, --week or --since/--until, not several")
        }
        if let week {
            let days = try DateInput.week(week, option: "--week", time: time).days
            return .dates(from: days.lowerBound, to: days.upperBound)
        }
        if let quarter {
            return .quarter(try Validate.quarter(quarter, today: time.today))
        }
        guard let since else {
            if until != nil { throw CLIError(.usage, "--until needs --since; give the first day too, e.g. --since 2025-04-01") }
            return .quarter(time.today.quarter)
        }
        let from = try DateInput.day(since, option: "--since", time: time)
        let to = try until.map { raw throws(DomainError) in try DateInput.end(raw, option: "--until", time: time) } ?? time.today
        guard from <= to else {
            throw CLIError(.usage, "--since \(from) is after \(until == nil ? "today" : "--until") (\(to)); give a first day on or before the last")
        }
        return .dates(from: from, to: to)
    }
}
