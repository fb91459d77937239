import JournalDomain
import JournalStore

/// Text that stays put for as long as its owner lives, as an import's file does (an import reads its events in
/// place, from the caller's memory).
final class Arena {
    private var blocks: [UnsafeMutableBufferPointer<UInt8>] = []

    func text(_ string: String) -> UnsafeBufferPointer<UInt8> {
        let block = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(1, string.utf8.count))
        let written = block.initialize(from: string.utf8).1
        blocks.append(block)
        return UnsafeBufferPointer(rebasing: block[..<written])
    }

    deinit { for block in blocks { block.deallocate() } }
}

/// The same events three ways: as an append's batches, as an import's rows, and as the fields the hash chain
/// covers, in both of the forms it takes them.
final class StoredEvents {
    struct Fields {
        let position: Int64
        let eventId: String, streamId: String, type: String, payload: String, metadata: String
        let occurredAt: String, recordedAt: String
        let streamVersion: Int, schemaVersion: Int
        let bytes: (eventId: UnsafeBufferPointer<UInt8>, streamId: UnsafeBufferPointer<UInt8>, type: UnsafeBufferPointer<UInt8>,
                    payload: UnsafeBufferPointer<UInt8>, metadata: UnsafeBufferPointer<UInt8>,
                    occurredAt: UnsafeBufferPointer<UInt8>, recordedAt: UnsafeBufferPointer<UInt8>)
    }

    let batches: [AppendBatch]
    let streams: [String]
    let fields: [Fields]
    private let imported: [ImportedEvent]
    private let arena = Arena()
    static let recordedAt = Instant(millisecondsSinceEpoch: 1_743_465_600_000) // 2025-04-01T00:00Z

    var count: Int { imported.count }
    func importedEvent(_ index: Int) -> ImportedEvent { imported[index] }

    /// `count` events over `streamCount` streams, a run of one to four events per stream at a time, as a
    /// journal's days interleave its goals.
    init(count: Int, streamCount: Int, seed: UInt64) throws {
        var random = SplitMix(seed: seed)
        let payloads = try PayloadSamples(count: count, seed: seed).samples
        var streams: [String] = []
        var streamIndex: [String: Int] = [:]
        var versions: [Int] = []
        var batches: [AppendBatch] = []
        var imported: [ImportedEvent] = []
        var fields: [Fields] = []
        var stream = 0
        for (index, sample) in payloads.enumerated() {
            if index == 0 || random.below(3) == 0 { stream = random.below(streamCount) }
            let name = "goal-\(stream)"
            if streamIndex[name] == nil {
                streamIndex[name] = streams.count
                streams.append(name)
                versions.append(0)
            }
            let slot = streamIndex[name] ?? 0
            versions[slot] += 1
            let eventId = Self.eventId(&random)
            let metadata = index % 3 == 0 ? #"{"client":"cli"}"# : "{}"
            let occurred = Instant(millisecondsSinceEpoch: Self.recordedAt.millisecondsSinceEpoch - Int64(count - index) * 61_000)
            let event = NewEvent(eventId: eventId, type: sample.type, schemaVersion: sample.schemaVersion, payload: sample.payload,
                                 metadata: metadata, occurredAt: occurred, recordedAt: Self.recordedAt)
            if let last = batches.last, last.stream == name {
                batches[batches.count - 1].events.append(event)
            } else {
                batches.append(AppendBatch(stream: name, expected: .any, events: [event]))
            }
            let bytes = (eventId: arena.text(eventId), streamId: arena.text(name), type: arena.text(sample.type),
                         payload: arena.text(sample.payload), metadata: arena.text(metadata),
                         occurredAt: arena.text(occurred.description), recordedAt: arena.text(Self.recordedAt.description))
            imported.append(ImportedEvent(eventId: bytes.eventId, stream: slot, type: bytes.type, schemaVersion: sample.schemaVersion,
                                          payload: bytes.payload, metadata: bytes.metadata, occurredAt: bytes.occurredAt,
                                          recordedAt: bytes.recordedAt, verified: nil))
            fields.append(Fields(position: Int64(index + 1), eventId: eventId, streamId: name, type: sample.type, payload: sample.payload,
                                 metadata: metadata, occurredAt: occurred.description, recordedAt: Self.recordedAt.description,
                                 streamVersion: versions[slot], schemaVersion: sample.schemaVersion, bytes: bytes))
        }
        self.batches = batches
        self.streams = streams
        self.imported = imported
        self.fields = fields
    }

    /// A random lowercase version-4 UUID, as the journal writes them.
    private static func eventId(_ random: inout SplitMix) -> String {
        let digits = Array("0123456789abcdef")
        var text = ""
        for index in 0..<32 {
            if [8, 12, 16, 20].contains(index) { text.append("-") }
            let digit = index == 12 ? 4 : index == 16 ? 8 + random.below(4) : random.below(16)
            text.append(digits[digit])
        }
        return text
    }
}
