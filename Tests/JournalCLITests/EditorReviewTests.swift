import Foundation
import Testing

/// `journal review --edit` and `journal plan --edit` with a scripted $EDITOR: a shell script in the sandbox that
/// notes the file it was given (and its permissions), then edits it with sed or puts a prepared answer in place.
@Suite("Reviews and plans in an editor")
struct EditorReviewTests {
    func demo() throws -> Sandbox { try Sandbox.demo(now: "2025-07-03T10:00") }

    /// An editor script: `body` runs with the file as $1; every run appends the file's path, its mode and its
    /// folder's mode to seen.log, and a copy of what it was given to given-N.txt.
    func editor(_ s: Sandbox, _ body: String) throws -> String {
        let path = s.path("editor.sh")
        let script = """
            #!/bin/sh
            n=$(ls \(s.root.path)/given-*.txt 2>/dev/null | wc -l)
            cp "$1" \(s.root.path)/given-$n.txt
            echo "$1 $(stat -c %a "$1") $(stat -c %a "$(dirname "$1")")" >> \(s.root.path)/seen.log
            \(body)

            """
        try Data(script.utf8).write(to: URL(fileURLWithPath: path))
        chmod(path, 0o755)
        return path
    }

    func seen(_ s: Sandbox) throws -> [[String]] {
        try String(contentsOfFile: s.path("seen.log"), encoding: .utf8).split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
    }

    func given(_ s: Sandbox, _ n: Int) throws -> String { try String(contentsOfFile: s.path("given-\(n).txt"), encoding: .utf8) }

    /// The file is private while the editor has it, and gone (with its folder) once journal is done.
    func expectPrivateAndGone(_ s: Sandbox, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let runs = try seen(s)
        #expect(!runs.isEmpty, sourceLocation: sourceLocation)
        for run in runs {
            #expect(run.count == 3 && run[1] == "600" && run[2] == "700", "\(run)", sourceLocation: sourceLocation)
            let file = run[0]
            #expect(!FileManager.default.fileExists(atPath: file), "\(file) left behind", sourceLocation: sourceLocation)
            #expect(!FileManager.default.fileExists(atPath: (file as NSString).deletingLastPathComponent), sourceLocation: sourceLocation)
        }
    }

    @Test func savingTheEditedTemplateRecordsTheReview() throws {
        let s = try demo()
        let before = try s.count()
        let script = try editor(s, """
            sed -i 's/"obstacles": ""/"obstacles": "A release crunch in May"/; s/"learned": ""/"learned": "I study best in the mornings"/; s/"next": ""/"next": "Lead the pipeline migration"/; s/"blockers": \\[\\]/"blockers": ["overcommitting", "other"]/' "$1"
            """)
        let result = try s.run(["review", "--edit"], env: ["EDITOR": script, "VISUAL": nil])
        #expect(result.status == 0 && result.stderr.isEmpty, "\(result)")
        #expect(result.stdout == "Review of 2025-Q2 recorded (blockers: overcommitting, other) (event \(before + 1))\n")
        let template = try given(s, 0).split(separator: "\n").map(String.init)
        #expect(template.prefix(4) == [
            "# The review of 2025-Q2: answer the five questions in the JSON below, then save",
            "# and close the editor to record it. Lines starting with # are left out; an",
            "# empty file, or one saved unchanged, records nothing.",
            "# blockers: a list of any of overcommitting, too-many-goals, lost-interest,",
        ])
        #expect(template.prefix(5).allSatisfy { $0.count <= 80 }, "\(template)")
        #expect(template.contains("#   aws      completed  3/3 milestones  1 revision"))
        #expect(template.contains("  # 1/5 What did I set out to accomplish this quarter?"))
        #expect(template.contains(#"  "planned": "Complete AWS Solutions Architect certification (Pass the certification exam); Build professional network in data engineering (15 new relevant connections, 2 conversations)","#))
        #expect(template.contains(#"  "obstacles": "","#))
        #expect(template.contains(#"  "blockers": []"#))
        let review = try #require(try jsonObject(try s.ok(["report", "2025-Q2", "--format", "json"]))["review"] as? [String: Any])
        #expect(review["obstacles"] as? String == "A release crunch in May")
        #expect(review["next"] as? String == "Lead the pipeline migration")
        try expectPrivateAndGone(s)
    }

    @Test func visualWinsOverEditorAndAValueMayCarryArguments() throws {
        let s = try demo()
        let answer = s.path("answer.json")
        try Data(#"{"planned": "AWS", "accomplished": "Passed", "obstacles": "Time", "learned": "Mornings", "next": "Kubernetes", "blockers": []}"#.utf8)
            .write(to: URL(fileURLWithPath: answer))
        // Run as `sh -c 'VALUE "$1"'`: the value's own argument comes first, the journal's file last.
        let script = s.path("put.sh")
        try Data("#!/bin/sh\necho \"$2\" > \(s.root.path)/put.log\ncp \"$1\" \"$2\"\n".utf8).write(to: URL(fileURLWithPath: script))
        chmod(script, 0o755)
        let result = try s.run(["review", "2025-Q2", "--edit"], env: ["VISUAL": "\(script) \(answer)", "EDITOR": "false"])
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.hasPrefix("Review of 2025-Q2 recorded"))
        let file = try String(contentsOfFile: s.path("put.log"), encoding: .utf8).trimmingCharacters(in: .newlines)
        #expect(file.hasSuffix("/review-2025-Q2.json") && !FileManager.default.fileExists(atPath: file))
    }

    @Test func anEditorThatFailsRecordsNothingAndLeavesNothing() throws {
        let s = try demo()
        let before = try s.count()
        let script = try editor(s, "exit 3")
        let result = try s.run(["review", "--edit"], env: ["EDITOR": script])
        expectRefusal(result, status: 64, mentioning: ["exited with 3; nothing was recorded"])
        #expect(try s.count() == before)
        try expectPrivateAndGone(s)
    }

    @Test func anInvalidFileOpensAgainWithItsErrorThenAnEmptyOneRecordsNothing() throws {
        let s = try demo()
        let before = try s.count()
        // The first round leaves an answer empty; the second empties the file.
        let script = try editor(s, """
            if [ "$n" = 0 ]; then sed -i 's/"obstacles": ""/"obstacles": "Time"/; s/"learned": ""/"learned": "Mornings"/' "$1"; else : > "$1"; fi
            """)
        let result = try s.run(["review", "--edit"], env: ["EDITOR": script])
        #expect(result.status == 0 && result.stderr.isEmpty, "\(result)")
        #expect(result.stdout == "Nothing was recorded: the file was empty.\n")
        let second = try given(s, 1).split(separator: "\n").map(String.init)
        #expect(second.prefix(2) == [
            "# journal: the answer to --next is empty; say it in a few words",
            "# journal: fix it and save again, or empty the file to record nothing.",
        ])
        #expect(second.contains(#"  "obstacles": "Time","#), "the second round shows what the first saved")
        #expect(try s.count() == before)
        try expectPrivateAndGone(s)
    }

    @Test func aFileSavedUnchangedRecordsNothing() throws {
        let s = try demo()
        let before = try s.count()
        let result = try s.run(["review", "--edit"], env: ["EDITOR": try editor(s, ":")])
        #expect(result.stdout == "Nothing was recorded: the file was saved unchanged.\n" && result.status == 0)
        #expect(try s.count() == before)
        try expectPrivateAndGone(s)
    }

    @Test func brokenJSONIsNamedAndTheNextRoundCanFixIt() throws {
        let s = try demo()
        let answer = s.path("answer.json")
        try Data(#"{"planned": "AWS", "accomplished": "Passed", "obstacles": "Time", "learned": "Mornings", "next": "Kubernetes"}"#.utf8)
            .write(to: URL(fileURLWithPath: answer))
        let script = try editor(s, """
            if [ "$n" = 0 ]; then echo '{"planned": ' > "$1"; else cp \(answer) "$1"; fi
            """)
        let result = try s.run(["review", "--edit"], env: ["EDITOR": script])
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.hasPrefix("Review of 2025-Q2 recorded (event"))
        #expect(try given(s, 1).hasPrefix("# journal: the file: not valid JSON; check the file's syntax\n"))
        try expectPrivateAndGone(s)
    }

    @Test func ctrlCWhileTheEditorRunsLeavesNothing() throws {
        let s = try demo()
        let before = try s.count()
        // Ctrl-C at a terminal reaches the whole foreground group: journal (which leaves it to the editor while
        // the editor runs) and the editor, which it stops.
        let script = try editor(s, "kill -INT $(ps -o ppid= -p $PPID | tr -d ' '); kill -INT $$; sleep 5")
        let result = try s.runProcess(["review", "--edit"], env: ["EDITOR": script])
        #expect(result.exited && result.status == 64, "\(result)")
        #expect(result.stderr.contains("exited with 130; nothing was recorded"), "\(result)")
        #expect(try s.count() == before)
        try expectPrivateAndGone(s)
    }
}

