import Foundation

/// A folder of its own under the system's temporary folder (or under `parent`), removed with everything in it when
/// the value is released, so a test's files never outlive it nor meet another test's.
public final class TemporaryFolder: Sendable {
    public let url: URL
    public var path: String { url.path }

    /// `prefix` names the folder's owner in a listing of the temporary folder, for finding what a crashed run left.
    public init(prefix: String, in parent: URL = URL(fileURLWithPath: NSTemporaryDirectory(), isDirectory: true)) throws {
        url = parent.appendingPathComponent("\(prefix)\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }
}
