#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import JournalDomain

extension SQLiteEventStore {
    /// Creates the journal at `path`, where there is no file yet, holding what `body` writes in one write
    /// transaction; returns what `body` returned.
    ///
    /// The journal is built in a file of its own beside `path` that no one else knows of, and linked to `path`
    /// once it is complete and on disk. So it needs no write-ahead log: its pages are written once, instead
    /// of to the log at the commit and again to the file at the checkpoint (for an import of a million events,
    /// a third of the time). And `path` gets a whole journal or nothing.
    ///
    /// Returns nil, leaving nothing behind, when it cannot go this way: a file (or link) is at `path`, or
    /// appears there meanwhile; the folder is missing; a file beside it cannot be made or linked. The caller
    /// then writes to `path` the usual way. When `body` throws, what was built is removed and the error
    /// rethrown.
    public static func buildNew(at path: String, recordedAt: Instant, cacheMegabytes: Int,
                                _ body: (SQLiteWriteSession) throws -> Int) throws -> Int? {
        var info = stat()
        guard lstat(path, &info) != 0, errno == ENOENT else { return nil }
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { String(path[...$0]) } ?? "./"
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        guard !name.isEmpty, stat(folder, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else { return nil }
        removeAbandonedBuilds(folder: folder, name: name)
        // The builder's process id in the name tells a later import whether the file is still being built.
        let aside = folder + buildPrefix(name) + String(getpid()) + "-" + String(UInt64.random(in: .min ... .max), radix: 16)
        let fd = open(aside, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return nil }
        close(fd)
        func remove() {
            for suffix in ["", "-wal", "-shm", "-journal"] { unlink(aside + suffix) }
        }

        let result: Int?
        do {
            result = try build(at: aside, recordedAt: recordedAt, cacheMegabytes: cacheMegabytes, body)
        } catch {
            remove()
            throw error
        }
        guard let result, sync(aside), link(aside, path) == 0 else {
            remove()
            return nil
        }
        remove()
        _ = sync(folder) // the new name, on disk too
        return result
    }

    /// ".NAME.import-": how the files built beside the journal NAME begin (then the builder's process id, a
    /// dash, a random number, and SQLite's own suffixes).
    static func buildPrefix(_ name: String) -> String { "." + name + ".import-" }

    /// Removes the files an import killed while building beside the journal at `path` left behind (a SIGKILL,
    /// a crash, a power cut: nothing of theirs ran to remove them). Files whose builder is still running stay.
    public static func removeAbandonedBuilds(besideJournal path: String) {
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { String(path[...$0]) } ?? "./"
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        guard !name.isEmpty else { return }
        removeAbandonedBuilds(folder: folder, name: name)
    }

    /// `folder` ends with a slash.
    private static func removeAbandonedBuilds(folder: String, name: String) {
        guard let directory = opendir(folder) else { return }
        defer { closedir(directory) }
        let prefix = buildPrefix(name)
        while let entry = readdir(directory) {
            let entryName = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            guard entryName.hasPrefix(prefix) else { continue }
            let owner = entryName.dropFirst(prefix.count).prefix { $0 != "-" }
            // A name of another form (an older journal's, without its builder) is left alone: whose it is is unknown.
            guard let pid = Int32(owner), pid > 0, entryName.dropFirst(prefix.count + owner.count).hasPrefix("-") else { continue }
            // ESRCH: no such process. A process of another user (EPERM) is alive.
            if kill(pid, 0) != 0 && errno == ESRCH { unlink(folder + entryName) }
        }
    }

    /// nil when the file could not be put back into write-ahead-log mode, the mode every journal is in.
    private static func build(at path: String, recordedAt: Instant, cacheMegabytes: Int,
                              _ body: (SQLiteWriteSession) throws -> Int) throws -> Int? {
        let store = try SQLiteEventStore(path: path, mode: .createIfMissing)
        // Nothing to roll back to but an empty journal, and nothing to lose in a crash: the rollback journal
        // stays in memory and the file is synced once, by buildNew, before it is linked.
        try store.wrap {
            try store.db.execute("PRAGMA journal_mode=MEMORY")
            try store.db.execute("PRAGMA synchronous=OFF")
        }
        try store.enlargeCache(megabytes: cacheMegabytes)
        let result = try store.write(recordedAt: recordedAt, body)
        let mode = try store.wrap { try store.db.run("PRAGMA journal_mode=WAL") }
        guard case .text("wal")? = mode else { return nil }
        return result
    }

    private static func sync(_ path: String) -> Bool {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        return fsync(fd) == 0
    }
}
