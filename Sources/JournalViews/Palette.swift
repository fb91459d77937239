/// ANSI colours for text shown on a terminal. `plain` leaves text as it is: pipes, files, NO_COLOR, --no-color
/// and every format but text get that one.
public struct Palette: Sendable {
    public let enabled: Bool

    public static let plain = Palette(enabled: false)
    public static let terminal = Palette(enabled: true)

    /// Late, and what needs doing.
    func red(_ text: String) -> String { paint(text, "31") }
    /// On track, done, completed.
    func green(_ text: String) -> String { paint(text, "32") }
    /// Behind, and effort that served no goal.
    func yellow(_ text: String) -> String { paint(text, "33") }
    /// Secondary facts: dates done, metrics, dropped goals.
    func dim(_ text: String) -> String { paint(text, "2") }
    /// Headings.
    func bold(_ text: String) -> String { paint(text, "1") }

    private func paint(_ text: String, _ code: String) -> String {
        guard enabled, !text.isEmpty else { return text }
        return "\u{1B}[" + code + "m" + text + "\u{1B}[0m"
    }

    /// The text without its colour codes: what a terminal shows, for aligning columns.
    static func visible(_ text: String) -> String {
        guard text.utf8.contains(0x1B) else { return text }
        var out = ""
        var inCode = false
        for scalar in text.unicodeScalars {
            if inCode {
                // A colour code is ESC [ digits and semicolons, ended by a letter.
                if (0x40...0x7E).contains(scalar.value), scalar != "[" { inCode = false }
            } else if scalar == "\u{1B}" {
                inCode = true
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
