/// What every event in the log must satisfy, whoever wrote it: the value rules of the command that makes such an
/// event (keys, lengths, ranges, dates), times the log can hold, and the stream its payload names. The commands
/// meet these through `Decider`; an import, whose events no command made, is checked against them one by one, so
/// that a file cannot carry into the log what the commands would refuse.
public enum EventRules {
    /// Throws the first rule the event breaks, as a refusal naming the field.
    public static func check(_ event: JournalEvent, stream: String, occurredAt: Instant,
                             recordedAt: Instant) throws(DomainError) {
        for (field, instant) in [(EventTimeField.occurredAt, occurredAt), (.recordedAt, recordedAt)] where !Instant.supported.contains(instant) {
            throw .eventTimeOutOfRange(field: field, instant: instant)
        }
        try checkValues(event)
        let expected = try expectedStream(event, occurredAt: occurredAt, stream: stream)
        guard stream == expected else {
            throw .eventInWrongStream(type: event.type, subject: subject(event), stream: stream, expected: expected)
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
        case .timerStarted, .timerStopped, .timerCancelled: return StreamName.timer
        case .activityLogged:
            // Read rather than built three times: an import checks a million of these.
            let utc = occurredAt.utcParts.date
            if stream.hasPrefix("activities-"), let day = LocalDate(iso: stream.dropFirst("activities-".count)),
               abs(utc.days(until: day)) <= 1 { return stream }
            return StreamName.activities(utc)
        case .eventRetracted:
            guard isStreamName(stream) else {
                throw .retractionInNoStream(stream: stream)
            }
            return stream
        case .milestonePlanned, .milestoneDone, .milestoneRevised, .progressMeasured, .goalRevised, .goalCompleted, .goalDropped:
            return StreamName.goal(event.goalKey ?? "")
        }
    }

    /// A stream name of one of the kinds `StreamName` makes.
    static func isStreamName(_ stream: String) -> Bool {
        if stream == StreamName.partner || stream == StreamName.timer { return true }
        for prefix in ["goal-", "direction-"] where stream.hasPrefix(prefix) {
            return (try? Validate.key(String(stream.dropFirst(prefix.count)))) != nil
        }
        if stream.hasPrefix("review-") { return Quarter(parsing: String(stream.dropFirst("review-".count))) != nil }
        if stream.hasPrefix("activities-") { return LocalDate(iso: String(stream.dropFirst("activities-".count))) != nil }
        return false
    }

