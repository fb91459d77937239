import Testing
@testable import JournalDomain

@Suite("SMART advice")
struct SmartAdviceTests {
    let q2 = Quarter(year: 2025, number: 2)!

    func goal(_ title: String, metric: String? = nil, target: Double? = nil, due: String? = nil,
              direction: String? = nil) -> GoalState {
        GoalState(GoalSet(key: "g", title: title, quarter: q2, metric: metric, target: target,
                          due: due.flatMap { LocalDate(iso: $0) }, direction: direction))
    }

    func codes(_ goal: GoalState, goalsInQuarter: Int? = 1) -> [Advice.Code] {
        SmartAdvice.advise(goal, goalsInQuarter: goalsInQuarter).map(\.code)
    }

    @Test func aSmartGoalGetsNoAdvice() {
        let aws = goal("Complete AWS certification", metric: "Pass the exam", due: "2025-06-15", direction: "cloud")
        #expect(codes(aws).isEmpty)
        #expect(codes(aws, goalsInQuarter: nil).isEmpty)
    }

    @Test func eachMissingPartIsNamedMostConsequentialFirst() {
        #expect(codes(goal("Read more", due: "2025-06-01", direction: "d")) == [.noMetric])
        #expect(codes(goal("Read more", target: 12, direction: "d")) == [.noDeadline])
        #expect(codes(goal("Read more", metric: "12 books", due: "2025-06-01")) == [.noDirection])
        #expect(codes(goal("Read more", metric: "12 books")) == [.noDeadline, .noDirection])
        // At most two lines: the metric outranks the deadline, which outranks the direction.
        #expect(codes(goal("Read more")) == [.noMetric, .noDeadline])
    }

    @Test func theThirdGoalOfAQuarterIsFlaggedButNotTheSecondOrAnUnmovedRevision() {
        let smart = goal("Write posts", metric: "3 posts", due: "2025-06-01", direction: "d")
        #expect(codes(smart, goalsInQuarter: 3) == [.thirdGoal])
        #expect(codes(smart, goalsInQuarter: 2).isEmpty)
        #expect(codes(smart, goalsInQuarter: nil).isEmpty)
        let text = SmartAdvice.advise(smart, goalsInQuarter: 3).first?.text ?? ""
        #expect(text.contains("2025-Q2's third goal") && text.contains("three is the maximum"))
    }

    @Test func outcomesOthersDecideAreReframed() {
        let promoted = goal("Get promoted to Senior Engineer", metric: "Title change", due: "2025-06-30", direction: "d")
        #expect(codes(promoted) == [.outsideControl])
        let text = SmartAdvice.advise(promoted, goalsInQuarter: 1).first?.text ?? ""
        #expect(text.contains("\"get promoted\"") && text.contains("Complete the three requirements for promotion"))
        for title in ["Land a job at a startup", "WIN the hackathon", "Be selected for the leadership program",
                      "Get a raise", "get hired by Acme"] {
            #expect(SmartAdvice.outsideControlPhrase(in: title) != nil, "\(title)")
        }
    }

    @Test func wordsInsideOtherWordsDoNotTrigger() {
        for title in ["Winter running plan", "Document the approval process", "Complete the three requirements for promotion",
                      "Earn promotion to Senior Engineer by leading 2 projects", "Twin-engine rating"] {
            #expect(SmartAdvice.outsideControlPhrase(in: title) == nil, "\(title)")
        }
    }

    @Test func adviceNamesTheGoalAndTheSprintEnd() {
        let texts = SmartAdvice.advise(goal("Read more"), goalsInQuarter: 1).map(\.text)
        #expect(texts[0].contains("journal log revise g --metric"))
        #expect(texts[1].contains("the sprint ends 2025-06-30") && texts[1].contains("journal log revise g --due"))
    }

    @Test func eachKindOfOutsideDecisionGetsItsOwnReframing() {
        let cases: [(String, SmartAdvice.OutsideControl, String)] = [
            ("Get promoted to Senior Engineer", .promotion, "Complete the three requirements for promotion"),
            ("Get a raise this year", .promotion, "Complete the three requirements for promotion"),
            ("Get hired as a UX designer", .hiring, "Apply to 5 roles a week"),
            ("Land a job at a design studio", .hiring, "Apply to 5 roles a week"),
            ("Be selected for the leadership program", .selection, "selection criterion"),
            ("Get accepted into the master's program", .selection, "selection criterion"),
            ("Win the design award", .award, "Submit an entry"),
            ("Be recognised as the team's best mentor", .award, "Submit an entry"),
        ]
        for (title, kind, example) in cases {
            let found = SmartAdvice.outsideControl(in: title)
            #expect(found?.kind == kind, "\(title)")
            let text = SmartAdvice.advise(goal(title, metric: "m", due: "2025-06-30", direction: "d"), goalsInQuarter: 1).first?.text ?? ""
            #expect(text.contains(example), "\(title): \(text)")
        }
        // No two kinds share an example, so none is advice for another kind's goal.
        #expect(Set(SmartAdvice.OutsideControl.allCases.map(\.reframing)).count == SmartAdvice.OutsideControl.allCases.count)
    }

