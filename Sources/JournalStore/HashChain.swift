import Crypto
import JournalDomain

/// Each event's hash is SHA-256 over the previous event's hash followed by the event's canonical bytes;
/// the first event chains from 32 zero bytes. The canonical bytes are these fields, in this order, each as
/// an 8-byte big-endian length and then its UTF-8 bytes: position, event id, stream id, stream version,
/// type, schema version, payload, metadata, occurred at, recorded at (numbers in decimal, times as stored).
public enum HashChain {
    public static let genesis = [UInt8](repeating: 0, count: 32)

    public static func hash(previous: [UInt8], position: Int64, eventId: String, streamId: String,
                            streamVersion: Int, type: String, schemaVersion: Int, payload: String,
                            metadata: String, occurredAt: String, recordedAt: String) -> [UInt8] {
        var hasher = SHA256()
        hasher.update(data: previous)
        for var field in [String(position), eventId, streamId, String(streamVersion), type, String(schemaVersion),
                          payload, metadata, occurredAt, recordedAt] {
            // Hashing the string's own UTF-8 storage avoids a copy per field (an import hashes every event twice).
            field.withUTF8 { bytes in
                var length = UInt64(bytes.count).bigEndian
                withUnsafeBytes(of: &length) { hasher.update(bufferPointer: $0) }
                hasher.update(bufferPointer: UnsafeRawBufferPointer(bytes))
            }
        }
        return Array(hasher.finalize())
    }

    public static func hash(of event: RecordedEvent) -> [UInt8] {
        hash(previous: event.previousHash, position: event.position, eventId: event.eventId, streamId: event.streamId,
             streamVersion: event.streamVersion, type: event.type, schemaVersion: event.schemaVersion,
             payload: event.payload, metadata: event.metadata, occurredAt: event.occurredAt.description,
             recordedAt: event.recordedAt.description)
    }

    public static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef")
        var out = ""
        out.reserveCapacity(bytes.count * 2)
        for b in bytes {
            out.append(digits[Int(b >> 4)])
            out.append(digits[Int(b & 0x0F)])
        }
        return out
    }
}

/// The outcome of recomputing the chain.
public enum VerifyResult: Equatable, Sendable {
    case ok(count: Int64, head: [UInt8])
    case broken(position: Int64, reason: String)
}
