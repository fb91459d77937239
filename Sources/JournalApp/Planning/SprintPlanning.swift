import JournalDomain
import JournalStore

/// Applying a sprint plan: the commands it comes to against what the journal holds, decided and appended as
/// one atomic append, or decided and rolled back to show what it would record.
public struct SprintPlanning<Store: TransactionalStore> {
    public let recorder: Recorder<Store>
    public let context: PlanContext

    public init(recorder: Recorder<Store>, context: PlanContext) {
        self.recorder = recorder
        self.context = context
    }

    /// The ordinary commands `plan` records, in order.
    public func commands(_ plan: SprintPlan) throws -> [Command] {
        try plan.commands(unfinished: context.unfinished, alreadyInQuarter: context.alreadyInQuarter.map(\.shownKey))
    }

    /// What recording `plan` would record, every rule checked, with nothing kept.
    public func dryRun(_ plan: SprintPlan) throws -> [Recorded] {
        try recorder.dryRun(try commands(plan), commandName: "plan")
    }

    /// Records `plan`: all of its events, or, when any command is refused, none.
    public func record(_ plan: SprintPlan) throws -> [Recorded] {
        try recorder.recordAll(try commands(plan), commandName: "plan")
    }
}
