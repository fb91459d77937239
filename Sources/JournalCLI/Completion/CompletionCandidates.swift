import ArgumentParser
import JournalApp
import JournalDomain
import JournalStore

/// What an argument naming a goal, a milestone or a direction offers when the shell completes it: the keys and
/// refs of the journal the command line names (its --db, else JOURNAL_DB, else the default path), the ones the
/// command would accept. The shell runs `journal ---completion ...` on every TAB, so this opens an existing
/// journal only (never creates one), reads the goal index and a few goal streams (never the whole log), and
/// answers nothing, silently, when there is no journal or it cannot be read: an error printed here would land
/// in the middle of the user's command line.
enum CompletionCandidates {
    /// The ArgumentParser completion that asks the journal for `list`.
    static func kind(_ list: CompletionList) -> CompletionKind {
        .custom { words, _, prefix in complete(list, words: words, prefix: prefix) }
    }

    /// The candidates starting with `prefix`, for the command line `words` (the shell's words, the command first).
    static func complete(_ list: CompletionList, words: [String], prefix: String,
                         environment: JournalEnvironment = JournalEnvironment()) -> [String] {
        let option = CompletionWords.databaseOption(in: words, home: environment.variables["HOME"])
        guard let path = try? environment.databasePath(option: option),
              let store = try? SQLiteEventStore(path: path, mode: .mustExist),
              let all = try? list.candidates(in: store) else { return [] }
        return all.filter { $0.hasPrefix(prefix) && isWellFormed($0) }
    }

    /// Only a key (1-32 of a-z, 0-9 and -) or a ref (KEY/N) is ever offered. Bash's generated script passes the
    /// candidates to `compgen -W`, which expands each one as shell words (a `$(...)` in it runs), and zsh and fish
    /// read `:` and tabs in them as markup: a journal written by anything but this version's checks (an old one,
    /// an edited file) must not be able to run code or garble the command line from the user's TAB.
    static func isWellFormed(_ candidate: String) -> Bool {
        guard let found = try? Validate.goalOrMilestone(candidate) else { return false }
        return candidate == (found.number.map { "\(found.goal)/\($0)" } ?? found.goal)
    }
}

/// Reading the shell's words the way the command will read them once it runs.
enum CompletionWords {
    /// The value of the last --db (as `--db PATH` or `--db=PATH`) before any `--`, with the quotes the shell
    /// passes along removed and a leading ~/ expanded as the shell will expand it; nil when there is none.
    static func databaseOption(in words: [String], home: String?) -> String? {
        var found: String?
        var index = words.startIndex + 1
        while index < words.endIndex, words[index] != "--" {
            let word = words[index]
            if word == "--db", index + 1 < words.endIndex {
                found = words[index + 1]
                index += 1
            } else if word.hasPrefix("--db=") {
                found = String(word.dropFirst("--db=".count))
            }
            index += 1
        }
        return found.map { expanded(unquoted($0), home: home) }
    }

    static func unquoted(_ word: String) -> String {
        guard word.count >= 2, let first = word.first, first == "'" || first == "\"", word.last == first else { return word }
        return String(word.dropFirst().dropLast())
    }

    static func expanded(_ path: String, home: String?) -> String {
        guard let home, !home.isEmpty else { return path }
        if path == "~" { return home }
        return path.hasPrefix("~/") ? home + path.dropFirst() : path
    }
}
