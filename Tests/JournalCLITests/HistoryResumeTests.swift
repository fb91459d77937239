import Foundation
import Testing

/// `journal history` and `journal resume` through the built binary: every format, the errors, and that reading
/// never appends.
@Suite("journal history and journal resume")
struct HistoryResumeTests {
    /// A Q2 sprint: AWS set, a milestone, a linked and an unlinked activity, a milestone done a day late in the
    /// log, a due-date revision, a retracted title revision, a second milestone done and the goal completed;
    /// a blog goal whose completion was retracted; a Q3 network goal with a milestone done. Reads happen on Jul 10.
    func sprint() throws -> Sandbox {
        try PreparedJournals.sandbox("sprint") { s in
            func at(_ now: String, _ arguments: String...) throws {
                let result = try s.run(["log"] + arguments, env: ["JOURNAL_NOW": now])
                try #require(result.status == 0, "\(result)")
            }
            try at("2025-04-01T09:00", "goal", "Complete AWS Solutions Architect certification", "--key", "aws",
                   "--quarter", "2025-Q2", "--metric", "Pass the exam", "--due", "2025-06-15")
            try at("2025-04-01T09:05", "milestone", "aws", "Finish sections 1-5", "--weeks", "1-4")
            try at("2025-04-03T18:00", "activity", "Course section 1", "--goal", "aws/1", "--minutes", "60")
            try at("2025-04-04T18:00", "activity", "Unrelated webinar", "--minutes", "30")
            try at("2025-04-29T08:00", "done", "aws/1", "--on", "2025-04-28")
            try at("2025-05-20T10:00", "revise", "aws", "--due", "2025-06-30", "--reason", "Exam slots full until late June")
            try at("2025-05-21T10:00", "revise", "aws", "--title", "AWS cert", "--reason", "Shorter")
            try at("2025-05-21T11:00", "retract", "7", "--reason", "Kept the long title")
            try at("2025-05-21T12:00", "milestone", "aws", "Take the exam", "--due", "2025-06-30")
            try at("2025-06-27T15:00", "done", "aws/2")
            try at("2025-06-27T16:00", "complete", "aws", "--outcome", "Passed the exam")
            try at("2025-06-28T09:00", "goal", "Write three blog posts", "--key", "blog", "--quarter", "2025-Q2")
            try at("2025-06-28T10:00", "complete", "blog", "--outcome", "Three posts")
            try at("2025-06-28T11:00", "retract", "13", "--reason", "Only two were published")
            try at("2025-07-01T09:00", "goal", "Grow my network", "--key", "network", "--quarter", "2025-Q3",
                   "--target", "15", "--unit", "connections")
            try at("2025-07-01T09:05", "milestone", "network", "Attend a meetup", "--week", "1")
            try at("2025-07-03T10:00", "done", "network/1")
            try #require(try s.count() == 17)
            s.environment["JOURNAL_NOW"] = "2025-07-10T09:00"
        }
    }

    func parse(_ text: String) throws -> JSON {
        try JSONDecoder().decode(JSON.self, from: Data(text.utf8))
    }

    /// The keys of an object in the order they were printed (JSONDecoder forgets the order).
    func keyOrder(_ text: String, indent: Int) -> [String] {
        let prefix = String(repeating: " ", count: indent) + "\""
        return text.split(separator: "\n").compactMap { line in
            guard line.hasPrefix(prefix), line.dropFirst(prefix.count).first != " " else { return nil }
            return line.dropFirst(prefix.count).split(separator: "\"").first.map(String.init)
        }
    }

