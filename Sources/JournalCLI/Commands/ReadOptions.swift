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
    @OptionGroup var journal: JournalOptions
}
