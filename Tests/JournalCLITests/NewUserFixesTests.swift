import Foundation
import Testing

/// What a first run showed to be wrong: demo lines that did not run, --db only after the subcommand, exports
/// readable by others, completion scripts nobody could find.
@Suite("Fixes from the new-user run")
struct NewUserFixesTests {
    @Test func dbMayComeBeforeTheSubcommand() throws {
        let s = try Sandbox.demo(now: "2025-05-16T18:00")
        let other = try Sandbox(now: "2025-05-16T18:00")
        // JOURNAL_DB names an empty folder's journal: only the --db given can be the one read.
        let env: [String: String?] = ["JOURNAL_DB": other.db]
        let after = try s.ok(["sprint", "--db", s.db], env: env)
        #expect(try s.ok(["--db", s.db, "sprint"], env: env) == after)
        #expect(try s.ok(["--db=" + s.db, "sprint"], env: env) == after)
        #expect(try s.ok(["--db", s.db, "history", "aws", "--format", "json"], env: env) == s.ok(["history", "aws", "--format", "json", "--db", s.db], env: env))
        // The overview, and the log paths (ArgumentParser's and the quick one for activities).
        #expect(try s.ok(["--db", s.db], env: env) == s.ok([]))
        #expect(try s.ok(["--db", s.db, "log", "activity", "Read", "--minutes", "20"], env: env) == "Activity logged on 2025-05-16 (20 min, no goal): Read (event 37)\n")
        #expect(try s.ok(["--db", s.db, "log", "goal", "Ship it", "--quarter", "2025-Q3", "--key", "ship"], env: env).hasPrefix("Goal ship set for 2025-Q3: Ship it (event 38)"))
        #expect(try s.count() == 38 && !FileManager.default.fileExists(atPath: other.db))
        // A --db that no subcommand follows is the overview's; one before help is left to ArgumentParser as before.
        expectRefusal(try s.run(["--db", s.db, "--bogus"]), status: 64, mentioning: ["--bogus"])
    }

    /// Every command `journal demo` prints runs as printed (with the JOURNAL_NOW it names).
    @Test func demoPrintsCommandsThatRun() throws {
        let s = try Sandbox(now: "2025-05-16T18:00")
        let path = s.path("sample.sqlite")
        let text = try s.ok(["demo", "--db", path])
        let commands = text.split(separator: "\n").compactMap { line -> (String, String?)? in
            guard let start = line.range(of: "journal --db ") else { return nil }
            let rest = line[start.lowerBound...]
            let command = rest.prefix { $0 != ")" && $0 != "," }
            let now = rest.range(of: "JOURNAL_NOW=").map { String(rest[$0.upperBound...].prefix { $0 != ")" }) }
            return (String(command), now)
        }
        #expect(commands.map(\.0) == ["journal --db \(path) events", "journal --db \(path) sprint", "journal --db \(path) report 2025-Q2"])
        for (command, now) in commands {
            let arguments = command.split(separator: " ").dropFirst().map(String.init)
            let result = try s.run(arguments, env: now.map { ["JOURNAL_NOW": $0] } ?? [:])
            #expect(result.status == 0 && result.stderr.isEmpty && !result.stdout.isEmpty, "\(result)")
        }
        // The board it shows is the one its sprint command prints.
        let sprint = try s.ok(["--db", path, "sprint"], env: ["JOURNAL_NOW": "2025-05-16T18:00"])
        #expect(text.contains(sprint), "\(sprint)")
    }

    @Test func helpNamesTheCompletionScripts() throws {
        let s = try Sandbox()
        let help = try s.ok(["--help"])
        #expect(help.contains("""
            Shell completion: journal --generate-completion-script bash|zsh|fish
              (journal help completions says where to put the script).
            """), "\(help)")
        let completions = try s.ok(["help", "completions"])
        #expect(completions.hasPrefix("OVERVIEW: Shell completion for bash, zsh and fish"), "\(completions)")
        for line in ["  journal --generate-completion-script bash \\\n    > ~/.local/share/bash-completion/completions/journal\n",
                     "  journal --generate-completion-script zsh > ~/.zfunc/_journal\n",
                     "  journal --generate-completion-script fish \\\n    > ~/.config/fish/completions/journal.fish\n"] {
            #expect(completions.contains(line), "\(completions)")
        }
        #expect(completions.split(separator: "\n").allSatisfy { $0.count <= 80 }, "\(completions)")
        #expect(try s.ok(["completions"]).hasPrefix("journal --generate-completion-script SHELL prints the script"))
        // Neither hidden command shows in the list, and the scripts still generate.
        #expect(!help.contains("overview ") && !help.contains("completions  "), "\(help)")
        #expect(try s.ok(["--generate-completion-script", "fish"]).contains("__journal_should_offer_completions_for_flags_or_options"))
        #expect(try s.ok(["--generate-completion-script=bash"]).contains("compopt +o filenames"))
        #expect(try s.count() == 0)
    }

    @Test func exportWritesPrivateFilesAlsoOverOthers() throws {
        let s = try Sandbox.demo(now: "2025-05-16T18:00")
        let fresh = s.path("fresh.jsonl")
        _ = try s.ok(["export", "--output", fresh])
        #expect(try permissions(fresh) == 0o600)
        let old = s.path("old.jsonl")
        try Data("old\n".utf8).write(to: URL(fileURLWithPath: old))
        #expect(chmod(old, 0o644) == 0)
        _ = try s.ok(["export", "--output", old])
        #expect(try permissions(old) == 0o600)
        #expect(try Data(contentsOf: URL(fileURLWithPath: old)) == Data(contentsOf: URL(fileURLWithPath: fresh)))
        // Through a symlink the target is replaced, private, and the link stays.
        let target = s.path("target.jsonl")
        try Data("x\n".utf8).write(to: URL(fileURLWithPath: target))
        #expect(chmod(target, 0o666) == 0)
        try FileManager.default.createSymbolicLink(atPath: s.path("link.jsonl"), withDestinationPath: target)
        _ = try s.ok(["export", "--output", s.path("link.jsonl")])
        #expect(try permissions(target) == 0o600)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: s.path("link.jsonl")) == target)
        // Other files --output writes keep the permissions of the file they replace, as before.
        let page = s.path("page.html")
        try Data("x\n".utf8).write(to: URL(fileURLWithPath: page))
        #expect(chmod(page, 0o644) == 0)
        _ = try s.ok(["sprint", "--format", "html", "--output", page])
        #expect(try permissions(page) == 0o644)
    }
}
