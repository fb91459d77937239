import Foundation
import JournalDomain
import Projections
import Testing

@Suite("Accomplishments")
struct AccomplishmentsTests {
    static func at(_ iso: String) -> Instant {
        Instant(iso: iso) ?? Instant(millisecondsSinceEpoch: 0)
    }

    static func day(_ iso: String) -> LocalDate {
        LocalDate(iso: iso) ?? LocalDate(dayNumber: 0)
    }

    static func time(_ now: String, zone: String = "UTC") -> TimeContext {
        TimeContext(now: at(now), zone: TimeZone(identifier: zone) ?? .current)
    }

    func envelope(_ position: Int64, _ event: JournalEvent, _ occurred: String, recorded: String? = nil) -> Envelope {
        let occurredAt = Self.at(occurred)
        return Envelope(position: position, eventId: "e\(position)", streamId: event.goalKey.map { "goal-\($0)" } ?? "other",
                        streamVersion: Int(position), occurredAt: occurredAt,
                        recordedAt: recorded.map(Self.at) ?? occurredAt, event: event)
    }

    func goal(_ position: Int64, _ key: String, _ title: String, _ quarter: String, _ occurred: String) -> Envelope {
        envelope(position, .goalSet(GoalSet(key: key, title: title, quarter: Quarter(parsing: quarter) ?? Self.day("2025-01-01").quarter)),
                 occurred)
    }

    func milestone(_ position: Int64, _ key: String, _ number: Int, _ title: String, _ occurred: String) -> Envelope {
        envelope(position, .milestonePlanned(MilestonePlanned(goal: key, number: number, title: title)), occurred)
    }

    func done(_ position: Int64, _ key: String, _ number: Int, _ occurred: String) -> Envelope {
        envelope(position, .milestoneDone(MilestoneDone(goal: key, number: number)), occurred)
    }

    func retract(_ position: Int64, _ target: Int64, _ type: String, _ occurred: String) -> Envelope {
        envelope(position, .eventRetracted(EventRetracted(target: "e\(target)", targetType: type, reason: "mistake")), occurred)
    }

    /// Q1: "learn" completed with two milestones done. Q2: "aws" with two milestones done and completed;
    /// "blog" completed but the completion retracted, one milestone done then the done retracted, one milestone
    /// retracted after it was done; "talk", whose goal-set was retracted.
    var events: [Envelope] {
        [
            goal(1, "learn", "Learn Kotlin", "2025-Q1", "2025-01-02T09:00:00Z"),
            milestone(2, "learn", 1, "Finish the tutorial", "2025-01-02T09:00:00Z"),
            milestone(3, "learn", 2, "Build a small app", "2025-01-02T09:00:00Z"),
            done(4, "learn", 1, "2025-02-10T12:00:00Z"),
            done(5, "learn", 2, "2025-03-15T12:00:00Z"),
            envelope(6, .goalCompleted(GoalCompleted(goal: "learn", outcome: "Shipped a side project")), "2025-03-20T12:00:00Z"),
            goal(7, "aws", "Complete AWS Solutions Architect certification", "2025-Q2", "2025-03-31T09:00:00Z"),
            milestone(8, "aws", 1, "Finish sections 1-5", "2025-03-31T09:00:00Z"),
            milestone(9, "aws", 2, "Finish sections 6-10, take 2 practice exams", "2025-03-31T09:00:00Z"),
            goal(10, "blog", "Write three blog posts", "2025-Q2", "2025-04-01T09:00:00Z"),
            milestone(11, "blog", 1, "First post", "2025-04-01T09:00:00Z"),
            milestone(12, "blog", 2, "Second post", "2025-04-01T09:00:00Z"),
            done(13, "aws", 1, "2025-04-30T12:00:00Z"),
            done(14, "blog", 1, "2025-05-02T12:00:00Z"),
            retract(15, 14, "milestone-done", "2025-05-03T12:00:00Z"),
            done(16, "blog", 2, "2025-05-04T12:00:00Z"),
            retract(17, 12, "milestone-planned", "2025-05-05T12:00:00Z"),
            done(18, "aws", 2, "2025-05-20T12:00:00Z"),
            envelope(19, .goalCompleted(GoalCompleted(goal: "blog", outcome: "Three posts")), "2025-06-01T12:00:00Z"),
            retract(20, 19, "goal-completed", "2025-06-02T12:00:00Z"),
            goal(21, "talk", "Give a talk", "2025-Q2", "2025-04-02T09:00:00Z"),
            milestone(22, "talk", 1, "Submit a proposal", "2025-04-02T09:00:00Z"),
            done(23, "talk", 1, "2025-04-10T12:00:00Z"),
            retract(24, 21, "goal-set", "2025-04-11T12:00:00Z"),
            envelope(25, .goalCompleted(GoalCompleted(goal: "aws", outcome: "Passed the exam")), "2025-06-27T15:00:00Z"),
        ]
    }

