import ArgumentParser
import JournalApp
import JournalStore
import JournalViews
import Projections

struct Verify: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Recompute the hash chain: OK with the event count and head hash, or the first bad position.",
        discussion: """
            It checks the log only, not the tables derived from it (ledger slices, their checkpoint, the goal index): \
            journal rebuild remakes those from the log. The head hash it prints (also the last line of every export) is worth keeping somewhere else: an intact \
            chain alone cannot show that its newest events were cut off, or that it was rewritten from some point \
            on; with --head, verify also checks that the journal still holds that earlier head.
            With --deep, verify also recomputes every derived table from the log (goal_index, goal_keys, streams, projection_state, \
            projection_partitions) and names each one that differs, one line per table (exit 65); journal rebuild mends them.
            Example: journal verify   journal verify --deep   journal verify --head 7fd8d5cd25d666ee18d42ce2c99124f9c56265b0995ee05d6295c2e3071e6bb1
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Option(help: ArgumentHelp("A head hash printed earlier (by verify or at the end of an export) that this journal must still hold.",
                               valueName: "hash"))
    var head: String?
    @Flag(help: "Also recompute every table derived from the log and name each one that differs (journal rebuild mends them).")
    var deep = false
    @Option(help: ArgumentHelp("text for people; json for scripts (also printed when the check fails, before the error).", valueName: "format"))
    var format: Format = .text
    @OptionGroup var journal: JournalOptions

    func run() throws {
        let earlier = try head.map(Verify.hashBytes)
        let store = try SQLiteEventStore(path: try JournalEnvironment().databasePath(option: journal.db), mode: .mustExist)
        var report: [(String, JSONValue)] = []
        defer { if format == .json { print(JSONValue.object(report).rendered()) } }
        let progress = ProgressLine.onTerminal("verify")
        let verification: Verification
        do {
            defer { progress?.finish() }
            verification = try Verification.run(store, earlierHead: earlier, deep: deep, progress: progress?.handler)
        }
        switch verification.chain {
        case .ok(let count, let current):
            report = [("ok", .bool(true)), ("events", .int(Int(count))), ("head", .string(HashChain.hex(current))), ("brokenAt", .null), ("problem", .null),
                      ("checked", .string(Verify.checked)), ("notChecked", .string(Verify.notChecked))]
            var line = "OK: \(count) event\(count == 1 ? "" : "s"), hash chain intact; head \(HashChain.hex(current))"
            if let earlierHead = verification.earlierHead, let head {
                let position = earlierHead.position
                report.append(("earlierHead", .object([("hash", .string(head.lowercased())), ("position", .optional(position.map { Int($0) })),
                                                       ("recordedSince", .optional(position.map { Int(count - $0) }))])))
                guard let position else {
                    report[0].1 = .bool(false)
                    throw CLIError(.data, "the journal no longer holds the head \(head.lowercased()) recorded earlier: events were cut off its end or the chain was rewritten; restore it from a backup or an export")
                }
                line += "; the earlier head is event \(position) (\(count - position) recorded since)"
            }
            let differences = verification.derived ?? []
            if verification.derived != nil {
                report.append(("derived", .array(differences.map { JSONValue.object([("table", .string($0.table.rawValue)), ("problem", .string($0.detail))]) })))
                if !differences.isEmpty { report[0].1 = .bool(false) }
                report = report.map { $0.0 == "notChecked" ? ("notChecked", .null) : $0 }
            }
            if format == .text, differences.isEmpty {
                // On a terminal the lines wrap at its width; the head's hash stays whole, to be copied.
                let fit = JournalEnvironment().fit(text: true)
                for text in [line, deep ? Verify.deepScope : Verify.scope] {
                    print(fit.map { $0.wrap(text, width: $0.columns, indent: "  ", keepWords: true).joined(separator: "\n") } ?? text)
                }
            }
            // One line per table that differs: all but the last printed here, the last as the command's error.
            let lines = differences.map { "the derived table \($0.table.rawValue) differs from the log: \($0.detail); run journal rebuild to remake it" }
            for line in lines.dropLast() { JournalMain.printError(line) }
            if let last = lines.last { throw CLIError(.data, last) }
        case .broken(let position, let reason):
            report = [("ok", .bool(false)), ("events", .int(Int(verification.events))), ("head", .null), ("brokenAt", .int(Int(position))),
                      ("problem", .string(reason))]
            throw CLIError(.data, "the hash chain breaks at position \(position): \(reason); restore the journal from a backup or an export")
        }
    }

    // What an intact chain proves, and what it does not: the tables derived from the log are not part of it.
    static let checked = "the log: every event's hash and its link to the one before"
    static let notChecked = "the tables derived from the log (ledger slices, their checkpoint, the goal index); journal rebuild remakes them"
    static let scope = "Checked \(checked); not checked: \(notChecked)."
    static let deepScope = "Checked \(checked), and every table derived from it (\(DerivedTable.allCases.map(\.rawValue).joined(separator: ", "))): each is what the log gives."

    /// The 32 bytes of a hash written as 64 hexadecimal digits.
    static func hashBytes(_ text: String) throws -> [UInt8] {
        let digits = Array(text.lowercased().utf8)
        func value(_ d: UInt8) -> UInt8? {
            switch d {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): return d - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): return d - UInt8(ascii: "a") + 10
            default: return nil
            }
        }
        var bytes: [UInt8] = []
        if digits.count == 64 {
            for i in stride(from: 0, to: 64, by: 2) {
                guard let high = value(digits[i]), let low = value(digits[i + 1]) else { break }
                bytes.append(high << 4 | low)
            }
        }
        guard bytes.count == 32 else {
            throw CLIError(.usage, "--head takes the 64 hexadecimal digits verify prints after 'head'; copy it whole")
        }
        return bytes
    }
}
