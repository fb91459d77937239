import JournalDomain
import Projections

/// `journal resume` in each format.
public struct ResumeRendering {
    let accomplishments: Accomplishments
    /// Dates in this year are written without it.
    let today: LocalDate

    public init(accomplishments: Accomplishments, today: LocalDate) {
        self.accomplishments = accomplishments
        self.today = today
    }

    public func render(_ format: OutputFormat) -> String {
        switch format {
        // A bullet's later lines (an outcome may have several) stay indented under it.
        case .text: return document(heading: { $0 }, bullet: { ShownText.lines($0, indent: "  ") }).joined(separator: "\n")
        case .markdown:
            return document(heading: { "## " + $0 }, bullet: { Markdown.block($0, indent: "  ") }, title: "# ").joined(separator: "\n")
        case .json: return json().rendered()
        }
    }

    var sinceText: String {
        accomplishments.from.map { " since " + TextStyle.date($0, reference: today) } ?? ""
    }

    /// Text and markdown share one shape: a title, then per quarter a heading and bullets.
    func document(heading: (String) -> String, bullet escape: (String) -> String, title prefix: String = "") -> [String] {
        guard !accomplishments.isEmpty else {
            let none = accomplishments.from == nil ? "No accomplishments yet" : "No accomplishments\(sinceText)"
            return (prefix.isEmpty ? [] : [prefix + "Accomplishments", ""])
                + [none + "; complete a milestone (journal log done GOAL/N) or a goal (journal log complete GOAL) and it shows here."]
        }
        var lines = [prefix + "Accomplishments" + sinceText]
        for group in accomplishments.quarters {
            lines += ["", heading(group.quarter.description)]
            if !prefix.isEmpty { lines.append("") }
            lines += group.items.map { "- " + line($0, escape) }
        }
        return lines
    }

    /// "Completed AWS Solutions Architect certification (Jun 27): Passed the exam", "aws/2 Take the exam (May 20)".
    func line(_ item: Accomplishments.Item, _ escape: (String) -> String) -> String {
        let day = " (" + TextStyle.date(item.completedOn, reference: today) + ")"
        switch item.kind {
        case .goal:
            return escape(ResumePhrase.completed(item.title)) + day + (item.outcome.map { ": " + escape($0) } ?? "")
        case .milestone:
            return escape(item.ref) + " " + escape(item.title) + day
        }
    }

    /// `{since, quarters[{quarter, items[{kind, ref, title, outcome, completedOn}]}]}`.
    func json() -> JSONValue {
        .object([
            ("since", .optional(accomplishments.from)),
            ("quarters", .array(accomplishments.quarters.map { group in
                .object([
                    ("quarter", .string(group.quarter.description)),
                    ("items", .array(group.items.map { item in
                        .object([
                            ("kind", .string(item.kind.rawValue)),
                            ("ref", .string(item.ref)),
                            ("title", .string(item.title)),
                            ("outcome", .optional(item.outcome)),
                            ("completedOn", .string(item.completedOn.description)),
                            ("goal", .string(item.goal)),
                            ("completedAt", .string(item.completedAt.description)),
                        ])
                    })),
                ])
            })),
        ])
    }
}

/// A completed goal as a resume line, in the past tense: "Complete AWS certification" becomes
/// "Completed AWS certification", "Build a network" becomes "Built a network"; a title that does not start with
/// a verb it knows becomes "Completed TITLE".
enum ResumePhrase {
    static let irregular: [String: String] = [
        "build": "built", "get": "got", "lead": "led", "write": "wrote", "run": "ran", "give": "gave", "speak": "spoke",
        "read": "read", "grow": "grew", "make": "made", "find": "found", "become": "became", "teach": "taught",
        "take": "took", "win": "won", "begin": "began", "hold": "held", "keep": "kept", "meet": "met",
        "bring": "brought", "buy": "bought", "sell": "sold", "do": "did", "set": "set", "ship": "shipped",
        "plan": "planned", "apply": "applied", "study": "studied", "lose": "lost",
    ]
    static let regular: Set<String> = [
        "complete", "finish", "learn", "pass", "earn", "launch", "publish", "present", "mentor", "start", "create",
        "design", "deliver", "improve", "reduce", "increase", "migrate", "automate", "obtain", "achieve", "attend",
        "join", "land", "hire", "organize", "establish", "develop", "implement", "master", "train", "release",
        "contribute", "host", "close", "save", "prepare", "practice", "refactor", "document", "coach", 
    ]

    static func completed(_ title: String) -> String {
        let first = title.prefix { $0.isLetter }
        let rest = title.dropFirst(first.count)
        guard !first.isEmpty, rest.first == " " else { return "Completed " + title }
        let verb = first.lowercased()
        let past: String
        if let irregular = irregular[verb] {
            past = irregular
        } else if regular.contains(verb) {
            past = verb.hasSuffix("e") ? verb + "d" : verb + "ed"
        } else {
            return "Completed " + title
        }
        let capitalized = first.first?.isUppercase == true ? past.prefix(1).uppercased() + past.dropFirst() : past
        return capitalized + rest
    }
}
