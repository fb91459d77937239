import Foundation
import JournalStore

/// An export written by hand, as an attacker with the file format would write it: each event's hash computed over
/// exactly the text in its line, so the chain and the head line are valid whatever the values say.
struct ForgedExport {
    struct Event {
        var stream: String
        var type: String
        var schemaVersion = 1
        /// The payload's JSON text, as stored.
        var payload: String
        var occurredAt = "2025-10-01T12:00:00.000Z"
        var recordedAt = "2025-10-01T12:00:00.000Z"
        var id = UUID().uuidString.lowercased()
    }

    var events: [Event] = []

    mutating func add(_ stream: String, _ type: String, _ payload: String, schemaVersion: Int = 1,
                      occurredAt: String = "2025-10-01T12:00:00.000Z", recordedAt: String = "2025-10-01T12:00:00.000Z") {
        events.append(Event(stream: stream, type: type, schemaVersion: schemaVersion, payload: payload,
                            occurredAt: occurredAt, recordedAt: recordedAt))
    }

    /// The file's text: the events in order, each chained to the one before, then the head line.
    var text: String {
        var previous = HashChain.genesis
        var versions: [String: Int] = [:]
        var lines: [String] = []
        let metadata = #"{"client":"forge"}"#
        for (index, e) in events.enumerated() {
            let position = Int64(index + 1)
            let version = (versions[e.stream] ?? 0) + 1
            versions[e.stream] = version
            let hash = HashChain.hash(previous: previous, position: position, eventId: e.id, streamId: e.stream,
                                      streamVersion: version, type: e.type, schemaVersion: e.schemaVersion, payload: e.payload,
                                      metadata: metadata, occurredAt: e.occurredAt, recordedAt: e.recordedAt)
            lines.append("{\"position\":\(position),\"eventId\":\(quote(e.id)),\"streamId\":\(quote(e.stream)),"
                         + "\"streamVersion\":\(version),\"type\":\(quote(e.type)),\"schemaVersion\":\(e.schemaVersion),"
                         + "\"payload\":\(e.payload),\"metadata\":\(metadata),\"occurredAt\":\(quote(e.occurredAt)),"
                         + "\"recordedAt\":\(quote(e.recordedAt)),\"previousHash\":\(quote(HashChain.hex(previous))),"
                         + "\"hash\":\(quote(HashChain.hex(hash)))}")
            previous = hash
        }
        lines.append("{\"head\":\(quote(HashChain.hex(previous))),\"events\":\(events.count)}")
        return lines.joined(separator: "\n") + "\n"
    }

    func write(to path: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    private func quote(_ text: String) -> String {
        let data = (try? JSONEncoder().encode(text)) ?? Data()
        return String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\\/", with: "/")
    }

    /// A goal p of 2025-Q4 with two milestones: a story every test below starts from.
    static func goalWithMilestones() -> ForgedExport {
        var f = ForgedExport()
        f.add("goal-p", "goal-set", #"{"key":"p","quarter":"2025-Q4","target":10,"title":"Ship the portfolio"}"#)
        f.add("goal-p", "milestone-planned", #"{"goal":"p","number":1,"title":"Draft","weeks":[1,2]}"#)
        f.add("goal-p", "milestone-planned", #"{"goal":"p","number":2,"title":"Publish","weeks":[3,4]}"#)
        return f
    }
}
