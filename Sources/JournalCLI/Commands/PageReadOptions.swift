import ArgumentParser
import Foundation

/// How `report` and `sprint` print: the reading formats, or one self-contained HTML page with charts.
enum PageFormat: String, ExpressibleByArgument, CaseIterable {
    /// For people: aligned columns, short bars and sparklines.
    case text
    /// A document to share.
    case markdown
    /// For scripts: the documented fields, stable.
    case json
    /// One HTML file with its styles and charts inside: nothing is fetched from the network.
    case html
}

/// The options of the two reading commands that can also write an HTML page: `report` and `sprint`.
struct PageReadOptions: ParsableArguments {
    @Option(help: ArgumentHelp("text for people, markdown to share, json for scripts, html for a page with charts.",
                               valueName: "format"))
    var format: PageFormat = .text
    @Option(help: ArgumentHelp("Write to this file (replacing it) instead of standard output.", valueName: "file"))
    var output: String?
    @OptionGroup var color: ColorOptions
    @OptionGroup var journal: JournalOptions

    /// Colour for text going to a terminal only.
    var palette: Palette {
        JournalEnvironment().palette(text: format == .text, noColor: color.noColor,
                                     toTerminal: output == nil && JournalEnvironment.standardOutputIsTerminal)
    }

    /// Prints `text` to standard output, or writes it to `--output` once it is complete (a failed read leaves
    /// no file behind).
    func emit(_ text: String) throws {
        guard let output else {
            print(text)
            return
        }
        let sink = try OutputSink(path: output, journal: try JournalEnvironment().databasePath(option: journal.db))
        try sink.write(text)
        try sink.close()
    }
}
