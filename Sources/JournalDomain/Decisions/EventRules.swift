/// What every event in the log must satisfy, whoever wrote it: the value rules of the command that makes such an
/// event (keys, lengths, ranges, dates), times the log can hold, and the stream its payload names. The commands
/// meet these through `Decider`; an import, whose events no command made, is checked against them one by one, so
/// that a file cannot carry into the log what the commands would refuse.
public enum EventRules {
    /// Throws the first rule the event breaks, in words naming the field.
    public static func check(_ event: JournalEvent, stream: String, occurredAt: Instant,
                             recordedAt: Instant) throws(DomainError) {
        for (name, instant) in [("occurredAt", occurredAt), ("recordedAt", recordedAt)] where !Instant.supported.contains(instant) {
            throw DomainError(.invalidDate, "\(name) \(instant) is outside the times the journal holds (\(Instant.supportedText))")
        }
        try checkValues(event)
        let expected = try expectedStream(event, occurredAt: occurredAt, stream: stream)
        guard stream == expected else {
            throw DomainError(.invalidReference, "\(event.type.first == "a" || event.type.first == "e" ? "an" : "a") \(event.type) event for \(subject(event)) is in stream '\(DateInput.printable(stream))', not in \(expected); an event belongs to the stream its payload names")
        }
    }

    /// The stream the payload names. Activities are filed under their local day, which depends on the zone of
    /// whoever logged them: any day within a day of the UTC date is theirs. A retraction goes to its target's
    /// stream, which only the log knows (`StreamRules` checks it); here it must be a stream some event could be in.
    static func expectedStream(_ event: JournalEvent, occurredAt: Instant, stream: String) throws(DomainError) -> String {
        switch event {
        case .directionSet(let e): return StreamName.direction(e.key)
        case .goalSet(let e): return StreamName.goal(e.key)
        case .reviewRecorded(let e): return StreamName.review(e.quarter)
        case .partnerNamed: return StreamName.partner
        case .activityLogged:
            // Read rather than built three times: an import checks a million of these.
            let utc = occurredAt.utcParts.date
            if stream.hasPrefix("activities-"), let day = LocalDate(iso: stream.dropFirst("activities-".count)),
               abs(utc.days(until: day)) <= 1 { return stream }
            return StreamName.activities(utc)
        case .eventRetracted:
            guard isStreamName(stream) else {
                throw DomainError(.invalidReference, "a retraction is in stream '\(DateInput.printable(stream))', which no event can be in")
            }
            return stream
        case .milestonePlanned, .milestoneDone, .milestoneRevised, .progressMeasured, .goalRevised, .goalCompleted, .goalDropped:
            return StreamName.goal(event.goalKey ?? "")
        }
    }

    /// A stream name of one of the kinds `StreamName` makes.
    static func isStreamName(_ stream: String) -> Bool {
        if stream == StreamName.partner { return true }
        for prefix in ["goal-", "direction-"] where stream.hasPrefix(prefix) {
            return (try? Validate.key(String(stream.dropFirst(prefix.count)))) != nil
        }
        if stream.hasPrefix("review-") { return Quarter(parsing: String(stream.dropFirst("review-".count))) != nil }
        if stream.hasPrefix("activities-") { return LocalDate(iso: String(stream.dropFirst("activities-".count))) != nil }
        return false
    }

    static func subject(_ event: JournalEvent) -> String {
        switch event {
        case .directionSet(let e): return "direction \(DateInput.printable(e.key))"
        case .reviewRecorded(let e): return "review of \(e.quarter)"
        case .partnerNamed: return "the partner"
        case .activityLogged: return "an activity"
        case .eventRetracted(let e): return "event \(DateInput.printable(e.target))"
        default: return "goal \(DateInput.printable(event.goalKey ?? ""))"
        }
    }

