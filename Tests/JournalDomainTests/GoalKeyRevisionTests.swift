import Testing
@testable import JournalDomain

/// `revise --key`: the key revision the decision records, the goal's shown key it folds into, and the refusals.
@Suite("Renaming a goal's key")
struct GoalKeyRevisionTests {
    let q2 = Quarter(year: 2025, number: 2)!
    let t0 = Instant(millisecondsSinceEpoch: 1_744_275_600_000) // 2025-04-10T09:00Z
    let today = LocalDate(iso: "2025-04-10")!

    func stream(_ events: [JournalEvent]) -> [Envelope] {
        events.enumerated().map { i, event in
            Envelope(position: Int64(i + 1), eventId: "e\(i + 1)", streamId: "goal-aws", streamVersion: i + 1,
                     occurredAt: t0, recordedAt: t0, event: event)
        }
    }

    var awsSet: JournalEvent { .goalSet(GoalSet(key: "aws", title: "Pass AWS", quarter: q2)) }
    func rename(_ from: String, _ to: String) -> JournalEvent {
        .goalRevised(GoalRevised(goal: "aws", changes: [FieldChange(field: .key, from: .text(from), to: .text(to))], reason: "Clearer"))
    }

    func decide(_ key: String, given: [JournalEvent], holder: KeyHolder? = nil) throws(DomainError) -> [JournalEvent] {
        var state = DecisionState(goal: GoalState.replay(stream(given)), occurredOn: today, today: today)
        state.keyHolder = holder
        return try Decider.decide(.reviseGoal(goal: "aws", changes: GoalChanges(key: key), reason: "Clearer", force: false), state)
    }

    func refusal(_ key: String, given: [JournalEvent], holder: KeyHolder? = nil) -> DomainError? {
        do { _ = try decide(key, given: given, holder: holder); return nil } catch { return error }
    }

    @Test func aRenameIsAKeyRevisionOfTheIdentitysStream() throws {
        #expect(try decide("aws-cert", given: [awsSet]) == [rename("aws", "aws-cert")])
        // A key this goal had before may come back: the lookup names this goal as its holder.
        #expect(try decide("aws", given: [awsSet, rename("aws", "aws-cert")], holder: KeyHolder(goal: "aws", shownKey: "aws-cert"))
                == [rename("aws-cert", "aws")])
    }

    @Test func theFoldKeepsTheIdentityAndShowsTheNewKey() throws {
        let goal = try #require(GoalState.replay(stream([awsSet, rename("aws", "aws-cert"), rename("aws-cert", "cloud")])))
        #expect(goal.id == "aws" && goal.shownKey == "cloud" && goal.formerKeys == ["aws", "aws-cert"])
        #expect(goal.knownKeys == ["aws", "aws-cert", "cloud"])
        #expect(goal.isNamed(by: "aws-cert") && !goal.isNamed(by: "aws-certs"))
        let back = try #require(GoalState.replay(stream([awsSet, rename("aws", "aws-cert"), rename("aws-cert", "aws")])))
        #expect(back.shownKey == "aws" && back.formerKeys == ["aws-cert"] && back.knownKeys == ["aws", "aws-cert"])
        // Retracted, the rename leaves nothing behind.
        var retracted = stream([awsSet, rename("aws", "aws-cert")])
        retracted.append(Envelope(position: 3, eventId: "e3", streamId: "goal-aws", streamVersion: 3, occurredAt: t0, recordedAt: t0,
                                  event: .eventRetracted(EventRetracted(target: "e2", targetType: "goal-revised", reason: "undo"))))
        let undone = try #require(GoalState.replay(retracted))
        #expect(undone.shownKey == "aws" && undone.formerKeys.isEmpty)
        let entry = try #require(GoalIndexEntry(stream: stream([awsSet, rename("aws", "aws-cert")])))
        #expect(entry.key == "aws" && entry.shownKey == "aws-cert" && entry.aliases == ["aws-cert"])
    }

    @Test func refusals() {
        #expect(refusal("aws-cert", given: [awsSet], holder: KeyHolder(goal: "network", shownKey: "net"))
                == .goalKeyTaken(key: "aws-cert", goal: "net"))
        #expect(refusal("aws", given: [awsSet]) == .goalKeyUnchanged(key: "aws"))
        #expect(refusal("AWS Cert", given: [awsSet]).map(\.code) == .invalidKey)
        #expect(refusal("aws-cert", given: []) == .unknownGoal(key: "aws"))
        let completed: JournalEvent = .goalCompleted(GoalCompleted(goal: "aws"))
        #expect(refusal("aws-cert", given: [awsSet, completed]) == .goalClosed(goal: "aws", status: .completed, action: .revise))
        // A new goal may not take another goal's alias either.
        var state = DecisionState(occurredOn: today, today: today)
        state.keyHolder = KeyHolder(goal: "aws", shownKey: "aws-cert")
        #expect(throws: DomainError.goalKeyTaken(key: "aws-cert", goal: "aws-cert")) {
            try Decider.decide(.setGoal(GoalDraft(key: "aws-cert", title: "Again", quarter: q2)), state)
        }
    }

    @Test func theStoredRuleHoldsAKeyToAValidKey() {
        #expect(throws: DomainError.self) {
            try EventRules.check(.goalRevised(GoalRevised(goal: "aws", changes: [FieldChange(field: .key, from: .text("aws"), to: .text("Not A Key"))],
                                                          reason: "r")), stream: "goal-aws", occurredAt: t0, recordedAt: t0)
        }
        #expect(throws: Never.self) { try EventRules.check(rename("aws", "aws-cert"), stream: "goal-aws", occurredAt: t0, recordedAt: t0) }
    }
}
