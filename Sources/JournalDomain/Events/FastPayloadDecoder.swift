/// Reads payloads in the exact form `payloadJSON()` writes (JSONEncoder with sorted keys, no whitespace)
/// straight from their UTF-8 bytes, several times faster than JSONDecoder.
///
/// It is only a shortcut: whenever it meets anything it does not fully understand (whitespace, an unknown
/// or repeated key, an unexpected token, a number it cannot convert exactly as JSONDecoder does, an invalid
/// date, quarter or enum value, a missing required field) it returns nil and the caller falls back to
/// JSONDecoder, which then gives the value or the error. So for every input the result is what JSONDecoder
/// gives; this code never throws and never traps on input.
///
/// Each payload type's reader is its field table (PayloadFields.swift), found through the registry
/// (`JournalEvent.Kind.payloadType`): every key must be one of the type's, at most once (in any order); optional
/// fields may be absent or null; a required field that is missing sends the payload to JSONDecoder. A key added in
/// a later schema version is unknown to an older payload, which JSONDecoder then reads through its version's shape.
enum FastPayloadDecoder {
    /// The event, or nil when JSONDecoder must have the last word; `schemaVersion` nil means the newest.
    static func decode(_ kind: JournalEvent.Kind, _ payload: String, schemaVersion: Int? = nil) -> JournalEvent? {
        var payload = payload // withUTF8 needs a var; a native string is not copied
        return payload.withUTF8 { decode(kind, utf8: $0, schemaVersion: schemaVersion) }
    }

    /// The same from the payload's UTF-8 bytes. Bytes that are not UTF-8 read as their repaired string would:
    /// every structural character is ASCII, repairs never take an ASCII byte, so each string value (repaired
    /// when it is made) is what it is in the repaired payload; keys and literals that are not ASCII give up.
    static func decode(_ kind: JournalEvent.Kind, utf8 payload: UnsafeBufferPointer<UInt8>, schemaVersion: Int? = nil) -> JournalEvent? {
        let payloadType = kind.payloadType
        return payloadType.fastEvent(payload, schemaVersion: schemaVersion ?? payloadType.schemaVersion)
    }
}