    static func subject(_ event: JournalEvent) -> EventSubject {
        switch event {
        case .directionSet(let e): return .direction(key: e.key)
        case .reviewRecorded(let e): return .review(e.quarter)
        case .partnerNamed: return .partner
        case .activityLogged: return .activity
        case .eventRetracted(let e): return .retraction(target: e.target)
        case .timerStarted, .timerStopped, .timerCancelled: return .timer
        default: return .goal(key: event.goalKey ?? "")
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
                throw .eventUnitWithoutTarget(goal: e.key)
            }
            if let direction = e.direction { _ = try Validate.key(direction, what: "direction key") }
            if let confidence = e.confidence, !(0...100).contains(confidence) {
                throw .eventConfidenceOutOfRange(confidence: confidence)
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
                throw .eventMilestoneRevisionEmpty(goal: e.goal, number: e.number)
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
                    throw .eventProgressValueOutOfRange(value: value)
                }
            default:
                throw .eventProgressAmountOrValue
            }
            _ = try Validate.optionalText(e.note, what: "note")
        case .activityLogged(let e):
            _ = try Validate.title(e.text, what: "activity")
            if let amends = e.amends { try eventId(amends) }
            if let goal = e.goal { _ = try Validate.key(goal, what: "goal key") }
            if let milestone = e.milestone {
                guard e.goal != nil else {
                    throw .eventMilestoneWithoutGoal(milestone: milestone)
                }
                try milestoneNumber(milestone)
            }
            if let minutes = e.minutes, !(1...Decider.maxMinutes).contains(minutes) {
                throw .eventMinutesOutOfRange(minutes: minutes, limit: Decider.maxMinutes)
            }
            guard try Validate.tags(e.tags) == e.tags else {
                throw .eventTagsNotKeys
            }
        case .goalRevised(let e):
            _ = try Validate.key(e.goal, what: "goal key")
            guard !e.changes.isEmpty else { throw .eventGoalRevisionEmpty(goal: e.goal) }
            guard Set(e.changes.map(\.field)).count == e.changes.count else {
                throw .eventGoalRevisionRepeatsField(goal: e.goal)
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
            for (answer, question) in [(e.planned, ReviewQuestion.planned), (e.accomplished, .accomplished), (e.obstacles, .obstacles),
                                       (e.learned, .learned), (e.next, .next)] {
                _ = try Validate.text(answer, what: .reviewAnswer(question))
            }
        case .partnerNamed(let e):
            _ = try Validate.title(e.name, what: "partner's name")
        case .timerStarted(let e):
            _ = try Validate.title(e.text, what: "activity")
            if let goal = e.goal { _ = try Validate.key(goal, what: "goal key") }
            if let milestone = e.milestone {
                guard e.goal != nil else {
                    throw .eventMilestoneWithoutGoal(milestone: milestone)
                }
                try milestoneNumber(milestone)
            }
            guard try Validate.tags(e.tags) == e.tags else {
                throw .eventTagsNotKeys
            }
            guard Instant.supported.contains(e.startedAt) else {
                throw .eventTimeOutOfRange(field: .startedAt, instant: e.startedAt)
            }
        case .timerStopped(let e):
            try eventId(e.timer)
            for id in e.activities { try eventId(id) }
        case .timerCancelled(let e):
            try eventId(e.timer)
        case .eventRetracted(let e):
            try eventId(e.target)
            guard JournalEvent.Kind(rawValue: e.targetType) != nil else {
                throw .eventRetractionTargetTypeUnknown(type: e.targetType)
            }
            _ = try Validate.text(e.reason, what: "reason")
        }
    }

    /// What names another event (a retraction's target, an amendment's original): an id, printable ASCII, 1 to 128 bytes.
    static func eventId(_ id: String) throws(DomainError) {
        guard (1...128).contains(id.utf8.count), id.unicodeScalars.allSatisfy({ $0.isASCII && $0.value > 0x20 && $0.value < 0x7F }) else {
            throw .eventRetractionTargetNotAnId(target: id)
        }
    }

    static func sprintWeeks(_ weeks: WeekSpan) throws(DomainError) {
        guard (1...Quarter.weekCount).contains(weeks.first), (1...Quarter.weekCount).contains(weeks.last), weeks.first <= weeks.last else {
            throw .eventWeeksOutOfRange(weeks)
        }
    }

    /// A schedule a revision records: weeks with the quarter they belong to, or a due date, never both or neither.
    static func milestoneWhen(_ when: MilestoneWhen) throws(DomainError) {
        switch (when.quarter, when.weeks, when.due) {
        case (let quarter?, let weeks?, nil):
            guard quarter.isSupported else { throw .eventQuarterUnsupported(quarter) }
            try sprintWeeks(weeks)
        case (nil, nil, _?):
            return
        default:
            throw .eventScheduleShape(when)
        }
    }

    static func milestoneNumber(_ number: Int) throws(DomainError) {
        guard (1...Validate.maxMilestoneNumber).contains(number) else {
            throw .eventMilestoneNumberOutOfRange(number: number, limit: Validate.maxMilestoneNumber)
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
        case (.key, .text(let t)): _ = try Validate.key(t, what: "goal key")
        case (.due, .text(let t)) where LocalDate(iso: t) != nil: return
        case (.quarter, .text(let t)) where Quarter(parsing: t)?.description == t: return
        default:
            throw .eventFieldValueUnfit(field: field, value: value)
        }
    }
}
