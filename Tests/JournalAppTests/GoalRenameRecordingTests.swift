import JournalApp
import JournalDomain
import JournalStore
import Testing

/// `revise --key` as an operation on the in-memory store: what it records, how every later command and read
/// resolves a former key to the goal's identity, the lookup kept in step (with SQLite's), and refusals.
@Suite struct GoalRenameRecordingTests {
    let store = InMemoryEventStore()

    func recorder() throws -> Recorder<InMemoryEventStore> { Recorder(store: store, time: try at("2025-04-07T09:00")) }

    func record(_ command: Command) throws -> Recorded { try recorder().record(command, occurredAt: nil, commandName: "test") }

    func rename(_ goal: String, to key: String) -> Command {
        .reviseGoal(goal: goal, changes: GoalChanges(key: key), reason: "Clearer", force: false)
    }

    func journal() throws {
        _ = try recorder().recordAll([goal("aws", "Pass AWS"), .planMilestone(goal: "aws", title: "Study", schedule: weeks(1, 2)),
                                      goal("network", "Grow my network")], commandName: "test")
        _ = try record(rename("aws", to: "aws-cert"))
    }

    @Test func theRenameIsOneRevisionInTheIdentitysStream() throws {
        try journal()
        let last = try #require(try store.read(from: 4, limit: 10).first)
        #expect(last.streamId == "goal-aws" && last.type == "goal-revised")
        #expect(last.payload == #"{"changes":[{"field":"key","from":"aws","to":"aws-cert"}],"goal":"aws","reason":"Clearer"}"#)
        #expect(try store.goalHolding(key: "aws") == KeyHolder(goal: "aws", shownKey: "aws-cert"))
        #expect(try store.goalHolding(key: "aws-cert") == KeyHolder(goal: "aws", shownKey: "aws-cert"))
        #expect(try store.goalHolding(key: "network") == KeyHolder(goal: "network", shownKey: "network"))
        #expect(try store.goalHolding(key: "nope") == nil)
        #expect(try store.goalKeys(status: .active) == ["aws-cert", "network"])
        #expect(try store.goalKeys(in: q2) == ["aws", "network"])
    }

    @Test func laterCommandsResolveEitherKeyAndReportAFormerOne() throws {
        try journal()
        let old = try record(.markDone(goal: "aws", number: 1))
        #expect(old.formerKeys == [FormerKeyUse(typed: "aws", shownKey: "aws-cert")])
        #expect(old.event.streamId == "goal-aws" && old.goal?.shownKey == "aws-cert")
        let new = try record(.logActivity(text: "Read", goal: "aws-cert", milestone: 1, minutes: 30))
        #expect(new.formerKeys.isEmpty)
        #expect(new.event.payload == #"{"goal":"aws","milestone":1,"minutes":30,"text":"Read"}"#)
        let reading = Reading(store: store, time: try at("2025-04-07T09:00"))
        #expect(try reading.goalKey("aws") == ResolvedGoalKey(identity: "aws", formerKey: FormerKeyUse(typed: "aws", shownKey: "aws-cert")))
        #expect(try reading.goalKey("aws-cert") == ResolvedGoalKey(identity: "aws", formerKey: nil))
        #expect(try reading.history("aws", asOf: nil)?.key == "aws-cert")
        #expect(try reading.sprint(q2).board.goals.map(\.key) == ["aws-cert", "network"])
    }

    @Test func refusalsAppendNothing() throws {
        try journal()
        let before = try store.count()
        #expect(throws: DomainError.goalKeyTaken(key: "aws-cert", goal: "aws-cert")) { try record(rename("network", to: "aws-cert")) }
        #expect(throws: DomainError.goalKeyTaken(key: "aws", goal: "aws-cert")) { try record(rename("network", to: "aws")) }
        #expect(throws: DomainError.goalKeyTaken(key: "aws-cert", goal: "aws-cert")) { try record(goal("aws-cert", "Again")) }
        #expect(throws: DomainError.goalKeyUnchanged(key: "aws-cert")) { try record(rename("aws", to: "aws-cert")) }
        #expect(try store.count() == before)
        // A derived key skips the alias.
        let derived = try record(.setGoal(GoalDraft(key: "", title: "AWS cert", quarter: q3)))
        #expect(derived.goal?.id == "aws-cert-2")
    }

    @Test func undoAndRebuildKeepTheLookupTrueOnBothStores() throws {
        let file = try TemporaryJournalFile()
        let sqlite = try file.open()
        for subject in [store as any JournalStorage, sqlite] {
            func run(_ command: Command) throws -> Recorded {
                if let memory = subject as? InMemoryEventStore {
                    return try Recorder(store: memory, time: try at("2025-04-07T09:00")).record(command, occurredAt: nil, commandName: "test")
                }
                return try Recorder(store: sqlite, time: try at("2025-04-07T09:00")).record(command, occurredAt: nil, commandName: "test")
            }
            _ = try run(goal("aws", "Pass AWS"))
            let renamed = try run(rename("aws", to: "aws-cert"))
            #expect(try subject.goalHolding(key: "aws-cert") == KeyHolder(goal: "aws", shownKey: "aws-cert"))
            #expect(try subject.storedDerivedState().goalKeys == [StoredGoalKeyRow(alias: "aws-cert", goal: "aws")])
            _ = try run(.retract(reference: renamed.event.eventId, reason: "Undo"))
            #expect(try subject.goalHolding(key: "aws-cert") == nil)
            #expect(try subject.goalHolding(key: "aws") == KeyHolder(goal: "aws", shownKey: "aws"))
            #expect(try subject.storedDerivedState().goalKeys.isEmpty)
            _ = try run(rename("aws", to: "cloud"))
            _ = try subject.catchUpProjection("ledger", codeVersion: 1, rebuild: true) { _ in [] }
            #expect(try subject.goalHolding(key: "cloud") == KeyHolder(goal: "aws", shownKey: "cloud"))
            #expect(try subject.storedDerivedState().goalKeys == [StoredGoalKeyRow(alias: "cloud", goal: "aws")])
        }
    }
}