    @Test func aDeadlineAfterTheSprintIsAdvisedNeverRefused() {
        let late = goal("Publish the case study", metric: "Live", due: "2025-07-15", direction: "d")
        #expect(codes(late) == [.dueAfterQuarter])
        let text = SmartAdvice.advise(late, goalsInQuarter: 1).first?.text ?? ""
        #expect(text.contains("2025-07-15 is after 2025-Q2 ends (2025-06-30)")
            && text.contains("journal log revise g --due 2025-06-30 --reason TEXT"), "\(text)")
        #expect(codes(goal("Publish", metric: "Live", due: "2025-06-30", direction: "d")).isEmpty, "the last day is in the sprint")
    }

    func withMilestones(due: String?, _ milestones: [(WeekSpan?, String?)], done: Int? = nil) -> GoalState {
        var g = goal("Publish the case study", metric: "Live", due: due, direction: "d")
        for (index, (weeks, mdue)) in milestones.enumerated() {
            let number = index + 1
            g.milestones[number] = MilestoneState(number: number, title: "m\(number)", weeks: weeks, due: mdue.flatMap { LocalDate(iso: $0) },
                                                  doneAt: number == done ? Instant(millisecondsSinceEpoch: 0) : nil, quarter: g.quarter)
        }
        return g
    }

    @Test func aMilestoneEndingAfterTheGoalsDeadlineIsAdvised() {
        // Week 12 of 2025-Q2 is Jun 17-23; the goal is due Jun 15.
        let g = withMilestones(due: "2025-06-15", [(WeekSpan(first: 1, last: 2), nil), (WeekSpan(first: 11, last: 12), nil)])
        #expect(codes(g) == [.milestoneAfterDeadline])
        let advice = SmartAdvice.advise(g, goalsInQuarter: nil).first?.text ?? ""
        #expect(advice == "Time-bound: g/2 ends 2025-06-23, after the goal's deadline 2025-06-15; plan it earlier, or move the deadline: journal log revise g --due 2025-06-23 --reason TEXT")
        // A due date after the deadline counts too; a done milestone does not.
        #expect(codes(withMilestones(due: "2025-06-15", [(nil, "2025-06-20")])) == [.milestoneAfterDeadline])
        #expect(codes(withMilestones(due: "2025-06-15", [(nil, "2025-06-20")], done: 1)).isEmpty)
        #expect(codes(withMilestones(due: "2025-06-15", [(nil, "2025-06-15"), (WeekSpan(first: 9, last: 10), nil)])).isEmpty)
        // Without a deadline, the sprint's last day is the one to beat.
        let noDeadline = withMilestones(due: nil, [(nil, "2025-07-04")])
        #expect(SmartAdvice.advise(noDeadline, goalsInQuarter: nil).map(\.code) == [.noDeadline, .milestoneAfterDeadline])
        #expect(SmartAdvice.advise(noDeadline, goalsInQuarter: nil).last?.text.contains("after the sprint's last day 2025-06-30") == true)
    }

    @Test func planningAMilestoneIsAdvisedOnlyAboutThatMilestone() {
        let g = withMilestones(due: "2025-06-15", [(WeekSpan(first: 13, last: 13), nil), (WeekSpan(first: 2, last: 2), nil)])
        let late = JournalEvent.milestonePlanned(MilestonePlanned(goal: "g", number: 1, title: "m1", weeks: WeekSpan(first: 13, last: 13)))
        let fine = JournalEvent.milestonePlanned(MilestonePlanned(goal: "g", number: 2, title: "m2", weeks: WeekSpan(first: 2, last: 2)))
        #expect(SmartAdvice.advise(after: late, goal: g, goalsInQuarter: nil).map(\.code) == [.milestoneAfterDeadline])
        #expect(SmartAdvice.advise(after: fine, goal: g, goalsInQuarter: nil).isEmpty)
        // A goal without a metric is advised when it is set or revised, not each time a milestone is planned.
        let bare = goal("Read more")
        #expect(SmartAdvice.advise(after: fine, goal: bare, goalsInQuarter: nil).isEmpty)
        #expect(SmartAdvice.advise(after: .goalSet(GoalSet(key: "g", title: "Read more", quarter: q2)), goal: bare, goalsInQuarter: 1).count == 2)
    }
}
