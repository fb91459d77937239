import JournalApp
import JournalDomain
import JournalViews

/// What a recorded command prints, from the Recorder's answer: the sentences themselves are JournalViews'.
extension LogMessage {
    static func describe(_ recorded: Recorded, time: TimeContext) -> String {
        describe(Subject(change: recorded.change, position: recorded.event.position, occurredAt: recorded.event.occurredAt,
                         goal: recorded.goal, target: recorded.target, previousDirection: recorded.previousDirection),
                 time: time)
    }
}

extension ProgressNote {
    static func note(_ recorded: Recorded) -> String? { note(recorded.change, goal: recorded.goal) }
}
