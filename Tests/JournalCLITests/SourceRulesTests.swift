import Foundation
import Testing

/// The layering rules that the compiler cannot check, read off the sources (docs/architecture.md): below the CLI
/// nothing parses arguments, prints, reads the environment or the clock; inside the CLI only the edge files touch
/// the process's streams, environment, terminal and time zone, so that the in-process test tier sees everything a
/// command does.
@Suite("Source rules")
struct SourceRulesTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Each Swift file under `folder`, relative to the repository, with its lines (comments dropped).
    static func sources(_ folder: String) throws -> [(path: String, lines: [String])] {
        let base = root.appendingPathComponent(folder)
        let files = try #require(FileManager.default.enumerator(atPath: base.path)).compactMap { $0 as? String }
            .filter { $0.hasSuffix(".swift") }.sorted()
        return try files.map { file in
            let text = try String(contentsOf: base.appendingPathComponent(file), encoding: .utf8)
            let code = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
                .map { $0.trimmingCharacters(in: .whitespaces).hasPrefix("//") ? "" : $0 }
            return (folder + "/" + file, code)
        }
    }

    /// Where a needle stands as a name of its own (`print(` but not `sprint(`), file:line.
    static func offences(in folder: String, _ needles: [String], except allowed: Set<String> = []) throws -> [String] {
        let patterns = try needles.map { try NSRegularExpression(pattern: "(?<![A-Za-z0-9_.])" + NSRegularExpression.escapedPattern(for: $0)) }
        return try sources(folder).filter { !allowed.contains($0.path) }.flatMap { file in
            file.lines.enumerated().compactMap { index, line in
                let range = NSRange(line.startIndex..., in: line)
                return zip(needles, patterns).first { $0.1.firstMatch(in: line, range: range) != nil }
                    .map { "\(file.path):\(index + 1): \($0.0)" }
            }
        }
    }

    @Test(arguments: ["Sources/JournalDomain", "Sources/JournalStore", "Projections", "Sources/JournalApp",
                      "Sources/JournalViews", "Sources/JournalWords"])
    func belowTheCLINothingParsesPrintsOrReadsTheEnvironmentOrTheClock(_ folder: String) throws {
        let found = try Self.offences(in: folder, ["import ArgumentParser", "print(", "FileHandle.standard",
                                                   "ProcessInfo.processInfo.environment", "getenv(", "Date()",
                                                   "TimeZone.current", "readLine("])
        #expect(found.isEmpty, "\(found)")
    }

    @Test func insideTheCLIOnlyTheEdgeTouchesTheProcess() throws {
        let edge: Set = ["Sources/JournalCLI/Support/Invocation.swift", "Sources/JournalCLI/Support/JournalEnvironment.swift",
                         "Sources/JournalCLI/Support/OutputSink.swift"]
        let found = try Self.offences(in: "Sources/JournalCLI", ["FileHandle.standard", "ProcessInfo.processInfo",
                                                                 "TimeZone.current", "NSTemporaryDirectory", "isatty(",
                                                                 "Swift.print", "getenv(", "ioctl(", "wcwidth(",
                                                                 "setlocale("], except: edge)
        #expect(found.isEmpty, "\(found)")
    }
}
