/// The shapes of what people type, checked before anything is decided.
public enum Validate {
    public static let maxTitleLength = 200
    public static let maxTextLength = 20_000
    /// Characters can be many bytes each (a base letter with hundreds of combining marks is one), so the stored
    /// size is limited too: four bytes a character, what the longest scalar takes.
    public static let maxTitleBytes = 4 * maxTitleLength
    public static let maxTextBytes = 4 * maxTextLength
    public static let maxAmount = 1e12
    /// The highest milestone number: what a GOAL/N reference can name (six digits).
    public static let maxMilestoneNumber = 999_999

    /// A one-line name: title, metric, unit, partner. Trimmed; no control characters.
    public static func title(_ raw: String, what: String) throws(DomainError) -> String {
        try title(raw, what: .named(what))
    }

    public static func title(_ raw: String, what: InputName) throws(DomainError) -> String {
        // Most titles are short printable ASCII with no space at either end: valid as they are, which one pass over
        // the bytes shows (an import checks a million of them).
        if raw.utf8.count <= maxTitleLength, let first = raw.utf8.first, let last = raw.utf8.last, first != 0x20, last != 0x20,
           raw.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) {
            return raw
        }
        let text = raw.trimmingCharactersInWhitespace()
        guard !text.isEmpty else {
            throw .emptyTitle(name: what)
        }
        guard !text.unicodeScalars.contains(where: isControl) else {
            throw .titleWithControlCharacters(name: what)
        }
        try visibleAndBounded(text, what: what, maxCharacters: maxTitleLength, maxBytes: maxTitleBytes)
        return text
    }

    /// Text that shows something (not only zero-width or combining characters), contains no bidirectional
    /// override or isolate (they reorder what a terminal shows around them), and fits its limits in characters
    /// and in bytes.
    static func visibleAndBounded(_ text: String, what: InputName, maxCharacters: Int, maxBytes: Int) throws(DomainError) {
        guard text.unicodeScalars.contains(where: isVisible) else {
            throw .invisibleText(name: what)
        }
        guard !text.unicodeScalars.contains(where: isBidiControl) else {
            throw .bidirectionalControl(name: what)
        }
        guard text.utf8.count <= maxBytes else {
            throw .tooManyBytes(name: what, bytes: text.utf8.count, limit: maxBytes)
        }
        // Counting characters walks grapheme breaks; text of no more bytes than the limit cannot have more characters.
        guard text.utf8.count <= maxCharacters || text.count <= maxCharacters else {
            throw .tooManyCharacters(name: what, characters: text.count, limit: maxCharacters)
        }
    }

    static func isVisible(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .format, .control, .spaceSeparator, .lineSeparator, .paragraphSeparator,
             .nonspacingMark, .enclosingMark, .spacingMark, .unassigned, .surrogate, .privateUse:
            return false
        default:
            return !scalar.properties.isWhitespace
        }
    }

    public static func isBidiControl(_ scalar: Unicode.Scalar) -> Bool {
        (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
    }

    public static func optionalTitle(_ raw: String?, what: String) throws(DomainError) -> String? {
        guard let raw else { return nil }
        return try title(raw, what: what)
    }

    /// Free text: a reason, a note, a review answer. Line breaks and tabs are allowed.
    public static func text(_ raw: String, what: String) throws(DomainError) -> String {
        try text(raw, what: .named(what))
    }

    public static func text(_ raw: String, what: InputName) throws(DomainError) -> String {
        let text = raw.trimmingCharactersInWhitespace()
        guard !text.isEmpty else {
            throw .emptyText(name: what)
        }
        guard !text.unicodeScalars.contains(where: { isControl($0) && $0 != "\n" && $0 != "\t" }) else {
            throw .textWithControlCharacters(name: what)
        }
        try visibleAndBounded(text, what: what, maxCharacters: maxTextLength, maxBytes: maxTextBytes)
        return text
    }

    public static func optionalText(_ raw: String?, what: String) throws(DomainError) -> String? {
        guard let raw else { return nil }
        return try text(raw, what: what)
    }

    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar == "\u{2028}" || scalar == "\u{2029}"
    }

    /// One of the article's blockers, by its name.
    public static func blocker(_ raw: String) throws(DomainError) -> Blocker {
        try blocker(raw, name: .input(.blocker))
    }

    public static func blocker(_ raw: String, option: String) throws(DomainError) -> Blocker {
        try blocker(raw, name: .named(option))
    }

    static func blocker(_ raw: String, name: InputName) throws(DomainError) -> Blocker {
        guard let blocker = Blocker(rawValue: raw.trimmingCharactersInWhitespace().lowercased()) else {
            throw .invalidBlocker(name: name, raw: raw)
        }
        return blocker
    }

    /// A key names a goal or direction on the command line: lowercase letters, digits and dashes.
    public static func key(_ raw: String, what: String = "key") throws(DomainError) -> String {
        try key(raw, what: .named(what))
    }

    static func key(_ raw: String, what: InputName) throws(DomainError) -> String {
        let bytes = Array(raw.utf8)
        let ok = (1...32).contains(bytes.count)
            && bytes.allSatisfy { ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) || $0 == 45 }
            && bytes.first != 45 && bytes.last != 45
        guard ok else {
            throw .invalidKey(name: what, raw: raw)
        }
        return raw
    }

    /// At most this many tags on one activity.
    public static let maxTags = 10

    /// Tags as keys, without a leading @, + or # (how jrnl, Taskwarrior and others write them), each once, in order.
    public static func tags(_ raw: [String]) throws(DomainError) -> [String] {
        var tags: [String] = []
        for tag in raw {
            let bare = tag.first.map { "@+#".contains($0) } == true ? String(tag.dropFirst()) : tag
            let key = try key(bare, what: "tag")
            if !tags.contains(key) { tags.append(key) }
        }
        guard tags.count <= maxTags else {
            throw .tooManyTags(count: tags.count, limit: maxTags)
        }
        return tags
    }

    public static func amount(_ value: Double, option: String) throws(DomainError) -> Double {
        try amount(value, name: .named(option))
    }

    public static func amount(_ value: Double, name: InputName) throws(DomainError) -> Double {
        guard value.isFinite, value > 0, value <= maxAmount else {
            throw .amountOutOfRange(name: name, value: value)
        }
        return value
    }

    public static func number(_ raw: String, option: String) throws(DomainError) -> Double {
        let text = raw.trimmingCharactersInWhitespace()
        let allowed = text.utf8.allSatisfy { ($0 >= 48 && $0 <= 57) || $0 == 46 || $0 == 45 || $0 == 43 || $0 == 101 || $0 == 69 }
        guard allowed, text.utf8.count <= 32, let value = Double(text) else {
            throw .notANumber(name: .named(option), raw: raw)
        }
        return value
    }

    /// A quarter as people type it: 2025-Q2, Q2-2025, "Q2 2025", or this-quarter, last-quarter, next-quarter
    /// (also with a space), counted from `today`.
    public static func quarter(_ raw: String, today: LocalDate) throws(DomainError) -> Quarter {
        let relative = DateInput.normalized(raw)
        switch relative {
        case "this quarter": return today.quarter
        case "last quarter": if today.quarter.year > LocalDate.supportedYears.lowerBound || today.quarter.number > 1 { return today.quarter.previous }
        case "next quarter": if today.quarter.year < LocalDate.supportedYears.upperBound || today.quarter.number < 4 { return today.quarter.next }
        default: break
        }
        guard let quarter = Quarter(parsing: raw) else {
            throw .invalidQuarter(raw: raw)
        }
        return quarter
    }

    /// A milestone reference, GOAL/N.
    public static func milestoneRef(_ raw: String) throws(DomainError) -> (goal: String, number: Int) {
        let parts = raw.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[1].utf8.count <= 6, let number = Int(parts[1]), (1...maxMilestoneNumber).contains(number) else {
            throw .invalidMilestoneReference(raw: raw)
        }
        return (try key(String(parts[0]), what: "goal key"), number)
    }

    /// A goal key or a milestone reference (for activities).
    public static func goalOrMilestone(_ raw: String) throws(DomainError) -> (goal: String, number: Int?) {
        if raw.contains("/") {
            let ref = try milestoneRef(raw)
            return (ref.goal, ref.number)
        }
        return (try key(raw, what: "goal key"), nil)
    }

    /// When a direction should be reached: a year or a date.
    public static func directionHorizon(_ raw: String) throws(DomainError) -> String {
        let text = raw.trimmingCharactersInWhitespace()
        if text.utf8.count == 4, let year = LocalDate.digits(ArraySlice(text.utf8)), LocalDate.supportedYears.contains(year) {
            return text
        }
        if let date = LocalDate(iso: text) { return date.description }
        throw .invalidHorizon(raw: raw)
    }
}
