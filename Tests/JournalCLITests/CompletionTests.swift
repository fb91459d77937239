import Foundation
import JournalDomain
import Testing
@testable import JournalCLI

/// The journal every completion case reads (JOURNAL_NOW 2025-04-10T09:00, TZ=UTC):
///   aws      active, milestones 1 (done) and 2 (open)
///   network  active, target 15, milestone 1 (open)
///   reading  dropped
///   cert     completed, milestone 1 (open)
///   old      set, then its setting retracted (no longer a goal)
///   direction data-lead, and direction gone (its setting retracted)
enum CompletionFixture {
    static let commands: [[String]] = [
        ["log", "goal", "Complete AWS certification", "--quarter", "2025-Q2", "--key", "aws"],
        ["log", "milestone", "aws", "Sections 1-5", "--weeks", "1-4"],
        ["log", "milestone", "aws", "Sections 6-10", "--weeks", "5-8"],
        ["log", "done", "aws/1"],
        ["log", "goal", "Grow my network", "--quarter", "2025-Q2", "--key", "network", "--target", "15", "--unit", "people"],
        ["log", "milestone", "network", "Meetup", "--week", "3"],
        ["log", "goal", "Read more", "--quarter", "2025-Q1", "--key", "reading"],
        ["log", "drop", "reading", "--reason", "no time"],
        ["log", "goal", "Pass the exam", "--quarter", "2025-Q1", "--key", "cert"],
        ["log", "milestone", "cert", "Book it"],
        ["log", "complete", "cert"],
        ["log", "goal", "A typo", "--quarter", "2025-Q1", "--key", "old"],
        ["log", "retract", "12", "--reason", "logged by mistake"],
        ["log", "direction", "Lead data engineering", "--key", "data-lead"],
        ["log", "direction", "Something else", "--key", "gone"],
        ["log", "retract", "15", "--reason", "not mine"],
    ]

    private static let template: Result<Data, any Error> = Result {
        let s = try Sandbox()
        for command in commands {
            let result = try s.run(command)
            guard result.status == 0 else { throw Fixture.CLIFailure(result: result) }
        }
        return try Data(contentsOf: URL(fileURLWithPath: s.db))
    }

    static func sandbox() throws -> Sandbox {
        let s = try Sandbox()
        try template.get().write(to: URL(fileURLWithPath: s.db))
        return s
    }
}

/// One request the shells send on TAB: the subcommand path, the argument, the words typed (the last being
/// completed), and what must come back.
struct CompletionCase: Sendable, CustomTestStringConvertible {
    let path: [String]
    let argument: String
    let words: [String]
    let expected: [String]

    var testDescription: String { "journal " + words.dropFirst().joined(separator: " ") + "<TAB>" }
}

@Suite("Shell completion")
struct CompletionTests {
    static let subcommands = ["log", "start", "stop", "cancel", "undo", "plan", "review", "sprint", "goals", "report", "history",
                              "insights", "activities", "resume", "share", "events", "demo", "export", "import", "backup", "verify",
                              "rebuild", "remote", "sync"]

