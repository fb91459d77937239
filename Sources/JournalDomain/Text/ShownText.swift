/// Text a user typed (or a log holds, whatever wrote it), as text output shows it: on a terminal, in a pipe, in a
/// file someone will `cat`. Control characters could move the cursor, retitle or clear the terminal and forge
/// colours; bidi controls reorder what is shown around them; zero-width characters hide. Each is shown escaped
/// instead (`\x1b`, `\u{202e}`), so what the log holds is visible and the output stays the journal's own.
/// JSON and HTML have their own escaping and do not go through here.
public enum ShownText {
    /// A one-line field (a title, a key, a name, a metric): line breaks and tabs are escaped too, so the field
    /// cannot break the line or the columns it sits in.
    public static func line(_ text: String) -> String {
        guard needsEscaping(text) else { return text }
        var out = ""
        for scalar in text.unicodeScalars { append(scalar, to: &out, keepingTab: false) }
        return out
    }

    /// Free text that may run over several lines (a reason, a note, an answer): each line escaped as `line` does
    /// (tabs kept), and every line after the first starting with `indent`, so no line of it can pass for another
    /// entry of the output. A CR LF is one line break; a CR alone is escaped.
    public static func lines(_ text: String, indent: String) -> String {
        guard needsEscaping(text) else { return text }
        var out = ""
        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "\n" || (scalar == "\r" && index + 1 < scalars.count && scalars[index + 1] == "\n") {
                if scalar == "\r" { index += 1 }
                out += "\n" + indent
            } else {
                append(scalar, to: &out, keepingTab: true)
            }
            index += 1
        }
        return out
    }

    /// Printable ASCII, the usual case, is left as it is without looking at each scalar.
    static func needsEscaping(_ text: String) -> Bool {
        !text.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F } && text.unicodeScalars.contains(where: isHidden)
    }

    /// C0, DEL, C1; the bidi embeddings, overrides, isolates and marks; zero-width and invisible format characters;
    /// the Unicode line and paragraph separators; the invisible tag characters.
    public static func isHidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: return true
        case 0x061C, 0x180E, 0x200B...0x200F, 0x2028...0x202E, 0x2060...0x2064, 0x2066...0x206F, 0xFEFF: return true
        case 0xFFF9...0xFFFB, 0xE0000...0xE007F: return true
        default: return false
        }
    }

    static func append(_ scalar: Unicode.Scalar, to out: inout String, keepingTab: Bool) {
        guard isHidden(scalar) else {
            out.unicodeScalars.append(scalar)
            return
        }
        switch scalar {
        case "\t" where keepingTab: out += "\t"
        case "\t": out += "\\t"
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        default:
            let hex = String(scalar.value, radix: 16)
            out += scalar.value <= 0xFF ? "\\x" + String(repeating: "0", count: 2 - hex.count) + hex : "\\u{" + hex + "}"
        }
    }
}
