import Foundation
import Testing
@testable import JournalDomain

/// TimeInput (times of day as typed), the running timer's fold, the timer's decisions and the per-day split.
@Suite("Times of day, the running timer and its decisions")
struct TimerDomainTests {
    func context(_ now: String, zone: String = "UTC") throws -> TimeContext {
        let tz = try #require(TimeZone(identifier: zone))
        return TimeContext(now: try #require(TimeContext.parseNow(now, zone: tz)), zone: tz)
    }

    func moment(_ text: String, _ now: String = "2025-04-10T09:00", zone: String = "UTC") throws -> String {
        try TimeInput.moment(text, option: "--at", time: try context(now, zone: zone)).description
    }

    @Test("times of day and relative times", arguments: [
        ("9:30", "2025-04-10T09:30:00.000Z"), ("09:30", "2025-04-10T09:30:00.000Z"), ("14:05", "2025-04-10T14:05:00.000Z"),
        ("0:00", "2025-04-10T00:00:00.000Z"), ("9:30pm", "2025-04-10T21:30:00.000Z"), ("9am", "2025-04-10T09:00:00.000Z"),
        ("12am", "2025-04-10T00:00:00.000Z"), ("12:15 PM", "2025-04-10T12:15:00.000Z"),
        ("yesterday 17:00", "2025-04-09T17:00:00.000Z"), ("monday 9:00", "2025-04-07T09:00:00.000Z"),
        ("2025-04-01 8:15", "2025-04-01T08:15:00.000Z"), ("2025-04-01T08:15", "2025-04-01T08:15:00.000Z"),
        ("30 minutes ago", "2025-04-10T08:30:00.000Z"), ("an hour ago", "2025-04-10T08:00:00.000Z"),
        ("2 hours ago", "2025-04-10T07:00:00.000Z"), ("90 min ago", "2025-04-10T07:30:00.000Z"), ("now", "2025-04-10T09:00:00.000Z"),
    ])
    func readsTimes(_ text: String, _ expected: String) throws {
        #expect(try moment(text) == expected)
    }

    @Test("what is not a time", arguments: ["9", "25:00", "9:7", "9:60", "13pm", "0am", "someday 9:00", "soon", "9:30 tomorrowish", ""])
    func refusesNonTimes(_ text: String) throws {
        #expect(throws: DomainError.invalidDate(name: .named("--at"), raw: text, reading: .time)) { try moment(text) }
    }

    @Test func relativeTimesCrossMidnight() throws {
        #expect(try moment("30 minutes ago", "2025-04-10T00:10") == "2025-04-09T23:40:00.000Z")
        #expect(try moment("yesterday 23:50", "2025-04-10T00:10") == "2025-04-09T23:50:00.000Z")
    }

    @Test func aSpansEndIsTheFirstSuchTimeAfterItsStart() throws {
        let time = try context("2025-04-11T12:00")
        let evening = try TimeInput.moment("yesterday 19:00", option: "--from", time: time)
        #expect(try TimeInput.moment("21:30", option: "--to", time: time, after: evening).description == "2025-04-10T21:30:00.000Z")
        #expect(try TimeInput.moment("0:45", option: "--to", time: time, after: evening).description == "2025-04-11T00:45:00.000Z")
        #expect(try TimeInput.moment("19:00", option: "--to", time: time, after: evening).description == "2025-04-11T19:00:00.000Z")
        // Any other form reads as it always does.
        #expect(try TimeInput.moment("today 21:30", option: "--to", time: time, after: evening).description == "2025-04-11T21:30:00.000Z")
    }

    @Test func timesAreLocalAcrossDaylightSaving() throws {
        // Berlin moved from UTC+1 to UTC+2 at 02:00 on 2025-03-30.
        #expect(try moment("1:30", "2025-03-30T12:00", zone: "Europe/Berlin") == "2025-03-30T00:30:00.000Z")
        #expect(try moment("3:30", "2025-03-30T12:00", zone: "Europe/Berlin") == "2025-03-30T01:30:00.000Z")
        #expect(try moment("yesterday 9:00", "2025-03-30T12:00", zone: "Europe/Berlin") == "2025-03-29T08:00:00.000Z")
        // An hour ago is an hour of real time, whatever the clock did.
        #expect(try moment("2 hours ago", "2025-03-30T03:30", zone: "Europe/Berlin") == "2025-03-29T23:30:00.000Z")
    }

    @Test func aSpanIsSplitAtLocalMidnightAndAddsUpToTheWhole() throws {
        let time = try context("2025-04-11T12:00", zone: "Europe/Berlin")
        let start = try TimeInput.moment("yesterday 22:20", option: "--from", time: time)
        let end = try TimeInput.moment("1:10", option: "--to", time: time)
        let parts = DaySpans.pieces(from: start, to: end, time: time)
        #expect(parts.map { "\(time.localDate(of: $0.at)) \($0.minutes)" } == ["2025-04-10 100", "2025-04-11 70"])
        #expect(throws: DomainError.spanEndsBeforeStart(from: end, to: start)) { try DaySpans.checked(from: end, to: start, now: time.now, time: time) }
        #expect(throws: DomainError.spanUnderAMinute) { try DaySpans.checked(from: start, to: Instant(millisecondsSinceEpoch: start.millisecondsSinceEpoch + 20_000), now: time.now, time: time) }
        #expect(throws: DomainError.momentInFuture(name: .named("--to"), at: Instant(millisecondsSinceEpoch: time.now.millisecondsSinceEpoch + 1), now: time.now)) {
            try DaySpans.checked(from: start, to: Instant(millisecondsSinceEpoch: time.now.millisecondsSinceEpoch + 1), now: time.now, time: time)
        }
    }