    func lines(_ accomplishments: Accomplishments) -> [String] {
        accomplishments.quarters.flatMap { group in
            ["\(group.quarter)"] + group.items.map { item in
                "\(item.kind.rawValue) \(item.ref) \(item.title) | \(item.outcome ?? "-") | \(item.completedOn)"
            }
        }
    }

    @Test func newestFirstGroupedByQuarterRetractedEventsLeftOut() {
        let result = Accomplishments(ledger: Ledger.fold(events), time: Self.time("2025-07-01T09:00:00Z"))
        #expect(result.from == nil && result.through == nil && !result.isEmpty)
        #expect(lines(result) == [
            "2025-Q2",
            "goal aws Complete AWS Solutions Architect certification | Passed the exam | 2025-06-27",
            "milestone aws/2 Finish sections 6-10, take 2 practice exams | - | 2025-05-20",
            "milestone aws/1 Finish sections 1-5 | - | 2025-04-30",
            "2025-Q1",
            "goal learn Learn Kotlin | Shipped a side project | 2025-03-20",
            "milestone learn/2 Build a small app | - | 2025-03-15",
            "milestone learn/1 Finish the tutorial | - | 2025-02-10",
        ])
        let first = result.quarters.first?.items.first
        #expect(first?.goal == "aws" && first?.completedAt == Self.at("2025-06-27T15:00:00Z"))
    }

    @Test func sinceKeepsCompletionsOnOrAfterTheLocalDay() {
        let ledger = Ledger.fold(events)
        let time = Self.time("2025-07-01T09:00:00Z")
        #expect(lines(Accomplishments(ledger: ledger, time: time, from: Self.day("2025-04-30"))) == [
            "2025-Q2",
            "goal aws Complete AWS Solutions Architect certification | Passed the exam | 2025-06-27",
            "milestone aws/2 Finish sections 6-10, take 2 practice exams | - | 2025-05-20",
            "milestone aws/1 Finish sections 1-5 | - | 2025-04-30",
        ])
        #expect(lines(Accomplishments(ledger: ledger, time: time, from: Self.day("2025-05-01"))) == [
            "2025-Q2",
            "goal aws Complete AWS Solutions Architect certification | Passed the exam | 2025-06-27",
            "milestone aws/2 Finish sections 6-10, take 2 practice exams | - | 2025-05-20",
        ])
        // A period with both ends, as a quarter report asks.
        #expect(lines(Accomplishments(ledger: ledger, time: time, from: Self.day("2025-03-15"), through: Self.day("2025-04-30"))) == [
            "2025-Q2",
            "milestone aws/1 Finish sections 1-5 | - | 2025-04-30",
            "2025-Q1",
            "goal learn Learn Kotlin | Shipped a side project | 2025-03-20",
            "milestone learn/2 Build a small app | - | 2025-03-15",
        ])
        let none = Accomplishments(ledger: ledger, time: time, from: Self.day("2025-06-28"))
        #expect(none.isEmpty && none.quarters.isEmpty && none.from == Self.day("2025-06-28"))
    }

    @Test func eachItemBelongsToTheQuarterItWasAchievedIn() {
        // cs was set for 2025-Q3 and carried into 2025-Q4 on Oct 1: its first case study, done Aug 10, is a Q3
        // accomplishment; the second (Oct 20) and the goal's completion (Nov 3) are Q4's.
        let list = [
            goal(1, "cs", "Finish two case studies", "2025-Q3", "2025-07-01T09:00:00Z"),
            milestone(2, "cs", 1, "Case study 1", "2025-07-01T09:00:00Z"),
            milestone(3, "cs", 2, "Case study 2", "2025-07-01T09:00:00Z"),
            done(4, "cs", 1, "2025-08-10T12:00:00Z"),
            envelope(5, .goalRevised(GoalRevised(goal: "cs", changes: [FieldChange(field: .quarter, from: .text("2025-Q3"), to: .text("2025-Q4"))],
                                                 reason: "carried over")), "2025-10-01T09:00:00Z"),
            done(6, "cs", 2, "2025-10-20T12:00:00Z"),
            envelope(7, .goalCompleted(GoalCompleted(goal: "cs", outcome: "Two case studies online")), "2025-11-03T12:00:00Z"),
        ]
        let result = Accomplishments(ledger: Ledger.fold(list), time: Self.time("2025-12-01T09:00:00Z"))
        #expect(lines(result) == [
            "2025-Q4",
            "goal cs Finish two case studies | Two case studies online | 2025-11-03",
            "milestone cs/2 Case study 2 | - | 2025-10-20",
            "2025-Q3",
            "milestone cs/1 Case study 1 | - | 2025-08-10",
        ])
        // A quarter's accomplishments never hold an earlier quarter's milestone.
        let q4 = Accomplishments(ledger: Ledger.fold(list), time: Self.time("2025-12-01T09:00:00Z"),
                                 from: Self.day("2025-10-01"), through: Self.day("2025-12-31"))
        #expect(q4.quarters.map(\.quarter.description) == ["2025-Q4"] && q4.quarters.first?.items.count == 2)
    }

    @Test func theLocalDayDecidesTheFilterAndNowIsAParameter() {
        // 2025-04-30T12:00Z is still Apr 30 in Tokyo until 15:00Z; a done at 2025-04-30T20:00Z is May 1 there.
        let list = [
            goal(1, "aws", "AWS", "2025-Q2", "2025-04-01T00:00:00Z"),
            milestone(2, "aws", 1, "Sections", "2025-04-01T00:00:00Z"),
            done(3, "aws", 1, "2025-04-30T20:00:00Z"),
            envelope(4, .goalCompleted(GoalCompleted(goal: "aws")), "2025-06-27T15:00:00Z", recorded: "2025-06-28T09:00:00Z"),
        ]
        let ledger = Ledger.fold(list)
        let tokyo = Self.time("2025-07-01T00:00:00Z", zone: "Asia/Tokyo")
        #expect(lines(Accomplishments(ledger: ledger, time: tokyo, from: Self.day("2025-05-01"))) == [
            "2025-Q2", "goal aws AWS | - | 2025-06-28", "milestone aws/1 Sections | - | 2025-05-01",
        ])
        #expect(lines(Accomplishments(ledger: ledger, time: Self.time("2025-07-01T00:00:00Z"), from: Self.day("2025-05-01"))) == [
            "2025-Q2", "goal aws AWS | - | 2025-06-27",
        ])
        // Before the completion was recorded, only the milestone was known.
        #expect(lines(Accomplishments(ledger: ledger, time: Self.time("2025-06-27T20:00:00Z"))) == [
            "2025-Q2", "milestone aws/1 Sections | - | 2025-04-30",
        ])
        #expect(Accomplishments(ledger: Ledger(), time: Self.time("2025-07-01T00:00:00Z")).isEmpty)
    }

    /// A resume groups by direction: each item carries its goal's direction and numbers, and the directions the
    /// items served come newest set first (the target role); a retracted direction-set describes nothing.
    @Test func itemsCarryTheirDirectionAndNumbers() throws {
        let q2 = try #require(Quarter(parsing: "2025-Q2"))
        let list = [
            envelope(1, .directionSet(DirectionSet(key: "teach", title: "Lead a maths department", by: "2026")), "2025-03-01T09:00:00Z"),
            envelope(2, .directionSet(DirectionSet(key: "ux", title: "Move into UX design", by: "2027")), "2025-03-02T09:00:00Z"),
            envelope(3, .directionSet(DirectionSet(key: "unused", title: "Nothing served it")), "2025-03-03T09:00:00Z"),
            envelope(4, .goalSet(GoalSet(key: "events", title: "Attend 1 design event per month", quarter: q2, target: 3,
                                         unit: "events", direction: "ux")), "2025-04-01T09:00:00Z"),
            envelope(5, .goalSet(GoalSet(key: "club", title: "Run the maths club", quarter: q2, direction: "teach")), "2025-04-01T09:00:00Z"),
            envelope(6, .goalSet(GoalSet(key: "site", title: "Ship a website", quarter: q2)), "2025-04-01T09:00:00Z"),
            milestone(7, "site", 1, "Pick a domain", "2025-04-01T09:00:00Z"),
            envelope(8, .progressMeasured(ProgressMeasured(goal: "events", amount: 2)), "2025-05-01T09:00:00Z"),
            envelope(9, .goalCompleted(GoalCompleted(goal: "events", outcome: nil)), "2025-06-01T09:00:00Z"),
            envelope(10, .goalCompleted(GoalCompleted(goal: "club", outcome: nil)), "2025-06-02T09:00:00Z"),
            done(11, "site", 1, "2025-06-03T09:00:00Z"),
        ]
        let result = Accomplishments(ledger: Ledger.fold(list), time: Self.time("2025-07-01T09:00:00Z"))
        #expect(result.directions.map(\.key) == ["ux", "teach"])
        let items = result.quarters.flatMap(\.items)
        #expect(items.map(\.ref) == ["site/1", "club", "events"])
        #expect(items.map(\.direction) == [nil, "teach", "ux"])
        let events = try #require(items.last)
        #expect(events.target == 3 && events.current == 2 && events.unit == "events" && events.goalCompleted)
        // A milestone carries no numbers of its own; its goal is not completed.
        #expect(items[0].target == nil && items[0].current == nil && !items[0].goalCompleted)

        // The ux direction-set retracted: nothing describes ux any more, its goal still names it.
        let retracted = Accomplishments(ledger: Ledger.fold(list + [retract(12, 2, "direction-set", "2025-06-04T09:00:00Z")]),
                                        time: Self.time("2025-07-01T09:00:00Z"))
        #expect(retracted.directions.map(\.key) == ["teach"])
        #expect(retracted.quarters.flatMap(\.items).last?.direction == "ux")
    }
}
