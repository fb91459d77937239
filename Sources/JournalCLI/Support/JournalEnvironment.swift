import Foundation
import JournalDomain

/// What the process environment decides: where the journal lives, what "now" is, the user's time zone.
struct JournalEnvironment {
    let variables: [String: String]

    init(_ variables: [String: String] = runEnvironment) {
        self.variables = variables
    }

    /// --db, else JOURNAL_DB, else $XDG_DATA_HOME/journal/journal.sqlite, else ~/.local/share/journal/journal.sqlite.
    func databasePath(option: String?) throws(CLIError) -> String {
        if let option {
            guard !option.isEmpty else { throw CLIError(.usage, "--db is empty; give the path of a journal file") }
            return option
        }
        if let env = variables["JOURNAL_DB"], !env.isEmpty { return env }
        if let xdg = variables["XDG_DATA_HOME"], xdg.hasPrefix("/") { return xdg + "/journal/journal.sqlite" }
        guard let home = variables["HOME"], !home.isEmpty else {
            throw CLIError(.usage, "cannot find your home folder (HOME is not set); pass --db PATH or set JOURNAL_DB")
        }
        return home + "/.local/share/journal/journal.sqlite"
    }

    /// JOURNAL_NOW when set (tests, demos), else the system clock: read here, at the edge, and nowhere else.
    func time() throws(CLIError) -> TimeContext {
        let zone = runTimeZone
        if let fixed = variables["JOURNAL_NOW"], !fixed.isEmpty {
            guard let now = TimeContext.parseNow(fixed, zone: zone) else {
                throw CLIError(.usage, "JOURNAL_NOW '\(DateInput.printable(fixed))' is not an ISO date or date-time; use e.g. 2025-04-10 or 2025-04-10T09:30, or unset it")
            }
            guard Instant.supported.contains(now) else {
                throw CLIError(.usage, "JOURNAL_NOW '\(DateInput.printable(fixed))' is \(now) in UTC, outside the times the journal holds (\(Instant.supportedText)); give a time in that range, or unset it")
            }
            return TimeContext(now: now, zone: zone)
        }
        let ms = Int64((Date().timeIntervalSince1970 * 1000).rounded(.down))
        return TimeContext(now: Instant(millisecondsSinceEpoch: ms), zone: zone)
    }
}
