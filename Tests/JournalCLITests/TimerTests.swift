import Foundation
import Testing
@testable import JournalCLI

/// `journal start`, `stop` and `cancel` end to end: the timer is an event, so it survives the process; a stop
/// records its activity split per local day; refusals append nothing.
@Suite("The timer")
struct TimerTests {
    @Test func startThenStopTheSameDayRecordsOneActivity() throws {
        let s = try Sandbox.demo(now: "2025-05-16T09:00")
        #expect(try s.ok(["start", "Practice", "exam", "3", "--goal", "aws/2", "--tag", "Deep Work"])
            == "Timer started at 2025-05-16 09:00 (aws/2): Practice exam 3 #deep-work (event 37)\n")
        #expect(try s.ok(["stop", "--note", "scored 78%"], env: ["JOURNAL_NOW": "2025-05-16T10:30"]) == """
            Activity logged on 2025-05-16 (90 min, aws/2): Practice exam 3: scored 78% #deep-work (event 38)
            Timer stopped at 2025-05-16 10:30 (event 39)
            Timer ran 2025-05-16 09:00 to 10:30, 90 min: Practice exam 3

            """)
        let events = try s.events()
        #expect(events[36].type == "timer-started" && events[36].streamId == "timer")
        #expect(events[37].payload == .object(["goal": "aws", "milestone": 2, "minutes": 90, "tags": ["deep-work"], "text": "Practice exam 3: scored 78%"]))
        #expect(events[37].occurredAt == "2025-05-16T09:00:00.000Z")
        #expect(events[38].payload == .object(["activities": .array([.string(events[37].eventId)]), "timer": .string(events[36].eventId)]))
        #expect(events[38].occurredAt == "2025-05-16T10:30:00.000Z")
    }

    @Test func aTimerAcrossMidnightIsOneActivityPerLocalDay() throws {
        let s = try Sandbox(tz: "Europe/Berlin", now: "2025-04-10T22:15")
        _ = try s.ok(["start", "Write the talk"])
        #expect(try s.ok(["stop"], env: ["JOURNAL_NOW": "2025-04-11T01:05"]) == """
            Activity logged on 2025-04-10 (105 min, no goal): Write the talk (event 2)
            Activity logged on 2025-04-11 (65 min, no goal): Write the talk (event 3)
            Timer stopped at 2025-04-11 01:05 (event 4)
            Timer ran 2025-04-10 22:15 to 2025-04-11 01:05, 170 min: Write the talk

            """)
        let events = try s.events()
        #expect(events.map(\.streamId) == ["timer", "activities-2025-04-10", "activities-2025-04-11", "timer"])
        // Berlin is UTC+2 in April: 22:15 local is 20:15 UTC, and local midnight is 22:00 UTC.
        #expect(events[1].occurredAt == "2025-04-10T20:15:00.000Z" && events[2].occurredAt == "2025-04-10T22:00:00.000Z")
        #expect(try s.ok(["activities", "--since", "2025-04-10"], env: ["JOURNAL_NOW": "2025-04-11T02:00"]) == """
            2025-04-10  1h45  no goal  Write the talk
            2025-04-11  1h05  no goal  Write the talk
            Total: 2 activities, 2h50 (2025-04-10 to 2025-04-11)

            """)
    }

    @Test func theTimerSurvivesTheProcess() throws {
        let s = try Sandbox(now: "2025-04-10T08:00")
        let started = try s.runProcess(["start", "Reading", "--tag", "books"])
        #expect(started.status == 0 && started.stdout == "Timer started at 2025-04-10 08:00 (no goal): Reading #books (event 1)\n", "\(started)")
        // Another process, later (a reboot in between loses nothing: the timer is in the log).
        let stopped = try s.runProcess(["stop", "--at", "8:40"], env: ["JOURNAL_NOW": "2025-04-10T12:00"])
        #expect(stopped.status == 0, "\(stopped)")
        #expect(stopped.stdout == """
            Activity logged on 2025-04-10 (40 min, no goal): Reading #books (event 2)
            Timer stopped at 2025-04-10 08:40 (event 3)
            Timer ran 2025-04-10 08:00 to 08:40, 40 min: Reading

