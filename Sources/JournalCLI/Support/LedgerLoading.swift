import JournalDomain
import JournalStore
import Projections

extension SQLiteEventStore {
    /// Folds the whole log into the ledger the read models draw on.
    func ledger() throws -> Ledger {
        var ledger = Ledger()
        try forEach { recorded in ledger.apply(try recorded.envelope()) }
        return ledger
    }
}

/// What every reading command starts from: "now", the journal, and its ledger.
struct ReadContext {
    let time: TimeContext
    let ledger: Ledger

    init(_ options: JournalOptions) throws {
        let environment = JournalEnvironment()
        time = try environment.time()
        let store = try SQLiteEventStore(path: try environment.databasePath(option: options.db), mode: .mustExist)
        ledger = try store.ledger()
    }
}
