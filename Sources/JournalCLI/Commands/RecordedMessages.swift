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

/// One line on standard error for each former key a command named its goal by: it still works, and says so.
func noteFormerKeys(_ recorded: Recorded) {
    noteFormerKeys(recorded.formerKeys)
}

func noteFormerKeys(_ uses: [FormerKeyUse]) {
    for use in uses { writeStandardError("journal: \(use.typed) is now \(use.shownKey); using it\n") }
}
