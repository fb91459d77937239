import JournalApp
import JournalDomain
import JournalStore
import Testing

/// The timer's operations in-process: what start, stop, cancel and a span record, that a refusal appends nothing,
/// and the running timer as `Reading` loads it from either store.
@Suite struct TimerRecordingTests {
    func recorder<Store: TransactionalStore>(_ store: Store, _ now: String) throws -> Recorder<Store> {
        Recorder(store: store, time: try at(now))
    }

    @Test func startAndStopAcrossMidnightRecordOneActivityPerDay() throws {
        let store = InMemoryEventStore()
        let started = try recorder(store, "2025-04-10T23:20").startTimer(.startTimer(text: "Night reading", goal: nil, milestone: nil, tags: ["books"]))
        #expect(started.stopped == nil && started.timer.text == "Night reading" && started.started.event.streamId == StreamName.timer)
        let stop = try recorder(store, "2025-04-11T01:00").stopTimer(at: nil, note: "two chapters")
        #expect(stop.activities.map(\.event.streamId) == ["activities-2025-04-10", "activities-2025-04-11"])
        #expect(stop.activities.map(\.change) == [
            .activityLogged(ActivityLogged(text: "Night reading: two chapters", minutes: 40, tags: ["books"])),
            .activityLogged(ActivityLogged(text: "Night reading: two chapters", minutes: 60, tags: ["books"])),
        ])
        #expect(stop.minutes == 100)
        #expect(stop.stopped.change == .timerStopped(TimerStopped(timer: started.timer.eventId, activities: stop.activities.map(\.event.eventId))))
        #expect(try Reading(store: store, time: try at("2025-04-11T01:00")).runningTimer() == nil)
    }

    @Test func aRefusedStopAppendsNothing() throws {
        let store = InMemoryEventStore()
        #expect(throws: DomainError.noRunningTimer) { try recorder(store, "2025-04-10T09:00").stopTimer(at: nil, note: nil) }
        _ = try recorder(store, "2025-04-10T09:00").startTimer(.startTimer(text: "Reading", goal: nil, milestone: nil))
        let early = try at("2025-04-10T08:00").now
        #expect(throws: DomainError.self) { try recorder(store, "2025-04-10T10:00").stopTimer(at: early, note: nil) }
        #expect(try store.count() == 1)
        #expect(throws: DomainError.spanUnderAMinute) {
            try recorder(store, "2025-04-10T10:00").recordSpan(.logActivity(text: "x", goal: nil, milestone: nil, minutes: nil),
                                                              from: try at("2025-04-10T09:00").now, to: try at("2025-04-10T09:00:20").now, commandName: "log activity")
        }
        #expect(try store.count() == 1)
    }

    @Test func theRunningTimerReadsTheSameFromBothStores() throws {
        let file = try TemporaryJournalFile()
        let sqlite = try file.open(), memory = InMemoryEventStore()
        for (i, now) in ["2025-04-10T09:00", "2025-04-10T09:30", "2025-04-10T09:45"].enumerated() {
            _ = try recorder(sqlite, now).startTimer(.startTimer(text: "Task \(i)", goal: nil, milestone: nil, tags: ["t\(i)"]))
            _ = try recorder(memory, now).startTimer(.startTimer(text: "Task \(i)", goal: nil, milestone: nil, tags: ["t\(i)"]))
        }
        let fromSQLite = try Reading(store: sqlite, time: try at("2025-04-10T10:00")).runningTimer()
        let fromMemory = try Reading(store: memory, time: try at("2025-04-10T10:00")).runningTimer()
        let lastStart = try at("2025-04-10T09:45").now
        #expect(fromSQLite?.text == "Task 2" && fromSQLite?.tags == ["t2"] && fromSQLite?.startedAt == lastStart)
        #expect(fromMemory?.text == fromSQLite?.text && fromMemory?.startedAt == fromSQLite?.startedAt)
        _ = try recorder(sqlite, "2025-04-10T10:00").cancelTimer()
        #expect(try Reading(store: sqlite, time: try at("2025-04-10T10:00")).runningTimer() == nil)
    }
}
