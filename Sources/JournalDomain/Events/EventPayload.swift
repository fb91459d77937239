import Foundation

/// One kind of event's payload, and everything the log knows about it in one definition: the name it is stored
/// under, its schema version, its encoding (its Codable conformance, JSONEncoder with sorted keys), its reference
/// reading (JSONDecoder, through the older shapes of Upcasting.swift for older versions) and its fast reading (its
/// field table). `JournalEvent.Kind.payloadType` is the registry that maps each kind to its type.
protocol EventPayload: Codable, Equatable, Sendable, FastReadable {
    /// The `type` the log stores it under; unique among kinds.
    static var kindName: String { get }
    /// The version new payloads are written with; every version from 1 up to it is readable. 1 unless a later
    /// version changed the shape (then the older shape is in Upcasting.swift, and new keys are `since:` it).
    static var schemaVersion: Int { get }
    /// The event that carries it.
    var event: JournalEvent { get }
    /// What a stored payload of `schemaVersion` (1...schemaVersion) means, read by JSONDecoder: the reference the
    /// fast reader is held to.
    static func referenceDecode(_ data: Data, schemaVersion: Int, with decoder: JSONDecoder) throws -> Self
    /// The event when these bytes are one payload in the stored form and nothing after it (not even whitespace);
    /// nil when JSONDecoder must have the last word (see FastPayloadDecoder). A requirement (always the default
    /// below) so that the registry's existential reaches a copy specialized for the type.
    static func fastEvent(_ bytes: UnsafeBufferPointer<UInt8>, schemaVersion: Int) -> JournalEvent?
}

extension EventPayload {
    static var schemaVersion: Int { 1 }

    static func referenceDecode(_ data: Data, schemaVersion: Int, with decoder: JSONDecoder) throws -> Self {
        try decoder.decode(Self.self, from: data)
    }

    static func referenceEvent(_ data: Data, schemaVersion: Int, with decoder: JSONDecoder) throws -> JournalEvent {
        try referenceDecode(data, schemaVersion: schemaVersion, with: decoder).event
    }

    static func fastEvent(_ bytes: UnsafeBufferPointer<UInt8>, schemaVersion: Int) -> JournalEvent? {
        var s = FastJSONScanner(bytes)
        guard let value = read(&s, schemaVersion: schemaVersion), s.atEnd else { return nil }
        return value.event
    }
}
