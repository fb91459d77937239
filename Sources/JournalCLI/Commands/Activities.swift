import ArgumentParser
import JournalApp
import JournalDomain
import JournalViews

/// `journal activities`: the activities logged, readably, with a total.
struct Activities: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "activities",
        abstract: "List activities readably: date, minutes, goal, text and tags, oldest first, with a total.",
        discussion: """
            Retracted activities are left out. Without --since, the current quarter's days up to today.
            Examples: journal activities   journal activities --since last-week --tag networking   \
            journal activities --goal aws --grep exam --format json
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Option(help: ArgumentHelp("The first day (default: the first day of the current quarter); a week means its Monday.", valueName: "date"))
    var since: String?
    @Option(help: ArgumentHelp("The last day (default: today); a week means its Sunday.", valueName: "date"))
    var until: String?
    @Option(help: ArgumentHelp("Only activities linked to this goal (any of its milestones too).", valueName: "key"),
            completion: CompletionCandidates.kind(.anyGoal))
    var goal: String?
    @Option(help: ArgumentHelp("Only activities carrying this tag (normalised as imports do: \"UX Research\" is ux-research).", valueName: "tag"))
    var tag: String?
    @Option(help: ArgumentHelp("Only activities whose text contains these words (case-insensitive).", valueName: "text"))
    var grep: String?
    @Option(help: ArgumentHelp("text for people, json for scripts.", valueName: "format"))
    var format: Format = .text
    @OptionGroup var journal: JournalOptions

    func run() throws {
        let time = try JournalEnvironment().time()
        let from = try since.map { raw throws(DomainError) in try DateInput.day(raw, option: "--since", time: time) } ?? time.today.quarter.firstDay
        let to = try until.map { raw throws(DomainError) in try DateInput.end(raw, option: "--until", time: time) } ?? time.today
        guard from <= to else {
            throw CLIError(.usage, "--since \(from) is after \(until == nil ? "today" : "--until") (\(to)); give a first day on or before the last")
        }
        let goal = try self.goal.map { raw throws(DomainError) in try Validate.key(raw, what: "--goal") }
        let tag = try self.tag.map { raw throws(DomainError) in try Validate.tags(TagInput.normalised([raw])).first ?? raw }
        let reading = try ReadContext(journal, time: time).reading
        let resolved = try goal.map { try reading.goalKey($0) }
        noteFormerKeys(resolved?.formerKey.map { [$0] } ?? [])
        let list = try reading.activities(from: from, to: to, goal: resolved?.identity, tag: tag, grep: grep)
        guard format == .text else { return print(ActivityListRendering.json(list)) }
        let text = ActivityListRendering.text(list)
        print(JournalEnvironment().fit(text: true).map { $0.fit(text) } ?? text)
    }
}
