/// The words a synthetic journal is made of: goals as people in the article's method write them,
/// the milestones and activities that serve them, and the reasons, obstacles and lessons of real sprints.
struct GoalTemplate {
    /// "{x}" is filled from `fills`, "{n}" with the target when there is one.
    let title: String
    let fills: [String]
    let metric: String?
    /// A numeric target's range and unit, when the goal is counted.
    let target: ClosedRange<Int>?
    let unit: String?
    let milestones: [String]
    let activities: [String]
    /// The short key people give with --key (else the key is derived from the title, as `journal log goal` does).
    var key: String
    /// Success decided by someone else ("get promoted"): the journal flags these.
    var outsideControl = false
}

enum Catalog {
    static let certifications = [
        "AWS Solutions Architect", "Certified Kubernetes Administrator", "Google Cloud Data Engineer",
        "Azure Fundamentals", "HashiCorp Terraform Associate", "PMP", "Databricks Data Engineer",
        "Certified Scrum Master", "Security+", "Snowflake SnowPro Core",
    ]
    static let topics = [
        "distributed systems", "data engineering", "observability", "platform engineering", "machine learning ops",
        "API design", "incident response", "stream processing", "developer experience", "database internals",
        "cost optimisation in the cloud", "technical leadership", "system design", "testing strategy",
    ]
    static let fields = ["data engineering", "platform engineering", "security", "product management",
                         "machine learning", "site reliability", "developer relations"]
    static let systems = ["billing pipeline", "search service", "payments ledger", "event bus", "reporting warehouse",
                          "auth service", "deployment tooling", "feature-flag service", "data lake ingestion"]
    static let languages = ["Rust", "Go", "Kotlin", "TypeScript", "Scala", "Elixir", "Swift", "SQL window functions"]
    static let projects = ["a CLI for log analysis", "a personal finance dashboard", "an open-source Terraform module",
                           "a Slack bot for on-call handover", "a static site generator", "a home-lab Kubernetes cluster"]
    static let openSource = ["Apache Airflow", "dbt", "Prometheus", "the Swift compiler", "Kubernetes", "PostgreSQL docs"]

