import ArgumentParser
import JournalViews

extension OutputFormat: ExpressibleByArgument {}

/// The options every reading command shares.
struct ReadOptions: ParsableArguments {
    @Option(help: ArgumentHelp("text for people, markdown to share, json for scripts.", valueName: "format"))
    var format: OutputFormat = .text
    @OptionGroup var color: ColorOptions
    @OptionGroup var journal: JournalOptions

    /// Colour for text on a terminal only.
    var palette: Palette {
        JournalEnvironment().palette(text: format == .text, noColor: color.noColor,
                                     toTerminal: JournalEnvironment.standardOutputIsTerminal)
    }

    /// The terminal text fits, or nil for full text (a pipe, or a format but text).
    var fit: DisplayWidth? {
        JournalEnvironment().fit(text: format == .text, toTerminal: JournalEnvironment.standardOutputIsTerminal)
    }
}

/// Whether text output may be coloured.
struct ColorOptions: ParsableArguments {
    @Flag(name: .customLong("no-color"),
          help: "No colour, even on a terminal (text is coloured only on a terminal, and never when NO_COLOR is set).")
    var noColor = false
}