    /// The payload's values, as the command that makes the event checks them.
    static func checkValues(_ event: JournalEvent) throws(DomainError) {
        switch event {
        case .directionSet(let e):
            _ = try Validate.key(e.key, what: "direction key")
            _ = try Validate.title(e.title, what: "direction title")
            if let by = e.by { _ = try Validate.directionHorizon(by) }
        case .goalSet(let e):
            _ = try Validate.key(e.key, what: "goal key")
            _ = try Validate.title(e.title, what: "goal title")
            _ = try Validate.optionalTitle(e.metric, what: "metric")
            _ = try Validate.optionalTitle(e.unit, what: "unit")
            if let target = e.target { _ = try Validate.amount(target, option: "target") }
            if e.unit != nil, e.target == nil {
                throw DomainError(.conflictingOptions, "goal \(e.key) has a unit but no target")
            }
            if let direction = e.direction { _ = try Validate.key(direction, what: "direction key") }
            if let confidence = e.confidence, !(0...100).contains(confidence) {
                throw DomainError(.invalidConfidence, "confidence \(confidence) is out of range; it is a whole number from 0 to 100")
            }
        case .milestonePlanned(let e):
            _ = try Validate.key(e.goal, what: "goal key")
            try milestoneNumber(e.number)
            _ = try Validate.title(e.title, what: "milestone title")
            if let weeks = e.weeks { try sprintWeeks(weeks) }
        case .milestoneDone(let e):
            _ = try Validate.key(e.goal, what: "goal key")
            try milestoneNumber(e.number)
        case .milestoneRevised(let e):
            _ = try Validate.key(e.goal, what: "goal key")
            try milestoneNumber(e.number)
            guard e.title != nil || e.schedule != nil else {
                throw DomainError(.noChange, "the revision of milestone \(e.goal)/\(e.number) changes nothing")
            }
            if let title = e.title {
                _ = try Validate.title(title.from, what: "milestone title")
                _ = try Validate.title(title.to, what: "milestone title")
            }
            if let schedule = e.schedule {
                if let from = schedule.from { try milestoneWhen(from) }
                try milestoneWhen(schedule.to)
            }
            _ = try Validate.text(e.reason, what: "reason")
        case .progressMeasured(let e):
            _ = try Validate.key(e.goal, what: "goal key")
            switch (e.amount, e.value) {
            case (let amount?, nil): _ = try Validate.amount(amount, option: "amount")
            case (nil, let value?):
                guard value.isFinite, value >= 0, value <= Validate.maxAmount else {
                    throw DomainError(.invalidNumber, "value must be a number from 0 to 1e12, not \(NumberText.format(value))")
                }
            default:
                throw DomainError(.conflictingOptions, "a progress measure has either an amount or a value, not both or neither")
            }
            _ = try Validate.optionalText(e.note, what: "note")
        case .activityLogged(let e):
            _ = try Validate.title(e.text, what: "activity")
            if let goal = e.goal { _ = try Validate.key(goal, what: "goal key") }
            if let milestone = e.milestone {
                guard e.goal != nil else {
                    throw DomainError(.invalidReference, "the activity names milestone \(milestone) but no goal")
                }
                try milestoneNumber(milestone)
            }
            if let minutes = e.minutes, !(1...Decider.maxMinutes).contains(minutes) {
                throw DomainError(.invalidMinutes, "minutes \(minutes) is out of range; one entry holds 1 to \(Decider.maxMinutes) minutes (24 hours)")
            }
            guard try Validate.tags(e.tags) == e.tags else {
                throw DomainError(.invalidKey, "the activity's tags repeat one or carry a prefix; each is a key, once")
            }
        case .goalRevised(let e):
            _ = try Validate.key(e.goal, what: "goal key")
            guard !e.changes.isEmpty else { throw DomainError(.noChange, "the revision of goal \(e.goal) changes nothing") }
            guard Set(e.changes.map(\.field)).count == e.changes.count else {
                throw DomainError(.conflictingOptions, "the revision of goal \(e.goal) changes one field twice")
            }
            for change in e.changes {
                if let from = change.from { try fieldValue(from, of: change.field) }
                if let to = change.to { try fieldValue(to, of: change.field) }
            }
            _ = try Validate.text(e.reason, what: "reason")
        case .goalCompleted(let e):
            _ = try Validate.key(e.goal, what: "goal key")
            _ = try Validate.optionalText(e.outcome, what: "outcome")
        case .goalDropped(let e):
            _ = try Validate.key(e.goal, what: "goal key")
            _ = try Validate.text(e.reason, what: "reason")
        case .reviewRecorded(let e):
            for (answer, name) in [(e.planned, "planned"), (e.accomplished, "accomplished"), (e.obstacles, "obstacles"),
                                   (e.learned, "learned"), (e.next, "next")] {
                _ = try Validate.text(answer, what: "answer to --\(name)")
            }
        case .partnerNamed(let e):
            _ = try Validate.title(e.name, what: "partner's name")
        case .eventRetracted(let e):
            guard (1...128).contains(e.target.utf8.count), e.target.unicodeScalars.allSatisfy({ $0.isASCII && $0.value > 0x20 && $0.value < 0x7F }) else {
                throw DomainError(.invalidReference, "the retraction's target '\(DateInput.printable(e.target))' is not an event id")
            }
            guard JournalEvent.Kind(rawValue: e.targetType) != nil else {
                throw DomainError(.invalidReference, "the retraction's target type '\(DateInput.printable(e.targetType))' is not an event type")
            }
            _ = try Validate.text(e.reason, what: "reason")
        }
    }