    static let goals: [GoalTemplate] = [
        GoalTemplate(title: "Complete {x} certification", fills: certifications, metric: "Pass the certification exam",
                     target: nil, unit: nil,
                     milestones: ["Finish sections 1-5 of the study course", "Finish sections 6-10 of the study course",
                                  "Take two practice exams", "Book the exam", "Take the exam"],
                     activities: ["Course section", "Practice exam", "Flashcards review", "Hands-on lab", "Read the exam guide",
                                  "Study group call", "Reviewed wrong answers"], key: "cert"),
        GoalTemplate(title: "Build professional network in {x}", fills: fields,
                     metric: "New relevant connections and two informational interviews", target: 10...20, unit: "connections",
                     milestones: ["Connect with 5 people on LinkedIn", "Attend a meetup or virtual event",
                                  "Two informational interviews", "Connect with 5 more people", "Follow up with everyone met"],
                     activities: ["Meetup", "Coffee chat", "LinkedIn outreach", "Informational interview", "Conference hallway track",
                                  "Wrote follow-up notes"], key: "network"),
        GoalTemplate(title: "Publish {n} blog posts on {x}", fills: topics, metric: nil, target: 3...8, unit: "posts",
                     milestones: ["Outline the series", "Publish the first post", "Publish half the posts", "Publish the last post"],
                     activities: ["Drafted a post", "Edited a draft", "Researched sources", "Made diagrams", "Published and shared"], key: "blog"),
        GoalTemplate(title: "Give {n} talks about {x}", fills: topics, metric: "Talks given at meetups or internal tech days",
                     target: 1...4, unit: "talks",
                     milestones: ["Submit a proposal", "Write the talk outline", "Dry run with the team", "Give the talk"],
                     activities: ["Slides", "Rehearsal", "Wrote speaker notes", "Proposal writing", "Recorded a practice run"], key: "talks"),
        GoalTemplate(title: "Read {n} books on {x}", fills: topics, metric: nil, target: 3...6, unit: "books",
                     milestones: ["Pick the reading list", "Finish the first book", "Finish half the list", "Write a summary of each"],
                     activities: ["Reading", "Book notes", "Discussed a chapter with a colleague"], key: "books"),
        GoalTemplate(title: "Lead the {x} migration", fills: systems, metric: "Migration live in production with no rollback",
                     target: nil, unit: nil,
                     milestones: ["Map the current system", "Write the design doc", "Migrate the first consumer",
                                  "Migrate the remaining consumers", "Decommission the old path"],
                     activities: ["Design doc", "Migration pairing session", "Stakeholder sync", "Runbook writing",
                                  "Load test", "Cutover rehearsal"], key: "migration"),
        GoalTemplate(title: "Mentor {n} junior engineers", fills: [""], metric: "Regular 1:1s and a growth plan each",
                     target: 2...3, unit: "mentees",
                     milestones: ["Agree goals with each mentee", "Hold monthly 1:1s", "Review growth plans"],
                     activities: ["Mentoring 1:1", "Code review walkthrough", "Prepared mentoring notes"], key: "mentoring"),
        GoalTemplate(title: "Contribute {n} merged pull requests to {x}", fills: openSource, metric: nil, target: 3...10,
                     unit: "pull requests",
                     milestones: ["Set up the development environment", "First merged pull request", "Take on a larger issue"],
                     activities: ["Open-source issue triage", "Pull request work", "Addressed review comments", "Read the codebase"], key: "oss"),
        GoalTemplate(title: "Learn {x} to production level", fills: languages, metric: "Ship one small service to production",
                     target: nil, unit: nil,
                     milestones: ["Finish the official tutorial", "Build a toy project", "Ship a small service"],
                     activities: ["Language exercises", "Toy project", "Read the reference", "Pair programming"], key: "lang"),
        GoalTemplate(title: "Ship {x}", fills: projects, metric: "Released with a README and first users", target: nil, unit: nil,
                     milestones: ["Scope the first version", "Working prototype", "Write docs", "Release v1"],
                     activities: ["Side project", "Fixed bugs", "Wrote docs", "User feedback call"], key: "side-project"),
        GoalTemplate(title: "Practice system design interviews", fills: [""], metric: nil, target: 8...15, unit: "mock interviews",
                     milestones: ["Study the classic designs", "Four mock interviews", "Four more mock interviews"],
                     activities: ["Mock interview", "System design reading", "Whiteboard practice"], key: "sysdesign"),
        GoalTemplate(title: "Get promoted to senior engineer", fills: [""], metric: nil, target: nil, unit: nil,
                     milestones: ["Ask my manager for the criteria", "Lead a cross-team project", "Write my promotion packet"],
                     activities: ["Promotion packet", "Cross-team project", "Talked with my manager"], key: "promo", outsideControl: true),
        GoalTemplate(title: "Run a reading group on {x}", fills: topics, metric: "Six sessions with at least four people",
                     target: 6...6, unit: "sessions",
                     milestones: ["Invite people and pick the book", "First session", "Halfway session", "Last session and retro"],
                     activities: ["Reading group session", "Prepared discussion questions", "Reading"], key: "reading-group"),
        GoalTemplate(title: "Cut on-call pages for the {x}", fills: systems, metric: "Pages per week below five",
                     target: 20...60, unit: "percent fewer pages",
                     milestones: ["Classify last quarter's pages", "Fix the top three noisy alerts", "Write runbooks"],
                     activities: ["Alert tuning", "Runbook", "Postmortem follow-up", "Dashboard work"], key: "oncall"),
        GoalTemplate(title: "Improve public speaking", fills: [""], metric: "Speak up in every architecture review",
                     target: nil, unit: nil,
                     milestones: ["Join a speaking club", "Give a five-minute lightning talk", "Present at the all-hands"],
                     activities: ["Speaking club", "Practised a talk", "Watched talks and took notes"], key: "speaking"),
    ]

