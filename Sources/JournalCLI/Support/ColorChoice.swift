import Foundation
import JournalViews

extension JournalEnvironment {
    /// Colour is for a person at a terminal: text output going to one, unless NO_COLOR is set to anything but
    /// the empty string (no-color.org), --no-color is given, or the terminal says it is dumb.
    func palette(text: Bool, noColor: Bool, toTerminal: Bool) -> Palette {
        guard text, toTerminal, !noColor else { return .plain }
        if let value = variables["NO_COLOR"], !value.isEmpty { return .plain }
        if variables["TERM"] == "dumb" { return .plain }
        return .terminal
    }

    /// Whether standard output is a terminal: asked once, here at the edge.
    static var standardOutputIsTerminal: Bool { JournalCLI.standardOutputIsTerminal }
}

extension JournalEnvironment {
    /// Text for a person at a terminal fits its width: TIOCGWINSZ, else COLUMNS, else 80. Pipes, files and every
    /// format but text get nil: the full text.
    func fit(text: Bool, toTerminal: Bool) -> DisplayWidth? {
        guard text, toTerminal else { return nil }
        let columns = JournalCLI.standardOutputColumns
            ?? variables["COLUMNS"].flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }.flatMap { $0 > 0 ? $0 : nil }
            ?? 80
        return DisplayWidth(columns: columns, scalarWidth: terminalCellWidth)
    }

    /// `fit` for output that goes to standard output (commands without `--output`).
    func fit(text: Bool) -> DisplayWidth? { fit(text: text, toTerminal: Self.standardOutputIsTerminal) }
}