            """)
    }

    @Test func aSecondStartStopsTheFirstAndSaysSo() throws {
        let s = try Sandbox(now: "2025-04-10T09:00")
        _ = try s.ok(["start", "Reading"])
        #expect(try s.ok(["start", "Coding", "--tag", "side-project"], env: ["JOURNAL_NOW": "2025-04-10T09:25"]) == """
            Stopped the timer that was running (2025-04-10 09:00 to 09:25, 25 min): Reading
              Activity logged on 2025-04-10 (25 min, no goal): Reading (event 2)
              Timer stopped at 2025-04-10 09:25 (event 3)
            Timer started at 2025-04-10 09:25 (no goal): Coding #side-project (event 4)

            """)
        #expect(try s.ok(["stop"], env: ["JOURNAL_NOW": "2025-04-10T10:00"]).hasPrefix("Activity logged on 2025-04-10 (35 min, no goal): Coding #side-project (event 5)\n"))
    }

    /// `start --at`, as Watson's: a timer started earlier than now; one running then stops at that moment.
    @Test func startAtBeginsEarlierAndStopsTheRunningTimerThen() throws {
        let s = try Sandbox(now: "2025-04-10T10:00")
        #expect(try s.ok(["start", "Reading", "--at", "9:30"]) == "Timer started at 2025-04-10 09:30 (no goal): Reading (event 1)\n")
        #expect(try s.ok(["start", "Writing", "--at", "15 minutes ago"], env: ["JOURNAL_NOW": "2025-04-10T10:05"]) == """
            Stopped the timer that was running (2025-04-10 09:30 to 09:50, 20 min): Reading
              Activity logged on 2025-04-10 (20 min, no goal): Reading (event 2)
              Timer stopped at 2025-04-10 09:50 (event 3)
            Timer started at 2025-04-10 09:50 (no goal): Writing (event 4)

            """)
        let future = try s.run(["start", "Later", "--at", "11:00"], env: ["JOURNAL_NOW": "2025-04-10T10:06"])
        #expect(future.status == 65 && future.stdout.isEmpty)
        #expect(future.stderr == "journal: --at 2025-04-10T11:00:00.000Z is after now (2025-04-10T10:06:00.000Z, UTC); the journal records what has happened\n")
        let early = try s.run(["start", "Earlier", "--at", "9:40"], env: ["JOURNAL_NOW": "2025-04-10T10:06"])
        #expect(early.status == 65)
        #expect(early.stderr == "journal: --at 2025-04-10T09:40:00.000Z is before the running timer started (2025-04-10T09:50:00.000Z, UTC); give a time after its start, or journal cancel it\n")
        #expect(try s.count() == 4, "refusals append nothing")
        // Across midnight: started late, stopped after midnight; and a start given as yesterday's time.
        let n = try Sandbox(now: "2025-04-10T23:10")
        _ = try n.ok(["start", "Night shift", "--at", "22:00"])
        #expect(try n.ok(["stop"], env: ["JOURNAL_NOW": "2025-04-11T01:30"]) == """
            Activity logged on 2025-04-10 (120 min, no goal): Night shift (event 2)
            Activity logged on 2025-04-11 (90 min, no goal): Night shift (event 3)
            Timer stopped at 2025-04-11 01:30 (event 4)
            Timer ran 2025-04-10 22:00 to 2025-04-11 01:30, 210 min: Night shift

