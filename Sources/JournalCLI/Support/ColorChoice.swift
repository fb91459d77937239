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
