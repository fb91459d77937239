/// Text measured and fitted as a terminal shows it: how many cells a string takes, shortened with "…", padded,
/// wrapped at word boundaries. The cell width of one Unicode scalar comes in from the front end (the CLI passes
/// the C library's `wcwidth`, so combining marks take 0 cells and CJK and emoji take 2), which keeps this pure.
///
/// A renderer takes `fit: DisplayWidth?`: nil is full text (pipes, `--output`, and every format but text), a
/// value is a terminal `columns` cells wide that no line may overflow.
public struct DisplayWidth: Sendable {
    /// The terminal's width in cells; at least 20, so every line keeps room for a word and an ellipsis.
    public let columns: Int
    let scalarWidth: @Sendable (Unicode.Scalar) -> Int

    public static let ellipsis: Character = "…"

    public init(columns: Int, scalarWidth: @escaping @Sendable (Unicode.Scalar) -> Int) {
        self.columns = max(columns, 20)
        self.scalarWidth = scalarWidth
    }

    /// Cells one grapheme cluster takes: its first scalar's (an emoji sequence or a letter with its marks is one
    /// glyph), 2 when an emoji presentation selector widens a narrow symbol; what the C library calls unprintable
    /// (-1) takes none.
    public func width(of character: Character) -> Int {
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return 0 }
        if character.isASCII { return first.value >= 0x20 && first.value < 0x7F ? 1 : 0 }
        let base = max(scalarWidth(first), 0)
        if base == 1, scalars.contains(where: { $0.value == 0xFE0F }) { return 2 }
        return base
    }

    /// Cells `text` takes on a terminal; colour codes take none.
    public func width(of text: String) -> Int {
        let visible = Palette.visible(text)
        if visible.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return visible.utf8.count }
        return visible.reduce(0) { $0 + width(of: $1) }
    }

    /// `text` in at most `width` cells: whole grapheme clusters, the last one replaced by "…" when it did not fit.
    /// Colour codes are dropped from a shortened text (a cut could leave a colour open).
    public func truncate(_ text: String, to width: Int) -> String {
        guard self.width(of: text) > width else { return text }
        guard width > 0 else { return "" }
        var out = ""
        var used = 0
        for character in Palette.visible(text) {
            let cells = self.width(of: character)
            if used + cells > width - 1 { break }
            out.append(character)
            used += cells
        }
        // A trailing space before the ellipsis reads as a gap, not a cut word.
        while out.last == " " { out.removeLast() }
        out.append(Self.ellipsis)
        return out
    }

    /// `text` followed by spaces up to `width` cells (a longer text is left as it is).
    public func pad(_ text: String, to width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - self.width(of: text)))
    }

    /// `text` in lines of at most `width` cells, broken at spaces; every line after the first starts with
    /// `indent`. A word longer than a whole line is shortened with "…" (nothing is broken mid-word), unless
    /// `keepWords` (a hash to copy): then it stands whole on a line of its own.
    public func wrap(_ text: String, width: Int, indent: String, keepWords: Bool = false) -> [String] {
        let words = text.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        let lead = String(text.prefix { $0 == " " })
        let indentWidth = self.width(of: indent)
        var lines: [String] = []
        var line = lead
        var lineWidth = self.width(of: lead)
        var empty = true
        // CJK text has no spaces and breaks between its characters: a word with wide characters that is longer
        // than a line is split into pieces that fit one.
        let pieces = words.flatMap { word -> [String] in
            let room = width - indentWidth
            guard self.width(of: word) > room, room > 1, word.contains(where: { self.width(of: $0) == 2 }) else { return [word] }
            var parts: [String] = []
            var part = ""
            var used = 0
            for character in word {
                let cells = self.width(of: character)
                if used + cells > room, !part.isEmpty { parts.append(part); part = ""; used = 0 }
                part.append(character)
                used += cells
            }
            if !part.isEmpty { parts.append(part) }
            return parts
        }
        for word in pieces {
            let wordWidth = self.width(of: word)
            if !empty, lineWidth + 1 + wordWidth <= width {
                line += " " + word
                lineWidth += 1 + wordWidth
                continue
            }
            if !empty {
                lines.append(line)
                line = indent
                lineWidth = indentWidth
            }
            let room = width - lineWidth
            let shown = wordWidth <= room || keepWords ? word : truncate(word, to: room)
            line += shown
            lineWidth += self.width(of: shown)
            empty = false
        }
        lines.append(line)
        return lines
    }

    /// One rendered line fitted: a line within the width as it is; a columned line (cells apart by two spaces or
    /// more, whose columns must stay aligned with the lines around it) shortened at its end with "…"; prose wrapped
    /// at word boundaries, its later lines indented under the text (past a "- " bullet, else two more spaces).
    public func fit(line: String) -> [String] {
        guard width(of: line) > columns else { return [line] }
        let line = Self.spacesFirst(line)
        let lead = line.prefix { $0 == " " }
        let body = line.dropFirst(lead.count)
        if Palette.visible(String(body)).contains("  ") { return [truncate(line, to: columns)] }
        let indent = String(lead) + "  "
        // Colour codes stay (they take no cells): a coloured phrase that wraps stays coloured on its next line.
        return wrap(line, width: columns, indent: indent)
    }

    /// A line that starts with a colour code before its indent ("\u{1B}[33m  not recorded yet") with the indent
    /// first, so that the indent is seen as one and the wrapped lines keep it.
    static func spacesFirst(_ line: String) -> String {
        guard line.hasPrefix("\u{1B}") else { return line }
        var codes = ""
        var spaces = ""
        var rest = Substring(line)
        while true {
            if rest.hasPrefix("\u{1B}["), let end = rest.dropFirst(2).firstIndex(where: { $0.isLetter }) {
                codes += rest[..<rest.index(after: end)]
                rest = rest[rest.index(after: end)...]
            } else if rest.first == " " {
                spaces.append(" ")
                rest = rest.dropFirst()
            } else {
                break
            }
        }
        return spaces + codes + rest
    }

    /// A line whose last column starts `column` characters in (a history entry's summary): that column wraps
    /// under itself, the columns before it stay as they are.
    public func fit(line: String, hangingAt column: Int) -> [String] {
        guard width(of: line) > columns else { return [line] }
        let head = String(line.prefix(column))
        let headWidth = width(of: head)
        guard headWidth + 10 <= columns, line.count > column else { return fit(line: line) }
        let rest = String(line.dropFirst(column))
        let margin = String(repeating: " ", count: headWidth)
        return wrap(rest, width: columns - headWidth, indent: "").enumerated().map { index, part in
            (index == 0 ? head : margin) + part
        }
    }

    /// A whole text document fitted line by line.
    public func fit(_ document: String) -> String {
        document.split(separator: "\n", omittingEmptySubsequences: false)
            .flatMap { fit(line: String($0)) }.joined(separator: "\n")
    }
}

extension Optional where Wrapped == DisplayWidth {
    /// The document fitted to the terminal, or as it is when there is none.
    func fit(_ document: String) -> String { self?.fit(document) ?? document }
}
