import Foundation
@testable import JournalApp
@testable import JournalCLI
import JournalDomain
import JournalStore
import Testing

/// The exports in PeerFixtures, written by the real tools (Tools/peers/import-peers.sh --fixtures), in TZ
/// Europe/Paris.
enum PeerFixtures {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("PeerFixtures")

    static func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    /// After every record in the fixtures (the last were written on 2026-11-25).
    static func time(now: String = "2026-12-01T12:00:00Z") throws -> TimeContext {
        TimeContext(now: try #require(Instant(iso: now)), zone: try #require(TimeZone(identifier: "Europe/Paris")))
    }

    static func records(_ tool: PeerTool, _ file: String, time: TimeContext) throws -> PeerRecords {
        let source = PeerSource(file: path(file), tool: tool)
        return try tool.records(in: try source.load(), source: source, time: time)
    }

    static func plan(_ tool: PeerTool, _ file: String, maps: [String] = [], time: TimeContext) throws -> PeerPlan {
        let source = PeerSource(file: path(file), tool: tool)
        return try PeerActivities.plan(try records(tool, file, time: time), maps: try PeerMap.parse(maps), source: source, time: time)
    }
}

func utc(_ text: String) throws -> Instant { try #require(Instant(iso: text)) }

/// Each tool's reader on its real export, and the shared mapper from records to activities.
@Suite("Other tools' exports read into records and activities")
struct PeerRecordsTests {
    @Test func taskwarriorCompletedTasksAreRecordsAtTheirEnd() throws {
        let read = try PeerFixtures.records(.taskwarrior, "taskwarrior.json", time: try PeerFixtures.time())
        #expect(read.skipped == [.notCompleted: 3], "two pending (one started) and one deleted")
        #expect(read.records.map(\.text) == ["Read the AWS networking chapter", "Coffee with Sam from the data team",
                                             "Asked Sam about an AWS study group", "Fix the bike", "Passed practice exam 1"])
        let first = try #require(read.records.first)
        #expect(first.project == "aws.study" && first.tags == ["reading"])
        #expect(first.start == (try utc("2025-04-01T15:30:00Z")) && first.end == nil)
        #expect(first.identity == "ed217dde-3572-4b66-acbc-0c9480738fd9")
        #expect(first.name == "record 3 (task ed217dde-3572-4b66-acbc-0c9480738fd9)")
        let plan = try PeerFixtures.plan(.taskwarrior, "taskwarrior.json", time: try PeerFixtures.time())
        #expect(plan.activities.allSatisfy { $0.activity.minutes == nil }, "Taskwarrior keeps no time spent")
        #expect(plan.activities.map(\.activity.tags) == [["aws-study", "reading"], ["network"], ["aws", "network"], ["home"], ["aws", "exam"]])
    }

