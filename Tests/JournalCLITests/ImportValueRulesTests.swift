import Foundation
import Testing

/// Issue 19, item 3: an export whose hashes are valid can still carry what no command would record. Every imported
/// event passes the value rules of the command that makes it and lands in the stream its payload names; events
/// that conflict with the journal (a goal set twice, a milestone number reused, an event known before what it
/// builds on) refuse the whole file with its line and the reason.
@Suite struct ImportValueRulesTests {
    func importing(_ forged: ForgedExport, into sandbox: Sandbox) throws -> RunResult {
        let file = sandbox.path("forged.jsonl")
        try forged.write(to: file)
        return try sandbox.run(["import", file, "--db", sandbox.db])
    }

    @Test func aForgedFileWithOrdinaryValuesIsAccepted() throws {
        let s = try Sandbox(tz: "UTC", now: "2025-10-20")
        var f = ForgedExport.goalWithMilestones()
        f.add("goal-p", "milestone-done", #"{"goal":"p","number":1}"#, occurredAt: "2025-10-05T12:00:00.000Z", recordedAt: "2025-10-05T12:00:00.000Z")
        f.add("activities-2025-10-06", "activity-logged", #"{"goal":"p","minutes":60,"text":"Layout"}"#, schemaVersion: 2,
              occurredAt: "2025-10-06T12:00:00.000Z", recordedAt: "2025-10-06T12:00:00.000Z")
        let result = try importing(f, into: s)
        #expect(result.status == 0, "\(result)")
        #expect(try s.count() == 5)
    }

    @Test(arguments: [
        // A key that is not a key, as the completion attack used it.
        ("goal-$(touch${IFS}/tmp/PWNED)", "goal-set", #"{"key":"$(touch${IFS}/tmp/PWNED)","quarter":"2025-Q4","title":"x"}"#, 1, "goal key"),
        ("activities-2025-10-01", "activity-logged", #"{"minutes":9223372036854775807,"text":"forever"}"#, 2, "minutes"),
        ("activities-2025-10-01", "activity-logged", #"{"text":"Evil\u001b]0;pwned\u0007"}"#, 2, "control characters"),
        ("activities-2025-10-01", "activity-logged", #"{"text":"\u200b"}"#, 2, "shows nothing"),
        ("activities-2025-10-01", "activity-logged", #"{"text":"ab\u202ecd"}"#, 2, "bidirectional"),
        ("goal-q", "goal-set", #"{"confidence":9223372036854775807,"key":"q","quarter":"2025-Q4","title":"x"}"#, 1, "confidence"),
        ("goal-p", "progress-measured", #"{"amount":-1e300,"goal":"p"}"#, 1, "amount"),
        ("goal-p", "milestone-planned", #"{"goal":"p","number":9223372036854775807,"title":"x"}"#, 1, "milestone number"),
        ("goal-p", "milestone-planned", #"{"goal":"p","number":3,"title":"x","weeks":[13,1]}"#, 1, "sprint weeks"),
        // The payload's goal is p, the stream is the partner's: folds and decisions would disagree on whose it is.
        ("partner", "goal-completed", #"{"goal":"p"}"#, 1, "not in goal-p"),
        ("activities-2025-03-01", "activity-logged", #"{"text":"filed under another day"}"#, 2, "not in activities-2025-10-01"),
    ])
    func aValueNoCommandWouldRecordRefusesTheFile(stream: String, type: String, payload: String, schema: Int, reason: String) throws {
        let s = try Sandbox(tz: "UTC", now: "2025-10-20")
        var f = ForgedExport.goalWithMilestones()
        f.add(stream, type, payload, schemaVersion: schema)
        let result = try importing(f, into: s)
        expectRefusal(result, status: 65, mentioning: ["line 4", reason, "nothing was imported"])
        #expect(try s.count() == 0)
    }

    @Test(arguments: ["1899-12-31T23:40:48.000Z", "0001-01-01T00:00:00.000Z", "9999-12-31T12:00:00.000Z"])
    func aTimeOutsideTheSupportedRangeRefusesTheFile(time: String) throws {
        let s = try Sandbox(tz: "UTC", now: "2025-10-20")
        var f = ForgedExport.goalWithMilestones()
        f.add("activities-" + time.prefix(10), "activity-logged", #"{"text":"oldest memory"}"#, schemaVersion: 2, occurredAt: time)
        expectRefusal(try importing(f, into: s), status: 65, mentioning: ["line 4", "outside the times the journal holds"])
    }

    @Test func aSecondGoalSetForAKeyIsRefusedAndTheMilestonesStay() throws {
        let s = try Sandbox(tz: "UTC", now: "2025-10-20")
        #expect(try importing(ForgedExport.goalWithMilestones(), into: s).status == 0)
        var again = ForgedExport()
        again.add("goal-p", "goal-set", #"{"key":"p","quarter":"2025-Q4","title":"Wipe it"}"#, recordedAt: "2025-10-02T12:00:00.000Z")
        expectRefusal(try importing(again, into: s), status: 65, mentioning: ["line 1", "sets goal p a second time"])
        #expect(try s.count() == 3)
        let board = try s.ok(["sprint", "--db", s.db, "--format", "json"])
        #expect(board.contains("Draft") && board.contains("Publish"))
        // Within one file too.
        var twice = ForgedExport.goalWithMilestones()
        twice.add("goal-p", "goal-set", #"{"key":"p","quarter":"2025-Q4","title":"Wipe it"}"#)
        let fresh = try Sandbox(tz: "UTC", now: "2025-10-20")
        expectRefusal(try importing(twice, into: fresh), status: 65, mentioning: ["line 4", "second time"])
        let left = try fresh.count()
        #expect(left == 0)
    }

    @Test func aRetractedGoalSetMayBeSetAgainAsTheCommandsAllow() throws {
        let s = try Sandbox(tz: "UTC", now: "2025-10-20")
        var f = ForgedExport()
        f.add("goal-p", "goal-set", #"{"key":"p","quarter":"2025-Q4","title":"First"}"#)
        let first = f.events[0].id
        f.add("goal-p", "event-retracted", #"{"reason":"wrong","target":"\#(first)","targetType":"goal-set"}"#)
        f.add("goal-p", "goal-set", #"{"key":"p","quarter":"2025-Q4","title":"Second"}"#)
        let result = try importing(f, into: s)
        #expect(result.status == 0, "\(result)")
    }

    @Test func aReusedMilestoneNumberIsRefused() throws {
        let s = try Sandbox(tz: "UTC", now: "2025-10-20")
        var f = ForgedExport.goalWithMilestones()
        f.add("goal-p", "milestone-planned", #"{"goal":"p","number":2,"title":"Again"}"#)
        expectRefusal(try importing(f, into: s), status: 65, mentioning: ["line 4", "p/2", "number is taken"])
    }

    @Test func eventsKnownBeforeWhatTheyBuildOnAreRefused() throws {
        // A completion recorded before its goal was would show in --as-known-at reports of days nobody knew of it.
        let s = try Sandbox(tz: "UTC", now: "2025-10-20")
        var f = ForgedExport.goalWithMilestones()
        f.add("goal-p", "goal-completed", #"{"goal":"p"}"#, recordedAt: "2025-09-01T12:00:00.000Z")
        expectRefusal(try importing(f, into: s), status: 65, mentioning: ["line 4", "before goal p was"])

        var done = ForgedExport.goalWithMilestones()
        done.events[2].recordedAt = "2025-10-03T12:00:00.000Z"
        done.add("goal-p", "milestone-done", #"{"goal":"p","number":2}"#, recordedAt: "2025-10-02T12:00:00.000Z")
        expectRefusal(try importing(done, into: try Sandbox(tz: "UTC", now: "2025-10-20")), status: 65,
                      mentioning: ["line 4", "before milestone p/2 was planned"])

        var retraction = ForgedExport.goalWithMilestones()
        retraction.events[2].recordedAt = "2025-10-03T12:00:00.000Z"
        let target = retraction.events[2].id
        retraction.add("goal-p", "event-retracted", #"{"reason":"x","target":"\#(target)","targetType":"milestone-planned"}"#,
                       recordedAt: "2025-10-02T12:00:00.000Z")
        expectRefusal(try importing(retraction, into: try Sandbox(tz: "UTC", now: "2025-10-20")), status: 65,
                      mentioning: ["line 4", "before the event it retracts"])
    }

    @Test func aRetractionMustNameAnEarlierEventOfItsStream() throws {
        let s = try Sandbox(tz: "UTC", now: "2025-10-20")
        var f = ForgedExport.goalWithMilestones()
        let goalSet = f.events[0].id
        // Retracting the goal from another stream would hide it from the folds but not from the decisions.
        f.add("partner", "event-retracted", #"{"reason":"x","target":"\#(goalSet)","targetType":"goal-set"}"#)
        expectRefusal(try importing(f, into: s), status: 65, mentioning: ["line 4", "not earlier in its stream"])
    }

    @Test func mergingTwoDevicesThatInterleaveRecordingTimesStillWorks() throws {
        // Device B's events were recorded before device A's newest: a merge keeps their times, and is no conflict.
        let a = try Sandbox(tz: "UTC", now: "2025-10-20")
        var base = ForgedExport.goalWithMilestones()
        #expect(try importing(base, into: a).status == 0)
        try a.log("activity", "On device A", "--goal", "p", "--minutes", "30", "--db", a.db)
        base.add("goal-p", "milestone-done", #"{"goal":"p","number":1}"#, recordedAt: "2025-10-10T12:00:00.000Z")
        let result = try importing(base, into: a)
        #expect(result.status == 0, "\(result)")
        #expect(try a.count() == 5)
        let file = a.path("merged.jsonl")
        try a.ok(["export", "--db", a.db, "--output", file])
        let c = try Sandbox(tz: "UTC", now: "2025-10-20")
        #expect(try c.run(["import", file, "--db", c.db]).status == 0)
    }
}
