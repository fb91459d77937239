import Foundation
import JournalTestSupport
import Testing

/// Journals that several tests start from, made once per test run by running their commands through the binary,
/// then copied into each test's own sandbox. A setup of a dozen `journal log` runs is paid once instead of once per
/// test, and every test still reads and writes a file of its own.
enum PreparedJournals {
    private static let made = Made()

    /// A new sandbox holding a copy of the journal `build` makes in a sandbox of `tz` and `now` (built the first
    /// time `name` is asked for, by the first test that asks; the others wait for it). The copy gets the environment
    /// `build` left, with its paths moved to the new sandbox.
    static func sandbox(_ name: String, tz: String = "UTC", now: String = "2025-04-10T09:00", fileID: String = #fileID,
                        build: (Sandbox) throws -> Void) throws -> Sandbox {
        let template = try made.template(named: "\(fileID)#\(name)#\(tz)#\(now)") {
            let s = try Sandbox(tz: tz, now: now, in: try made.folder().url)
            try build(s)
            return s
        }
        let copy = try Sandbox(tz: tz)
        for file in try FileManager.default.contentsOfDirectory(atPath: template.root.path) {
            try FileManager.default.copyItem(at: template.root.appendingPathComponent(file),
                                             to: copy.root.appendingPathComponent(file))
        }
        copy.environment = template.environment.mapValues {
            $0.replacingOccurrences(of: template.root.path, with: copy.root.path)
        }
        return copy
    }

    /// The templates by name, each made exactly once even when tests running in parallel ask at the same time.
    private final class Made: @unchecked Sendable {
        private let lock = NSLock()
        private var templates: [String: Sandbox] = [:]
        private var locks: [String: NSLock] = [:]
        private var runFolder: TemporaryFolder?

        /// Where the templates live: one folder per test run. A static is never released, so the folder is
        /// released when the process exits, taking the templates' folders inside it along.
        func folder() throws -> TemporaryFolder {
            try lock.withLock {
                if let runFolder { return runFolder }
                let created = try TemporaryFolder(prefix: "journal-e2e-prepared-")
                runFolder = created
                atexit { PreparedJournals.made.releaseFolder() }
                return created
            }
        }

        private func releaseFolder() { lock.withLock { runFolder = nil } }

        func template(named name: String, make: () throws -> Sandbox) throws -> Sandbox {
            let nameLock = lock.withLock {
                if let existing = locks[name] { return existing }
                let created = NSLock()
                locks[name] = created
                return created
            }
            nameLock.lock()
            defer { nameLock.unlock() }
            if let existing = lock.withLock({ templates[name] }) { return existing }
            let template = try make()
            lock.withLock { templates[name] = template }
            return template
        }
    }
}
