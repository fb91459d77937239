import Foundation

/// A folder of its own under the tests' temporary folder (or under `parent`), removed with everything in it when
/// the value is released, so a test's files never outlive it nor meet another test's.
public final class TemporaryFolder: Sendable {
    public let url: URL
    public var path: String { url.path }

    /// Where tests keep their files: JOURNAL_TEST_TMPDIR when set, else a memory-backed folder (Linux's /dev/shm)
    /// when there is one, else the system's temporary folder. Every append ends in an fsync, which on a disk makes
    /// a test wait, idle, for the device; in memory it returns at once, and what the tests check is the same.
    public static let base: URL = {
        let environment = ProcessInfo.processInfo.environment
        if let chosen = environment["JOURNAL_TEST_TMPDIR"], !chosen.isEmpty { return URL(fileURLWithPath: chosen, isDirectory: true) }
        if FileManager.default.isWritableFile(atPath: "/dev/shm") { return URL(fileURLWithPath: "/dev/shm", isDirectory: true) }
        return URL(fileURLWithPath: NSTemporaryDirectory(), isDirectory: true)
    }()

    /// `prefix` names the folder's owner in a listing of the temporary folder, for finding what a crashed run left.
    public init(prefix: String, in parent: URL = TemporaryFolder.base) throws {
        url = parent.appendingPathComponent("\(prefix)\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }
}