    @Test func aSpanAcrossTheDaylightSavingNightHasItsRealMinutes() throws {
        let time = try context("2025-03-30T12:00", zone: "Europe/Berlin")
        let parts = DaySpans.pieces(from: try TimeInput.moment("yesterday 23:00", option: "--from", time: time),
                                    to: try TimeInput.moment("4:00", option: "--to", time: time), time: time)
        // 23:00 to 04:00 local is four hours of real time that night (02:00 to 03:00 did not happen).
        #expect(parts.map(\.minutes) == [60, 180])
    }

    static let t0 = Instant(date: LocalDate(iso: "2025-04-10") ?? LocalDate(dayNumber: 0), hour: 9)

    func timerStream(_ events: [JournalEvent]) -> [Envelope] {
        events.enumerated().map { i, event in
            Envelope(position: Int64(i + 1), eventId: "t\(i + 1)", streamId: "timer", streamVersion: i + 1,
                     occurredAt: Self.t0, recordedAt: Self.t0, event: event)
        }
    }

    @Test func theRunningTimerIsTheNewestStartNothingEnded() {
        let start = JournalEvent.timerStarted(TimerStarted(text: "Reading", tags: ["books"], startedAt: Self.t0))
        #expect(RunningTimer.replay([]) == nil)
        #expect(RunningTimer.replay(timerStream([start]))
            == RunningTimer(eventId: "t1", text: "Reading", tags: ["books"], startedAt: Self.t0))
        #expect(RunningTimer.replay(timerStream([start, .timerStopped(TimerStopped(timer: "t1"))])) == nil)
        #expect(RunningTimer.replay(timerStream([start, .timerCancelled(TimerCancelled(timer: "t1"))])) == nil)
        // A retracted stop sets it running again; a retracted start takes it away.
        #expect(RunningTimer.replay(timerStream([start, .timerStopped(TimerStopped(timer: "t1")),
                                                 .eventRetracted(EventRetracted(target: "t2", targetType: "timer-stopped", reason: "undo"))]))?.eventId == "t1")
        #expect(RunningTimer.replay(timerStream([start, .eventRetracted(EventRetracted(target: "t1", targetType: "timer-started", reason: "undo"))])) == nil)
    }

    @Test func theTimerDecisions() throws {
        let timer = RunningTimer(eventId: "t1", text: "Reading", startedAt: Self.t0)
        let later = Instant(millisecondsSinceEpoch: Self.t0.millisecondsSinceEpoch + 60_000)
        let earlier = Instant(millisecondsSinceEpoch: Self.t0.millisecondsSinceEpoch - 60_000)
        #expect(try Decider.decide(.stopTimer(activities: ["a1"]), DecisionState(timer: timer, occurredAt: later, now: later))
            == [.timerStopped(TimerStopped(timer: "t1", activities: ["a1"]))])
        #expect(throws: DomainError.noRunningTimer) { try Decider.decide(.stopTimer(activities: []), DecisionState(occurredAt: later, now: later)) }
        #expect(throws: DomainError.noRunningTimer) { try Decider.decide(.cancelTimer, DecisionState()) }
        #expect(throws: DomainError.timerStopBeforeStart(stop: earlier, started: Self.t0)) {
            try Decider.decide(.stopTimer(activities: []), DecisionState(timer: timer, occurredAt: earlier, now: later))
        }
        #expect(throws: DomainError.momentInFuture(name: .named("--at"), at: later, now: Self.t0)) {
            try Decider.decide(.stopTimer(activities: []), DecisionState(timer: timer, occurredAt: later, now: Self.t0))
        }
        #expect(try Decider.decide(.startTimer(text: "  Reading ", goal: nil, milestone: nil, tags: ["#books"]),
                                   DecisionState(occurredAt: Self.t0, now: Self.t0))
            == [.timerStarted(TimerStarted(text: "Reading", tags: ["books"], startedAt: Self.t0))])
        #expect(throws: DomainError.unknownGoal(key: "aws")) {
            try Decider.decide(.startTimer(text: "Reading", goal: "aws", milestone: nil), DecisionState(occurredAt: Self.t0, now: Self.t0))
        }
    }

    @Test func theTimerStreamRules() {
        let start = JournalEvent.timerStarted(TimerStarted(text: "Reading", startedAt: Self.t0))
        #expect(StreamRules.firstConflict(in: timerStream([start, .timerStopped(TimerStopped(timer: "t1"))]), newFrom: 1) == nil)
        #expect(StreamRules.firstConflict(in: timerStream([.timerStopped(TimerStopped(timer: "t9"))]), newFrom: 1)?.reason
            == "it ends timer t9, which is not a timer started earlier in its stream")
        #expect(throws: Never.self) {
            try EventRules.check(start, stream: "timer", occurredAt: Self.t0, recordedAt: Self.t0)
        }
        #expect(throws: DomainError.eventInWrongStream(type: "timer-started", subject: .timer, stream: "partner", expected: "timer")) {
            try EventRules.check(start, stream: "partner", occurredAt: Self.t0, recordedAt: Self.t0)
        }
    }
}