            """)
        #expect(try n.ok(["start", "Reading", "--at", "yesterday 23:30"], env: ["JOURNAL_NOW": "2025-04-11T01:40"])
            == "Timer started at 2025-04-10 23:30 (no goal): Reading (event 5)\n")
    }

    @Test func cancelRecordsNothingForTheTimer() throws {
        let s = try Sandbox(now: "2025-04-10T09:00")
        _ = try s.ok(["start", "Reading"])
        #expect(try s.ok(["cancel"], env: ["JOURNAL_NOW": "2025-04-10T09:30"])
            == "Cancelled the timer started at 2025-04-10 09:00: Reading (event 2)\n")
        #expect(try s.events().map(\.type) == ["timer-started", "timer-cancelled"])
        #expect(try s.ok(["activities"]) == "No activities from 2025-04-01 to 2025-04-10.\n")
    }

    @Test func stopAndCancelWithNoTimerAreRefused() throws {
        let s = try Sandbox(now: "2025-04-10T09:00")
        _ = try s.ok(["log", "partner", "Sam"])
        for command in ["stop", "cancel"] {
            let refused = try s.run([command])
            #expect(refused.status == 65 && refused.stdout.isEmpty)
            #expect(refused.stderr == "journal: no timer is running; start one with journal start TEXT [--goal GOAL] (or log finished work with journal log activity)\n")
        }
        _ = try s.ok(["start", "Reading"])
        _ = try s.ok(["cancel"])
        #expect(try s.run(["cancel"]).status == 65)
        #expect(try s.count() == 3)
    }

    @Test func stopAtIsReadAsATimeAndMayNotPrecedeTheStartOrFollowNow() throws {
        let s = try Sandbox(now: "2025-04-10T09:00")
        _ = try s.ok(["start", "Reading"])
        let before = try s.run(["stop", "--at", "8:30"], env: ["JOURNAL_NOW": "2025-04-10T10:00"])
        #expect(before.status == 65)
        #expect(before.stderr == "journal: --at 2025-04-10T08:30:00.000Z is before the running timer started (2025-04-10T09:00:00.000Z, UTC); give a time after its start, or journal cancel it\n")
        let future = try s.run(["stop", "--at", "10:30"], env: ["JOURNAL_NOW": "2025-04-10T10:00"])
        #expect(future.status == 65)
        #expect(future.stderr == "journal: --at 2025-04-10T10:30:00.000Z is after now (2025-04-10T10:00:00.000Z, UTC); the journal records what has happened\n")
        let unreadable = try s.run(["stop", "--at", "half past nine"], env: ["JOURNAL_NOW": "2025-04-10T10:00"])
        #expect(unreadable.status == 64)
        #expect(try s.count() == 1, "refusals append nothing")
        #expect(try s.ok(["stop", "--at", "20 minutes ago"], env: ["JOURNAL_NOW": "2025-04-10T10:00"]).hasPrefix(
            "Activity logged on 2025-04-10 (40 min, no goal): Reading (event 2)\n"))
    }

    @Test func aStopInTheSameMinuteRecordsNoActivity() throws {
        let s = try Sandbox(now: "2025-04-10T09:00")
        _ = try s.ok(["start", "Reading"])
        #expect(try s.ok(["stop"]) == """
            Under a minute: no activity recorded.
            Timer stopped at 2025-04-10 09:00 (event 2)
            Timer ran 2025-04-10 09:00 to 09:00, 0 min: Reading

            """)
    }

    @Test func startRefusesWhatTheActivityWouldBeRefused() throws {
        let s = try Sandbox.demo(now: "2025-05-16T09:00")
        let unknown = try s.run(["start", "Reading", "--goal", "nope"])
        #expect(unknown.status == 65 && unknown.stderr.contains("nope"), "\(unknown)")
        #expect(try s.count() == 36)
    }

    @Test func undoTakesBackTheWholeStopAndTheTimerRunsAgain() throws {
        let s = try Sandbox(tz: "Europe/Berlin", now: "2025-04-10T23:00")
        _ = try s.ok(["start", "Night shift"])
        _ = try s.ok(["stop"], env: ["JOURNAL_NOW": "2025-04-11T00:30"])
        #expect(try s.ok(["undo", "--yes"], env: ["JOURNAL_NOW": "2025-04-11T00:31"]) == """
            Retracted event 4 (timer-stopped): Undone with journal undo (event 5)
            Retracted event 3 (activity-logged): Undone with journal undo (event 6)
            Retracted event 2 (activity-logged): Undone with journal undo (event 7)

