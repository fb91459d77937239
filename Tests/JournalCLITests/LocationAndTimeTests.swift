import Foundation
import Testing

@Suite("Where the journal lives")
struct LocationTests {
    @Test func xdgDataHome() throws {
        let s = try Sandbox()
        let xdg = s.path("xdg")
        let line = try s.ok(["log", "partner", "Sam"], env: ["JOURNAL_DB": nil, "XDG_DATA_HOME": xdg])
        #expect(line == "Accountability partner: Sam (event 1)\n")
        let file = xdg + "/journal/journal.sqlite"
        #expect(FileManager.default.fileExists(atPath: file))
        #expect(try s.count(at: file) == 1)
        #expect(try permissions(file) == 0o600)
        #expect(try permissions(xdg + "/journal") == 0o700)
        #expect(try permissions(xdg) == 0o700)
        #expect(!FileManager.default.fileExists(atPath: s.path(".local")), "HOME is not used")
        #expect(!FileManager.default.fileExists(atPath: s.db), "JOURNAL_DB was unset")
        // Reading finds it the same way.
        let events = try s.run(["events"], env: ["JOURNAL_DB": nil, "XDG_DATA_HOME": xdg])
        #expect(events.status == 0 && events.stdoutLines.count == 1, "\(events)")
    }

    @Test func homeWhenNoXDG() throws {
        let s = try Sandbox()
        let home = s.path("home")
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: false)
        try s.ok(["log", "partner", "Sam"], env: ["JOURNAL_DB": nil, "XDG_DATA_HOME": nil, "HOME": home])
        let file = home + "/.local/share/journal/journal.sqlite"
        #expect(try s.count(at: file) == 1)
        #expect(try permissions(file) == 0o600)
        for folder in [".local", ".local/share", ".local/share/journal"] {
            #expect(try permissions(home + "/" + folder) == 0o700, "\(folder)")
        }
        // An existing folder's mode is left alone.
        let existing = s.path("existing")
        try FileManager.default.createDirectory(atPath: existing, withIntermediateDirectories: false,
                                                attributes: [.posixPermissions: 0o755])
        try s.ok(["log", "partner", "Sam", "--db", existing + "/j.sqlite"])
        #expect(try permissions(existing) == 0o755)
        #expect(try permissions(existing + "/j.sqlite") == 0o600)
    }

    @Test func aRelativeXDGDataHomeIsIgnored() throws {
        let s = try Sandbox()
        try s.ok(["log", "partner", "Sam"], env: ["JOURNAL_DB": nil, "XDG_DATA_HOME": "relative/xdg"])
        #expect(try s.count(at: s.path(".local/share/journal/journal.sqlite")) == 1)
        #expect(!FileManager.default.fileExists(atPath: s.path("relative")))
    }

    @Test func dbOverridesJournalDBWhichOverridesXDG() throws {
        let s = try Sandbox()
        let flag = s.path("flag.sqlite")
        let xdg = s.path("xdg")
        try s.ok(["log", "partner", "Sam", "--db", flag], env: ["XDG_DATA_HOME": xdg])
        #expect(try s.count(at: flag) == 1)
        #expect(!FileManager.default.fileExists(atPath: s.db))
        try s.ok(["log", "partner", "Alex"], env: ["XDG_DATA_HOME": xdg])
        #expect(try s.count(at: s.db) == 1)
        #expect(!FileManager.default.fileExists(atPath: xdg))
        #expect(try s.count(at: flag) == 1)
        let listed = try s.run("events", "--db", flag, "--format", "jsonl")
        #expect(listed.status == 0 && listed.stdoutLines.count == 1 && listed.stdout.contains("\"name\":\"Sam\""), "\(listed)")
    }

    @Test func noHomeAndNothingElseIsAUsageError() throws {
        let s = try Sandbox()
        let result = try s.run(["log", "partner", "Sam"], env: ["JOURNAL_DB": nil, "XDG_DATA_HOME": nil, "HOME": nil])
        expectRefusal(result, status: 64, mentioning: ["HOME", "--db"])
    }
}

@Suite("Time zones")
struct TimeZoneTests {
    @Test func lateEveningInLosAngelesIsThatLocalDay() throws {
        let s = try Sandbox(tz: "America/Los_Angeles", now: "2025-04-10T23:30")
        #expect(try s.log("activity", "x") == "Activity logged on 2025-04-10 (no goal): x (event 1)")
        let e = try s.lastEvent()
        #expect(e.streamId == "activities-2025-04-10")
        #expect(e.occurredAt == "2025-04-11T06:30:00.000Z")
        #expect(e.recordedAt == "2025-04-11T06:30:00.000Z")
        // The text listing shows local time.
        let text = try s.ok(["events"])
        #expect(text.contains("2025-04-10 23:30"), "\(text)")

        // "yesterday" is the local yesterday, at local noon (PDT, UTC-7).
        #expect(try s.log("activity", "y", "--on", "yesterday") == "Activity logged on 2025-04-09 (no goal): y (event 2)")
        let y = try s.lastEvent()
        #expect(y.streamId == "activities-2025-04-09" && y.occurredAt == "2025-04-09T19:00:00.000Z")

        // The local date is "today": 2025-04-11 is still the future in Los Angeles.
        expectRefusal(try s.run("log", "activity", "z", "--on", "2025-04-11"), status: 65, mentioning: ["future"])
        #expect(try s.count() == 2)
        // --since is the start of the local day.
        #expect(try s.events(["--since", "2025-04-10"]).map(\.position) == [1])
        #expect(try s.events(["--since", "2025-04-09"]).map(\.position) == [1, 2])
        #expect(try s.events(["--since", "2025-04-11"]).isEmpty)
    }