    static func sprintWeeks(_ weeks: WeekSpan) throws(DomainError) {
        guard (1...Quarter.weekCount).contains(weeks.first), (1...Quarter.weekCount).contains(weeks.last), weeks.first <= weeks.last else {
            throw DomainError(.invalidWeek, "weeks \(weeks.first)-\(weeks.last) are not sprint weeks; a quarter has weeks 1 to 13")
        }
    }

    /// A schedule a revision records: weeks with the quarter they belong to, or a due date, never both or neither.
    static func milestoneWhen(_ when: MilestoneWhen) throws(DomainError) {
        switch (when.quarter, when.weeks, when.due) {
        case (let quarter?, let weeks?, nil):
            guard quarter.isSupported else { throw DomainError(.invalidQuarter, "quarter \(quarter) is outside the years the journal holds") }
            try sprintWeeks(weeks)
        case (nil, nil, _?):
            return
        default:
            throw DomainError(.invalidWeek, "a milestone's schedule is sprint weeks of a quarter or a due date, not \(when)")
        }
    }

    static func milestoneNumber(_ number: Int) throws(DomainError) {
        guard (1...Validate.maxMilestoneNumber).contains(number) else {
            throw DomainError(.invalidReference, "milestone number \(number) is out of range; milestones are numbered 1 to \(Validate.maxMilestoneNumber)")
        }
    }

    /// A revised field's value, as `revise` would have stored it.
    static func fieldValue(_ value: FieldValue, of field: GoalField) throws(DomainError) {
        switch (field, value) {
        case (.target, .number(let n)): _ = try Validate.amount(n, option: "target")
        case (.title, .text(let t)): _ = try Validate.title(t, what: "goal title")
        case (.metric, .text(let t)): _ = try Validate.title(t, what: "metric")
        case (.unit, .text(let t)): _ = try Validate.title(t, what: "unit")
        case (.direction, .text(let t)): _ = try Validate.key(t, what: "direction key")
        case (.due, .text(let t)) where LocalDate(iso: t) != nil: return
        case (.quarter, .text(let t)) where Quarter(parsing: t)?.description == t: return
        default:
            throw DomainError(.invalidText, "a revision's \(field.rawValue) of '\(DateInput.printable(value.description))' is not a \(field.rawValue) the journal can hold")
        }
    }
}
