import JournalDomain

/// When a milestone is planned, as people type it: a week, a span of weeks, or a due date.
public enum MilestoneScheduleInput {
    /// From the separate --week, --weeks and --due options (at most one of them). `quarter` is the one "end of
    /// quarter" means where the goal's quarter is known (a plan's), else today's.
    public static func schedule(week: String?, weeks: String?, due: String?, time: TimeContext, quarter: Quarter? = nil) throws(DomainError) -> MilestoneSchedule? {
        guard [week, weeks, due].compactMap({ $0 }).count <= 1 else {
            throw .severalSchedules
        }
        if let week {
            // A sprint week is a small number; anything else names a calendar week (2025-W20, next-week, a date).
            let number = week.trimmingCharacters(in: .whitespaces).drop(while: { $0 == "-" || $0 == "+" })
            if number.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }), let n = try parseInt(week, option: "--week") {
                return .weeks(WeekSpan(first: n, last: n))
            }
            return .isoWeek(try DateInput.week(week, option: "--week", time: time))
        }
        if let weeks {
            let parts = weeks.split(separator: "-", omittingEmptySubsequences: false)
            guard parts.count == 2, let a = try parseInt(String(parts[0]), option: "--weeks"),
                  let b = try parseInt(String(parts[1]), option: "--weeks") else {
                throw .invalidWeekRange(raw: weeks)
            }
            return .weeks(WeekSpan(first: a, last: b))
        }
        if let due { return .due(try DateInput.end(due, option: "--due", time: time, quarter: quarter)) }
        return nil
    }

    /// From one answer: "3" (a week), "1-4" (weeks) or a date ("2025-09-15", "today").
    public static func parse(_ text: String, time: TimeContext, quarter: Quarter? = nil) throws(DomainError) -> MilestoneSchedule {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let isWeeks = !trimmed.isEmpty && trimmed.utf8.count <= 5 && trimmed.utf8.allSatisfy { ($0 >= 48 && $0 <= 57) || $0 == 45 }
        let schedule = try isWeeks
            ? self.schedule(week: trimmed.contains("-") ? nil : trimmed, weeks: trimmed.contains("-") ? trimmed : nil, due: nil, time: time)
            : self.schedule(week: nil, weeks: nil, due: trimmed, time: time, quarter: quarter)
        guard let schedule else {
            throw .invalidSchedule(raw: text)
        }
        // Weeks are checked here too, so a typo is caught while the question can still be asked again.
        if case .weeks(let span) = schedule, !(1...Quarter.weekCount).contains(span.first) || !(1...Quarter.weekCount).contains(span.last) || span.first > span.last {
            throw .scheduleWeeksOutOfRange(typed: trimmed)
        }
        return schedule
    }
}
