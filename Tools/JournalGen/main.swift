// journal-gen: writes a realistic synthetic journal into a new file, through the real store.
//
//   journal-gen --years 20 --events 1000000 --seed 42 --db FILE [--end 2025-12-31]
//
// Same seed and options, same journal: every payload, event id and time (occurred and recorded) comes from the
// seeded generator and the simulated calendar, never from the clock or the system's randomness, so two runs give
// identical events and the same hash chain.
import Foundation
import JournalDomain
import JournalStore
import JournalWords

struct Options {
    var years = 20
    var events = 1_000_000
    var seed: UInt64 = 42
    var db: String?
    var end = LocalDate(year: 2025, month: 12, day: 31)!
    var quiet = false
    /// A stress journal instead of a realistic one (see Stress.swift).
    var stress: (shape: StressJournal.Shape, count: Int)?

    static let usage = """
        usage: journal-gen --db FILE [--years N] [--events N] [--seed N] [--end YYYY-MM-DD] [--quiet]
          Writes a synthetic journal of exactly --events events (default 1000000) spanning --years years
          (default 20) of quarters that end with the quarter holding --end (default 2025-12-31), into FILE,
          which must not exist or be empty. Deterministic for a --seed (default 42). Times are UTC.
        journal-gen --db FILE --milestones N | --activities N | --goals N [--seed N] [--end YYYY-MM-DD]
          Instead, a journal that loads one read: one goal with N milestones (and N activities linked to it),
          N activities, or N goals, all in the quarter holding --end (for Tools/bench-milestones.sh).
        """

    static func parse(_ arguments: [String]) throws -> Options {
        var options = Options()
        var rest = arguments[...]
        func value(_ name: String) throws -> String {
            guard let v = rest.popFirst() else { throw GenError.usage("\(name) needs a value") }
            return v
        }
        func number(_ name: String, _ text: String) throws -> Int {
            guard let n = Int(text.replacingOccurrences(of: "_", with: "").replacingOccurrences(of: ",", with: "")), n >= 0
            else { throw GenError.usage("\(name) '\(text)' is not a whole number") }
            return n
        }
        while let argument = rest.popFirst() {
            var name = argument
            var inline: String?
            if let eq = argument.firstIndex(of: "="), argument.hasPrefix("--") {
                name = String(argument[..<eq])
                inline = String(argument[argument.index(after: eq)...])
            }
            func next() throws -> String { try inline ?? value(name) }
            switch name {
            case "--years": options.years = try number(name, next())
            case "--events": options.events = try number(name, next())
            case "--seed":
                let text = try next()
                guard let seed = UInt64(text) else { throw GenError.usage("--seed '\(text)' is not a whole number from 0 to 2^64-1") }
                options.seed = seed
            case "--db": options.db = try next()
            case "--end":
                let text = try next()
                guard let date = LocalDate(iso: text) else { throw GenError.usage("--end '\(text)' is not a date YYYY-MM-DD") }
                options.end = date
            case "--quiet", "-q": options.quiet = true
            case "--milestones", "--activities", "--goals":
                guard options.stress == nil else { throw GenError.usage("give one of --milestones, --activities and --goals") }
                let count = try number(name, next())
                guard count >= 1, let shape = StressJournal.Shape(rawValue: String(name.dropFirst(2))) else {
                    throw GenError.usage("\(name) must be at least 1")
                }
                options.stress = (shape, count)
            case "--help", "-h":
                print(usage)
                exit(0)
            default: throw GenError.usage("unknown argument '\(argument)'")
            }
        }
        guard options.db != nil, !(options.db!.isEmpty) else { throw GenError.usage("--db FILE is required") }
        guard (1...100).contains(options.years) else { throw GenError.usage("--years must be from 1 to 100") }
        guard options.events >= 1 else { throw GenError.usage("--events must be at least 1") }
        return options
    }
}

enum GenError: Error, CustomStringConvertible {
    case usage(String)
    case refused(String)

    var description: String {
        switch self {
        case .usage(let m): return m + "\n" + Options.usage
        case .refused(let m): return m
        }
    }
}

func run() throws {
    let options = try Options.parse(Array(CommandLine.arguments.dropFirst()))
    let path = options.db!
    var info = stat()
    if stat(path, &info) == 0 {
        if (info.st_mode & S_IFMT) == S_IFDIR { throw GenError.refused("\(path) is a folder; give a new file") }
        if info.st_size > 0 { throw GenError.refused("\(path) already exists and is not empty; journal-gen only writes new journals") }
    }
    let started = ContinuousClock.now

    let summary: Generator.Summary
    if let stress = options.stress {
        let store = try SQLiteEventStore(path: path, mode: .createIfMissing)
        summary = try StressJournal(shape: stress.shape, count: stress.count, quarter: options.end.quarter, seed: options.seed)
            .write(to: store)
    } else {
        let generator = try Generator(options: options)
        let store = try SQLiteEventStore(path: path, mode: .createIfMissing)
        summary = try generator.write(to: store)
    }  // the store is closed by now (its WAL checkpointed into the file), and that is in the time measured
    let elapsed = (ContinuousClock.now - started).components
    let seconds = Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18
    let rate = Double(summary.events) / max(seconds, 1e-9)
    print("journal-gen: \(summary.events) events, \(summary.streams) streams, \(summary.goals) goals, "
          + (options.stress == nil ? "\(options.years) years " : "") + "(\(summary.from) to \(summary.to)), "
          + String(format: "%.1f s, %.0f events/s", seconds, rate) + " -> \(path)")
}

do {
    try run()
    exit(0)
} catch let error as GenError {
    FileHandle.standardError.write(Data("journal-gen: \(error)\n".utf8))
    if case .usage = error { exit(64) }
    exit(1)
} catch let error as StoreError {
    FileHandle.standardError.write(Data("journal-gen: \(error.message)\n".utf8))
    exit(1)
} catch let error as DomainError {
    FileHandle.standardError.write(Data("journal-gen: \(error.message)\n".utf8))
    exit(1)
} catch {
    FileHandle.standardError.write(Data("journal-gen: \(error)\n".utf8))
    exit(1)
}
