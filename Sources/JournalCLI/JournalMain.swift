import ArgumentParser
import Foundation
import JournalDomain

/// The entry point: parse, run, and turn every failure into one line on stderr and a documented exit code.
public enum JournalMain {
    public static func run(_ arguments: [String] = Array(CommandLine.arguments.dropFirst())) -> Never {
        exit(execute(arguments).rawValue)
    }

    /// Runs `arguments` as `journal` would, reading and writing through `invocation` instead of the process's
    /// environment and streams; returns the exit status `journal` would exit with.
    public static func run(_ arguments: [String], in invocation: Invocation) -> Int32 {
        Invocation.$current.withValue(invocation) { execute(arguments).rawValue }
    }

    static func execute(_ given: [String]) -> ExitStatus {
        let arguments = movingDatabaseOption(given)
        do {
            if let quick = QuickLogActivity(arguments) {
                try quick.run()
            } else {
                var command = try Journal.parseAsRoot(arguments)
                try command.run()
            }
            return finishOutput()
        } catch {
            return report(error, arguments: arguments)
        }
    }

    /// Everything printed must have reached its destination: a full disk or a broken device under a redirect is
    /// an error (exit 74), as it is for cat or sort, not a silent success with the output lost.
    static func finishOutput() -> ExitStatus {
        // fflush(nil) flushes every stream: Swift 6 cannot name C's stdout, a global mutable variable.
        guard fflush(nil) != 0 else { return .ok }
        printError("cannot write the output: \(String(cString: strerror(errno))); free some space or send it elsewhere")
        return .io
    }

    static func report(_ error: Error, arguments: [String]) -> ExitStatus {
        if !isArgumentParserError(error) {
            let cliError = CLIError.from(error)
            printError(errorLine(cliError))
            return cliError.status
        }
        // Help, version, completion scripts and the shell's completion answers arrive as "errors" to print on
        // stdout with exit 0.
        let code = Journal.exitCode(for: error)
        if code == .success {
            if let shell = completionScriptShell(arguments), shell == "bash" {
                print(bashCompletionScript(Journal.fullMessage(for: error)))
                return .ok
            }
            guard Invocation.current != nil else { Journal.exit(withError: error) }
            // What Journal.exit prints, at the width a process whose output is not a terminal gets.
            let text = Journal.fullMessage(for: error, columns: Int(runEnvironment["COLUMNS"] ?? "") ?? 80)
            if !text.isEmpty { print(text) }
            return .ok
        }
        // A completion request that fails (a script from another version of journal) has nothing to offer, and must
        // not print into the command line the user is typing: it ends as one that found nothing.
        if arguments.first == completionRequest { return .ok }
        printError(usageLine(Journal.message(for: error), helpCommand: commandPath(arguments)))
        return .usage
    }

    /// ArgumentParser's message as one "problem; fix" line: the fix it gives ("Please provide one of ...", on the
    /// same line or the next) is kept, and the command's help is named last.
    static func usageLine(_ message: String, helpCommand: String) -> String {
        var lines = message.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        var problem = lines.isEmpty ? "invalid arguments" : lines.removeFirst()
        if problem.hasPrefix("Error: ") { problem = String(problem.dropFirst("Error: ".count)) }
        var fix: String?
        if let please = problem.range(of: ". Please ") {
            fix = String(problem[please.upperBound...])
            problem = String(problem[..<please.lowerBound])
        } else if let next = lines.first, next.hasPrefix("Please ") {
            fix = ([String(next.dropFirst("Please ".count))] + lines.dropFirst()).joined(separator: " ")
        }
        let parts = [problem] + (fix.map { [$0] } ?? []) + ["see '\(helpCommand) --help'"]
        return parts.map { lowercasedFirst(withoutFinalPeriod($0)) }.joined(separator: "; ")
    }

    static func withoutFinalPeriod(_ text: String) -> String {
        text.hasSuffix(".") && !text.hasSuffix("..") ? String(text.dropLast()) : text
    }

    /// What the user reads for an error of journal's own. A bug (exit 70) has no fix the user can make but one:
    /// telling us.
    static func errorLine(_ error: CLIError) -> String {
        error.status == .software ? error.message + "; this is a bug in journal, please report it" : error.message
    }

