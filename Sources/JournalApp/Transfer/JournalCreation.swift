#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import JournalStore

/// The journal path an import may create, as it was before: when the import is refused, a journal it created
/// is removed again, with the files SQLite made beside it and the folders made for it, so a refused import
/// leaves nothing, as it promises ("nothing was imported").
struct JournalCreation {
    let path: String
    private let existed: Bool
    /// The folders on the way to `path` that are missing, the deepest first.
    private let missingFolders: [String]

    init(path: String) {
        self.path = path
        var info = stat()
        existed = lstat(path, &info) == 0
        var folders: [String] = []
        var parent = path
        while let slash = parent.lastIndex(of: "/") {
            parent = String(parent[..<slash])
            if parent.isEmpty || stat(parent, &info) == 0 { break }
            folders.append(parent)
        }
        missingFolders = folders
    }

    /// Undoes the creation of the journal, if this import created it and it holds no event: another process
    /// may have created it meanwhile and recorded into it, and that must stay.
    func undo() {
        guard !existed, isEmptyJournal() else { return }
        for suffix in ["", "-wal", "-shm", "-journal"] { unlink(path + suffix) }
        for folder in missingFolders where rmdir(folder) != 0 { break }
    }

    /// Whether a regular file is at `path` that is empty or a journal without events (the connection is
    /// closed when this returns, before anything is removed).
    private func isEmptyJournal() -> Bool {
        var info = stat()
        guard lstat(path, &info) == 0 else { return true }
        guard (info.st_mode & S_IFMT) == S_IFREG else { return false }
        if info.st_size == 0 { return true }
        guard let store = try? SQLiteEventStore(path: path, mode: .mustExist) else { return false }
        return (try? store.count()) == 0
    }
}