extension EditorReviewTests {
    @Test func aPlanWrittenInTheEditorIsRecordedInOneAppend() throws {
        let s = try demo()
        let before = try s.count()
        let script = try editor(s, #"""
            sed -i 's|"goals": \[\],|"goals": [{"title": "Lead the pipeline migration", "metric": "Live in production", "due": "2025-09-30", "milestones": [{"title": "Map the pipelines", "weeks": "1-2"}]}],|' "$1"
            """#)
        let result = try s.run(["plan", "2025-Q3", "--edit", "--quiet"], env: ["EDITOR": script])
        #expect(result.status == 0 && result.stderr.isEmpty, "\(result)")
        #expect(result.stdoutLines == [
            "Goal network revised (due 2025-06-30 -> 2025-09-30; quarter 2025-Q2 -> 2025-Q3): Unfinished in 2025-Q2; carried over to keep working on it (event \(before + 1))",
            "Goal lead-pipeline set for 2025-Q3: Lead the pipeline migration [metric: Live in production; due 2025-09-30] (event \(before + 2))",
            "Milestone lead-pipeline/1 planned for weeks 1-2: Map the pipelines (event \(before + 3))",
        ])
        let template = try given(s, 0)
        #expect(template.contains(#"    {"goal": "network", "action": "keep", "reason": "Unfinished in 2025-Q2; carried over to keep working on it"}"#))
        #expect(template.contains("    # network  Build professional network in data engineering  (2/5 milestones, 12/15 connections, due 2025-06-30)"))
        try expectPrivateAndGone(s)
    }

    @Test func aPlanTheRulesRefuseOpensAgainWithTheRefusal() throws {
        let s = try demo()
        let before = try s.count()
        // A drop without a reason, then (the second round) the file emptied.
        let script = try editor(s, """
            if [ "$n" = 0 ]; then sed -i 's/"action": "keep", "reason": "[^"]*"/"action": "drop"/' "$1"; else : > "$1"; fi
            """)
        let result = try s.run(["plan", "2025-Q3", "--edit"], env: ["EDITOR": script])
        #expect(result.stdout == "Nothing was recorded: the file was empty.\n" && result.status == 0, "\(result)")
        let second = try given(s, 1)
        #expect(second.hasPrefix("# journal: "), "\(second)")
        #expect(try s.count() == before)
        try expectPrivateAndGone(s)
    }
}
