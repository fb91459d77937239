import JournalDomain
import JournalStore
import Testing

@Suite("Name-based event ids")
struct NameBasedEventIdTests {
    @Test func theFirstSixteenBytesOfSHA256AsAVersion8UUID() {
        // SHA-256("abc") starts ba7816bf 8f01 cfea 4141 40de5dae2223: version nibble 8, variant bits 10.
        #expect(NameBasedEventId.make("abc") == "ba7816bf-8f01-8fea-8141-40de5dae2223")
        #expect(NameBasedEventId.make("abc") == NameBasedEventId.make("abc"))
        #expect(NameBasedEventId.make("watson\nx\n0") != NameBasedEventId.make("watson\nx\n1"))
    }

    /// Appending the same name-based id again with the same content adds nothing: what imports rely on.
    @Test func theStoreTakesThemAndKeepsOne() throws {
        let journal = try TemporaryJournal()
        let store = try journal.open()
        let id = NameBasedEventId.make("timewarrior\n2025-04-01T07:00:00.000Z\n0")
        #expect(try store.append([batch("s", .any, [newEvent(id: id)])], recordedAt: t0).count == 1)
        #expect(try store.append([batch("s", .any, [newEvent(id: id)])], recordedAt: t0).map(\.position) == [1])
        #expect(try store.count() == 1)
    }
}
