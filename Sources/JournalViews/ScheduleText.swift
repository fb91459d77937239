import JournalDomain
import Projections

/// When a milestone is planned, in words. Week numbers belong to a quarter: in another quarter's view (its goal was
/// carried over and the milestone not rescheduled) they would name other days, so its calendar days are shown then.
public enum ScheduleText {
    /// "weeks 7-12", "Aug 12-Sep 22 (weeks 7-12 of 2025-Q3)", "due Oct 3" or "unscheduled".
    public static func text(weeks: WeekSpan?, of weeksQuarter: Quarter?, shownIn quarter: Quarter, due: LocalDate?,
                     dateText: (LocalDate) -> String) -> String {
        if let weeks {
            guard let weeksQuarter, weeksQuarter != quarter,
                  let first = weeksQuarter.days(ofWeek: weeks.first), let last = weeksQuarter.days(ofWeek: weeks.last) else {
                return weeks.description
            }
            return "\(dateText(first.lowerBound))-\(dateText(last.upperBound)) (\(weeks) of \(weeksQuarter))"
        }
        if let due { return "due " + dateText(due) }
        return "unscheduled"
    }

    static func text(_ m: SprintBoard.Milestone, shownIn quarter: Quarter, dateText: (LocalDate) -> String) -> String {
        text(weeks: m.weeks, of: m.weeksQuarter, shownIn: quarter, due: m.due, dateText: dateText)
    }
}
