import JournalDomain
import JournalStore

/// `journal export`: every event as one line, in log order, then the head line with the last chain hash and the
/// count, each handed to `write` as it is made (the log is never held whole).
public enum Exporting {
    /// The lines of a journal file, read in SQLite's large pages into the same memory.
    @discardableResult
    public static func lines(of store: SQLiteEventStore, progress: ProgressHandler? = nil,
                             _ write: (String) throws -> Void) throws -> Int64 {
        var lines = Lines()
        let total = progress == nil ? 0 : try store.count()
        try store.forEach(pageSize: 5000) { event in
            try lines.add(event, write)
            if let progress, lines.count % progressChunk == 0 { progress(lines.count, total) }
        }
        progress?(lines.count, total)
        return try lines.finish(write)
    }

    /// The same from any store, a page at a time through `read(from:limit:)`.
    @discardableResult
    public static func lines<Store: EventStore>(of store: Store, _ write: (String) throws -> Void) throws -> Int64 {
        var lines = Lines()
        var next: Int64 = 1
        while case let page = try store.read(from: next, limit: 5000), let last = page.last {
            for event in page { try lines.add(event, write) }
            next = last.position + 1
        }
        return try lines.finish(write)
    }

    private struct Lines {
        var last = HashChain.genesis
        var count: Int64 = 0

        mutating func add(_ event: RecordedEvent, _ write: (String) throws -> Void) throws {
            try write(ExportLine.text(event))
            last = event.hash
            count += 1
        }

        func finish(_ write: (String) throws -> Void) throws -> Int64 {
            try write(ExportLine.headText(hash: last, events: count))
            return count
        }
    }
}
