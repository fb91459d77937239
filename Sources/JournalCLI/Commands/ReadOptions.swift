import ArgumentParser

/// How a reading command prints what it found.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    /// For people: aligned columns, short bars, dates as people write them.
    case text
    /// A document to share.
    case markdown
    /// For scripts: the documented fields, stable.
    case json
}

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
}

/// Whether text output may be coloured.
struct ColorOptions: ParsableArguments {
    @Flag(name: .customLong("no-color"),
          help: "No colour, even on a terminal (text is coloured only on a terminal, and never when NO_COLOR is set).")
    var noColor = false
}
