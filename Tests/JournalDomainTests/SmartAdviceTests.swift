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
}
