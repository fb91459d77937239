import Testing
@testable import JournalDomain

@Suite("Keys and the stored form of events")
struct KeysAndEncodingTests {
    @Test("keys derive from titles", arguments: [
        ("Complete AWS Solutions Architect certification", "aws-solutions"),
        ("Build professional network in data engineering", "professional-network"),
        ("Get promoted", "promoted"),
        ("Réussir l'examen", "reussir-examen"),
        ("!!!", "goal"),
    ])
    func derivedKeys(title: String, key: String) {
        #expect(GoalKey.base(for: title) == key)
    }

    @Test func keysStayShortAndValid() throws {
        let key = GoalKey.base(for: "Internationalization superconductivity extraordinaire")
        #expect(key.count <= 20)
        #expect(try Validate.key(key) == key)
        #expect(Array(GoalKey.candidates(for: "aws").prefix(3)) == ["aws", "aws-2", "aws-3"])
    }

    @Test("invalid keys", arguments: ["", "AWS", "a b", "-a", "a-", "a/b", String(repeating: "a", count: 33), "é"])
    func invalidKeys(key: String) {
        #expect(throws: DomainError.self) { try Validate.key(key) }
    }

    @Test func milestoneReferences() throws {
        #expect(try Validate.milestoneRef("aws/2") == ("aws", 2))
        for bad in ["aws", "aws/", "/2", "aws/0", "aws/-1", "aws/x", "aws/2/3", "aws/99999999999999999999"] {
            #expect(throws: DomainError.self) { try Validate.milestoneRef(bad) }
        }
    }

    @Test func payloadsHaveSortedKeysAndRoundTrip() throws {
        let q2 = try #require(Quarter(parsing: "2025-Q2"))
        let events: [JournalEvent] = [
            .directionSet(DirectionSet(key: "mgmt", title: "Management", by: "2028")),
            .goalSet(GoalSet(key: "aws", title: "AWS/cert \"pro\"", quarter: q2, metric: "Pass", target: 2.5, unit: "exams",
                             due: LocalDate(iso: "2025-06-15"), direction: "mgmt", confidence: 70, forced: true)),
            .milestonePlanned(MilestonePlanned(goal: "aws", number: 1, title: "Sections", weeks: WeekSpan(first: 1, last: 4))),
            .milestoneDone(MilestoneDone(goal: "aws", number: 1)),
            .milestoneRevised(MilestoneRevised(goal: "aws", number: 1, title: TitleChange(from: "Sections", to: "Sections 1-5"),
                                               schedule: ScheduleChange(from: MilestoneWhen(quarter: q2, weeks: WeekSpan(first: 1, last: 4)),
                                                                        to: MilestoneWhen(due: LocalDate(iso: "2025-05-30"))),
                                               reason: "r")),
            .progressMeasured(ProgressMeasured(goal: "aws", amount: 3, note: "n")),
            .activityLogged(ActivityLogged(text: "Read 📚", goal: "aws", milestone: 1, minutes: 45)),
            .goalRevised(GoalRevised(goal: "aws", changes: [FieldChange(field: .target, from: .number(15), to: .number(10)),
                                                            FieldChange(field: .metric, from: nil, to: .text("m"))], reason: "r")),
            .goalCompleted(GoalCompleted(goal: "aws", outcome: "Passed")),
            .goalDropped(GoalDropped(goal: "aws", reason: "r")),
            .reviewRecorded(ReviewRecorded(quarter: q2, planned: "p", accomplished: "a", obstacles: "o", learned: "l", next: "n",
                                           blockers: [.lostInterest])),
            .partnerNamed(PartnerNamed(name: "Sam")),
            .eventRetracted(EventRetracted(target: "abc", targetType: "goal-set", reason: "r")),
            .timerStarted(TimerStarted(text: "Read 📚", goal: "aws", milestone: 1, tags: ["books"], startedAt: Instant(millisecondsSinceEpoch: 1_744_275_600_000))),
            .timerStopped(TimerStopped(timer: "abc", activities: ["def", "ghi"])),
            .timerCancelled(TimerCancelled(timer: "abc")),
        ]
        #expect(Set(events.map(\.type)).count == JournalEvent.Kind.allCases.count, "every kind is covered")
        for event in events {
            let json = try event.payloadJSON()
            #expect(try JournalEvent(type: event.type, schemaVersion: 1, payload: json) == event)
            #expect(try event.payloadJSON() == json, "the same event always has the same bytes")
        }
        let goal = try events[1].payloadJSON()
        #expect(goal == #"{"confidence":70,"direction":"mgmt","due":"2025-06-15","forced":true,"key":"aws","metric":"Pass","quarter":"2025-Q2","target":2.5,"title":"AWS/cert \"pro\"","unit":"exams"}"#)
    }

    @Test func unreadableEventsAreErrorsNotTraps() {
        #expect(throws: JournalEvent.DecodingFailure.self) { try JournalEvent(type: "goal-exploded", schemaVersion: 1, payload: "{}") }
        #expect(throws: JournalEvent.DecodingFailure.self) { try JournalEvent(type: "goal-set", schemaVersion: 1, payload: "{") }
        #expect(throws: JournalEvent.DecodingFailure.self) { try JournalEvent(type: "goal-set", schemaVersion: 1, payload: #"{"key":"a"}"#) }
        #expect(throws: JournalEvent.DecodingFailure.self) {
            try JournalEvent(type: "goal-set", schemaVersion: 1, payload: #"{"key":"a","title":"t","quarter":"2025-Q9"}"#)
        }
        #expect(throws: JournalEvent.DecodingFailure.self) { try JournalEvent(type: "partner-named", schemaVersion: 2, payload: #"{"name":"x"}"#) }
    }
}
