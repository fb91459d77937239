import JournalDomain
import Projections

/// What `journal demo` prints: where the sample went, then the sprint board and the quarter report.
public enum DemoRendering {
    /// - Parameter boardNow: the JOURNAL_NOW under which `journal sprint` prints the board shown.
    public static func render(path: String, events: Int64, sprint: (board: SprintBoard, charts: QuarterCharts),
                       report: (report: QuarterReport, charts: QuarterCharts), format: OutputFormat, reportDay: LocalDate,
                       boardNow: String, fit: DisplayWidth? = nil) -> String {
        let journal = "journal --db \(path)"
        let (board, report, charts) = (sprint.board, report.report, report.charts)
        switch format {
        case .json:
            return JSONValue.object([
                ("journal", .string(path)), ("events", .int(Int(events))),
                ("sprint", SprintRendering.json(board)), ("report", ReportRendering.json(report)),
            ]).rendered()
        case .text:
            return fit.fit("""
                Sample journal written to \(path) (\(events) events). Explore it with: \(journal) events

                The sprint board as it stood on \(TextStyle.date(board.today)) (\(journal) sprint, with JOURNAL_NOW=\(boardNow)):

                \(SprintRendering.text(board, charts: sprint.charts, fit: fit))

                The quarter's report after the review (\(journal) report \(report.quarter)):

                \(ReportRendering.text(report, charts: charts, today: reportDay, fit: fit))
                """)
        case .markdown:
            return """
                Sample journal written to `\(path)` (\(events) events).

                \(SprintRendering.markdown(board))

                \(ReportRendering.markdown(report))
                """
        }
    }
}
