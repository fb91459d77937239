import Foundation
import Testing
@testable import JournalCLI

@Suite("Help and error lines")
struct HelpAndErrorTests {
    /// The subcommands listed under each "NAME SUBCOMMANDS:" heading of `journal --help`, in order.
    static func groups(_ help: String) -> [String: [String]] {
        var groups: [String: [String]] = [:]
        var current: String?
        for line in help.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if line.hasSuffix("SUBCOMMANDS:") {
                current = String(line.dropLast("SUBCOMMANDS:".count)).trimmingCharacters(in: .whitespaces)
                groups[current ?? "", default: []] = []
            } else if line.isEmpty || !line.hasPrefix(" ") {
                current = nil
            } else if let group = current, line.hasPrefix("  "), line.dropFirst(2).first != " " {
                groups[group, default: []].append(String(line.dropFirst(2).prefix { $0 != " " }))
            }
        }
        return groups
    }

    @Test func helpGroupsTheCommandsIntoLoggingReadingAndMaintenance() throws {
        let s = try Sandbox()
        let help = try s.ok(["--help"])
        #expect(Self.groups(help) == [
            "LOGGING": ["log", "start", "stop", "cancel", "undo", "plan", "review"],
            "READING": ["sprint", "goals", "report", "history", "insights", "activities", "resume", "share", "events", "demo"],
            "MAINTENANCE": ["export", "import", "backup", "verify", "rebuild", "remote", "sync"],
        ], "\(help)")
        // The three groups in that order, and no ungrouped list besides them.
        let headings = help.split(separator: "\n").filter { $0.hasSuffix("SUBCOMMANDS:") }
        #expect(headings == ["LOGGING SUBCOMMANDS:", "READING SUBCOMMANDS:", "MAINTENANCE SUBCOMMANDS:"])
        // Every group's commands still run and have their own help.
        #expect(try s.ok(["help", "verify"]).contains("USAGE: journal verify"))
    }

    @Test("usage errors name ArgumentParser's fix and the command's help", arguments: [
        (["sprint", "--format", "pdf"],
         "journal: the value 'pdf' is invalid for '--format <format>'; provide one of 'text', 'markdown', 'json' or 'html'; see 'journal sprint --help'"),
        (["--generate-completion-script", "tcsh"],
         "journal: can't generate completion scripts for 'tcsh'; use --generate-completion-script=<shell> with one of: zsh bash fish; see 'journal --help'"),
        (["log", "done"], "journal: missing expected argument '<goal/n>'; see 'journal log done --help'"),
        (["history", "aws", "--as-of"], "journal: missing value for '--as-of <date>'; see 'journal history --help'"),
        (["frob"], "journal: unexpected argument 'frob'; see 'journal --help'"),
    ])
    func usageErrors(arguments: [String], line: String) throws {
        let s = try Sandbox()
        let result = try s.run(arguments)
        expectRefusal(result, status: 64)
        #expect(result.stderrLines == [line], "\(result)")
    }

    @Test func aNumberThatIsNotOneNamesHowToWriteIt() throws {
        let s = try Sandbox()
        expectRefusal(try s.run("log", "activity", "Read", "--minutes", "ninety"), status: 64,
                      mentioning: ["--minutes 'ninety' is not a whole number; write it in digits, e.g. 30"])
        #expect(try s.count() == 0)
    }

    @Test func messagesSplitIntoProblemFixAndHelp() {
        #expect(JournalMain.usageLine("Error: Unknown option '--x'\nUsage: journal sprint [--quarter <quarter>]", helpCommand: "journal sprint")
                == "unknown option '--x'; see 'journal sprint --help'")
        #expect(JournalMain.usageLine("", helpCommand: "journal") == "invalid arguments; see 'journal --help'")
        #expect(JournalMain.usageLine("Error: Can't autodetect a supported shell.\nPlease use --generate-completion-script=<shell> with one of:\n    zsh bash fish",
                                      helpCommand: "journal")
                == "can't autodetect a supported shell; use --generate-completion-script=<shell> with one of: zsh bash fish; see 'journal --help'")
    }

    @Test func aBugSaysToReportIt() {
        #expect(JournalMain.errorLine(CLIError(.software, "the append recorded nothing"))
                == "the append recorded nothing; this is a bug in journal, please report it")
        #expect(JournalMain.errorLine(CLIError(.usage, "--db is empty; give the path of a journal file"))
                == "--db is empty; give the path of a journal file")
    }
}