            """)
        #expect(try s.ok(["activities", "--since", "2025-04-10"], env: ["JOURNAL_NOW": "2025-04-11T00:31"])
            == "No activities from 2025-04-10 to 2025-04-11.\n")
        // Running again: stopping later records the whole span.
        #expect(try s.ok(["stop"], env: ["JOURNAL_NOW": "2025-04-11T01:00"]).hasPrefix("""
            Activity logged on 2025-04-10 (60 min, no goal): Night shift (event 8)
            Activity logged on 2025-04-11 (60 min, no goal): Night shift (event 9)
            """))
        // Undoing a start takes the timer away.
        _ = try s.ok(["start", "Another"], env: ["JOURNAL_NOW": "2025-04-11T01:10"])
        _ = try s.ok(["undo", "--yes"], env: ["JOURNAL_NOW": "2025-04-11T01:11"])
        #expect(try s.run(["stop"], env: ["JOURNAL_NOW": "2025-04-11T01:12"]).status == 65)
    }

    @Test func aRunningTimerGoesThroughExportImportAndVerify() throws {
        let s = try Sandbox(now: "2025-04-10T09:00")
        _ = try s.ok(["start", "Reading", "--tag", "books"])
        _ = try s.ok(["stop"], env: ["JOURNAL_NOW": "2025-04-10T09:30"])
        _ = try s.ok(["start", "Writing"], env: ["JOURNAL_NOW": "2025-04-10T09:40"])
        let export = s.path("all.jsonl")
        _ = try s.ok(["export", "--output", export])
        let copy = s.path("copy.sqlite")
        let imported = try s.run(["import", export, "--db", copy])
        #expect(imported.status == 0, "\(imported)")
        #expect(try s.ok(["verify", "--db", copy]).hasPrefix("OK: 4 events, hash chain intact"))
        #expect(try s.ok(["verify", "--deep", "--db", copy]).hasPrefix("OK: 4 events"))
        // The copy's timer runs: stopping it there records the activity from its start.
        #expect(try s.ok(["stop", "--db", copy], env: ["JOURNAL_NOW": "2025-04-10T10:00"]).hasPrefix(
            "Activity logged on 2025-04-10 (20 min, no goal): Writing (event 5)\n"))
    }

    @Test func logActivityFromToRecordsTheSpanSplitPerDay() throws {
        let s = try Sandbox(now: "2025-04-11T12:00")
        #expect(try s.ok(["log", "activity", "Meeting", "--from", "9:00", "--to", "10:30", "--tag", "UX Research"])
            == "Activity logged on 2025-04-11 (90 min, no goal): Meeting #ux-research (event 1)\n")
        #expect(try s.ok(["log", "activity", "Deploy", "--from", "yesterday 23:30", "--to", "0:45"]) == """
            Activity logged on 2025-04-10 (30 min, no goal): Deploy (event 2)
            Activity logged on 2025-04-11 (45 min, no goal): Deploy (event 3)

            """)
        // A bare --to is the first such time after --from: yesterday evening here, not tonight.
        #expect(try s.ok(["log", "activity", "Meetup", "--from", "yesterday 19:00", "--to", "21:30"])
            == "Activity logged on 2025-04-10 (150 min, no goal): Meetup (event 4)\n")
        // --to defaults to now.
        #expect(try s.ok(["log", "activity", "Review", "--from", "30 minutes ago"])
            == "Activity logged on 2025-04-11 (30 min, no goal): Review (event 5)\n")
        let both = try s.run(["log", "activity", "Review", "--from", "9:00", "--minutes", "30"])
        #expect(both.status == 64)
        #expect(both.stderr == "journal: --from and --minutes do not go together: the span gives the minutes; give --from (and --to), or --minutes\n")
        let backwards = try s.run(["log", "activity", "Review", "--from", "10:00", "--to", "today 9:00"])
        #expect(backwards.status == 65 && backwards.stderr.contains("is not after --from"))
        let future = try s.run(["log", "activity", "Review", "--from", "11:00", "--to", "today 13:00"])
        #expect(future.status == 65 && future.stderr.contains("is after now"))
        let toAlone = try s.run(["log", "activity", "Review", "--to", "9:00"])
        #expect(toAlone.status == 64)
        #expect(try s.count() == 5)
    }

    @Test func theQuickPathLeavesFromAndToToArgumentParser() {
        #expect(QuickLogActivity(["log", "activity", "Meeting", "--from", "9:00"]) == nil)
        #expect(QuickLogActivity(["log", "activity", "Meeting", "--to", "10:00"]) == nil)
        #expect(QuickLogActivity(["log", "activity", "Meeting", "--tag", "UX"]) == nil)
    }
}
