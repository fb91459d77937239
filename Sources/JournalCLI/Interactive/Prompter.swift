import Foundation
import JournalDomain
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Asks questions on a terminal, one line each, for the guided commands (review, plan).
///
/// Nothing is recorded until every answer is in: running out of input (EOF, Ctrl-D) throws `cancelled`,
/// and Ctrl-C ends the process before anything is written, so an interrupted session leaves no trace.
struct Prompter {
    /// True when standard input is a terminal: only then do the guided commands ask.
    static var standardInputIsTerminal: Bool { JournalCLI.standardInputIsTerminal }

    /// The error an unfinished session ends with.
    static func cancelled(_ what: String) -> CLIError {
        CLIError(.usage, "input ended before the \(what) was finished; nothing was recorded. Run it again, or give the answers with --from FILE")
    }

    let what: String

    /// What, typed at a guided prompt, returns to the previous question.
    static let back = "back"

    /// Prints `text` and a newline at once. What the journal says is built from what the log holds (titles,
    /// earlier answers offered again), so each of its lines is shown escaped (ShownText) as all text output is.
    func say(_ text: String = "") {
        print(Self.shown(text))
        fflush(nil)
    }

    static func shown(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { ShownText.line(String($0)) }.joined(separator: "\n")
    }

    /// One line typed by the user, without its newline; EOF cancels the session.
    func line(_ prompt: String) throws -> String {
        print(Self.shown(prompt), terminator: "")
        fflush(nil)
        guard let typed = readLine(strippingNewline: true) else {
            print("")
            throw Prompter.cancelled(what)
        }
        return typed.trimmingCharacters(in: .whitespaces)
    }

    /// A question whose answer may be prefilled: Enter keeps `prefill`. Asked again while empty when `required`.
    func ask(_ question: String, prefill: String? = nil, required: Bool = true) throws -> String? {
        say(question)
        if let prefill { say("  [\(prefill)]") }
        while true {
            let typed = try line("> ")
            if !typed.isEmpty { return typed }
            if let prefill { return prefill }
            if !required { return nil }
            say("  An answer is needed (Ctrl-C to stop without recording).")
        }
    }

    /// A question whose answer must parse; the parser's error is shown and the question asked again.
    func ask<T>(_ question: String, prefill: String? = nil, _ parse: (String) throws -> T) throws -> T? {
        while true {
            let answer = try line(question + (prefill.map { " [\($0)]" } ?? "") + ": ")
            let text = answer.isEmpty ? (prefill ?? "") : answer
            if text.isEmpty { return nil }
            do {
                return try parse(text)
            } catch {
                say("  " + CLIError.from(error).message)
            }
        }
    }

    /// Yes or no; Enter takes `yes`.
    func confirm(_ question: String, yes: Bool = true) throws -> Bool {
        while true {
            let typed = try line(question + (yes ? " [Y/n] " : " [y/N] ")).lowercased()
            switch typed {
            case "": return yes
            case "y", "yes": return true
            case "n", "no": return false
            default: say("  Answer y or n.")
            }
        }
    }

    /// One of `choices` by its first letter or whole word; with `orBack`, also `back` (returned as `Prompter.back`).
    func choose(_ question: String, _ choices: [String], orBack: Bool = false) throws -> String {
        let hint = choices.map { "\($0.prefix(1))=\($0)" }.joined(separator: " ")
        while true {
            let typed = try line("\(question) [\(hint)] ").lowercased()
            if orBack, typed == Prompter.back { return typed }
            if let match = choices.first(where: { $0 == typed || (typed.count == 1 && $0.hasPrefix(typed)) }) { return match }
            say("  Answer one of: \(choices.joined(separator: ", ")).")
        }
    }

    /// From here on Ctrl-C says that nothing was recorded and exits 130, the shell's code for an interrupt.
    func announceInterrupts() {
        signal(SIGINT) { _ in
            let message: StaticString = "\njournal: interrupted; nothing was recorded\n"
            _ = write(STDERR_FILENO, message.utf8Start, message.utf8CodeUnitCount)
            _exit(130)
        }
    }

    /// Once every answer is in, Ctrl-C no longer stops the command: the append it started runs to its commit.
    func holdInterrupts() {
        signal(SIGINT, SIG_IGN)
    }
}
