import Foundation
import Testing

@Suite("Several processes writing at once")
struct ConcurrencyTests {
    static let loop = #"for i in $(seq 15); do "$0" log activity "$1 $i" --minutes 5 || exit 1; done"#

    /// Four shells, each logging 15 activities in a loop, against one journal.
    func runLoops(_ s: Sandbox) throws {
        let binary = try JournalBinary.require()
        let shells = try (1...4).map { n in
            try s.spawnProgram("/bin/sh", ["-c", Self.loop, binary.path, "p\(n)"])
        }
        let results = shells.map { $0.wait() }
        for result in results {
            #expect(result.exited && result.status == 0, "\(result)")
            #expect(result.stderr.isEmpty, "\(result)")
            #expect(!result.stderr.lowercased().contains("locked") && !result.stderr.lowercased().contains("busy"), "\(result)")
            #expect(result.stdoutLines.count == 15, "\(result)")
        }
        // Every process printed positions that exist exactly once.
        let positions = results.flatMap(\.stdoutLines).compactMap { line in
            line.firstMatch(of: #/\(event (\d+)\)$/#).flatMap { Int($0.1) }
        }
        #expect(positions.count == 60)
        #expect(Set(positions).count == positions.count, "no position printed twice")
    }

    func expectSixtyActivities(_ s: Sandbox, plus existing: Int) throws {
        let total = existing + 60
        #expect(try s.count() == total)
        let events = try s.events()
        #expect(events.map(\.position) == Array(1...total), "positions are gapless")
        let activities = events.filter { $0.streamId == "activities-2025-04-10" }
        #expect(activities.map(\.streamVersion) == Array(1...60), "stream versions are gapless")
        for n in 1...4 {
            let texts = activities.compactMap { event -> String? in
                if case .string(let text)? = event.payload["text"], text.hasPrefix("p\(n) ") { return text }
                return nil
            }
            #expect(texts == (1...15).map { "p\(n) \($0)" }, "each process's events in its own order")
        }
        let verify = try s.run("verify")
        #expect(verify.status == 0 && verify.stdout.hasPrefix("OK: \(total) events, hash chain intact; head "), "\(verify)")
    }

    @Test func fourWritersShareAnExistingJournal() throws {
        let s = try Sandbox()
        try s.log("partner", "Sam Rivera")
        try runLoops(s)
        try expectSixtyActivities(s, plus: 1)
    }

    @Test func fourWritersCreateTheJournalTogether() throws {
        let s = try Sandbox()
        try runLoops(s)
        try expectSixtyActivities(s, plus: 0)
    }

    /// The moment a journal is created and switched to WAL is the narrowest: SQLite may answer "busy" at once
    /// there, without waiting. Six first writers at a time, twenty times over, none may see it.
    @Test func sixFirstWritersAtOnceNeverSeeBusy() throws {
        for round in 1...20 {
            let s = try Sandbox()
            let writers = try (1...6).map { n in try s.spawn(["log", "activity", "first \(n)", "--minutes", "5"]) }
            for result in writers.map({ $0.wait() }) {
                #expect(result.status == 0 && result.stderr.isEmpty, "round \(round): \(result)")
            }
            #expect(try s.count() == 6, "round \(round)")
        }
    }
}
