import JournalDomain

/// A goal or a milestone as a resume line, in the past tense and written as a resume says it: "Complete AWS
/// certification" becomes "Completed AWS certification", "Take 2 practice exams" becomes "Took two practice
/// exams", and a rate goal that was completed says what it came to ("Attend 1 design community event per month"
/// with 3 measured: "Attended three design community events"). Where it is unsure it keeps the user's words:
/// a title that does not start with a verb it knows stays as written (a goal's gets "Completed" before it).
public enum ResumePhrase {
    /// Past tenses that do not follow the rule (irregular verbs, and the short ones whose last letter doubles).
    static let irregular: [String: String] = [
        "build": "built", "get": "got", "lead": "led", "write": "wrote", "run": "ran", "give": "gave", "speak": "spoke",
        "read": "read", "grow": "grew", "make": "made", "find": "found", "become": "became", "teach": "taught",
        "take": "took", "win": "won", "begin": "began", "hold": "held", "keep": "kept", "meet": "met",
        "bring": "brought", "buy": "bought", "sell": "sold", "do": "did", "set": "set", "ship": "shipped",
        "plan": "planned", "apply": "applied", "study": "studied", "lose": "lost", "put": "put", "cut": "cut",
        "drive": "drove", "draw": "drew", "fly": "flew", "go": "went", "see": "saw", "send": "sent", "spend": "spent",
        "stop": "stopped", "drop": "dropped", "submit": "submitted", "commit": "committed", "admit": "admitted",
        "swim": "swam", "sing": "sang", "think": "thought", "understand": "understood", "rebuild": "rebuilt",
        "rewrite": "rewrote", "overcome": "overcame", "undertake": "undertook", "co-lead": "co-led",
        "map": "mapped", "scope": "scoped", "pitch": "pitched", "reach": "reached", "say": "said", "pay": "paid",
        "hit": "hit", "shut": "shut", "tell": "told", "sit": "sat",
    ]
    /// Verbs that take -ed (or -d after an e, -ied after a consonant and y).
    static let regular: Set<String> = [
        "complete", "finish", "learn", "pass", "earn", "launch", "publish", "present", "mentor", "start", "create",
        "design", "deliver", "improve", "reduce", "increase", "migrate", "automate", "obtain", "achieve", "attend",
        "join", "land", "hire", "organize", "organise", "establish", "develop", "implement", "master", "train",
        "release", "contribute", "host", "close", "save", "prepare", "practice", "practise", "refactor", "document",
        "coach", "connect", "interview", "volunteer", "network", "research", "analyze", "analyse", "collaborate",
        "manage", "facilitate", "negotiate", "test", "review", "optimize", "optimise", "support", "help",
        "introduce", "secure", "qualify", "certify", "redesign", "streamline", "lower", "raise", "boost", "expand",
        "open", "record", "report", "schedule", "track", "update", "upgrade", "use", "visit", "work", "finalize",
        "finalise", "produce", "recruit", "onboard", "own", "pair", "listen", "ask", "call", "email", "contact",
        "pursue", "enroll", "enrol", "register", "graduate", "outline", "draft", "edit", "polish", "package",
        "deploy", "shadow", "explore",
    ]
    /// Words a count is not taken from: "section 3", "week 2", "level 4" name a thing, they do not count it.
    static let naming: Set<String> = [
        "section", "sections", "week", "weeks", "chapter", "chapters", "part", "parts", "level", "step", "steps",
        "version", "phase", "module", "modules", "unit", "units", "lesson", "lessons", "day", "days", "q", "top",
        "grade", "stage", "book", "volume", "episode", "season", "round", "no", "number", "#",
    ]
    static let numberWords = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]
    static let periods: Set<String> = ["day", "week", "month", "quarter", "year", "weekday", "fortnight"]

    /// The past tense of a verb the table knows (lowercased), else nil.
    public static func pastTense(_ verb: String) -> String? {
        let verb = verb.lowercased()
        if let irregular = irregular[verb] { return irregular }
        guard regular.contains(verb) else { return nil }
        if verb.hasSuffix("e") { return verb + "d" }
        if verb.hasSuffix("y"), let before = verb.dropLast().last, !"aeiou".contains(before) { return verb.dropLast() + "ied" }
        return verb + "ed"
    }

    /// A completed goal: its title in the past tense, a rate turned into the total achieved when the goal's
    /// numbers tell it (the measured progress, else the target it was completed at), numbers up to ten as words.
    public static func goal(_ title: String, current: Double? = nil, target: Double? = nil, unit: String? = nil) -> String {
        guard let (past, rest) = split(title) else { return "Completed " + title }
        if let rate = rateStart(rest) {
            let achieved = current.flatMap { $0 > 0 ? $0 : nil } ?? target
            if let achieved, let total = total(Array(rest[..<rate]), achieved, unit: unit) {
                return capitalized(([past] + total).joined(separator: " "))
            }
            return capitalized(([past] + rest).joined(separator: " "))
        }
        return capitalized(([past] + counted(joined(rest))).joined(separator: " "))
    }

    /// A milestone done: its title in the past tense with numbers up to ten as words, or as written when it
    /// does not start with a verb the table knows.
    public static func milestone(_ title: String) -> String {
        guard let (past, rest) = split(title) else { return title }
        return capitalized(([past] + counted(joined(rest))).joined(separator: " "))
    }

    /// A second verb joined to the first ("Finish sections 6-10, take 2 practice exams", "... and ship it")
    /// takes the past tense too: after a comma or "and"/"then", when the table knows it and words follow.
    static func joined(_ words: [String]) -> [String] {
        words.enumerated().map { index, word in
            guard index > 0, index + 1 < words.count, word.allSatisfy(\.isLetter),
                  words[index - 1].hasSuffix(",") || ["and", "then"].contains(words[index - 1].lowercased()),
                  let past = pastTense(word) else { return word }
            return past
        }
    }

    /// The past tense of the first word and the words after it; nil when the first word is no verb it knows.
    static func split(_ title: String) -> (String, [String])? {
        let words = title.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        guard let first = words.first, words.count > 1, first.allSatisfy({ $0.isLetter || $0 == "-" }),
              let past = pastTense(first) else { return nil }
        return (past, Array(words.dropFirst()))
    }

    /// Where "per month", "a week", "each month" or "every week" starts, when the title ends with one.
    static func rateStart(_ words: [String]) -> Int? {
        guard words.count >= 2 else { return nil }
        let last = words[words.count - 1].lowercased().trimmingTrailingPunctuation()
        let before = words[words.count - 2].lowercased()
        guard periods.contains(last), ["per", "a", "each", "every", "an"].contains(before) else { return nil }
        return words.count - 2
    }

    /// "to 5 junior UX roles" with 37 achieved: "to 37 junior UX roles". The count replaces the first number;
    /// the noun after it takes the plural (the goal's unit when it names the same thing). Nil when the words
    /// hold no number followed by a noun.
    static func total(_ words: [String], _ achieved: Double, unit: String?) -> [String]? {
        guard let index = words.firstIndex(where: { Int($0) != nil || Double($0) != nil }), index + 1 < words.count else { return nil }
        var noun = Array(words[(index + 1)...])
        guard let last = noun.last, last.first?.isLetter == true else { return nil }
        let one = achieved == 1
        noun[noun.count - 1] = one ? singular(last) : plural(last, unit: unit)
        return Array(words[..<index]) + [count(achieved)] + noun
    }

    /// 3 as "three", 12 as "12", 2.5 as "2.5".
    static func count(_ value: Double) -> String {
        if value.rounded() == value, value >= 0, value <= 10 { return numberWords[Int(value)] }
        return NumberText.format(value)
    }

    /// Numbers up to ten that count the noun after them, as words: "take 2 practice exams" -> "take two practice
    /// exams"; "sections 1-5", "week 3" and "2025" stay.
    static func counted(_ words: [String]) -> [String] {
        words.enumerated().map { index, word in
            guard let value = Int(word), value >= 0, value <= 10, word.allSatisfy(\.isASCII), index + 1 < words.count,
                  words[index + 1].first?.isLetter == true else { return word }
            if index > 0, naming.contains(words[index - 1].lowercased()) { return word }
            return numberWords[value]
        }
    }

    static func singular(_ word: String) -> String {
        if word.hasSuffix("ies"), word.count > 3 { return word.dropLast(3) + "y" }
        if word.hasSuffix("s"), !word.hasSuffix("ss"), word.count > 1 { return String(word.dropLast()) }
        return word
    }

    static func plural(_ word: String, unit: String?) -> String {
        // The unit says the plural the user writes ("connections"), when it is the same word.
        if let unit = unit?.trimmingCharacters(), !unit.contains(" "), singular(unit.lowercased()) == singular(word.lowercased()) {
            return word.first?.isUppercase == true ? unit.prefix(1).uppercased() + unit.dropFirst() : unit
        }
        if word.hasSuffix("s") { return word }
        if word.hasSuffix("y"), let before = word.dropLast().last, !"aeiou".contains(before) { return word.dropLast() + "ies" }
        if word.hasSuffix("ch") || word.hasSuffix("sh") || word.hasSuffix("x") { return word + "es" }
        return word + "s"
    }

    static func capitalized(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.uppercased() + text.dropFirst()
    }
}

private extension String {
    func trimmingTrailingPunctuation() -> String {
        var text = self
        while let last = text.last, last.isPunctuation { text.removeLast() }
        return text
    }

    func trimmingCharacters() -> String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
