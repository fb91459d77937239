import Foundation

/// The JSON lines `journal` and `journal-remote` exchange (docs/sync.md): one request a line on the helper's
/// standard input, one answer a line on its standard output.
public enum RemoteProtocol {
    /// One event as it travels: the stored fields, `payload` and `metadata` as their stored texts (JSON strings), so
    /// the server keeps exactly the bytes it was sent. `position` and `streamVersion` are the server's, on a pull.
    public struct Event: Codable, Equatable, Sendable {
        public var position: Int64?
        public var eventId: String
        public var streamId: String
        public var streamVersion: Int?
        public var type: String
        public var schemaVersion: Int
        public var payload: String
        public var metadata: String
        public var occurredAt: String
        public var recordedAt: String

        public init(position: Int64? = nil, eventId: String, streamId: String, streamVersion: Int? = nil, type: String,
                    schemaVersion: Int, payload: String, metadata: String, occurredAt: String, recordedAt: String) {
            self.position = position
            self.eventId = eventId
            self.streamId = streamId
            self.streamVersion = streamVersion
            self.type = type
            self.schemaVersion = schemaVersion
            self.payload = payload
            self.metadata = metadata
            self.occurredAt = occurredAt
            self.recordedAt = recordedAt
        }

        /// The fields that make an event the same event (the server's position and stream version are its own).
        public func sameContent(as other: Event) -> Bool {
            eventId == other.eventId && streamId == other.streamId && type == other.type
                && schemaVersion == other.schemaVersion && payload == other.payload && metadata == other.metadata
                && occurredAt == other.occurredAt && recordedAt == other.recordedAt
        }
    }

    public struct Request: Codable, Equatable, Sendable {
        public var op: String
        public var events: [Event]?
        public var after: Int64?
        public var limit: Int?

        public init(op: String, events: [Event]? = nil, after: Int64? = nil, limit: Int? = nil) {
            self.op = op
            self.events = events
            self.after = after
            self.limit = limit
        }
    }

    /// Every answer: `ok` false carries `error`, one line; the rest is what the request asked for.
    public struct Answer: Codable, Equatable, Sendable {
        public var ok: Bool
        public var error: String?
        /// The server's schema version (the greeting), the journal's head position and hash.
        public var schema: Int?
        public var position: Int64?
        public var hash: String?
        /// A push: how many were added and how many were already there.
        public var added: Int?
        public var skipped: Int?
        /// A pull: the events after the position asked, in order, and whether more follow.
        public var events: [Event]?
        public var more: Bool?

        public init(ok: Bool, error: String? = nil, schema: Int? = nil, position: Int64? = nil, hash: String? = nil,
                    added: Int? = nil, skipped: Int? = nil, events: [Event]? = nil, more: Bool? = nil) {
            self.ok = ok
            self.error = error
            self.schema = schema
            self.position = position
            self.hash = hash
            self.added = added
            self.skipped = skipped
            self.events = events
            self.more = more
        }

        public static func failure(_ message: String) -> Answer { Answer(ok: false, error: message) }
    }

    public static func line<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    public static func decode<T: Decodable>(_ type: T.Type, from line: String) throws -> T {
        try JSONDecoder().decode(type, from: Data(line.utf8))
    }
}