    @Test func historyText() throws {
        let s = try sprint()
        let out = try s.ok(["history", "aws", "--as-of", "2025-05-20"])
        #expect(out == """
            History of aws: Complete AWS Solutions Architect certification (completed)
             1  2025-04-01 09:00                               goal-set           Goal set for 2025-Q2: Complete AWS Solutions Architect certification [metric: Pass the exam; due 2025-06-15]
             2  2025-04-01 09:05                               milestone-planned  Milestone aws/1 planned for weeks 1-4: Finish sections 1-5
             3  2025-04-03 18:00                               activity-logged    Activity (60 min, aws/1): Course section 1
             5  2025-04-28 12:00  (recorded 2025-04-29 08:00)  milestone-done     Milestone aws/1 done: Finish sections 1-5
             6  2025-05-20 10:00                               goal-revised       Revised due
                                                                                  due: 2025-06-15 → 2025-06-30
                                                                                  reason: Exam slots full until late June
             7  2025-05-21 10:00                               goal-revised       Revised title  [retracted: Kept the long title]
                                                                                  title: Complete AWS Solutions Architect certification → AWS cert
                                                                                  reason: Shorter
             8  2025-05-21 11:00                               event-retracted    Retracted event 7 (goal-revised): Kept the long title
             9  2025-05-21 12:00                               milestone-planned  Milestone aws/2 planned due 2025-06-30: Take the exam
            10  2025-06-27 15:00                               milestone-done     Milestone aws/2 done: Take the exam
            11  2025-06-27 16:00                               goal-completed     Completed: Passed the exam

            As of the end of May 20:
              title    Complete AWS Solutions Architect certification
              quarter  2025-Q2
              status   active
              metric   Pass the exam
              due      Jun 30
              milestones
                aws/1  done Apr 28  Finish sections 1-5

            """, "\(out)")

        // Without --as-of, no state; a day before the revision shows the old due date.
        let plain = try s.ok(["history", "aws"])
        #expect(!plain.contains("As of") && plain.hasSuffix("Completed: Passed the exam\n"), "\(plain)")
        let before = try s.ok(["history", "aws", "--as-of", "2025-05-19"])
        #expect(before.contains("\n  due      Jun 15\n"), "\(before)")
        // "yesterday" is read in the user's zone: Jul 9, after everything about aws.
        let yesterday = try s.ok(["history", "aws", "--as-of", "yesterday"])
        #expect(yesterday.contains("As of the end of Jul 9:\n") && yesterday.contains("\n  status   completed\n"), "\(yesterday)")

        // A retracted completion is listed and marked; the goal is active again.
        let blog = try s.ok(["history", "blog"])
        #expect(blog == """
            History of blog: Write three blog posts (active)
            12  2025-06-28 09:00  goal-set         Goal set for 2025-Q2: Write three blog posts
            13  2025-06-28 10:00  goal-completed   Completed: Three posts  [retracted: Only two were published]
            14  2025-06-28 11:00  event-retracted  Retracted event 13 (goal-completed): Only two were published

            """, "\(blog)")
        #expect(try s.count() == 17)
    }

    @Test func historyMarkdown() throws {
        let s = try sprint()
        let out = try s.ok(["history", "aws", "--as-of", "2025-05-20", "--format", "markdown"])
        let lines = out.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first == "# History of aws: Complete AWS Solutions Architect certification (completed)")
        #expect(lines.contains("- **1** 2025-04-01 09:00 · `goal-set` · Goal set for 2025-Q2: Complete AWS Solutions Architect certification \\[metric: Pass the exam; due 2025-06-15\\]"))
        #expect(lines.contains("- **5** 2025-04-28 12:00 (recorded 2025-04-29 08:00) · `milestone-done` · Milestone aws/1 done: Finish sections 1-5"))
        let revision = try #require(lines.firstIndex(of: "- **6** 2025-05-20 10:00 · `goal-revised` · Revised due"))
        #expect(Array(lines[(revision + 1)...(revision + 2)]) == ["  - due: 2025-06-15 → 2025-06-30", "  - reason: Exam slots full until late June"])
        #expect(lines.contains("- **7** 2025-05-21 10:00 · `goal-revised` · Revised title — *retracted: Kept the long title*"))
        #expect(lines.filter { $0.hasPrefix("- **") }.count == 10)
        let asOf = try #require(lines.firstIndex(of: "## As of the end of May 20"))
        #expect(Array(lines[(asOf + 2)...]) == [
            "| field | value |", "|---|---|",
            "| title | Complete AWS Solutions Architect certification |", "| quarter | 2025-Q2 |", "| status | active |",
            "| metric | Pass the exam |", "| due | Jun 30 |", "", "Milestones:", "", "- aws/1 Finish sections 1-5 — done Apr 28", "",
        ])
        #expect(try s.count() == 17)
    }

    @Test func historyJSON() throws {
        let s = try sprint()
        let out = try s.ok(["history", "aws", "--as-of", "2025-05-20", "--format", "json"])
        let json = try parse(out)
        #expect(keyOrder(out, indent: 2) == ["goal", "entries", "stateAsOf", "title", "asOf"])
        #expect(json["goal"] == "aws")
        #expect(json["title"] == "Complete AWS Solutions Architect certification")
        #expect(json["asOf"] == "2025-05-20")

        guard case .array(let entries)? = json["entries"] else { Issue.record("entries is not an array: \(out)"); return }
        let entryKeys = ["position", "type", "occurredAt", "recordedAt", "changes", "reason", "retracted", "summary",
                         "retractedBecause", "eventId"]
        #expect(keyOrder(out, indent: 6).prefix(entryKeys.count).elementsEqual(entryKeys))
        for entry in entries { #expect(entry.keys == Set(entryKeys), "\(entry)") }
        #expect(entries.map { $0["position"] } == [1, 2, 3, 5, 6, 7, 8, 9, 10, 11])
        #expect(entries.map { $0["type"] } == ["goal-set", "milestone-planned", "activity-logged", "milestone-done",
                                               "goal-revised", "goal-revised", "event-retracted", "milestone-planned",
                                               "milestone-done", "goal-completed"])
        #expect(entries.map { $0["retracted"] } == [false, false, false, false, false, true, false, false, false, false])

        let done = entries[3]
        #expect(done["occurredAt"] == "2025-04-28T12:00:00.000Z" && done["recordedAt"] == "2025-04-29T08:00:00.000Z")
        #expect(done["changes"] == [] && done["reason"] == .null && done["retractedBecause"] == .null)
        #expect(done["summary"] == "Milestone aws/1 done: Finish sections 1-5")

        let due = entries[4]
        #expect(due["changes"] == .array([.object(["field": "due", "from": "2025-06-15", "to": "2025-06-30"])]))
        #expect(due["reason"] == "Exam slots full until late June" && due["retractedBecause"] == .null)
        #expect(due["summary"] == "Revised due")

        let title = entries[5]
        #expect(title["changes"] == .array([.object(["field": "title", "from": "Complete AWS Solutions Architect certification",
                                                     "to": "AWS cert"])]))
        #expect(title["reason"] == "Shorter" && title["retractedBecause"] == "Kept the long title")

        let retraction = entries[6]
        #expect(retraction["reason"] == "Kept the long title" && retraction["changes"] == [])
        #expect(retraction["summary"] == "Retracted event 7 (goal-revised): Kept the long title")
        #expect(entries[2]["summary"] == "Activity (60 min, aws/1): Course section 1")
        #expect(entries[9]["summary"] == "Completed: Passed the exam" && entries[9]["reason"] == .null)

        let state = try #require(json["stateAsOf"])
        #expect(state == .object([
            "title": "Complete AWS Solutions Architect certification", "quarter": "2025-Q2", "status": "active",
            "metric": "Pass the exam", "target": .null, "current": .null, "unit": .null, "due": "2025-06-30",
            "direction": .null,
            "milestones": [.object(["ref": "aws/1", "title": "Finish sections 1-5", "doneOn": "2025-04-28", "due": .null,
                                    "weeks": [1, 4], "weeksQuarter": "2025-Q2"])],
        ]))
        #expect(keyOrder(out, indent: 4) == ["title", "quarter", "status", "metric", "target", "current", "unit", "due",
                                              "direction", "milestones"])

        // Without --as-of: stateAsOf and asOf are null. A numeric goal shows target, current and unit.
        let plain = try parse(try s.ok(["history", "aws", "--format", "json"]))
        #expect(plain["stateAsOf"] == .null && plain["asOf"] == .null)
        #expect(plain.keys == ["goal", "entries", "stateAsOf", "title", "asOf"])
        let network = try parse(try s.ok(["history", "network", "--as-of", "2025-07-10", "--format", "json"]))
        #expect(network["stateAsOf"]?["target"] == 15 && network["stateAsOf"]?["current"] == 0)
        #expect(network["stateAsOf"]?["unit"] == "connections" && network["stateAsOf"]?["quarter"] == "2025-Q3")
        // Before the goal was set: a history, but no state.
        let early = try parse(try s.ok(["history", "network", "--as-of", "2025-06-30", "--format", "json"]))
        #expect(early["stateAsOf"] == .null && early["asOf"] == "2025-06-30")
        #expect(try s.count() == 17)
    }

    @Test func resumeInEachFormat() throws {
        let s = try sprint()
        // No direction: one group of results, a completed goal before the milestones, each newest first.
        #expect(try s.ok(["resume"]) == """
            Accomplishments

            Results
            - Completed AWS Solutions Architect certification: Passed the exam (Jun 2025)
            - Attended a meetup (Jul 2025)
            - Took the exam (Jun 2025)
            - Finished sections 1-5 (Apr 2025)

            """)
        #expect(try s.ok(["resume", "--since", "2025-06-27", "--format", "markdown"]) == """
            # Accomplishments since Jun 27

            ## Results

            - Completed AWS Solutions Architect certification: Passed the exam (Jun 2025)
            - Attended a meetup (Jul 2025)
            - Took the exam (Jun 2025)

            """)
        #expect(try s.ok(["resume", "--refs", "--since", "2025-06-27"]) == """
            Accomplishments since Jun 27

            Results
            - Completed AWS Solutions Architect certification: Passed the exam [aws] (Jun 2025)
            - Attended a meetup [network/1] (Jul 2025)
            - Took the exam [aws/2] (Jun 2025)

            """)

        let out = try s.ok(["resume", "--format", "json", "--since", "2025-04-28"])
        let json = try parse(out)
        #expect(keyOrder(out, indent: 2) == ["since", "groups"])
        #expect(json["since"] == "2025-04-28")
        guard case .array(let groups)? = json["groups"] else { Issue.record("groups is not an array: \(out)"); return }
        #expect(groups.count == 1)
        #expect(groups[0].keys == ["direction", "title", "by", "items"])
        #expect(groups[0]["direction"] == .null && groups[0]["title"] == .null && groups[0]["by"] == .null)
        let itemKeys = ["line", "kind", "ref", "goal", "title", "outcome", "completedOn", "completedAt", "quarter"]
        #expect(keyOrder(out, indent: 10).prefix(itemKeys.count).elementsEqual(itemKeys))
        #expect(groups[0]["items"] == .array([
            .object(["line": "Completed AWS Solutions Architect certification: Passed the exam", "kind": "goal", "ref": "aws",
                     "goal": "aws", "title": "Complete AWS Solutions Architect certification", "outcome": "Passed the exam",
                     "completedOn": "2025-06-27", "completedAt": "2025-06-27T16:00:00.000Z", "quarter": "2025-Q2"]),
            .object(["line": "Attended a meetup", "kind": "milestone", "ref": "network/1", "goal": "network",
                     "title": "Attend a meetup", "outcome": .null, "completedOn": "2025-07-03",
                     "completedAt": "2025-07-03T10:00:00.000Z", "quarter": "2025-Q3"]),
            .object(["line": "Took the exam", "kind": "milestone", "ref": "aws/2", "goal": "aws", "title": "Take the exam",
                     "outcome": .null, "completedOn": "2025-06-27", "completedAt": "2025-06-27T15:00:00.000Z", "quarter": "2025-Q2"]),
            .object(["line": "Finished sections 1-5", "kind": "milestone", "ref": "aws/1", "goal": "aws",
                     "title": "Finish sections 1-5", "outcome": .null, "completedOn": "2025-04-28",
                     "completedAt": "2025-04-28T12:00:00.000Z", "quarter": "2025-Q2"]),
        ]))
        // Without --since, since is null.
        #expect(try parse(try s.ok(["resume", "--format", "json"]))["since"] == .null)
        #expect(try s.count() == 17)
    }

    /// A career changer's journal: a direction set earlier (the old role) and a newer one (the target role), a
    /// rate goal, counts, several verbs, a goal with no direction and one whose direction was never set.
    func careerChange() throws -> Sandbox {
        try PreparedJournals.sandbox("career-change") { s in
            func at(_ now: String, _ arguments: String...) throws {
                let result = try s.run(["log"] + arguments, env: ["JOURNAL_NOW": now])
                try #require(result.status == 0, "\(result)")
            }
            try at("2025-03-01T09:00", "direction", "Lead a maths department", "--key", "teach", "--by", "2026")
            try at("2025-03-02T09:00", "direction", "Transition from teaching to UX design", "--key", "ux", "--by", "2027")
            try at("2025-03-03T09:00", "direction", "Move into research", "--key", "research")
            try at("2025-04-01T09:00", "goal", "Complete the Google UX Design Certificate", "--key", "cert",
                   "--quarter", "2025-Q2", "--direction", "ux", "--quiet")
            try at("2025-04-01T09:01", "milestone", "cert", "Finish courses 1-3", "--weeks", "1-6")
            try at("2025-04-01T09:02", "milestone", "cert", "Build 2 portfolio case studies", "--weeks", "7-12")
            try at("2025-04-01T09:03", "goal", "Attend 1 design community event per month", "--key", "events",
                   "--quarter", "2025-Q2", "--direction", "ux", "--target", "3", "--unit", "events", "--quiet")
            try at("2025-04-01T09:04", "goal", "Run the school's maths club", "--key", "club", "--quarter", "2025-Q2",
                   "--direction", "teach", "--quiet")
            try at("2025-04-01T09:05", "goal", "Ship a personal website", "--key", "site", "--quarter", "2025-Q3", "--quiet")
            try at("2025-04-01T09:06", "goal", "Write 4 articles about research", "--key", "write", "--quarter", "2025-Q3",
                   "--direction", "research", "--quiet")
            // Its direction retracted: the goal names a direction no direction-set describes any more.
            try at("2025-04-01T09:07", "retract", "3", "--reason", "Not a direction after all")
            try at("2025-04-20T18:00", "progress", "events", "1")
            try at("2025-05-15T18:00", "done", "cert/1")
            try at("2025-05-20T18:00", "progress", "events", "1")
            try at("2025-06-10T18:00", "progress", "events", "1")
            try at("2025-06-12T18:00", "complete", "events")
            try at("2025-06-20T18:00", "done", "cert/2")
            try at("2025-06-25T18:00", "complete", "cert", "--outcome", "Certificate earned with distinction")
            try at("2025-06-26T18:00", "complete", "club")
            try at("2025-07-02T18:00", "complete", "site")
            try at("2025-07-03T18:00", "complete", "write")
        }
    }

    @Test func resumeLeadsWithTheTargetRole() throws {
        let s = try careerChange()
        s.environment["JOURNAL_NOW"] = "2025-07-05T09:00"
        #expect(try s.ok(["resume"]) == """
            Accomplishments

            Toward: Transition from teaching to UX design (by 2027)
            - Completed the Google UX Design Certificate: Certificate earned with distinction (Jun 2025)
            - Attended three design community events (Jun 2025)
            - Built two portfolio case studies (Jun 2025)
            - Finished courses 1-3 (May 2025)

            Toward: Lead a maths department (by 2026)
            - Ran the school's maths club (Jun 2025)

            Toward: research
            - Wrote four articles about research (Jul 2025)

            Other results
            - Shipped a personal website (Jul 2025)

            """)
        #expect(try s.ok(["resume", "--refs", "--format", "markdown", "--since", "2025-06-20"]) == """
            # Accomplishments since Jun 20

            ## Toward: Transition from teaching to UX design (by 2027) [ux]

            - Completed the Google UX Design Certificate: Certificate earned with distinction [cert] (Jun 2025)
            - Built two portfolio case studies [cert/2] (Jun 2025)

            ## Toward: Lead a maths department (by 2026) [teach]

            - Ran the school's maths club [club] (Jun 2025)

            ## Toward: research [research]

            - Wrote four articles about research [write] (Jul 2025)

            ## Other results

            - Shipped a personal website [site] (Jul 2025)

            """)
        let json = try parse(try s.ok(["resume", "--format", "json"]))
        guard case .array(let groups)? = json["groups"] else { Issue.record("no groups: \(json)"); return }
        #expect(groups.map { $0["direction"] } == ["ux", "teach", "research", .null])
        #expect(groups.map { $0["title"] } == ["Transition from teaching to UX design", "Lead a maths department", .null, .null])
        #expect(groups.map { $0["by"] } == ["2027", "2026", .null, .null])
        guard case .array(let items)? = groups[0]["items"] else { Issue.record("no items: \(groups[0])"); return }
        #expect(items.map { $0["line"] } == ["Completed the Google UX Design Certificate: Certificate earned with distinction",
                                             "Attended three design community events", "Built two portfolio case studies",
                                             "Finished courses 1-3"])
        #expect(items[1]["title"] == "Attend 1 design community event per month")
        #expect(try s.count() == 21)
    }

    /// The article's story: every result served the data-lead direction.
    @Test func resumeOfTheDemoJournal() throws {
        let s = try Sandbox.demo(now: "2025-07-05T12:00")
        #expect(try s.ok(["resume"]) == """
            Accomplishments

            Toward: Move into data engineering leadership (by 2028)
            - Completed AWS Solutions Architect certification: Passed the AWS Solutions Architect exam (Jun 2025)
            - Took the exam (Jun 2025)
            - Finished sections 6-10, took two practice exams (Jun 2025)
            - Finished sections 1-5 of the study course (Apr 2025)
            - Connected with five people on LinkedIn (Apr 2025)
            - Attended a data engineering meetup (Apr 2025)

            """)
        #expect(try s.ok(["resume", "--refs", "--format", "markdown", "--since", "2025-06-01"]) == """
            # Accomplishments since Jun 1

            ## Toward: Move into data engineering leadership (by 2028) [data-lead]

            - Completed AWS Solutions Architect certification: Passed the AWS Solutions Architect exam [aws] (Jun 2025)
            - Took the exam [aws/3] (Jun 2025)
            - Finished sections 6-10, took two practice exams [aws/2] (Jun 2025)

            """)
    }

    @Test func aRateGoalWithNothingMeasuredKeepsTheUsersWords() throws {
        let s = try Sandbox(now: "2025-04-01T09:00")
        try s.log("goal", "Apply to 5 junior UX roles per week", "--key", "apply", "--quarter", "2025-Q2", "--quiet")
        try s.log("goal", "Portfolio review with a mentor", "--key", "review", "--quarter", "2025-Q2", "--quiet")
        try s.log("goal", "Send 2 cold emails a week", "--key", "emails", "--quarter", "2025-Q2", "--target", "40",
                  "--unit", "emails", "--quiet")
        // Measured, the rate says what it came to.
        try s.log("progress", "emails", "37")
        try s.log("complete", "apply", env: ["JOURNAL_NOW": "2025-04-02T09:00"])
        try s.log("complete", "review", env: ["JOURNAL_NOW": "2025-04-03T09:00"])
        try s.log("complete", "emails", env: ["JOURNAL_NOW": "2025-05-04T09:00"])
        // Not measured: the user's words in the past tense; no verb it knows: "Completed" and the words as written.
        #expect(try s.ok(["resume"], env: ["JOURNAL_NOW": "2025-05-05T09:00"]) == """
            Accomplishments

            Results
            - Sent 37 cold emails (May 2025)
            - Completed Portfolio review with a mentor (Apr 2025)
            - Applied to 5 junior UX roles per week (Apr 2025)

            """)
    }

    @Test func resumeWithNothingToShow() throws {
        let s = try sprint()
        #expect(try s.ok(["resume", "--since", "2025-07-04"])
                == "No accomplishments since Jul 4; complete a milestone (journal log done GOAL/N) or a goal (journal log complete GOAL) and it shows here.\n")
        #expect(try s.ok(["resume", "--since", "2025-07-04", "--format", "markdown"])
                == "# Accomplishments\n\nNo accomplishments since Jul 4; complete a milestone (journal log done GOAL/N) or a goal (journal log complete GOAL) and it shows here.\n")
        #expect(try s.ok(["resume", "--since", "2025-07-04", "--format", "json"]) == "{\n  \"since\": \"2025-07-04\",\n  \"groups\": []\n}\n")

        let fresh = try Sandbox()
        try fresh.log("goal", "Complete AWS certification", "--key", "aws", "--quarter", "2025-Q2")
        #expect(try fresh.ok(["resume"]).hasPrefix("No accomplishments yet; "))
        #expect(try parse(try fresh.ok(["resume", "--format", "json"])) == .object(["since": .null, "groups": []]))
        #expect(try fresh.count() == 1)
    }

    @Test func errorsAppendNothing() throws {
        let s = try sprint()
        expectRefusal(try s.run("history", "nope"), status: 65, mentioning: ["no goal nope", "journal events --type goal-set"])
        expectRefusal(try s.run("history", "nope", "--format", "json"), status: 65, mentioning: ["no goal nope"])
        expectRefusal(try s.run("history", "aws", "--as-of", "2025-02-30"), status: 64, mentioning: ["--as-of '2025-02-30'"])
        expectRefusal(try s.run("history", "aws", "--as-of", "someday"), status: 64, mentioning: ["--as-of"])
        expectRefusal(try s.run("history", "AWS"), status: 64, mentioning: ["GOAL 'AWS'"])
        expectRefusal(try s.run("history"), status: 64)
        expectRefusal(try s.run("history", "aws", "--format", "yaml"), status: 64)
        expectRefusal(try s.run("resume", "--since", "2025-13-01"), status: 64, mentioning: ["--since '2025-13-01'"])
        expectRefusal(try s.run("resume", "--format", "csv"), status: 64)
        #expect(try s.count() == 17)

        // Reading never creates a journal.
        let empty = try Sandbox()
        expectRefusal(try empty.run("history", "aws"), status: 66)
        expectRefusal(try empty.run("resume"), status: 66)
        #expect(!FileManager.default.fileExists(atPath: empty.db))
    }
}
