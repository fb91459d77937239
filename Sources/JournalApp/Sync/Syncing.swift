import Foundation
import JournalDomain
import JournalStore

/// The other end of a sync: the helper that talks to the server (`journal-remote`), one request and one answer
/// at a time (docs/sync.md). The CLI runs it as a process; the application only sees the exchange.
public protocol RemoteLink {
    mutating func send(_ request: RemoteProtocol.Request) throws -> RemoteProtocol.Answer
}

/// The helper or the server refused, or the exchange broke: its one line.
public struct RemoteFailure: Error, Equatable, Sendable {
    public let message: String
    public init(_ message: String) { self.message = message }
}

/// `journal sync` as an operation: pushes the local events the remote may lack, then pulls the server's events
/// after the last position pulled and merges them through the import (event ids and both times kept; ids already
/// here skipped; a stream conflict refuses the whole pull, which keeps nothing of it).
public enum Syncing {
    public struct Outcome: Equatable, Sendable {
        /// Events the server added from this journal, events this journal added from the server, the server's count.
        public let pushed: Int
        public let pulled: Int
        public let serverEvents: Int64
    }

    public static let pushBatch = 2000
    public static let pullBatch = 5000

    /// `temporaryFolder` is where the pulled events are laid out for the import (removed after).
    public static func sync(journalPath: String, remote: StoredRemote, link: inout some RemoteLink, now: Instant,
                            temporaryFolder: String) throws -> Outcome {
        let store = try SQLiteEventStore(path: journalPath, mode: .mustExist)
        // Push: every local event after the last one pushed. The server skips the ones it holds (pulled ones among
        // them), so what an interrupted sync pushed is pushed again harmlessly.
        var pushed = 0
        var pushedTo = remote.pushed
        while true {
            let page = try store.read(from: pushedTo + 1, limit: pushBatch)
            guard let last = page.last else { break }
            let answer = try ask(&link, RemoteProtocol.Request(op: "push", events: page.map(wire)))
            pushed += answer.added ?? 0
            pushedTo = last.position
            if page.count < pushBatch { break }
        }
        try store.setRemotePositions(named: remote.name, pulled: remote.pulled, pushed: pushedTo)

        // Pull: the server's events after the last position pulled, in server order.
        var pulledEvents: [RemoteProtocol.Event] = []
        var after = remote.pulled
        var serverHead: Int64 = 0
        while true {
            let answer = try ask(&link, RemoteProtocol.Request(op: "pull", after: after, limit: pullBatch))
            let events = answer.events ?? []
            serverHead = answer.position ?? serverHead
            pulledEvents.append(contentsOf: events)
            after = events.last?.position ?? after
            if events.isEmpty || answer.more != true { break }
        }
        var pulled = 0
        if !pulledEvents.isEmpty {
            pulled = try merge(pulledEvents, remote: remote.name, into: journalPath, now: now, temporaryFolder: temporaryFolder)
        }
        try store.setRemotePositions(named: remote.name, pulled: after, pushed: pushedTo)
        return Outcome(pushed: pushed, pulled: pulled, serverEvents: max(serverHead, after))
    }

    static func ask(_ link: inout some RemoteLink, _ request: RemoteProtocol.Request) throws -> RemoteProtocol.Answer {
        let answer = try link.send(request)
        guard answer.ok else { throw RemoteFailure(answer.error ?? "the helper failed without saying why") }
        return answer
    }

    static func wire(_ e: RecordedEvent) -> RemoteProtocol.Event {
        RemoteProtocol.Event(eventId: e.eventId, streamId: e.streamId, type: e.type, schemaVersion: e.schemaVersion,
                             payload: e.payload, metadata: e.metadata, occurredAt: e.occurredAt.description,
                             recordedAt: e.recordedAt.description)
    }

    /// The pulled events as an export (chained from genesis, its own positions) merged by the import, so a sync
    /// adds exactly what an import of the same events would, under the same checks.
    static func merge(_ events: [RemoteProtocol.Event], remote: String, into journalPath: String, now: Instant,
                      temporaryFolder: String) throws -> Int {
        let folder = URL(fileURLWithPath: temporaryFolder).appendingPathComponent("journal-sync-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("pulled-from-\(remote.filter { $0.isLetter || $0.isNumber || $0 == "-" }).jsonl")
        var text = ""
        var previous = HashChain.genesis
        for (index, e) in events.enumerated() {
            let position = Int64(index + 1)
            let version = e.streamVersion ?? 1
            let hash = HashChain.hash(previous: previous, position: position, eventId: e.eventId, streamId: e.streamId,
                                      streamVersion: version, type: e.type, schemaVersion: e.schemaVersion, payload: e.payload,
                                      metadata: e.metadata, occurredAt: e.occurredAt, recordedAt: e.recordedAt)
            text += "{\"position\":\(position),\"eventId\":\(JSONText.quote(e.eventId)),\"streamId\":\(JSONText.quote(e.streamId)),"
                + "\"streamVersion\":\(version),\"type\":\(JSONText.quote(e.type)),\"schemaVersion\":\(e.schemaVersion),"
                + "\"payload\":\(e.payload),\"metadata\":\(e.metadata),\"occurredAt\":\(JSONText.quote(e.occurredAt)),"
                + "\"recordedAt\":\(JSONText.quote(e.recordedAt)),\"previousHash\":\(JSONText.quote(HashChain.hex(previous))),"
                + "\"hash\":\(JSONText.quote(HashChain.hex(hash)))}\n"
            previous = hash
        }
        text += ExportLine.headText(hash: previous, events: Int64(events.count)) + "\n"
        try Data(text.utf8).write(to: file)
        do {
            return try ImportOperations.importExport(file: file.path, into: journalPath, now: now).added
        } catch AppError.exportLine(_, let line, let problem) {
            // Line N of the file is the Nth event pulled: name it by the server's position, not a file that is gone.
            let position = events.indices.contains(line - 1) ? events[line - 1].position ?? Int64(line) : Int64(line)
            throw AppError.pulledEventRefused(remote: remote, position: position, problem: problem)
        }
    }
}
