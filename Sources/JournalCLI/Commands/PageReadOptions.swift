import ArgumentParser
import Foundation
import JournalViews

extension PageFormat: ExpressibleByArgument {}

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

    /// The terminal text fits, or nil for full text (`--output`, a pipe, or a format but text).
    var fit: DisplayWidth? {
        JournalEnvironment().fit(text: format == .text, toTerminal: output == nil && JournalEnvironment.standardOutputIsTerminal)
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
