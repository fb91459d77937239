import CSQLite
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What a backup holds.
public struct BackupSummary: Equatable, Sendable {
    public let events: Int64
    /// The hash of its last event (the genesis hash for an empty journal).
    public let head: [UInt8]
}

extension SQLiteEventStore {
    /// Copies the journal, with the events still in its write-ahead log, into one consistent file at `target`
    /// (SQLite's online backup: other processes may go on writing meanwhile). The copy is made beside `target`,
    /// private (0600), synced, and renamed over it only when complete: a failed backup leaves what was at
    /// `target` as it was, and nothing else. `target` must be a regular file's path or a new one; the caller
    /// keeps it from naming this journal.
    public func backup(to target: String) throws(StoreError) -> BackupSummary {
        let slash = target.lastIndex(of: "/")
        let folder = slash.map { $0 == target.startIndex ? "/" : String(target[..<$0]) } ?? "."
        let name = slash.map { String(target[target.index(after: $0)...]) } ?? target
        let copy = folder + "/." + name + ".backup-" + String(UInt64.random(in: .min ... .max), radix: 16)
        let fd = open(copy, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            throw StoreError.io(path: target, detail: "cannot create a file beside it: \(String(cString: strerror(errno)))")
        }
        close(fd)
        do throws(StoreError) {
            let summary = try copyPages(into: copy)
            guard Self.syncFile(copy), rename(copy, target) == 0 else {
                throw StoreError.io(path: target, detail: String(cString: strerror(errno)))
            }
            _ = Self.syncFile(folder)
            return summary
        } catch {
            for suffix in ["", "-wal", "-shm", "-journal"] { unlink(copy + suffix) }
            throw error
        }
    }

    /// The backup proper, into the new file `copy`, left a journal in WAL mode like every other, and closed.
    private func copyPages(into copy: String) throws(StoreError) -> BackupSummary {
        do {
            let destination = try SQLiteDatabase(path: copy, flags: SQLITE_OPEN_READWRITE)
            guard let backup = sqlite3_backup_init(destination.handle, "main", db.handle, "main") else {
                throw destination.error(SQLITE_ERROR)
            }
            var rc: Int32
            repeat {
                rc = sqlite3_backup_step(backup, -1)
                if rc == SQLITE_BUSY || rc == SQLITE_LOCKED { sqlite3_sleep(20) }
            } while rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED
            let finished = sqlite3_backup_finish(backup)
            guard rc == SQLITE_DONE, finished == SQLITE_OK else { throw destination.error(rc == SQLITE_DONE ? finished : rc) }
            _ = try destination.run("PRAGMA journal_mode=WAL")
            let events = try destination.integer("SELECT count(*) FROM events") ?? 0
            var head = HashChain.genesis
            if case .blob(let hash)? = try destination.run("SELECT hash FROM events ORDER BY position DESC LIMIT 1") { head = hash }
            return BackupSummary(events: events, head: head)
        } catch let error as StoreError {
            throw error
        } catch let error as SQLiteError {
            throw StoreError(error, path: copy)
        } catch {
            throw StoreError.io(path: copy, detail: "\(error)")
        }
    }

    private static func syncFile(_ path: String) -> Bool {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        return fsync(fd) == 0
    }
}
