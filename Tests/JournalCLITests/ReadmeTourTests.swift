import Foundation
import Testing

/// The README's examples are what `journal` prints: every `$ journal ...` line of its code blocks runs, in order, on
/// one journal (the opening example on a journal of its own), and must print exactly the lines under it. A change of
/// behaviour that the README does not follow fails here; so does a README edited without running the commands.
@Suite("The README's tour runs as printed")
struct ReadmeTourTests {
    /// A command of the README and the output printed under it.
    struct Example: CustomStringConvertible {
        var arguments: [String]
        var output: String
        var description: String { "$ journal " + arguments.joined(separator: " ") }
    }

    /// "Now" for each command of the tour, in the order the README gives them (the story runs from January 2 to 29,
    /// 2026). A command added to the tour needs its moment here.
    static let moments = [
        "2026-01-02T09:00", "2026-01-02T09:05", "2026-01-02T09:06",                      // direction, two goals
        "2026-01-02T09:07", "2026-01-02T09:08", "2026-01-02T09:09", "2026-01-02T09:10",  // milestones, partner
        "2026-01-05T19:00", "2026-01-06T19:00", "2026-01-07T19:00", "2026-01-29T09:00",  // activities, progress, done
        "2026-01-29T18:30", "2026-01-29T20:00", "2026-01-29T20:05", "2026-01-29T20:06",  // start, stop, span, amend
        "2026-01-29T20:07", "2026-01-29T20:10", "2026-01-29T20:11", "2026-01-29T20:12",  // activities, sprint, overview, goals
    ]
    static let openingMoments = ["2026-01-02T09:05", "2026-01-05T19:05"]

    static func readme() throws -> String {
        try String(contentsOf: DocsTests.root.appendingPathComponent("README.md"), encoding: .utf8)
    }

    /// The examples of each code block that shows `$ journal` commands, block by block.
    static func examples(in markdown: String) -> [[Example]] {
        var blocks: [[Example]] = []
        var current: [Example]?
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if line.hasPrefix("```") {
                if let block = current, !block.isEmpty { blocks.append(block) }
                current = current == nil ? [] : nil
                continue
            }
            guard current != nil else { continue }
            if line == "$ journal" || line.hasPrefix("$ journal ") {
                current?.append(Example(arguments: words(String(line.dropFirst("$ journal".count))), output: ""))
            } else if let last = current?.indices.last {
                current?[last].output += line + "\n"
            }
        }
        return blocks
    }

    /// A command line split as the shell splits these: words, and "double-quoted" phrases.
    static func words(_ line: String) -> [String] {
        var result: [String] = []
        var word = ""
        var quoted = false, started = false
        for character in line {
            if character == "\"" { quoted.toggle(); started = true; continue }
            if character == " " && !quoted {
                if started { result.append(word) }
                word = ""; started = false
                continue
            }
            word.append(character); started = true
        }
        if started { result.append(word) }
        return result
    }

    func expectRuns(_ examples: [Example], moments: [String], in sandbox: Sandbox) throws {
        try #require(examples.count == moments.count,
                     "the README shows \(examples.count) commands and the test knows \(moments.count) moments: \(examples)")
        for (example, now) in zip(examples, moments) {
            let result = try sandbox.run(example.arguments, env: ["JOURNAL_NOW": now, "NO_COLOR": "1"])
            #expect(result.status == 0 && result.stderr.isEmpty, "\(example): \(result)")
            #expect(result.stdout == example.output, "\(example) prints otherwise than the README says:\n\(result.stdout)")
        }
    }

    @Test func theOpeningExampleRunsAsPrinted() throws {
        let blocks = Self.examples(in: try Self.readme())
        let opening = try #require(blocks.first)
        try expectRuns(opening, moments: Self.openingMoments, in: try Sandbox(tz: "UTC"))
    }

    @Test func theTourRunsAsPrinted() throws {
        let readme = try Self.readme()
        let start = try #require(readme.range(of: "\n## A ten-minute tour\n"))
        let end = try #require(readme.range(of: "\n## ", range: start.upperBound..<readme.endIndex))
        let tour = Self.examples(in: String(readme[start.upperBound..<end.lowerBound])).flatMap { $0 }
        try expectRuns(tour, moments: Self.moments, in: try Sandbox(tz: "UTC"))
    }
}
