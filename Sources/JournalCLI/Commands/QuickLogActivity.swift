import JournalDomain

/// `journal log activity ...`, the command people type most, without ArgumentParser: building the command tree,
/// reflecting over every option with Mirror and the completion-script check cost most of the process's CPU at
/// start-up (swift_conformsToProtocol scans of the static binary). Only plain command lines take this path:
/// words, `--goal`, `--minutes`, `--on` and `--db` (each at most once, as `--name value` or `--name=value`).
/// Anything else (help, `--`, any other dash-prefixed token, a repeated option, a missing, empty or dash-prefixed
/// value, no words) returns nil and goes through ArgumentParser, so usage errors and help read exactly as before.
/// Once read, the arguments go through the same builder and recording as `LogActivity.run`.
struct QuickLogActivity: Equatable {
    var words: [String] = []
    var goal: String?
    var minutes: String?
    var on: String?
    var db: String?

    init?(_ arguments: [String]) {
        guard arguments.count >= 3, arguments[0] == "log", arguments[1] == "activity" else { return nil }
        var index = 2
        while index < arguments.count {
            let token = arguments[index]
            index += 1
            guard !token.isEmpty else { return nil }
            guard token.utf8.first == UInt8(ascii: "-") else {
                // "help" is left to ArgumentParser, wherever it stands.
                guard token != "help" else { return nil }
                words.append(token)
                continue
            }
            var name = Substring(token)
            var value: String?
            if let equals = token.firstIndex(of: "=") {
                name = token[..<equals]
                value = String(token[token.index(after: equals)...])
            }
            if value == nil {
                guard index < arguments.count else { return nil }
                value = arguments[index]
                index += 1
            }
            // Every value must be a plain, non-empty word; anything dash-prefixed is ArgumentParser's to judge.
            guard let value, !value.isEmpty, value.utf8.first != UInt8(ascii: "-") else { return nil }
            switch name {
            case "--goal" where goal == nil: goal = value
            case "--minutes" where minutes == nil: minutes = value
            case "--on" where on == nil: on = value
            case "--db" where db == nil: db = value
            default: return nil
            }
        }
        guard !words.isEmpty else { return nil }
    }

    /// What `LogActivity.run()` does with the same arguments.
    func run() throws {
        try recordLogged(LogActivity.self, on: on, db: db, advise: false) { _ in
            try LogActivity.command(words, goal: goal, minutes: minutes)
        }
    }
}