    @Test func timewarriorIntervalsKeepTheirMinutesSplitPerLocalDay() throws {
        let time = try PeerFixtures.time()
        let read = try PeerFixtures.records(.timewarrior, "timewarrior.json", time: time)
        #expect(read.skipped == [.openInterval: 1])
        #expect(read.records.count == 6)
        let plan = try PeerFixtures.plan(.timewarrior, "timewarrior.json", time: time)
        #expect(plan.skipped == [.openInterval: 1, .tooShort: 1], "the 20-second interval rounds to no minutes")
        let rows = plan.activities.map { "\(time.display($0.occurredAt)) \($0.activity.minutes ?? 0) \($0.activity.text)" }
        #expect(rows == [
            // 22:00 to noon across the night clocks went forward: 13 hours, not 14.
            "2025-03-29 22:00 120 Night shift, hackathon", "2025-03-30 00:00 660 Night shift, hackathon",
            "2025-04-01 09:00 90 Study session, aws",
            "2025-04-02 22:30 90 blog, writing", "2025-04-03 00:00 60 blog, writing",
            // 36 hours: three local days, none over 1440 minutes.
            "2025-04-04 20:00 240 aws, labs", "2025-04-05 00:00 1440 aws, labs", "2025-04-06 00:00 480 aws, labs",
            // The annotation is the text; the tags stay labels.
            "2025-04-07 12:00 45 Coffee with Sam about the data team",
        ])
        #expect(plan.activities[0].activity.tags == ["night-shift", "hackathon"])
        #expect(Set(plan.activities.map(\.eventId)).count == 9, "each part has its own id")
    }

    @Test func jrnlEntriesAreTheirTitlesAtTheirLocalTime() throws {
        let time = try PeerFixtures.time()
        let read = try PeerFixtures.records(.jrnl, "jrnl.json", time: time)
        #expect(read.skipped.isEmpty && read.records.count == 7)
        let first = read.records[0]
        #expect(first.text == "Studied @aws networking for the exam." && first.tags == ["aws"])
        #expect(first.start == (try utc("2025-04-01T08:15:00Z")), "10:15 in Paris, summer time")
        #expect(read.records[1].tags == ["data-meetup", "career_growth", "sam"])
        let long = read.records[2].text
        #expect(long.count == 200 && long.hasSuffix("…") && long.hasPrefix("Wrote the first draft of the @blog post"))
        #expect(read.records[3].text == "Planning day for @aws", "the body stays in jrnl")
        #expect(read.records[4].identity == "2025-04-05 08:00 #0" && read.records[5].identity == "2025-04-05 08:00 #1")
        let plan = try PeerFixtures.plan(.jrnl, "jrnl.json", time: time)
        #expect(plan.activities[1].activity.tags == ["data-meetup", "career-growth", "sam"])
        #expect(plan.activities.allSatisfy { $0.activity.minutes == nil })
        #expect(plan.activities[4].eventId != plan.activities[5].eventId)
    }

    @Test func watsonFramesWithTheRunningOneSkipped() throws {
        let time = try PeerFixtures.time()
        let read = try PeerFixtures.records(.watson, "watson.json", time: time)
        #expect(read.skipped == [.runningFrame: 1])
        #expect(read.records.map(\.text) == ["aws [study, exam]", "blog [writing]", "network [meetup, Sam]", "admin"])
        #expect(read.records[0].start == (try utc("2025-04-01T07:00:00Z")), "Watson writes 09:00 Paris time as 08:00+01:00")
        let plan = try PeerFixtures.plan(.watson, "watson.json", time: time)
        #expect(plan.activities.map { $0.activity.minutes ?? 0 } == [90, 30, 60, 135, 45])
        #expect(plan.activities[3].activity.tags == ["network", "meetup", "sam"])
    }

    @Test func idsAreTheSameOnEveryReadAndDifferAcrossTools() throws {
        let time = try PeerFixtures.time()
        let once = try PeerFixtures.plan(.watson, "watson.json", time: time)
        let again = try PeerFixtures.plan(.watson, "watson.json", maps: ["aws=aws-cert"], time: time)
        #expect(once.activities.map(\.eventId) == again.activities.map(\.eventId), "the ids do not depend on the maps")
        #expect(once.activities[0].eventId == NameBasedEventId.make("watson\ncfd07247585442838c55ac67b79c6b00\n0"))
        let timew = try PeerFixtures.plan(.timewarrior, "timewarrior.json", time: time)
        let more = try PeerFixtures.plan(.timewarrior, "timewarrior-more.json", time: time)
        #expect(Set(more.activities.map(\.eventId)).isSuperset(of: timew.activities.map(\.eventId)))
        #expect(more.activities.count == timew.activities.count + 1)
    }

    @Test func mapsLinkByTagOrProjectAndTheFirstMatchWins() throws {
        let time = try PeerFixtures.time()
        let plan = try PeerFixtures.plan(.taskwarrior, "taskwarrior.json", maps: ["aws=aws-cert/1", "network=network"], time: time)
        let goals = plan.activities.map { [$0.activity.goal ?? "-", $0.activity.milestone.map(String.init) ?? "-"].joined(separator: "/") }
        // aws.study is a subproject of aws; "Asked Sam..." has project aws and tag network: the first map wins.
        #expect(goals == ["aws-cert/1", "network/-", "aws-cert/1", "-/-", "aws-cert/1"])
        let swapped = try PeerFixtures.plan(.taskwarrior, "taskwarrior.json", maps: ["network=network", "aws=aws-cert"], time: time)
        #expect(swapped.activities[2].activity.goal == "network")
        // Names match however the tool wrote them: case, @, spaces.
        let jrnl = try PeerFixtures.plan(.jrnl, "jrnl.json", maps: ["@Career-Growth=network"], time: time)
        #expect(jrnl.activities.map { $0.activity.goal ?? "-" } == ["-", "network", "-", "-", "-", "-", "-"])
        let timew = try PeerFixtures.plan(.timewarrior, "timewarrior.json", maps: ["night shift=night"], time: time)
        #expect(timew.activities.prefix(3).map { $0.activity.goal ?? "-" } == ["night", "night", "-"])
    }

    @Test func recordsDatedAfterTodayWaitForALaterImport() throws {
        let time = try PeerFixtures.time(now: "2025-04-05T10:00:00Z")
        let plan = try PeerFixtures.plan(.timewarrior, "timewarrior.json", time: time)
        // The 36-hour interval ends on Apr 6: it waits whole, with everything after it.
        #expect(plan.skipped == [.openInterval: 1, .future: 3])
        #expect(plan.activities.count == 5)
    }

    @Test func labelsBecomeTags() {
        #expect(PeerLabels.tag("Career_Growth") == "career-growth")
        #expect(PeerLabels.tag("Study session") == "study-session")
        #expect(PeerLabels.tag("@Café") == "cafe")
        #expect(PeerLabels.tag("aws.study") == "aws-study")
        #expect(PeerLabels.tag("--x--") == "x")
        #expect(PeerLabels.tag("日本") == nil)
        #expect(PeerLabels.tag(String(repeating: "ab-", count: 20)) == "ab-ab-ab-ab-ab-ab-ab-ab-ab-ab-ab")
        let many = PeerRecord(name: "r", identity: "i", text: "t", project: "P", tags: (1...12).map { "t\($0)" } + ["p"],
                              start: Instant(millisecondsSinceEpoch: 0), end: nil)
        #expect(PeerLabels.tags(of: many) == ["p"] + (1...9).map { "t\($0)" }, "each once, the first ten")
    }

    @Test func textIsOneLineOfAtMost200Characters() {
        #expect(PeerText.line("  two\nlines\tand  spaces ", fallback: "f") == "two lines and spaces")
        #expect(PeerText.line(" \n ", fallback: "fallback") == "fallback")
        let long = PeerText.line(String(repeating: "é", count: 300), fallback: "f")
        #expect(long.count == 200 && long.hasSuffix("…"))
        #expect(PeerText.line(String(repeating: "a", count: 200), fallback: "f").count == 200)
    }

    @Test func spansSplitAtLocalMidnightAndRoundFromTheirStart() throws {
        let time = try PeerFixtures.time()
        // 23:59:40 to 00:00:50 Paris time: 20 s then 50 s; rounded from the start, 0 then 1 minute.
        let parts = PeerActivities.pieces(from: try utc("2025-04-01T21:59:40Z"), to: try utc("2025-04-01T22:00:50Z"), time: time)
        #expect(parts.map(\.index) == [1] && parts.map(\.minutes) == [1])
        // 23:59:20 to 00:00:20: 40 s then 20 s; the minute goes to the first day.
        let early = PeerActivities.pieces(from: try utc("2025-04-01T21:59:20Z"), to: try utc("2025-04-01T22:00:20Z"), time: time)
        #expect(early.map(\.index) == [0] && early.map(\.minutes) == [1])
        #expect(PeerActivities.pieces(from: try utc("2025-04-01T10:00:00Z"), to: try utc("2025-04-01T10:02:31Z"), time: time).map(\.minutes) == [3])
        let week = PeerActivities.pieces(from: try utc("2025-04-07T22:00:00Z"), to: try utc("2025-04-14T22:00:00Z"), time: time)
        #expect(week.map(\.minutes) == Array(repeating: 1440, count: 7))
        // The day clocks go back has 25 hours: 1440 minutes, then the last hour on its own.
        let autumn = PeerActivities.pieces(from: try utc("2025-10-25T22:00:00Z"), to: try utc("2025-10-26T23:00:00Z"), time: time)
        #expect(autumn.map(\.minutes) == [1440, 60])
        #expect(PeerActivities.pieces(from: try utc("2025-04-01T10:00:00Z"), to: try utc("2025-04-01T10:00:29Z"), time: time).isEmpty)
    }

    @Test func aRepeatedRecordIsRefused() throws {
        let source = PeerSource(file: "t.json", tool: .timewarrior)
        let interval = PeerJSON.object(["start": .string("20250401T070000Z"), "end": .string("20250401T080000Z")])
        let records = try TimewarriorRecords.read(.array([interval, interval]), source)
        let time = try PeerFixtures.time()
        let error = try #require(throws: AppError.self) { try PeerActivities.plan(records, maps: [], source: source, time: time) }
        #expect(error.kind == .data && error.message.contains("record 2 (interval from 2025-04-01T07:00:00Z): it is the same record as record 1"))
    }

    @Test func wrongShapesNameTheRecordAndField() throws {
        let time = try PeerFixtures.time()
        func refusal(_ tool: PeerTool, _ json: PeerJSON) -> String {
            let source = PeerSource(file: "f.json", tool: tool)
            do {
                _ = try tool.records(in: json, source: source, time: time)
                return "accepted"
            } catch let error as AppError {
                return error.kind == .data ? error.message : "\(error.kind)"
            } catch {
                return "\(error)"
            }
        }
        let task = PeerJSON.object(["uuid": .string("u1"), "status": .string("completed"), "description": .string("d"),
                                    "entry": .string("2025-04-01")])
        #expect(refusal(.taskwarrior, .array([task])) == "f.json record 1 (task u1): \"entry\" '2025-04-01' is not a date and time like 20250401T090000Z; give the output of task export (nothing was imported)")
        #expect(refusal(.taskwarrior, .object([:])).hasPrefix("f.json is not a Taskwarrior export (a JSON array of tasks)"))
        #expect(refusal(.timewarrior, .array([.object(["start": .string("20250401T070000Z"), "tags": .string("aws")])]))
            .hasPrefix("f.json record 1 (interval from 2025-04-01T07:00:00Z): \"tags\" is not a list of strings"))
        #expect(refusal(.timewarrior, .array([.object(["start": .string("20250401T070000Z"), "end": .string("20250401T060000Z")])]))
            .contains("it ends before it starts"))
        #expect(refusal(.jrnl, .object(["entries": .array([.object(["title": .number(1), "date": .string("2025-04-01"), "time": .string("10:00")])])]))
            .hasPrefix("f.json entry 1 (2025-04-01 10:00): \"title\" is not a string"))
        #expect(refusal(.watson, .array([.string("x")])).hasPrefix("f.json record 1: is not a JSON object"))
        #expect(refusal(.watson, .array([.object(["id": .string("abc"), "start": .string("2025-04-01T09:00:00+02:00")])]))
            .hasPrefix("f.json record 1 (frame abc): it has no \"project\""))
    }

    @Test func theJSONReaderNamesWhereTextIsNotJSON() throws {
        func failure(_ text: String) -> String {
            do {
                return "parsed \(try PeerJSONParser.parse(Array(text.utf8)))"
            } catch {
                return error.description
            }
        }
        #expect(failure("[{\"a\": 1},\n {\"b\": tru}]") == "line 2, column 11: expected true")
        #expect(failure("[1, 2") == "line 1, column 6: expected ',' or ']'")
        #expect(failure("{\"a\" 1}") == "line 1, column 6: expected ':' after a field name")
        #expect(failure("[] x") == "line 1, column 4: unexpected text after the JSON value")
        #expect(failure("\"é\u{01}\"") == "line 1, column 3: a control character inside a string")
        #expect(failure(String(repeating: "[", count: 300)).hasSuffix("nested more than 256 levels deep"))
        let parsed = try PeerJSONParser.parse(Array("\u{FEFF}{\"s\": \"a\\u00e9\\ud83d\\ude00\\n\", \"n\": -1.5e2, \"l\": [true, null]}".utf8))
        #expect(parsed == .object(["s": .string("aé😀\n"), "n": .number(-150), "l": .array([.bool(true), .null])]))
    }
}
