import ArgumentParser
import Foundation
import JournalDomain
import JournalStore
import JournalViews
import Projections

struct Demo: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Write a sample journal (the article's Q2 2025 sprint) and show its sprint board and report.",
        discussion: """
            The sample goes to a new temporary file unless --db names a new file; it never touches your journal.
            Example: journal demo   journal demo --db /tmp/sample.sqlite --format markdown
            """)

    @Option(help: ArgumentHelp("Write the sample here (a new file) instead of a temporary one.", valueName: "path"), completion: .file())
    var db: String?
    @Option(help: ArgumentHelp("text for people, markdown to share, json for scripts.", valueName: "format"))
    var format: OutputFormat = .text

    func run() throws {
        let zone = runTimeZone
        let path = try db ?? DemoJournal.temporaryPath()
        let written = try DemoJournal.write(to: path, zone: zone)
        let boardTime = try DemoJournal.time(DemoStory.boardDay, zone)
        let board = SprintBoard(ledger: written.ledger, quarter: DemoStory.quarter, time: boardTime)
        let boardCharts = QuarterCharts.sprint(ledger: written.ledger, quarter: DemoStory.quarter, time: boardTime)
        let reportTime = try DemoJournal.time(DemoStory.reportDay, zone)
        let report = QuarterReport(ledger: written.ledger, quarter: DemoStory.quarter, time: reportTime)
        let reportCharts = QuarterCharts.report(ledger: written.ledger, quarter: DemoStory.quarter, time: reportTime)
        print(DemoRendering.render(path: path, events: written.events, sprint: (board, boardCharts), report: (report, reportCharts),
                                   format: format, reportDay: reportTime.today))
    }
}

/// Writes the demo story through the same recorder `journal log` uses, each step at its own "now".
enum DemoJournal {
    static func temporaryPath() throws(CLIError) -> String {
        var base = runTemporaryDirectory
        while base.count > 1, base.hasSuffix("/") { base.removeLast() }
        // mkdtemp replaces the trailing six X's with a unique suffix.
        var template = Array((base + "/journal-demo-" + String(repeating: "X", count: 6)).utf8CString)
        guard let folder = template.withUnsafeMutableBufferPointer({ buffer in
            buffer.baseAddress.flatMap { mkdtemp($0) }.map { String(cString: $0) }
        }) else {
            throw CLIError(.io, "cannot create a temporary folder for the demo; pass --db PATH with a new file")
        }
        return folder + "/journal.sqlite"
    }

    static func time(_ text: String, _ zone: TimeZone) throws(CLIError) -> TimeContext {
        guard let now = TimeContext.parseNow(text, zone: zone) else { throw CLIError(.software, "bad demo time \(text)") }
        return TimeContext(now: now, zone: zone)
    }

    static func write(to path: String, zone: TimeZone) throws -> (events: Int64, ledger: Ledger) {
        let store = try SQLiteEventStore(path: path, mode: .createIfMissing)
        guard try store.count() == 0 else {
            throw CLIError(.data, "\(path) already holds events; the demo writes only to a new file: pass another --db path")
        }
        for step in DemoStory.steps {
            let time = try time(step.at, zone)
            let occurred = try step.on.map { raw throws(DomainError) in try DateInput.moment(raw, option: "--on", time: time) }
            _ = try Recorder(store: store, time: time).record(step.command, occurredAt: occurred, commandName: "demo")
        }
        return (try store.count(), try store.ledger())
    }
}