    @Test("the completion script generates", arguments: ["bash", "zsh", "fish"])
    func scripts(shell: String) throws {
        let s = try Sandbox()
        let script = try s.ok(["--generate-completion-script", shell])
        if shell == "fish" {
            for name in Self.subcommands { #expect(script.contains("-fa '\(name)'"), "\(shell) offers \(name)") }
        } else {
            #expect(script.contains(Self.subcommands.joined(separator: "|") + "|help)"), "\(shell) offers every subcommand")
        }
        for call in ["---completion log done -- positional@0", "---completion log activity -- --goal",
                     "---completion history -- positional@0", "---completion events -- --goal",
                     "---completion log goal -- --direction", "---completion start -- --goal", "---completion activities -- --goal"] {
            #expect(script.contains(call), "\(shell) asks journal for \(call)")
        }
        #expect(try s.count() == 0 && !FileManager.default.fileExists(atPath: s.db), "no journal created")
    }

    /// Runs what the shells run on TAB: the request, then every word typed so far (`journal` first).
    static func request(_ c: CompletionCase, in s: Sandbox, env: [String: String?] = ["SAP_SHELL": "bash"]) throws -> RunResult {
        let index = c.words.count - 1
        let cursor = c.words[index].count
        return try s.run(["---completion"] + c.path + ["--", c.argument, String(index), String(cursor)] + c.words, env: env)
    }

    @Test("goal keys and milestone refs complete from the journal", arguments: [
        CompletionCase(path: ["log", "done"], argument: "positional@0", words: ["journal", "log", "done", ""],
                       expected: ["aws/2", "network/1"]),
        CompletionCase(path: ["log", "done"], argument: "positional@0", words: ["journal", "log", "done", "net"],
                       expected: ["network/1"]),
        CompletionCase(path: ["log", "milestone"], argument: "positional@0", words: ["journal", "log", "milestone", ""],
                       expected: ["aws", "network"]),
        CompletionCase(path: ["log", "progress"], argument: "positional@0", words: ["journal", "log", "progress", ""],
                       expected: ["network"]),
        // revise takes a goal or (issue 13) a milestone to reschedule or retitle.
        CompletionCase(path: ["log", "revise"], argument: "positional@0", words: ["journal", "log", "revise", "a"],
                       expected: ["aws", "aws/2"]),
        CompletionCase(path: ["log", "complete"], argument: "positional@0", words: ["journal", "log", "complete", ""],
                       expected: ["aws", "network"]),
        CompletionCase(path: ["log", "drop"], argument: "positional@0", words: ["journal", "log", "drop", ""],
                       expected: ["aws", "network"]),
        CompletionCase(path: ["log", "activity"], argument: "--goal", words: ["journal", "log", "activity", "Read", "--goal", ""],
                       expected: ["aws", "aws/2", "network", "network/1"]),
        CompletionCase(path: ["log", "activity"], argument: "--goal", words: ["journal", "log", "activity", "Read", "--goal", "aws/"],
                       expected: ["aws/2"]),
        CompletionCase(path: ["history"], argument: "positional@0", words: ["journal", "history", ""],
                       expected: ["aws", "cert", "network", "reading"]),
        CompletionCase(path: ["events"], argument: "--goal", words: ["journal", "events", "--goal", ""],
                       expected: ["aws", "cert", "network", "reading"]),
        CompletionCase(path: ["log", "goal"], argument: "--direction", words: ["journal", "log", "goal", "X", "--direction", ""],
                       expected: ["data-lead"]),
        CompletionCase(path: ["log", "revise"], argument: "--direction", words: ["journal", "log", "revise", "aws", "--direction", ""],
                       expected: ["data-lead"]),
    ])
    func candidates(_ c: CompletionCase) throws {
        let s = try CompletionFixture.sandbox()
        let result = try Self.request(c, in: s)
        #expect(result.status == 0 && result.stderr.isEmpty, "\(result)")
        #expect(result.stdoutLines == c.expected, "\(result)")
        #expect(try s.count() == CompletionFixture.commands.count, "nothing appended")
    }

    /// A renamed goal is offered by its new key only (its old one still works when typed).
    @Test func aRenamedGoalIsOfferedByItsNewKey() throws {
        let s = try CompletionFixture.sandbox()
        _ = try s.ok(["log", "revise", "aws", "--key", "aws-cert", "--reason", "Clearer"])
        let cases = [
            CompletionCase(path: ["log", "done"], argument: "positional@0", words: ["journal", "log", "done", ""],
                           expected: ["aws-cert/2", "network/1"]),
            CompletionCase(path: ["log", "activity"], argument: "--goal", words: ["journal", "log", "activity", "Read", "--goal", "a"],
                           expected: ["aws-cert", "aws-cert/2"]),
            CompletionCase(path: ["log", "complete"], argument: "positional@0", words: ["journal", "log", "complete", ""],
                           expected: ["aws-cert", "network"]),
            CompletionCase(path: ["history"], argument: "positional@0", words: ["journal", "history", ""],
                           expected: ["aws-cert", "cert", "network", "reading"]),
            CompletionCase(path: ["events"], argument: "--goal", words: ["journal", "events", "--goal", ""],
                           expected: ["aws-cert", "cert", "network", "reading"]),
        ]
        for c in cases {
            let result = try Self.request(c, in: s)
            #expect(result.status == 0 && result.stderr.isEmpty, "\(result)")
            #expect(result.stdoutLines == c.expected, "\(c.testDescription): \(result)")
        }
    }

    @Test func theJournalIsTheOneTheCommandLineNames() throws {
        let s = try CompletionFixture.sandbox()
        let elsewhere = try Sandbox()
        try FileManager.default.moveItem(atPath: s.db, toPath: s.path("moved.sqlite"))
        let done = { (words: [String]) in CompletionCase(path: ["log", "done"], argument: "positional@0", words: words, expected: []) }
        // JOURNAL_DB names no journal now; --db (both spellings, and ~/ as the shell will expand it) does.
        for words in [["journal", "log", "done", "--db", s.path("moved.sqlite"), ""],
                      ["journal", "log", "done", "--db=" + s.path("moved.sqlite"), ""],
                      ["journal", "log", "done", "--db", "~/moved.sqlite", ""],
                      ["journal", "log", "done", "--db", "'\(s.path("moved.sqlite"))'", ""]] {
            let result = try Self.request(done(words), in: s)
            #expect(result.status == 0 && result.stdoutLines == ["aws/2", "network/1"], "\(words): \(result)")
        }
        // JOURNAL_DB, then the XDG default, when there is no --db.
        let viaEnvironment = try Self.request(done(["journal", "log", "done", ""]), in: elsewhere,
                                              env: ["JOURNAL_DB": s.path("moved.sqlite")])
        #expect(viaEnvironment.stdoutLines == ["aws/2", "network/1"], "\(viaEnvironment)")
        let xdg = elsewhere.path("xdg")
        try FileManager.default.createDirectory(atPath: xdg + "/journal", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: s.path("moved.sqlite"), toPath: xdg + "/journal/journal.sqlite")
        let viaDefault = try Self.request(done(["journal", "log", "done", ""]), in: elsewhere,
                                          env: ["JOURNAL_DB": nil, "XDG_DATA_HOME": xdg])
        #expect(viaDefault.stdoutLines == ["aws/2", "network/1"], "\(viaDefault)")
    }

    @Test func withoutAJournalNothingIsOfferedNorCreated() throws {
        let s = try Sandbox()
        let history = CompletionCase(path: ["history"], argument: "positional@0", words: ["journal", "history", ""], expected: [])
        let missing = try Self.request(history, in: s)
        #expect(missing.status == 0 && missing.stdout.isEmpty && missing.stderr.isEmpty, "\(missing)")
        #expect(!FileManager.default.fileExists(atPath: s.db), "no journal created")

        // A file that is not a journal is left as it was.
        let text = Data("not a journal\n".utf8)
        try text.write(to: URL(fileURLWithPath: s.db))
        let notJournal = try Self.request(history, in: s)
        #expect(notJournal.status == 0 && notJournal.stdout.isEmpty && notJournal.stderr.isEmpty, "\(notJournal)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: s.db)) == text)

        // An empty --db (which the command refuses) offers nothing either.
        let empty = try Self.request(CompletionCase(path: ["history"], argument: "positional@0",
                                                    words: ["journal", "history", "--db", "''", ""], expected: []), in: s)
        #expect(empty.status == 0 && empty.stdout.isEmpty && empty.stderr.isEmpty, "\(empty)")
    }

    @Test func aRequestFromAnotherVersionsScriptOffersNothing() throws {
        let s = try CompletionFixture.sandbox()
        for request in [["---completion", "log", "postpone", "--", "positional@0", "3", "0", "journal", "log", "postpone", ""],
                        ["---completion", "log", "done", "--", "positional@7", "3", "0", "journal", "log", "done", ""],
                        ["---completion", "log", "done", "--", "positional@0", "three", "0", "journal", "log", "done", ""]] {
            let stale = try s.run(request)
            #expect(stale.status == 0 && stale.stdout.isEmpty && stale.stderr.isEmpty, "\(stale)")
        }
        // The same request, well formed, does offer something: the cases above fail for their form alone.
        let good = try s.run(["---completion", "log", "done", "--", "positional@0", "3", "0", "journal", "log", "done", ""])
        #expect(good.stdoutLines == ["aws/2", "network/1"], "\(good)")
    }

    @Test func shellWordsAreReadAsTheCommandWillReadThem() {
        #expect(CompletionWords.databaseOption(in: ["journal", "log", "done", ""], home: "/h") == nil)
        #expect(CompletionWords.databaseOption(in: ["journal", "--db", "a", "--db=b", ""], home: "/h") == "b")
        #expect(CompletionWords.databaseOption(in: ["journal", "--db", "\"~/x y\"", ""], home: "/h") == "/h/x y")
        #expect(CompletionWords.databaseOption(in: ["journal", "--", "--db", "a"], home: "/h") == nil)
        #expect(CompletionWords.databaseOption(in: ["journal", "--db"], home: "/h") == nil)
        #expect(CompletionWords.databaseOption(in: ["journal", "--db", "~other/x"], home: "/h") == "~other/x")
    }

    /// The whole path as bash takes it: the generated script sourced, COMP_WORDS set as for a TAB at the end of the
    /// line, and the completion function the script registers for `journal` called.
    @Test func bashCompletesGoalsAndMilestonesThroughTheScript() throws {
        let bash = try #require(["/bin/bash", "/usr/bin/bash"].first { FileManager.default.isExecutableFile(atPath: $0) },
                                "this test needs bash")
        let s = try CompletionFixture.sandbox()
        let other = s.path("other.sqlite")
        _ = try s.run(["log", "goal", "Elsewhere", "--quarter", "2025-Q2", "--key", "elsewhere", "--db", other])
        _ = try s.run(["log", "milestone", "elsewhere", "First step", "--db", other])
        try Data(try s.ok(["--generate-completion-script", "bash"]).utf8).write(to: URL(fileURLWithPath: s.path("journal.bash")))
        let binary = try JournalBinary.require().path
        let driver = """
            source ./journal.bash
            spec="$(complete -p journal)"
            [[ "$spec" == *"-F _journal journal" ]] || { echo "not registered: $spec"; exit 1; }
            tab() {
                COMP_WORDS=("\(binary)" "$@"); COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
                COMP_LINE="${COMP_WORDS[*]}"; COMP_POINT=${#COMP_LINE}; COMPREPLY=()
                _journal journal "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
                echo "$* => ${COMPREPLY[*]}"
            }
            tab log done ''
            tab log done 'n'
            tab log activity Read --goal ''
            tab history ''
            tab log done --db \(other) ''
            tab log d
            """
        let result = try s.spawnProgram(bash, ["--noprofile", "--norc", "-c", driver]).wait()
        #expect(result.status == 0 && result.stderr.isEmpty, "\(result)")
        #expect(result.stdoutLines == [
            "log done  => aws/2 network/1",
            "log done n => network/1",
            "log activity Read --goal  => aws aws/2 network network/1",
            "history  => aws cert network reading",
            "log done --db \(other)  => elsewhere/1",
            "log d => direction done drop",
        ], "\(result)")
    }

    /// Readline lists the candidates of a `complete -o filenames` spec (ArgumentParser's, for --db and import's
    /// files) as file names, only what follows the last `/`: `1` for `network/1`. Typed at a real bash on a
    /// terminal, two TABs must list the refs whole, while --db still completes file names.
    @Test func bashListsMilestoneRefsWhole() throws {
        let bash = try #require(["/bin/bash", "/usr/bin/bash"].first { FileManager.default.isExecutableFile(atPath: $0) },
                                "this test needs bash")
        let s = try CompletionFixture.sandbox()
        let script = try s.ok(["--generate-completion-script", "bash"])
        #expect(script.contains("compopt +o filenames 2>/dev/null; __journal_add_completions -W \"$(__journal_custom_complete ---completion log done"))
        try Data(script.utf8).write(to: URL(fileURLWithPath: s.path("journal.bash")))
        let bin = s.path("bin")
        try FileManager.default.createDirectory(atPath: bin, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: bin + "/journal", withDestinationPath: try JournalBinary.require().path)
        try FileManager.default.createDirectory(atPath: s.path("folder"), withIntermediateDirectories: true)
        let t = try Terminal(s, ["--noprofile", "--norc", "-i"], env: ["PATH": bin + ":/usr/bin:/bin"], program: bash)
        t.type("source \(s.path("journal.bash")); cd \(s.root.path); PS1='READY$ '; echo SET$((1 + 1))UP")
        try t.expect("SET2UP")
        try t.expect("READY$ ")
        t.press("journal log done \t\t")
        try t.expect("network/1")
        // The list names the refs whole, not "2  1".
        let listed = t.screen.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
        #expect(listed.contains(["aws/2", "network/1"]) && !listed.contains(["2", "1"]), "\(t.screen)")
        t.pressControlC()
        try t.expect("^C\nREADY$ ")
        // A file option still completes as files: a folder gets its slash.
        t.press("journal sprint --db fol\t")
        try t.expect("--db folder/")
        t.pressControlC()
        try t.expect("^C\nREADY$ ")
        // --db before the subcommand: its file completes, and so does what follows, from that journal.
        t.press("journal --db fol\t")
        try t.expect("journal --db folder/")
        t.pressControlC()
        try t.expect("^C\nREADY$ ")
        t.press("journal --db \(s.db) log done \t\t")
        try t.expect("network/1")
        let leading = t.screen.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
        #expect(leading.contains(["aws/2", "network/1"]), "\(t.screen)")
        t.pressControlC()
        try t.expect("^C\nREADY$ ")
        t.press("journal --db=\(s.db) hist\t")
        try t.expect("journal --db=\(s.db) history ")
        t.pressControlC()
        try t.expect("^C\nREADY$ ")
        t.pressControlD()
        // bash exits with the last status: 130, the line interrupted by Ctrl-C.
        #expect(t.wait() == 130, "\(t.screen)")
    }

    /// A journal no version of journal should have let these keys into (an edited file, another program): each
    /// hostile key names the marker file its command would create, were the shell to run it.
    static func hostileJournal(_ s: Sandbox) throws -> [String] {
        let markers = ["bash", "zsh", "fish", "tick"].map { s.path("PWNED-" + $0) }
        let keys = ["$(touch${IFS}\(markers[0]))", "$(touch${IFS}\(markers[1]))", "$(touch${IFS}\(markers[2]))",
                    "`touch \(markers[3])`", "a:b", "tab\there", "Upper", "new\nline", "-dash", String(repeating: "x", count: 33)]
        let quarter = try #require(Quarter(parsing: "2025-Q2"))
        try RawJournal.append([.goalSet(GoalSet(key: "aws", title: "AWS", quarter: quarter)),
                               .goalSet(GoalSet(key: "network", title: "Network", quarter: quarter))]
                              + keys.map { .goalSet(GoalSet(key: $0, title: "Hostile", quarter: quarter)) }, to: s.db)
        return markers
    }

    @Test func onlyKeysAndRefsAreEverOffered() throws {
        let s = try Sandbox()
        _ = try Self.hostileJournal(s)
        let history = CompletionCase(path: ["history"], argument: "positional@0", words: ["journal", "history", ""], expected: [])
        for shell in ["bash", "zsh", "fish"] {
            let result = try Self.request(history, in: s, env: ["SAP_SHELL": shell])
            // zsh's script drops the answer's last line, which ArgumentParser adds for it.
            let offered = shell == "zsh" ? ["aws", "network", " "] : ["aws", "network"]
            #expect(result.status == 0 && result.stdoutLines == offered, "\(shell): \(result)")
        }
        for good in ["aws", "a", "a-b", "x1/2", String(repeating: "x", count: 32) + "/10"] {
            #expect(CompletionCandidates.isWellFormed(good), "\(good)")
        }
        for bad in ["", "a/", "a/0", "a/+1", "a/01", "/1", "a/1/2", "A", "a b", "a:b", "$(x)", "-a", "a-", "é"] {
            #expect(!CompletionCandidates.isWellFormed(bad), "\(bad)")
        }
    }

    /// Bash hands the candidates to `compgen -W`, which expands each like shell words: a key `$(cmd)` would run
    /// cmd on TAB.
    @Test func bashRunsNothingAJournalHolds() throws {
        let bash = try #require(["/bin/bash", "/usr/bin/bash"].first { FileManager.default.isExecutableFile(atPath: $0) },
                                "this test needs bash")
        let s = try Sandbox()
        let markers = try Self.hostileJournal(s)
        try Data(try s.ok(["--generate-completion-script", "bash"]).utf8).write(to: URL(fileURLWithPath: s.path("journal.bash")))
        let binary = try JournalBinary.require().path
        let driver = """
            source ./journal.bash
            COMP_WORDS=("\(binary)" history --db "\(s.db)" ''); COMP_CWORD=4
            COMP_LINE="${COMP_WORDS[*]}"; COMP_POINT=${#COMP_LINE}; COMPREPLY=()
            _journal journal '' "\(s.db)"
            echo "${COMPREPLY[*]}"
            """
        let result = try s.spawnProgram(bash, ["--noprofile", "--norc", "-c", driver]).wait()
        #expect(result.status == 0 && result.stderr.isEmpty && result.stdoutLines == ["aws network"], "\(result)")
        for marker in markers { #expect(!FileManager.default.fileExists(atPath: marker), "bash ran \(marker)'s key") }
    }

    /// zsh and fish complete only in their line editors: each runs on a pseudo-terminal (zsh's zpty), the script
    /// loaded, `journal history --db FILE ` typed and TAB pressed; what the screen then lists is what they offer.
    @Test("zsh and fish run nothing and offer only keys", arguments: ["zsh", "fish"])
    func lineEditorsRunNothing(shell: String) throws {
        let zsh = try #require(["/usr/bin/zsh", "/bin/zsh"].first { FileManager.default.isExecutableFile(atPath: $0) },
                               "this test needs zsh (.ci/run installs it)")
        let program = try #require(["/usr/bin/\(shell)", "/bin/\(shell)"].first { FileManager.default.isExecutableFile(atPath: $0) },
                                   "this test needs \(shell) (.ci/run installs it)")
        let s = try Sandbox()
        let markers = try Self.hostileJournal(s)
        let binary = try JournalBinary.require()
        let bin = s.path("bin")
        try FileManager.default.createDirectory(atPath: bin, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: bin + "/journal", withDestinationPath: binary.path)
        let script = try s.ok(["--generate-completion-script", shell])
        let setup: String
        if shell == "zsh" {
            try FileManager.default.createDirectory(atPath: s.path("functions"), withIntermediateDirectories: true)
            try Data(script.utf8).write(to: URL(fileURLWithPath: s.path("functions/_journal")))
            setup = "PS1=READY; fpath=(\(s.path("functions")) $fpath); autoload -Uz compinit; compinit -u -D; echo INIT$((1 + 1))DONE"
        } else {
            try Data(script.utf8).write(to: URL(fileURLWithPath: s.path("journal.fish")))
            setup = "source \(s.path("journal.fish")); function fish_prompt; echo READY; end; echo INIT(math 1 + 1)DONE"
        }
        let command = shell == "zsh" ? "\(program) -f -i" : "\(program) --no-config -i"
        // The setup's marker is worked out by the shell, so the echo of the typed line does not match it; after TAB
        // the list is read up to its last key, then what is left drained.
        let driver = """
            zmodload zsh/zpty
            zpty sh 'TERM=xterm PATH=\(bin):$PATH \(command)'
            zpty -w sh '\(setup)'
            zpty -r sh out '*INIT2DONE*'
            zpty -w -n sh 'journal history --db \(s.db) '$'\\t'
            zpty -r sh out '*network*'
            print -r -- "$out"
            for i in {1..10}; do if zpty -r -t sh out; then print -r -- "$out"; else sleep 0.2; fi; done
            zpty -d sh
            """
        let result = try s.spawnProgram("/usr/bin/timeout", ["60", zsh, "-f", "-c", driver]).wait()
        #expect(result.status == 0, "\(result)")
        let screen = result.stdout
        #expect(screen.contains("aws") && screen.contains("network"), "\(shell) offers the keys: \(result)")
        #expect(!screen.contains("PWNED") && !screen.contains("Upper") && !screen.contains("a:b") && !screen.contains("a -- b"),
                "\(shell) offers nothing else: \(result)")
        for marker in markers { #expect(!FileManager.default.fileExists(atPath: marker), "\(shell) ran \(marker)'s key") }
    }
}
