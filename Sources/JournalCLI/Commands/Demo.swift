import ArgumentParser
import Foundation
import JournalApp
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
        let boardTime = try DemoStory.time(DemoStory.boardDay, zone)
        let board = SprintBoard(ledger: written.ledger, quarter: DemoStory.quarter, time: boardTime)
        let boardCharts = QuarterCharts.sprint(ledger: written.ledger, quarter: DemoStory.quarter, time: boardTime)
        let reportTime = try DemoStory.time(DemoStory.reportDay, zone)
        let report = QuarterReport(ledger: written.ledger, quarter: DemoStory.quarter, time: reportTime)
        let reportCharts = QuarterCharts.report(ledger: written.ledger, quarter: DemoStory.quarter, time: reportTime)
        print(DemoRendering.render(path: path, events: written.events, sprint: (board, boardCharts), report: (report, reportCharts),
                                   format: format, reportDay: reportTime.today, boardNow: DemoStory.boardDay,
                                   fit: JournalEnvironment().fit(text: format == .text)))
    }
}

/// Where the demo story is written: a new temporary journal unless --db names one.
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

    static func write(to path: String, zone: TimeZone) throws -> (events: Int64, ledger: Ledger) {
        try DemoStory.write(into: try SQLiteEventStore(path: path, mode: .createIfMissing), path: path, zone: zone)
    }
}
