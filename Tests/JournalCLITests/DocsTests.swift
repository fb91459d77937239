import ArgumentParser
import Foundation
import Testing
@testable import JournalCLI

/// The README is for a new user and the reference lives in docs/: these keep both true as commands change. A new
/// command that no page documents, a link to a page or heading that moved, an exit code the README does not list, or
/// a README grown past a newcomer's read fails here.
@Suite("README and docs/")
struct DocsTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func read(_ relative: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(relative), encoding: .utf8)
    }

    static func pages() throws -> [String] {
        let names = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("docs").path)
        return ["README.md"] + names.filter { $0.hasSuffix(".md") }.sorted().map { "docs/" + $0 }
    }

    @Test func theReadmeIsWhatANewUserNeeds() throws {
        let readme = try Self.read("README.md")
        let lines = readme.split(separator: "\n", omittingEmptySubsequences: false).count
        #expect(lines <= 300, "README.md has \(lines) lines; move reference material to docs/")
        for heading in ["## Set up", "## A ten-minute tour", "## Where your data lives", "## Exit codes", "## Documentation"] {
            #expect(readme.contains("\n" + heading + "\n"), "README.md lacks \(heading)")
        }
        #expect(readme.contains("swift run -c release journal demo") && readme.contains("bash Tools/test.sh"))
    }

    @Test func everyExitCodeIsInTheReadme() throws {
        let readme = try Self.read("README.md")
        for status in ExitStatus.allCases {
            #expect(readme.contains("| \(status.rawValue) |"), "exit code \(status.rawValue) is not in README.md's table")
        }
        #expect(readme.contains("| 130 |"), "Ctrl-C's exit code is not in README.md's table")
    }

    /// Every link between the pages leads somewhere: the file exists, and so does the heading an anchor names
    /// (GitHub's anchors: lowercase, punctuation dropped, spaces as dashes).
    @Test func everyLinkResolves() throws {
        for page in try Self.pages() {
            let text = try Self.read(page)
            let folder = (page as NSString).deletingLastPathComponent
            for match in text.matches(of: #/\]\(([^)\s]+)\)/#) {
                let target = String(match.output.1)
                if target.hasPrefix("http://") || target.hasPrefix("https://") || target.hasPrefix("mailto:") { continue }
                let parts = target.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
                let file = parts[0].isEmpty ? page : (folder.isEmpty ? parts[0] : folder + "/" + parts[0])
                let path = Self.root.appendingPathComponent(file).standardizedFileURL.path
                #expect(FileManager.default.fileExists(atPath: path), "\(page) links to \(target): no such file")
                guard parts.count == 2, file.hasSuffix(".md"), let linked = try? String(contentsOfFile: path, encoding: .utf8)
                else { continue }
                #expect(Self.anchors(linked).contains(parts[1]), "\(page) links to \(target): no such heading in \(file)")
            }
        }
    }

    static func anchors(_ markdown: String) -> Set<String> {
        var inCode = false
        var result: Set<String> = []
        for line in markdown.split(separator: "\n") {
            if line.hasPrefix("```") { inCode.toggle(); continue }
            guard !inCode, line.hasPrefix("#") else { continue }
            let title = line.drop(while: { $0 == "#" }).trimmingCharacters(in: .whitespaces).lowercased()
            let kept = title.unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) || $0 == "-" || $0 == " " || $0 == "_" }
            result.insert(String(String.UnicodeScalarView(kept)).replacingOccurrences(of: " ", with: "-"))
        }
        return result
    }

    /// Every command a user can run (`journal help` lists) has a section in a docs page: a heading that names it
    /// (`## journal stop`, ``## `journal sprint [--quarter Q]` ``), or, for a kind of `journal log`, a row of the
    /// logging page's table (`| `goal TITLE ...`).
    @Test func everyCommandIsDocumented() throws {
        let docs = try Self.pages().filter { $0.hasPrefix("docs/") }.map(Self.read).joined(separator: "\n")
        let headings = docs.split(separator: "\n").filter { $0.hasPrefix("#") }.map { $0.replacingOccurrences(of: "`", with: "") + " " }
        for path in Self.commandPaths(Journal.self, prefix: []) where !path.isEmpty {
            let name = "journal " + path.joined(separator: " ")
            let inHeading = headings.contains { $0.contains(name + " ") }
            let inLogTable = path.count == 2 && path[0] == "log" && docs.contains("| `\(path[1]) ")
            #expect(inHeading || inLogTable, "no page in docs/ has a heading for `\(name)`")
        }
    }

    static func commandPaths(_ command: ParsableCommand.Type, prefix: [String]) -> [[String]] {
        let configuration = command.configuration
        guard configuration.shouldDisplay else { return [] }
        let children = configuration.subcommands.flatMap { child in
            commandPaths(child, prefix: prefix + [child.configuration.commandName ?? ""])
        }
        return [prefix] + children
    }
}
