import ArgumentParser
import Foundation
import JournalDomain
import JournalStore

/// `journal export`: the whole log as JSONL, every stored field, the head hash last.
struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the whole log as JSONL: every field of every event, hashes included, the head hash last.",
        discussion: """
            One event a line, in log order, then {"head": HASH, "events": N}. Keep the head hash: comparing it with \
            what journal verify prints later shows whether anything was cut off. journal import reads the file back, \
            into this journal or another.
            Examples: journal export > journal.jsonl   journal export --output backup.jsonl
            """)

    @Option(help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"), completion: .file())
    var output: String?
    @OptionGroup var journal: JournalOptions

    func run() throws {
        let store = try SQLiteEventStore(path: try JournalEnvironment().databasePath(option: journal.db), mode: .mustExist)
        let sink = try OutputSink(path: output)
        var last = HashChain.genesis
        var count: Int64 = 0
        try store.forEach(pageSize: 5000) { event in
            sink.write(ExportLine.text(event))
            last = event.hash
            count += 1
        }
        sink.write(ExportLine.headText(hash: last, events: count))
        try sink.close()
    }
}

/// `journal import FILE`: appends an export's events this journal does not hold yet.
struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Append an export's events to this journal: checked, idempotent, all or nothing.",
        discussion: """
            The file's own hash chain and head line are checked first, and every event must be one journal can read. \
            Events whose id is already here with the same content are skipped, so an import can be run again and two \
            journals can be merged; an id present with different content refuses the whole file. New events keep \
            their ids, types, payloads, metadata and both times, and get this journal's positions, stream versions \
            and hash chain, in the file's order.
            Example: journal import backup.jsonl
            """)

    @Argument(help: ArgumentHelp("An export written by journal export.", valueName: "file"), completion: .file()) var file: String
    @OptionGroup var journal: JournalOptions

    func run() throws {
        let environment = JournalEnvironment()
        let time = try environment.time()
        let importer = Importer(path: file)
        let outcome: Importer.Outcome
        let store: SQLiteEventStore
        if let path = try? environment.databasePath(option: journal.db),
           let created = try importer.importIntoNewJournal(at: path, now: time.now) {
            outcome = created
            store = try SQLiteEventStore(path: path, mode: .mustExist)
        } else {
            let events = try importer.read()
            store = try SQLiteEventStore(path: try environment.databasePath(option: journal.db), mode: .createIfMissing)
            try store.enlargeCache(megabytes: 512)
            outcome = try importer.append(events, to: store, at: time.now)
        }
        let skipped = outcome.events - outcome.added
        print("Imported \(outcome.added) of \(outcome.events) events from \(file)" + (skipped > 0 ? " (\(skipped) already here)" : "")
              + "; the journal now holds \(try store.count())")
    }
}

/// Standard output or a file, written through a buffer: an export of a long journal is many lines.
final class OutputSink {
    private let handle: FileHandle
    private let path: String?
    private var buffer: [UInt8] = []

    init(path: String?) throws {
        self.path = path
        guard let path else {
            handle = FileHandle.standardOutput
            return
        }
        guard FileManager.default.createFile(atPath: path, contents: nil), let file = FileHandle(forWritingAtPath: path) else {
            throw CLIError(.io, "cannot write \(path); check the folder exists and is writable")
        }
        handle = file
    }

    func write(_ line: String) {
        buffer.append(contentsOf: line.utf8)
        buffer.append(0x0A)
        if buffer.count >= 1 << 20 { flush() }
    }

    private func flush() {
        handle.write(Data(buffer))
        buffer.removeAll(keepingCapacity: true)
    }

    func close() throws {
        flush()
        if path != nil { try handle.close() }
    }
}