    /// Activities that read well with a number after them ("Practice exam 2").
    static let numbered: Set<String> = ["Course section", "Practice exam", "Hands-on lab", "Mock interview",
                                        "Reading group session", "Toy project", "Rehearsal"]

    static let unlinkedActivities = [
        "Inbox and Slack catch-up", "Read industry newsletter", "Webinar on an unrelated framework", "Team meeting prep",
        "Watched conference talks", "Reorganised my notes", "Tried a new productivity app", "Browsed job postings",
        "Helped a colleague debug", "Company all-hands", "Refactored dotfiles", "Podcast on career growth",
        "Read Hacker News", "Updated my CV", "Online course sampler", "Planning the week", "Expense reports",
        "Recruiting interview", "Hackathon brainstorm", "Read three career books' first chapters",
    ]

    static let mistakes = [
        "Logged against the wrong goal", "Duplicate entry", "Wrong day", "Typo in the minutes",
        "That was last week's session", "Logged twice from two terminals",
    ]

    static let directions = [
        "Move into engineering management", "Become a staff engineer in data platforms",
        "Move into data engineering leadership", "Become a recognised speaker on distributed systems",
        "Start an independent consultancy", "Transition into product management",
        "Lead a machine learning platform team", "Become a principal engineer", "Teach software engineering part time",
    ]

    static let partners = ["Sam Rivera", "Priya Nair", "Jonas Weber", "Aiko Tanaka", "Maria Costa", "Tom Okafor",
                           "Lena Fischer", "Diego Alvarez"]

    static let dueReasons = [
        "Exam slots full until later", "A release crunch took two weeks", "Scope turned out bigger than planned",
        "Was out sick for a week", "Waiting on another team", "Holiday season slowed everything down",
    ]
    static let targetReasons = [
        "Overcommitted: the quarter is shorter than I planned for", "Half the events I counted on were cancelled",
        "Quality over quantity", "New project at work takes my evenings",
    ]
    static let metricReasons = ["The old metric was not measurable", "Made the success criterion concrete",
                                "Aligned the metric with my manager"]
    static let carryReasons = [
        "Unfinished; carried over to keep working on it", "Moved to next quarter: still matters, ran out of time",
        "Carried over: blocked for most of the quarter", "Moved to next quarter after a reorg",
    ]
    static let dropReasons = [
        "Reorg moved me to platform work", "Lost interest; the migration matters more", "Wrong goal for my direction",
        "Too many goals this quarter", "The project was cancelled", "Family matters came first",
    ]
    static let outcomes = [
        "Done, on time", "Passed", "Shipped and in use", "Done, with good feedback", "Finished a week late",
        "Done; more work than expected",
    ]
    static let obstacles = [
        "A release crunch in the second month", "Too many meetings", "I overcommitted", "Sick for a week",
        "Holiday travel", "Context switching between goals", "Unclear priorities at work", "Nothing major",
    ]
    static let lessons = [
        "I study best in the mornings, in 90-minute blocks", "Small weekly milestones keep me moving",
        "Two goals is my limit", "Telling my partner about the plan helps", "Evenings do not work for deep work",
        "I need to block focus time in the calendar", "Writing progress down each day keeps me honest",
    ]
    static let progressNotes = ["Good week", "After the meetup", "Slow week", "Caught up", "Big step", "From the weekend"]
    static let minutes = [10, 15, 20, 25, 30, 40, 45, 50, 60, 75, 90, 105, 120, 150, 180, 210, 240]
    static let minuteWeights: [Double] = [2, 4, 4, 3, 9, 5, 8, 4, 10, 6, 8, 3, 5, 3, 2, 1, 1]
}
