#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where a file named on the command line (`--output`, `backup FILE`) really is: its symlinks followed, so the
/// file written is the link's target (the link stays), and its identity compared with the journal's own files.
struct OutputTarget {
    /// The path as given, for messages.
    let given: String
    /// The path with every symlink of its last component followed: what is written, or renamed over.
    let resolved: String
    /// What is at `resolved`, nil when nothing is there yet.
    let info: stat?

    init(_ path: String) throws(CLIError) {
        given = path
        resolved = try Self.followingLinks(path)
        var info = stat()
        self.info = stat(resolved, &info) == 0 ? info : nil
    }

    /// A device or a FIFO is written in place (it cannot be replaced by a file, and must not be).
    var isSpecial: Bool {
        guard let info else { return false }
        let kind = info.st_mode & S_IFMT
        return kind != S_IFREG && kind != S_IFDIR
    }

    var isFolder: Bool { info.map { ($0.st_mode & S_IFMT) == S_IFDIR } ?? false }

    /// The folder of `resolved` and its last name.
    var folderAndName: (folder: String, name: String) {
        guard let slash = resolved.lastIndex(of: "/") else { return (".", resolved) }
        let folder = slash == resolved.startIndex ? "/" : String(resolved[..<slash])
        return (folder, String(resolved[resolved.index(after: slash)...]))
    }

    /// Whether this is the journal at `journal`, or one of the files SQLite keeps beside it (its write-ahead log,
    /// its index, its rollback journal), also when these do not exist yet: writing there would destroy it.
    func isPartOfJournal(_ journal: String) -> Bool {
        let resolvedJournal = (try? Self.followingLinks(journal)) ?? journal
        let bases = resolvedJournal == journal ? [journal] : [journal, resolvedJournal]
        let own = canonical
        for base in bases {
            for suffix in ["", "-wal", "-shm", "-journal"] {
                let candidate = base + suffix
                var other = stat()
                if let info, stat(candidate, &other) == 0 {
                    if info.st_dev == other.st_dev && info.st_ino == other.st_ino { return true }
                } else if let own, own == OutputTarget.canonical(of: (try? Self.followingLinks(candidate)) ?? candidate) {
                    return true
                }
            }
        }
        return false
    }

    /// `resolved` with its folder's own links resolved too (realpath of the folder, then the name): two paths of
    /// one file that is not there yet compare equal.
    private var canonical: String? { Self.canonical(of: resolved) }

    private static func canonical(of path: String) -> String? {
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { $0 == path.startIndex ? "/" : String(path[..<$0]) } ?? "."
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        guard let real = realpath(folder, nil) else { return nil }
        defer { free(real) }
        let base = String(cString: real)
        return (base == "/" ? "" : base) + "/" + name
    }

    /// Follows the symlinks the last component of `path` leads through (a link to a link to a file), as open(2)
    /// would; a dangling link gives the path it points to.
    static func followingLinks(_ path: String) throws(CLIError) -> String {
        var current = path
        for _ in 0..<40 {
            var info = stat()
            guard lstat(current, &info) == 0, (info.st_mode & S_IFMT) == S_IFLNK else { return current }
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let count = readlink(current, &buffer, buffer.count - 1)
            guard count >= 0 else { return current }
            let target = String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            if target.hasPrefix("/") {
                current = target
            } else if let slash = current.lastIndex(of: "/") {
                current = String(current[...slash]) + target
            } else {
                current = target
            }
        }
        throw CLIError(.usage, "cannot write \(path): \(String(cString: strerror(ELOOP))); give the path of a file")
    }
}
