extension Decider {
    /// A milestone's new title or schedule, each kept from old to new with the reason. New weeks are weeks of the
    /// goal's quarter now (rescheduling is how a milestone carried to another quarter joins its weeks). A done
    /// milestone can be retitled, but when it was done stays its history, so it cannot be rescheduled.
    static func reviseMilestone(_ key: String, _ number: Int, title: String?, schedule: MilestoneSchedule?,
                                reason: String, _ state: DecisionState) throws(DomainError) -> MilestoneRevised {
        let goal = try openGoal(key, state, doing: .reviseMilestone)
        guard let milestone = goal.milestones[number] else {
            throw .unknownMilestone(goal: key, number: number)
        }
        let reason = try Validate.text(reason, what: "reason")
        let newTitle = try Validate.optionalTitle(title, what: "milestone title")
        var when: MilestoneWhen?
        if let schedule {
            guard milestone.doneAt == nil else {
                throw .doneMilestoneRescheduled(goal: key, number: number)
            }
            when = try resolve(schedule, in: goal)
        }
        let titleChange = newTitle.flatMap { $0 == milestone.title ? nil : TitleChange(from: milestone.title, to: $0) }
        let scheduleChange = when.flatMap { $0 == milestone.when ? nil : ScheduleChange(from: milestone.when, to: $0) }
        guard titleChange != nil || scheduleChange != nil else {
            throw .milestoneRevisionChangesNothing(goal: key, number: number)
        }
        return MilestoneRevised(goal: key, number: number, title: titleChange, schedule: scheduleChange, reason: reason)
    }
}
