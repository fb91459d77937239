import ArgumentParser
import Foundation

/// The entry point: parse, run, and turn every failure into one line on stderr and a documented exit code.
public enum JournalMain {
    public static func run(_ arguments: [String] = Array(CommandLine.arguments.dropFirst())) -> Never {
        let status: ExitStatus
        do {
            if let quick = QuickLogActivity(arguments) {
                try quick.run()
            } else {
                var command = try Journal.parseAsRoot(arguments)
                try command.run()
            }
            status = .ok
        } catch {
            status = report(error, arguments: arguments)
        }
        exit(status.rawValue)
    }

    static func report(_ error: Error, arguments: [String]) -> ExitStatus {
        if !isArgumentParserError(error) {
            let cliError = CLIError.from(error)
            printError(cliError.message)
            return cliError.status
        }
        // Help, version, completion scripts and the shell's completion answers arrive as "errors" to print on
        // stdout with exit 0.
        let code = Journal.exitCode(for: error)
        if code == .success {
            Journal.exit(withError: error)
        }
        // A completion request that fails (a script from another version of journal) must not print into the
        // command line the user is typing.
        if arguments.first == completionRequest { return .usage }
        let firstLine = Journal.message(for: error).split(separator: "\n").first.map(String.init) ?? "invalid arguments"
        let message = firstLine.hasPrefix("Error: ") ? String(firstLine.dropFirst(7)) : firstLine
        printError("\(lowercasedFirst(message)); see '\(commandPath(arguments)) --help'")
        return .usage
    }

    /// The first argument of the shells' calls back into journal for completions (see CompletionCandidates).
    static let completionRequest = "---completion"

    static func isArgumentParserError(_ error: Error) -> Bool {
        String(reflecting: type(of: error)).hasPrefix("ArgumentParser.")
    }

    static func printError(_ message: String) {
        let line = message.replacingOccurrences(of: "\n", with: " ")
        FileHandle.standardError.write(Data(("journal: " + line + "\n").utf8))
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
