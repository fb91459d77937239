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

    static func execute(_ arguments: [String]) -> ExitStatus {
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
        var path = ["journal"]
        var level: [ParsableCommand.Type] = Journal.configuration.subcommands
        for argument in arguments {
            guard let next = level.first(where: { ($0.configuration.commandName ?? "") == argument }) else { break }
            path.append(argument)
            level = next.configuration.subcommands
        }
        return path.joined(separator: " ")
    }
}