    /// The shell `--generate-completion-script SHELL` (or `=SHELL`) asks for; nil for any other command line.
    static func completionScriptShell(_ arguments: [String]) -> String? {
        guard let first = arguments.first else { return nil }
        if first == "--generate-completion-script", arguments.count == 2 { return arguments[1] }
        if first.hasPrefix("--generate-completion-script="), arguments.count == 1 {
            return String(first.dropFirst("--generate-completion-script=".count))
        }
        return nil
    }

    /// ArgumentParser's bash script registers `complete -o filenames` (for --db and the files import reads), so
    /// readline lists every candidate as a file name: only what follows its last `/`, `3` for `network/3`. Before
    /// offering journal's own candidates (keys and refs, never files) the script turns that off for this TAB.
    ///
    /// journal also takes `--db PATH` before the subcommand (it moves it after), which ArgumentParser's script would
    /// read as the subcommand: the root function completes that file itself, then the rest as if `--db` came after.
    static func bashCompletionScript(_ script: String) -> String {
        script.replacingOccurrences(of: "__journal_add_completions -W \"$(__journal_custom_complete ",
                                    with: "compopt +o filenames 2>/dev/null; __journal_add_completions -W \"$(__journal_custom_complete ")
            .replacingOccurrences(of: bashRootWords, with: bashRootWords + bashLeadingDatabase)
    }

    static let bashRootWords = """
            local -a unparsed_words=("${COMP_WORDS[@]:1:${COMP_CWORD}}")

        """

    static let bashLeadingDatabase = """
            # journal also takes --db before the subcommand: complete its file, then the rest as if it came after.
            if [[ "${unparsed_words[0]}" == --db ]]; then
                if [[ "${COMP_CWORD}" -eq 2 ]]; then
                    compopt -o filenames 2>/dev/null
                    COMPREPLY=($(compgen -f -- "${cur}"))
                    return
                fi
                unparsed_words=("${unparsed_words[@]:2}")
            elif [[ "${unparsed_words[0]}" == --db=* && "${COMP_CWORD}" -gt 1 ]]; then
                unparsed_words=("${unparsed_words[@]:1}")
            fi

        """

    /// The first argument of the shells' calls back into journal for completions (see CompletionCandidates).
    static let completionRequest = "---completion"

    static func isArgumentParserError(_ error: Error) -> Bool {
        String(reflecting: type(of: error)).hasPrefix("ArgumentParser.")
    }

    /// One line, and inert on a terminal whatever user value or path the message quotes (ShownText).
    static func printError(_ message: String) {
        let line = ShownText.line(message.replacingOccurrences(of: "\n", with: " "))
        writeStandardError("journal: " + line + "\n")
    }

    static func lowercasedFirst(_ text: String) -> String {
        guard let first = text.first, first.isUppercase, text.dropFirst().first?.isLowercase ?? true else { return text }
        return first.lowercased() + text.dropFirst()
    }

    /// "journal log goal" for arguments that start with "log goal ...": where to look for help.
    static func commandPath(_ arguments: [String]) -> String {
        (["journal"] + arguments.prefix(commandDepth(arguments))).joined(separator: " ")
    }

    /// How many of the first arguments name subcommands ("log goal ..." -> 2).
    static func commandDepth(_ arguments: [String]) -> Int {
        var depth = 0
        var level: [ParsableCommand.Type] = Journal.configuration.subcommands
        for argument in arguments {
            guard let next = level.first(where: { ($0.configuration.commandName ?? "") == argument }) else { break }
            depth += 1
            level = next.configuration.subcommands
        }
        return depth
    }

    /// `journal --db PATH sprint ...` read as `journal sprint --db PATH ...`: every command takes --db, and people
    /// (and `journal demo`'s own lines) put it first, as git puts -C. Only a leading --db followed by a subcommand
    /// is moved, to just after the subcommand's name; without one (`journal --db PATH`) it is the overview's.
    static func movingDatabaseOption(_ arguments: [String]) -> [String] {
        guard let first = arguments.first else { return arguments }
        let width = first == "--db" ? 2 : (first.hasPrefix("--db=") ? 1 : 0)
        guard width > 0, arguments.count > width else { return arguments }
        let rest = Array(arguments.dropFirst(width))
        let depth = commandDepth(rest)
        guard depth > 0 else { return arguments }
        return Array(rest.prefix(depth)) + arguments.prefix(width) + rest.dropFirst(depth)
    }
}
