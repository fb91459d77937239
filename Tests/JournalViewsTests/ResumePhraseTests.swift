import JournalViews
import Testing

/// Goal and milestone titles as resume lines: the past tense, counts as words, rates as what they came to,
/// and the user's words where the phrasing is unsure.
@Suite("Resume phrasing")
struct ResumePhraseTests {
    @Test(arguments: [
        ("complete", "completed"), ("pass", "passed"), ("attend", "attended"), ("build", "built"), ("lead", "led"),
        ("write", "wrote"), ("ship", "shipped"), ("get", "got"), ("run", "ran"), ("apply", "applied"),
        ("study", "studied"), ("Mentor", "mentored"), ("take", "took"), ("plan", "planned"), ("earn", "earned"),
    ])
    func theVerbTable(_ verb: String, _ past: String) {
        #expect(ResumePhrase.pastTense(verb) == past)
    }

    @Test func aVerbTheTableDoesNotKnowIsNoVerb() {
        #expect(ResumePhrase.pastTense("portfolio") == nil)
    }

    @Test func goalsInThePastTense() {
        #expect(ResumePhrase.goal("Complete AWS Solutions Architect certification") == "Completed AWS Solutions Architect certification")
        #expect(ResumePhrase.goal("build 2 portfolio case studies") == "Built two portfolio case studies")
        #expect(ResumePhrase.goal("Lead the pipeline migration") == "Led the pipeline migration")
        // No verb it knows: "Completed" and the user's words.
        #expect(ResumePhrase.goal("Google UX Design Certificate") == "Completed Google UX Design Certificate")
        // A lone word is no sentence to rewrite.
        #expect(ResumePhrase.goal("Run") == "Completed Run")
    }

    @Test func aRateBecomesTheTotalAchieved() {
        #expect(ResumePhrase.goal("Attend 1 design community event per month", current: 3, target: 3, unit: "events")
                == "Attended three design community events")
        #expect(ResumePhrase.goal("Apply to 5 junior UX roles per week", current: 37, target: 40, unit: "roles")
                == "Applied to 37 junior UX roles")
        // One achieved keeps the noun singular.
        #expect(ResumePhrase.goal("Attend 2 meetups a month", current: 1, target: nil, unit: nil) == "Attended one meetup")
        // The unit gives the plural the user writes.
        #expect(ResumePhrase.goal("Make 1 new connection each week", current: 12, target: 12, unit: "connections")
                == "Made 12 new connections")
        // Nothing measured and no target: the user's words, in the past tense.
        #expect(ResumePhrase.goal("Attend 1 design community event per month")
                == "Attended 1 design community event per month")
        // Measured nothing but completed at a target: the target is what it came to.
        #expect(ResumePhrase.goal("Write 1 blog post per month", current: 0, target: 3, unit: nil) == "Wrote three blog posts")
        // A rate without a number to replace stays as written.
        #expect(ResumePhrase.goal("Run every week", current: 12, target: 12, unit: nil) == "Ran every week")
    }

    @Test func milestonesCountInWordsAndNameInNumbers() {
        #expect(ResumePhrase.milestone("Connect with 5 people on LinkedIn") == "Connected with five people on LinkedIn")
        #expect(ResumePhrase.milestone("Finish sections 6-10, take 2 practice exams") == "Finished sections 6-10, took two practice exams")
        #expect(ResumePhrase.milestone("Finish week 3 of the course") == "Finished week 3 of the course")
        #expect(ResumePhrase.milestone("Ship 12 releases and write 3 posts") == "Shipped 12 releases and wrote three posts")
        // A title that starts with no verb it knows is the user's words, as written.
        #expect(ResumePhrase.milestone("Two informational interviews") == "Two informational interviews")
    }
}
