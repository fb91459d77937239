import JournalDomain

/// How text output shows things to people: dates as people write them, short bars, aligned columns.
public enum TextStyle {
    static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// "Jun 15", with the year when it is not `reference`'s year: "Jun 15 2024".
    public static func date(_ date: LocalDate, reference: LocalDate? = nil) -> String {
        let text = monthNames[date.month - 1] + " " + String(date.day)
        guard let reference, reference.year == date.year else { return text + " " + String(date.year) }
        return text
    }

    /// A bar `width` cells wide, filled to `fraction` (0...1): ██████░░░░.
    static func bar(_ fraction: Double, width: Int = 10) -> String {
        let clamped = fraction.isFinite ? min(max(fraction, 0), 1) : 0
        let filled = Int(saturating: clamped * Double(width))
        return String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
    }

    /// One character a value, scaled to the largest (or to `top`, so that several lines share a scale):
    /// ▁▂▃▄▅▆▇█, a space for zero.
    static func sparkline(_ values: [Int], top: Int? = nil) -> String {
        sparkline(values.map(Double.init), top: Double(top ?? values.max() ?? 0))
    }

    /// One character a value scaled to `top`: the eighth of it the value reaches, rounded up (a space for zero).
    static func sparkline(_ values: [Double], top: Double) -> String {
        let levels: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
        return String(values.map { value -> Character in
            guard top > 0, value > 0, value.isFinite else { return " " }
            let eighths = (value / top * Double(levels.count)).rounded(.up)
            return levels[Int(min(max(eighths, 1), Double(levels.count))) - 1]
        })
    }

    static func percent(_ share: Double) -> String { "\(Int(saturating: share * 100))%" }

    /// 95 -> "1h35", 45 -> "45m", 0 -> "0m".
    static func minutes(_ minutes: Int) -> String {
        guard minutes >= 60 else { return "\(minutes)m" }
        let rest = minutes % 60
        return "\(minutes / 60)h" + (rest == 0 ? "" : (rest < 10 ? "0" : "") + String(rest))
    }

    public static func plural(_ count: Int, _ word: String) -> String { "\(count) \(word)\(count == 1 ? "" : "s")" }

    /// Rows padded into columns separated by two spaces; trailing spaces trimmed.
    ///
    /// With `fit` (a terminal), cells are measured in terminal cells and a table wider than the terminal (less
    /// `indent`, the prefix the caller puts before each line) has its `shrink` column, else its widest
    /// left-aligned one, cut down with "…", so the other columns stay whole and aligned.
    static func table(_ rows: [[String]], rightAligned: Set<Int> = [], fit: DisplayWidth? = nil, shrink: Int? = nil,
                      indent: Int = 0) -> [String] {
        // Each cell's width is counted once (Character counting is the slow part of a long history's table),
        // and each line is built as bytes in one buffer.
        var rows = rows
        let measure: (String) -> Int = fit.map { fit in { fit.width(of: $0) } } ?? displayWidth
        var counts = rows.map { $0.map(measure) }
        var widths: [Int] = []
        for row in counts {
            for (i, count) in row.enumerated() {
                if i >= widths.count { widths.append(0) }
                widths[i] = max(widths[i], count)
            }
        }
        if let fit, !widths.isEmpty {
            // The last column's trailing spaces are trimmed, so it only needs its own width. The `shrink` column
            // gives way first, down to 16 cells; then the widest left-aligned one, down to 8.
            let room = fit.columns - indent
            var total = widths.reduce(0, +) + 2 * (widths.count - 1)
            let left = widths.indices.filter { !rightAligned.contains($0) }
            while total > room {
                let preferred = shrink.flatMap { $0 < widths.count && widths[$0] > 16 ? $0 : nil }
                guard let column = preferred ?? left.filter({ widths[$0] > 8 }).max(by: { widths[$0] < widths[$1] }) else { break }
                let floor = column == preferred ? 16 : 8
                let narrower = max(widths[column] - (total - room), floor)
                for r in rows.indices where column < rows[r].count && counts[r][column] > narrower {
                    rows[r][column] = fit.truncate(rows[r][column], to: narrower)
                    counts[r][column] = fit.width(of: rows[r][column])
                }
                total -= widths[column] - narrower
                widths[column] = narrower
            }
        }
        let space = UInt8(ascii: " ")
        var line: [UInt8] = []
        return zip(rows, counts).map { row, count in
            line.removeAll(keepingCapacity: true)
            for (i, cell) in row.enumerated() {
                if i > 0 { line.append(space); line.append(space) }
                let fill = widths[i] - count[i]
                if rightAligned.contains(i) {
                    line.append(contentsOf: repeatElement(space, count: fill))
                    line.append(contentsOf: cell.utf8)
                } else {
                    line.append(contentsOf: cell.utf8)
                    line.append(contentsOf: repeatElement(space, count: fill))
                }
            }
            while line.last == space { line.removeLast() }
            return String(decoding: line, as: UTF8.self)
        }
    }

    /// Characters, as a column counts them: the byte count when the text is ASCII (the usual case, and cheap);
    /// colour codes take no room.
    static func displayWidth(_ text: String) -> Int {
        text.utf8.allSatisfy { $0 < 0x80 && $0 != 0x1B } ? text.utf8.count : Palette.visible(text).count
    }
}

/// Markdown escaping for text that users typed: it reads as the text it is, whatever renders the document. HTML
/// is made inert with entities (not every renderer honours a backslash before `<`), markup characters get a
/// backslash, and what a terminal would act on is shown escaped as in any text output (ShownText).
enum Markdown {
    /// A one-line field: a title, a key, a table cell (a line break would end the row, so it is shown as \n).
    static func escape(_ text: String) -> String {
        inline(ShownText.line(text))
    }

    /// Free text over several lines: each line after the first starts with `indent` (so it stays inside the list
    /// item it belongs to) and cannot start a heading, a list, a rule or a block of its own.
    static func block(_ text: String, indent: String) -> String {
        ShownText.lines(text, indent: "").split(separator: "\n", omittingEmptySubsequences: false).enumerated().map { index, line in
            index == 0 ? inline(String(line)) : indent + lineStart(inline(String(line)))
        }.joined(separator: "\n")
    }

    static func inline(_ text: String) -> String {
        var out = ""
        for ch in text {
            switch ch {
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            default:
                if "\\`*_[]|#".contains(ch) { out.append("\\") }
                out.append(ch)
            }
        }
        return out
    }

    /// A continuation line's first characters, where `-`, `+`, `=` and `1.` would start a list, a rule or an underline.
    static func lineStart(_ line: String) -> String {
        let body = line.drop { $0 == " " || $0 == "\t" }
        let lead = line.prefix(line.count - body.count)
        if let first = body.first, "-+=".contains(first) { return lead + "\\" + body }
        let digits = body.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty, let next = body.dropFirst(digits.count).first, next == "." || next == ")" {
            return lead + digits + "\\" + body.dropFirst(digits.count)
        }
        return line
    }
}
