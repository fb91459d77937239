import Crypto

/// Each event's hash is SHA-256 over the previous event's hash followed by the event's canonical bytes;
/// the first event chains from 32 zero bytes. The canonical bytes are these fields, in this order, each as
/// an 8-byte big-endian length and then its UTF-8 bytes: position, event id, stream id, stream version,
/// type, schema version, payload, metadata, occurred at, recorded at (numbers in decimal, times as stored).
///
/// One function lays those bytes out (`hash(previous:...scratch:)`, over fields held as bytes, as an import holds
/// them); the form over strings hands it each string's UTF-8 in place, so the two cannot disagree
/// (docs/fast-paths.md; Tests/JournalStoreTests/ImportTests.swift pins both to hashes computed apart from this code).
public enum HashChain {
    public static let genesis = [UInt8](repeating: 0, count: 32)

    public static func hash(previous: [UInt8], position: Int64, eventId: String, streamId: String,
                            streamVersion: Int, type: String, schemaVersion: Int, payload: String,
                            metadata: String, occurredAt: String, recordedAt: String) -> [UInt8] {
        var eventId = eventId, streamId = streamId, type = type, payload = payload, metadata = metadata
        var occurredAt = occurredAt, recordedAt = recordedAt
        var scratch: [UInt8] = []
        // Room for every field at once: growing by doubling would copy a long payload several times.
        scratch.reserveCapacity(previous.count + 10 * 8 + 3 * 20 + eventId.utf8.count + streamId.utf8.count + type.utf8.count
                                + payload.utf8.count + metadata.utf8.count + occurredAt.utf8.count + recordedAt.utf8.count)
        return previous.withUnsafeBytes { previous in
            eventId.withUTF8 { eventId in streamId.withUTF8 { streamId in type.withUTF8 { type in
                payload.withUTF8 { payload in metadata.withUTF8 { metadata in
                    occurredAt.withUTF8 { occurredAt in recordedAt.withUTF8 { recordedAt in
                        hash(previous: previous, position: position, eventId: eventId, streamId: streamId, streamVersion: streamVersion,
                             type: type, schemaVersion: schemaVersion, payload: payload, metadata: metadata, occurredAt: occurredAt,
                             recordedAt: recordedAt, scratch: &scratch).bytes
                    } }
                } }
            } } }
        }
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

/// A chain hash as a value: its 32 bytes held inline, so a long import copies no arrays and allocates nothing
/// for them.
public struct ChainHash: Equatable, Sendable {
    private var words: (UInt64, UInt64, UInt64, UInt64)

    public static let genesis = ChainHash(words: (0, 0, 0, 0))

    private init(words: (UInt64, UInt64, UInt64, UInt64)) { self.words = words }

    /// nil unless there are exactly 32 bytes.
    public init?(_ bytes: UnsafeRawBufferPointer) {
        guard bytes.count == 32 else { return nil }
        words = (bytes.loadUnaligned(as: UInt64.self), bytes.loadUnaligned(fromByteOffset: 8, as: UInt64.self),
                 bytes.loadUnaligned(fromByteOffset: 16, as: UInt64.self), bytes.loadUnaligned(fromByteOffset: 24, as: UInt64.self))
    }

    public init?(_ bytes: [UInt8]) {
        guard let hash = bytes.withUnsafeBytes({ ChainHash($0) }) else { return nil }
        self = hash
    }

    public var bytes: [UInt8] { withUnsafeBytes { Array($0) } }

    public func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        var copy = words
        return try Swift.withUnsafeBytes(of: &copy, body)
    }

    public static func == (a: ChainHash, b: ChainHash) -> Bool {
        (a.words.0 ^ b.words.0) | (a.words.1 ^ b.words.1) | (a.words.2 ^ b.words.2) | (a.words.3 ^ b.words.3) == 0
    }
}

extension HashChain {
    /// The canonical encoding, over fields given as their UTF-8 bytes: the bytes are laid out in `scratch` and
    /// hashed in one call, since twenty small updates cost more than the copy (an import hashes a million events
    /// or more; docs/fast-paths.md has the figures).
    public static func hash(previous: UnsafeRawBufferPointer, position: Int64, eventId: UnsafeBufferPointer<UInt8>,
                            streamId: UnsafeBufferPointer<UInt8>, streamVersion: Int, type: UnsafeBufferPointer<UInt8>,
                            schemaVersion: Int, payload: UnsafeBufferPointer<UInt8>, metadata: UnsafeBufferPointer<UInt8>,
                            occurredAt: UnsafeBufferPointer<UInt8>, recordedAt: UnsafeBufferPointer<UInt8>,
                            scratch: inout [UInt8]) -> ChainHash {
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: previous)
        appendNumber(position, to: &scratch)
        appendField(eventId, to: &scratch)
        appendField(streamId, to: &scratch)
        appendNumber(Int64(streamVersion), to: &scratch)
        appendField(type, to: &scratch)
        appendNumber(Int64(schemaVersion), to: &scratch)
        appendField(payload, to: &scratch)
        appendField(metadata, to: &scratch)
        appendField(occurredAt, to: &scratch)
        appendField(recordedAt, to: &scratch)
        var hasher = SHA256()
        scratch.withUnsafeBytes { hasher.update(bufferPointer: $0) }
        return hasher.finalize().withUnsafeBytes { ChainHash($0) } ?? .genesis
    }

    private static func appendField(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        appendLength(bytes.count, to: &out)
        out.append(contentsOf: bytes)
    }

    private static func appendLength(_ count: Int, to out: inout [UInt8]) {
        var length = UInt64(count).bigEndian
        withUnsafeBytes(of: &length) { out.append(contentsOf: $0) }
    }

    /// A number's field: its decimal text as `String(value)` writes it, after its length.
    private static func appendNumber(_ value: Int64, to out: inout [UInt8]) {
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0) // 20 digits and a sign fit in 24 bytes
        withUnsafeMutableBytes(of: &digits) { buffer in
            var magnitude = value.magnitude
            var index = buffer.count
            repeat {
                index -= 1
                buffer[index] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            if value < 0 {
                index -= 1
                buffer[index] = UInt8(ascii: "-")
            }
            appendLength(buffer.count - index, to: &out)
            out.append(contentsOf: UnsafeRawBufferPointer(rebasing: buffer[index...]))
        }
    }
}
