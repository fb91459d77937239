import Foundation
import JournalApp
import JournalDomain
import JournalStore
import Projections
import Testing

/// The stores the application runs on; the same operations must give the same answers on each.
enum AppStoreKind: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case memory, sqlite

    var testDescription: String { rawValue }

    /// The article's story (the demo's) written into a new store of this kind, then read back.
    func readStory() throws -> StoryReads {
        let zone = try #require(TimeZone(identifier: "UTC"))
        switch self {
        case .memory:
            return try StoryReads(store: InMemoryEventStore(), zone: zone)
        case .sqlite:
            let file = try TemporaryJournalFile()
            return try withExtendedLifetime(file) { try StoryReads(store: try file.open(), zone: zone) }
        }
    }
}

/// What the reports read from the story's journal, as values to compare across stores (event ids, random per
/// append, left out).
struct StoryReads: Equatable {
    var events: Int64
    var sprint: SprintBoard
    var sprintCharts: QuarterCharts
    var drift: QuarterReport
    var report: QuarterReport
    var reportAsKnownEarlier: QuarterReport
    var historyPositions: [Int64]
    var historyStatus: GoalStatus?
    var share: ShareDocument
    var insights: Insights
    var accomplishments: Accomplishments
    var planUnfinished: [String]
    var overview: Overview
    var goals: GoalList

    init<Store: EventStore & ProjectionCheckpoints & TransactionalStore>(store: Store, zone: TimeZone) throws {
        let written = try DemoStory.write(into: store, path: "story", zone: zone)
        events = written.events
        let board = Reading(store: store, time: try DemoStory.time(DemoStory.boardDay, zone))
        let sprint = try board.sprint(DemoStory.quarter)
        self.sprint = sprint.board
        sprintCharts = sprint.charts
        drift = sprint.drift
        let after = Reading(store: store, time: try DemoStory.time(DemoStory.reportDay, zone))
        report = try after.report(DemoStory.quarter, asKnownAt: nil).report
        reportAsKnownEarlier = try after.report(DemoStory.quarter, asKnownAt: LocalDate(iso: "2025-05-01")).report
        let history = try #require(try after.history("aws", asOf: nil))
        historyPositions = history.entries.map(\.position)
        historyStatus = history.status
        share = try board.share(DemoStory.quarter)
        insights = try after.insights(.quarter(DemoStory.quarter))
        accomplishments = try after.accomplishments(since: nil)
        planUnfinished = try after.planContext(DemoStory.quarter.next).unfinished.map(\.id)
        overview = try board.overview()
        goals = try after.goals(nil)
    }
}

@Suite struct ReadingTests {
    @Test(arguments: AppStoreKind.allCases)
    func theStorysReportsLoadFromTheStore(_ kind: AppStoreKind) throws {
        let reads = try kind.readStory()
        #expect(reads.events == Int64(DemoStory.steps.count))
        #expect(reads.sprint.quarter == DemoStory.quarter && reads.sprint.goals.map(\.key) == ["aws", "network"])
        #expect(reads.report.review?.blockers == [.overcommitting])
        #expect(reads.report.goals.first { $0.key == "aws" }?.status == .completed)
        #expect(reads.reportAsKnownEarlier.review == nil, "as known on May 1 the review was not yet recorded")
        #expect(reads.historyStatus == .completed && reads.historyPositions.count > 5)
        #expect(reads.planUnfinished == ["network"])
        // The resume's grouping: the direction the goals served, loaded with them from the global slice.
        #expect(reads.accomplishments.directions.map(\.key) == ["data-lead"])
        #expect(reads.accomplishments.quarters.flatMap(\.items).allSatisfy { $0.direction == "data-lead" })
    }

    @Test func sqliteAndTheInMemoryStoreGiveTheSameAnswers() throws {
        #expect(try AppStoreKind.sqlite.readStory() == AppStoreKind.memory.readStory())
    }

    @Test func theSlicedLedgerAgreesWithTheWholeLog() throws {
        let store = InMemoryEventStore()
        let zone = try #require(TimeZone(identifier: "UTC"))
        let written = try DemoStory.write(into: store, path: "story", zone: zone)
        let time = try DemoStory.time(DemoStory.reportDay, zone)
        let sliced = try store.ledger(.quarter(DemoStory.quarter), time: time)
        #expect(QuarterReport(ledger: sliced, quarter: DemoStory.quarter, time: time)
                == QuarterReport(ledger: written.ledger, quarter: DemoStory.quarter, time: time))
        #expect(try store.projectionCheckpoint(LedgerSlices.projectionName)?.position == written.events, "the slices were caught up")
        #expect(Accomplishments(ledger: try store.ledger(.allGoals, time: time), time: time)
                == Accomplishments(ledger: written.ledger, time: time))
    }

    /// The overview and the goal list read slices; folded from the whole log they say the same.
    @Test func theOverviewAndTheGoalListAgreeWithTheWholeLog() throws {
        let store = InMemoryEventStore()
        let zone = try #require(TimeZone(identifier: "UTC"))
        let written = try DemoStory.write(into: store, path: "story", zone: zone)
        let time = try DemoStory.time(DemoStory.boardDay, zone)
        let reading = Reading(store: store, time: time)
        let overview = try reading.overview()
        #expect(overview == Overview(board: SprintBoard(ledger: written.ledger, quarter: DemoStory.quarter, time: time),
                                     ledger: written.ledger, time: time))
        #expect(overview.dueSoon.map(\.ref) == ["aws/2", "network/3"] && overview.effort.minutesLinked == 180)
        #expect(try reading.goals(nil) == GoalList(ledger: written.ledger, quarter: nil, time: time))
        #expect(try reading.goals(DemoStory.quarter.next).isEmpty)
        // A quarter without goals names no later one in a journal that has none.
        #expect(try reading.laterQuarterWithGoals(after: try reading.sprint(DemoStory.quarter.next).board) == nil)
    }

    @Test func anUnknownGoalHasNoHistory() throws {
        #expect(try Reading(store: InMemoryEventStore(), time: try at("2025-04-07T09:00")).history("nope", asOf: nil) == nil)
    }

    @Test func theDemoWritesOnlyIntoAnEmptyJournal() throws {
        let store = InMemoryEventStore()
        _ = try store.append([AppendBatch(stream: StreamName.partner, expected: .any, events: [
            NewEvent(eventId: "6f1c2a7e-0b0d-4c1e-9a53-2f4d5e6a7b8c", type: "partner-named", schemaVersion: 1, payload: "{\"name\":\"Sam\"}", occurredAt: try at("2025-04-01T09:00").now),
        ])], recordedAt: try at("2025-04-01T09:00").now)
        #expect(throws: AppError.demoJournalNotEmpty(path: "mine")) {
            try DemoStory.write(into: store, path: "mine", zone: try #require(TimeZone(identifier: "UTC")))
        }
        #expect(try store.count() == 1)
    }
}
