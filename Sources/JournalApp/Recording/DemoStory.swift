import Foundation
import JournalDomain
import JournalStore
import Projections

/// The article's story as a journal: a long-term direction, the Q2 2025 sprint with a certification goal
/// and a networking goal (15 connections), weekly milestones, effort on and off the goals, a revision with a
/// reason, a milestone logged a day late (backdated), the goal completed and the quarter reviewed.
public enum DemoStory {
    public struct Step: Sendable {
        /// When it was recorded (local time): "now" for that step.
        public let at: String
        /// When it happened, when that was earlier (backdating with --on).
        public let on: String?
        public let command: Command
    }

    public static let quarter = Quarter(parsing: "2025-Q2") ?? LocalDate(dayNumber: 0).quarter
    /// The sprint board is shown as it stood on this day (week 7), the report after the review.
    public static let boardDay = "2025-05-16T18:00"
    public static let reportDay = "2025-07-05T10:00"

    static func step(_ at: String, _ command: Command, on: String? = nil) -> Step { Step(at: at, on: on, command: command) }

    static func date(_ text: String) -> LocalDate { LocalDate(iso: text) ?? LocalDate(dayNumber: 0) }

    static func activity(_ text: String, _ goal: String? = nil, _ milestone: Int? = nil, minutes: Int) -> Command {
        .logActivity(text: text, goal: goal, milestone: milestone, minutes: minutes)
    }

    static func milestone(_ goal: String, _ title: String, weeks first: Int, _ last: Int) -> Command {
        .planMilestone(goal: goal, title: title, schedule: .weeks(WeekSpan(first: first, last: last)))
    }

    public static let steps: [Step] = [
        step("2025-03-30T20:00", .setDirection(key: "data-lead", title: "Move into data engineering leadership", by: "2028")),
        step("2025-03-30T20:05", .namePartner("Sam Rivera")),
        step("2025-03-31T19:00", .setGoal(GoalDraft(
            key: "aws", title: "Complete AWS Solutions Architect certification", quarter: quarter,
            metric: "Pass the certification exam", due: date("2025-06-15"), direction: "data-lead", confidence: 70))),
        step("2025-03-31T19:05", milestone("aws", "Finish sections 1-5 of the study course", weeks: 1, 4)),
        step("2025-03-31T19:06", milestone("aws", "Finish sections 6-10, take 2 practice exams", weeks: 5, 8)),
        step("2025-03-31T19:07", .planMilestone(goal: "aws", title: "Take the exam", schedule: .due(date("2025-06-15")))),
        step("2025-04-02T08:30", .setGoal(GoalDraft(
            key: "network", title: "Build professional network in data engineering", quarter: quarter,
            metric: "15 new relevant connections, 2 conversations", target: 15, unit: "connections",
            due: date("2025-06-30"), direction: "data-lead", confidence: 60))),
        step("2025-04-02T08:35", milestone("network", "Connect with 5 people on LinkedIn", weeks: 1, 4)),
        step("2025-04-02T08:36", milestone("network", "Attend a data engineering meetup", weeks: 4, 4)),
        step("2025-04-02T08:37", milestone("network", "Connect with 5 more people", weeks: 5, 8)),
        step("2025-04-02T08:38", milestone("network", "Two informational interviews", weeks: 9, 12)),
        step("2025-04-03T07:30", activity("Course section 1", "aws", 1, minutes: 60)),
        step("2025-04-08T07:30", activity("Course sections 2-3", "aws", 1, minutes: 120)),
        step("2025-04-09T21:00", activity("Read the first chapters of three career books", minutes: 90)),
        step("2025-04-15T07:30", activity("Course section 4", "aws", 1, minutes: 75)),
        step("2025-04-22T12:30", .measureProgress(goal: "network", amount: 3, value: nil, note: "LinkedIn: data platform people")),
        step("2025-04-24T21:30", activity("Data engineering meetup", "network", 2, minutes: 150)),
        step("2025-04-25T08:00", .markDone(goal: "network", number: 2), on: "2025-04-24T21:30"),
        step("2025-04-25T08:05", .measureProgress(goal: "network", amount: 4, value: nil, note: "Met at the meetup")),
        step("2025-04-25T08:06", .markDone(goal: "network", number: 1)),
        step("2025-04-29T07:30", activity("Course section 5", "aws", 1, minutes: 90)),
        step("2025-04-30T07:30", .markDone(goal: "aws", number: 1)),
        step("2025-05-06T20:00", activity("Webinar on an unrelated framework", minutes: 60)),
        step("2025-05-07T20:00", activity("Online course: growth mindset", minutes: 120)),
        step("2025-05-09T12:00", milestone("network", "Attend a virtual data event", weeks: 10, 10)),
        step("2025-05-14T07:30", activity("Course sections 6-8", "aws", 2, minutes: 180)),
        step("2025-05-20T18:00", .reviseGoal(goal: "aws", changes: GoalChanges(due: date("2025-06-30")),
                                             reason: "Exam slots are full until late June", force: false)),
        step("2025-05-28T07:30", activity("Practice exam 1", "aws", 2, minutes: 130)),
        step("2025-06-04T08:00", activity("Practice exam 2", "aws", 2, minutes: 130), on: "2025-06-03T19:00"),
        step("2025-06-04T08:05", .markDone(goal: "aws", number: 2), on: "2025-06-03T21:00"),
        step("2025-06-10T12:30", .measureProgress(goal: "network", amount: 5, value: nil, note: "Two informational interviews booked")),
        step("2025-06-18T17:00", activity("Informational interview with a data platform lead", "network", 4, minutes: 45)),
        step("2025-06-27T16:00", activity("Took the AWS exam", "aws", 3, minutes: 180)),
        step("2025-06-27T16:05", .markDone(goal: "aws", number: 3)),
        step("2025-06-27T16:06", .completeGoal(goal: "aws", outcome: "Passed the AWS Solutions Architect exam")),
        step("2025-07-01T09:00", .recordReview(ReviewRecorded(
            quarter: quarter,
            planned: "AWS certification; 15 data engineering connections and 2 conversations",
            accomplished: "Passed AWS; 12 connections and one informational interview",
            obstacles: "A release crunch in May ate two weeks",
            learned: "I study best in the mornings, in 90-minute blocks",
            next: "Lead the pipeline migration; keep networking monthly",
            blockers: [.overcommitting]))),
    ]

    /// "Now" at one of the story's local times.
    public static func time(_ text: String, _ zone: TimeZone) throws(AppError) -> TimeContext {
        guard let now = TimeContext.parseNow(text, zone: zone) else { throw AppError.demoTimeUnreadable(text: text) }
        return TimeContext(now: now, zone: zone)
    }

    /// Writes the story into an empty journal through the same recorder `journal log` uses, each step at its own
    /// "now"; returns how many events it holds and its ledger.
    public static func write<Store: EventStore & TransactionalStore>(into store: Store, path: String, zone: TimeZone)
        throws -> (events: Int64, ledger: Ledger) {
        guard try store.count() == 0 else { throw AppError.demoJournalNotEmpty(path: path) }
        for step in steps {
            let time = try time(step.at, zone)
            let occurred = try step.on.map { raw throws(DomainError) in try DateInput.moment(raw, option: "--on", time: time) }
            _ = try Recorder(store: store, time: time).record(step.command, occurredAt: occurred, commandName: "demo")
        }
        return (try store.count(), try store.ledger())
    }
}
