import ArgumentParser
import JournalStore

struct Verify: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Recompute the hash chain: OK with the event count and head hash, or the first bad position.",
        discussion: "Example: journal verify")

    @OptionGroup var journal: JournalOptions

    func run() throws {
        let store = try SQLiteEventStore(path: try JournalEnvironment().databasePath(option: journal.db), mode: .mustExist)
        switch try store.verify() {
        case .ok(let count, let head):
            print("OK: \(count) event\(count == 1 ? "" : "s"), hash chain intact; head \(HashChain.hex(head))")
        case .broken(let position, let reason):
            throw CLIError(.data, "the hash chain breaks at position \(position): \(reason); restore the journal from a backup or an export")
        }
    }
}