    @Test func justAfterMidnightInBerlinIsTheNextDay() throws {
        let s = try Sandbox(tz: "Europe/Berlin", now: "2025-04-11T00:30")
        #expect(try s.log("activity", "x") == "Activity logged on 2025-04-11 (no goal): x (event 1)")
        let e = try s.lastEvent()
        #expect(e.streamId == "activities-2025-04-11" && e.occurredAt == "2025-04-10T22:30:00.000Z")
        // An explicit offset on --on is honoured whatever TZ says.
        #expect(try s.log("activity", "w", "--on", "2025-04-10T23:00Z") == "Activity logged on 2025-04-11 (no goal): w (event 2)")
        let w = try s.lastEvent()
        #expect(w.occurredAt == "2025-04-10T23:00:00.000Z" && w.streamId == "activities-2025-04-11")
        // A local date-time.
        try s.log("activity", "v", "--on", "2025-04-10T14:30")
        #expect(try s.lastEvent().occurredAt == "2025-04-10T12:30:00.000Z")
    }

    @Test func sameInstantDifferentZonesDifferentDays() throws {
        let s = try Sandbox(tz: "UTC", now: "2025-04-10T06:30Z")
        try s.log("activity", "utc")
        try s.ok(["log", "activity", "la"], env: ["TZ": "America/Los_Angeles"])
        let events = try s.events()
        #expect(events.map(\.streamId) == ["activities-2025-04-10", "activities-2025-04-09"])
        #expect(events.map(\.occurredAt) == ["2025-04-10T06:30:00.000Z", "2025-04-10T06:30:00.000Z"])
    }
}

@Suite("journal events filters")
struct EventsFilterTests {
    /// 1 goal aws   2 goal network   3 activity aws   4 activity (no goal)   5 milestone aws/1
    /// 6 activity network on 2025-04-01   7 retract 3   8 activity aws/1 on 2025-04-03
    func journal() throws -> Sandbox {
        try PreparedJournals.sandbox("journal") { s in
            try s.log("goal", "AWS certification", "--quarter", "2025-Q2", "--key", "aws")
            try s.log("goal", "Grow my network", "--quarter", "2025-Q2", "--key", "network", "--target", "15")
            try s.log("activity", "Practice exam", "--goal", "aws", "--minutes", "60")
            try s.log("activity", "Inbox zero")
            try s.log("milestone", "aws", "Sections 1-5", "--weeks", "1-4")
            try s.log("activity", "Meetup", "--goal", "network", "--on", "2025-04-01")
            try s.log("retract", "3", "--reason", "was a mock exam for network")
            try s.log("activity", "Section 1", "--goal", "aws/1", "--on", "2025-04-03")
        }
    }

    @Test func filters() throws {
        let s = try journal()
        #expect(try s.events(["--goal", "aws"]).map(\.position) == [1, 3, 5, 7, 8])
        #expect(try s.events(["--goal", "network"]).map(\.position) == [2, 6])
        #expect(try s.events(["--goal", "nobody"]).isEmpty)

        let goals = try s.events(["--type", "goal-set"])
        #expect(goals.map(\.position) == [1, 2] && goals.allSatisfy { $0.type == "goal-set" })
        #expect(try s.events(["--type", "goal-set", "--type", "milestone-planned"]).map(\.position) == [1, 2, 5])
        #expect(try s.events(["--type", "ACTIVITY-LOGGED"]).map(\.position) == [3, 4, 6, 8])

        #expect(try s.events(["--since", "2025-04-05"]).map(\.position) == [1, 2, 3, 4, 5, 7])
        #expect(try s.events(["--since", "2025-04-03"]).map(\.position) == [1, 2, 3, 4, 5, 7, 8])
        #expect(try s.events(["--since", "2025-04-01"]).count == 8)
        #expect(try s.events(["--since", "today"]).map(\.position) == [1, 2, 3, 4, 5, 7])

        #expect(try s.events(["--goal", "aws", "--type", "activity-logged", "--since", "2025-04-05"]).map(\.position) == [3])
        #expect(try s.events(["--goal", "aws", "--type", "activity-logged"]).map(\.retracted) == [true, false])

        // Text and jsonl list the same events.
        let text = try s.ok(["events", "--goal", "aws"]).split(separator: "\n")
        #expect(text.map { $0.split(separator: " ").first.map(String.init) } == ["1", "3", "5", "7", "8"])
    }

    @Test func badFilters() throws {
        let s = try journal()
        expectRefusal(try s.run("events", "--type", "bogus"), status: 64, mentioning: ["bogus", "goal-set"])
        expectRefusal(try s.run("events", "--goal", "Not A Key"), status: 64)
        expectRefusal(try s.run("events", "--since", "2025-02-30"), status: 64)
        expectRefusal(try s.run("events", "--format", "xml"), status: 64)
    }
}
