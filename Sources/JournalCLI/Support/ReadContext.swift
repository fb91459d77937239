import JournalApp
import JournalDomain
import JournalStore

/// What every reading command starts from: "now" and the journal the options name, to load read models from.
struct ReadContext {
    let time: TimeContext
    let reading: Reading<SQLiteEventStore>

    init(_ options: JournalOptions) throws {
        try self.init(options, time: try JournalEnvironment().time())
    }

    /// For commands that needed "now" before they opened the journal (a quarter given as last-quarter).
    init(_ options: JournalOptions, time: TimeContext) throws {
        self.time = time
        let store = try SQLiteEventStore(path: try JournalEnvironment().databasePath(option: options.db), mode: .mustExist)
        reading = Reading(store: store, time: time)
    }
}
