import Foundation

/// The stored form of an event: a type name, a schema version and a payload of JSON with sorted keys,
/// so the same event always has the same bytes (the hash chain depends on it).
extension JournalEvent {
    /// The schema version a new event of this kind is stored with (see Upcasting.swift for the older ones).
    public var schemaVersion: Int { kind.schemaVersion }

    public var type: String { kind.rawValue }

    public func payloadJSON() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(payload), as: UTF8.self)
    }

    public struct DecodingFailure: Error, Equatable, CustomStringConvertible {
        public let type: String
        public let reason: String
        public var description: String { "cannot read a '\(type)' event: \(reason)" }
    }

    /// Reads a stored event; unknown types and schema versions are errors, never traps.
    public init(type: String, schemaVersion: Int, payload: String) throws(DecodingFailure) {
        guard let kind = Kind.named(type) else {
            throw DecodingFailure(type: type, reason: "unknown event type")
        }
        guard schemaVersion >= 1, schemaVersion <= kind.schemaVersion else {
            throw DecodingFailure(type: type, reason: "schema version \(schemaVersion) is newer than this journal knows (\(kind.schemaVersion)); upgrade journal to read it")
        }
        // The payload as our encoder writes it, read straight from its bytes; anything else goes to JSONDecoder,
        // which stays the reference (see FastPayloadDecoder).
        if let event = FastPayloadDecoder.decode(kind, payload, schemaVersion: schemaVersion) {
            self = event
            return
        }
        self = try JournalEvent.decodeWithJSONDecoder(kind, schemaVersion: schemaVersion, type: type, payload: payload)
    }

    /// The same event or error as `init(type: String(decoding: typeUTF8, as: UTF8.self), schemaVersion:,
    /// payload: String(decoding: payloadUTF8, as: UTF8.self))`, without making those strings when the payload
    /// is in our encoder's form: for readers that hold the stored bytes (the log's replay).
    public init(typeUTF8: UnsafeBufferPointer<UInt8>, schemaVersion: Int, payloadUTF8: UnsafeBufferPointer<UInt8>) throws(DecodingFailure) {
        if let kind = Kind.named(utf8: typeUTF8), schemaVersion >= 1, schemaVersion <= kind.schemaVersion,
           let event = FastPayloadDecoder.decode(kind, utf8: payloadUTF8, schemaVersion: schemaVersion) {
            self = event
            return
        }
        try self.init(type: String(decoding: typeUTF8, as: UTF8.self), schemaVersion: schemaVersion,
                      payload: String(decoding: payloadUTF8, as: UTF8.self))
    }

    /// The reference reading of a payload: Foundation's JSONDecoder and the types' Codable conformances.
    static func decodeWithJSONDecoder(_ kind: Kind, schemaVersion: Int, type: String, payload: String) throws(DecodingFailure) -> JournalEvent {
        do {
            return try kind.payloadType.referenceEvent(Data(payload.utf8), schemaVersion: schemaVersion, with: JSONDecoder())
        } catch {
            throw DecodingFailure(type: type, reason: "malformed payload (\(error))")
        }
    }
}

/// An event as read back from the log, with where and when it was recorded.
public struct Envelope: Equatable, Sendable {
    public let position: Int64
    public let eventId: String
    public let streamId: String
    public let streamVersion: Int
    public let occurredAt: Instant
    public let recordedAt: Instant
    public let event: JournalEvent

    public init(position: Int64, eventId: String, streamId: String, streamVersion: Int,
                occurredAt: Instant, recordedAt: Instant, event: JournalEvent) {
        self.position = position
        self.eventId = eventId
        self.streamId = streamId
        self.streamVersion = streamVersion
        self.occurredAt = occurredAt
        self.recordedAt = recordedAt
        self.event = event
    }
}
