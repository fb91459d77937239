import JournalDomain
import JournalStore

/// One line of an export: an event with every stored field, or the closing line with the head hash.
enum ExportLine: Equatable {
    case event(ExportedEvent)
    case head(hash: [UInt8], events: Int)

    /// The event as `journal export` writes it: the `journal events --format jsonl` fields without `retracted`
    /// (that is derived, not stored).
    static func text(_ e: RecordedEvent) -> String {
        "{\"position\":\(e.position),\"eventId\":\(EventListing.quote(e.eventId)),\"streamId\":\(EventListing.quote(e.streamId)),"
            + "\"streamVersion\":\(e.streamVersion),\"type\":\(EventListing.quote(e.type)),\"schemaVersion\":\(e.schemaVersion),"
            + "\"payload\":\(e.payload),\"metadata\":\(e.metadata),\"occurredAt\":\(EventListing.quote(e.occurredAt.description)),"
            + "\"recordedAt\":\(EventListing.quote(e.recordedAt.description)),\"previousHash\":\(EventListing.quote(HashChain.hex(e.previousHash))),"
            + "\"hash\":\(EventListing.quote(HashChain.hex(e.hash)))}"
    }

    static func headText(hash: [UInt8], events: Int64) -> String {
        "{\"head\":\(EventListing.quote(HashChain.hex(hash))),\"events\":\(events)}"
    }
}

/// An exported event as read back, payload and metadata kept as the exact bytes the hash covers.
struct ExportedEvent: Equatable {
    var position: Int64
    var eventId: String
    var streamId: String
    var streamVersion: Int
    var type: String
    var schemaVersion: Int
    var payload: String
    var metadata: String
    var occurredAt: String
    var recordedAt: String
    var previousHash: [UInt8]
    var hash: [UInt8]
}

/// Reads export lines: a small JSON object scanner that keeps nested values (payload, metadata) as their raw
/// text, because the hash chain is over those exact bytes and re-encoding could change them.
struct ExportLineParser {
    struct Failure: Error { let reason: String }

    private enum Value: Equatable {
        case string(String)
        case number(Int64)
        case bool(Bool)
        case raw(String)
    }

    static func parse(_ line: UnsafeBufferPointer<UInt8>) throws(Failure) -> ExportLine {
        var scanner = Scanner(bytes: line)
        var fields = Fields()
        scanner.skipSpace()
        try scanner.expect(UInt8(ascii: "{"))
        scanner.skipSpace()
        if scanner.peek() == UInt8(ascii: "}") {
            scanner.index += 1
        } else {
            while true {
                scanner.skipSpace()
                let key = try scanner.string()
                scanner.skipSpace()
                try scanner.expect(UInt8(ascii: ":"))
                scanner.skipSpace()
                try fields.set(key, try scanner.value())
                scanner.skipSpace()
                if scanner.peek() == UInt8(ascii: ",") { scanner.index += 1; continue }
                try scanner.expect(UInt8(ascii: "}"))
                break
            }
        }
        scanner.skipSpace()
        guard scanner.atEnd else { throw Failure(reason: "text after the object") }
        return try fields.line()
    }

    /// The fields of one line, each at most once.
    private struct Fields {
        var position, streamVersion, schemaVersion, events: Value?
        var eventId, streamId, type, payload, metadata, occurredAt, recordedAt, previousHash, hash, head, retracted: Value?

        mutating func set(_ key: String, _ value: Value) throws(Failure) {
            func put(_ slot: inout Value?) throws(Failure) {
                guard slot == nil else { throw Failure(reason: "the key \(key) appears twice") }
                slot = value
            }
            switch key {
            case "position": try put(&position)
            case "eventId": try put(&eventId)
            case "streamId": try put(&streamId)
            case "streamVersion": try put(&streamVersion)
            case "type": try put(&type)
            case "schemaVersion": try put(&schemaVersion)
            case "payload": try put(&payload)
            case "metadata": try put(&metadata)
            case "occurredAt": try put(&occurredAt)
            case "recordedAt": try put(&recordedAt)
            case "previousHash": try put(&previousHash)
            case "hash": try put(&hash)
            case "retracted": try put(&retracted)
            case "head": try put(&head)
            case "events": try put(&events)
            default: throw Failure(reason: "unknown key \(key)")
            }
        }

        func line() throws(Failure) -> ExportLine {
            if let head {
                let others: [Value?] = [position, eventId, streamId, streamVersion, type, schemaVersion, payload, metadata,
                                        occurredAt, recordedAt, previousHash, hash, retracted]
                guard others.allSatisfy({ $0 == nil }), case .string(let text) = head, case .number(let count)? = events,
                      let hash = Hex.bytes(text, count: 32) else {
                    throw Failure(reason: "a head line has exactly \"head\" (a 64-digit hex hash) and \"events\" (a count)")
                }
                return .head(hash: hash, events: Int(count))
            }
            guard events == nil else { throw Failure(reason: "unknown key events") }
            return .event(ExportedEvent(
                position: try Self.number(position, "position"), eventId: try Self.text(eventId, "eventId"),
                streamId: try Self.text(streamId, "streamId"), streamVersion: Int(try Self.number(streamVersion, "streamVersion")),
                type: try Self.text(type, "type"), schemaVersion: Int(try Self.number(schemaVersion, "schemaVersion")),
                payload: try Self.object(payload, "payload"), metadata: try Self.object(metadata, "metadata"),
                occurredAt: try Self.text(occurredAt, "occurredAt"), recordedAt: try Self.text(recordedAt, "recordedAt"),
                previousHash: try Self.hash(previousHash, "previousHash"), hash: try Self.hash(hash, "hash")))
        }

        static func text(_ value: Value?, _ key: String) throws(Failure) -> String {
            guard case .string(let text)? = value else { throw Failure(reason: "\(key) must be a string") }
            return text
        }

        static func number(_ value: Value?, _ key: String) throws(Failure) -> Int64 {
            guard case .number(let number)? = value else { throw Failure(reason: "\(key) must be a whole number") }
            return number
        }

        static func object(_ value: Value?, _ key: String) throws(Failure) -> String {
            guard case .raw(let text)? = value, text.hasPrefix("{") else { throw Failure(reason: "\(key) must be a JSON object") }
            return text
        }

        static func hash(_ value: Value?, _ key: String) throws(Failure) -> [UInt8] {
            guard let bytes = Hex.bytes(try text(value, key), count: 32) else { throw Failure(reason: "\(key) must be 64 hex digits") }
            return bytes
        }
    }

    private struct Scanner {
        let bytes: UnsafeBufferPointer<UInt8>
        var index = 0

        var atEnd: Bool { index >= bytes.count }
        func peek() -> UInt8? { index < bytes.count ? bytes[index] : nil }

        mutating func skipSpace() {
            while let b = peek(), b == 0x20 || b == 0x09 || b == 0x0D || b == 0x0A { index += 1 }
        }

        mutating func expect(_ byte: UInt8) throws(Failure) {
            guard peek() == byte else { throw Failure(reason: "expected '\(Character(Unicode.Scalar(byte)))' at column \(index + 1)") }
            index += 1
        }

        mutating func value() throws(Failure) -> Value {
            switch peek() {
            case UInt8(ascii: "\""): return .string(try string())
            case UInt8(ascii: "{"), UInt8(ascii: "["): return .raw(try rawValue())
            case UInt8(ascii: "t"): try literal("true"); return .bool(true)
            case UInt8(ascii: "f"): try literal("false"); return .bool(false)
            default: return .number(try integer())
            }
        }

        mutating func literal(_ word: String) throws(Failure) {
            for b in word.utf8 { try expect(b) }
        }

        mutating func integer() throws(Failure) -> Int64 {
            let start = index
            if peek() == UInt8(ascii: "-") { index += 1 }
            while let b = peek(), b >= 0x30, b <= 0x39 { index += 1 }
            let digits = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
            guard index - start <= 19, let value = Int64(digits) else { throw Failure(reason: "expected a whole number at column \(start + 1)") }
            return value
        }

        /// A string, escapes decoded.
        mutating func string() throws(Failure) -> String {
            try expect(UInt8(ascii: "\""))
            let start = index
            // The common case: no escapes, the bytes are the string.
            while let b = peek(), b != UInt8(ascii: "\""), b != UInt8(ascii: "\\"), b >= 0x20 { index += 1 }
            if peek() == UInt8(ascii: "\"") {
                let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
                index += 1
                return text
            }
            var scalars = String.UnicodeScalarView()
            scalars.append(contentsOf: String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self).unicodeScalars)
            var pending: [UInt8] = []
            func flush() {
                if !pending.isEmpty { scalars.append(contentsOf: String(decoding: pending, as: UTF8.self).unicodeScalars); pending.removeAll() }
            }
            while true {
                guard let b = peek() else { throw Failure(reason: "a string is not closed") }
                index += 1
                switch b {
                case UInt8(ascii: "\""):
                    flush()
                    return String(scalars)
                case UInt8(ascii: "\\"):
                    flush()
                    guard let e = peek() else { throw Failure(reason: "a string is not closed") }
                    index += 1
                    switch e {
                    case UInt8(ascii: "\""): scalars.append("\"")
                    case UInt8(ascii: "\\"): scalars.append("\\")
                    case UInt8(ascii: "/"): scalars.append("/")
                    case UInt8(ascii: "b"): scalars.append("\u{08}")
                    case UInt8(ascii: "f"): scalars.append("\u{0C}")
                    case UInt8(ascii: "n"): scalars.append("\n")
                    case UInt8(ascii: "r"): scalars.append("\r")
                    case UInt8(ascii: "t"): scalars.append("\t")
                    case UInt8(ascii: "u"):
                        var code = try hex4()
                        if (0xD800...0xDBFF).contains(code) {
                            guard peek() == UInt8(ascii: "\\") else { throw Failure(reason: "a lone surrogate in a string") }
                            index += 1
                            try expect(UInt8(ascii: "u"))
                            let low = try hex4()
                            guard (0xDC00...0xDFFF).contains(low) else { throw Failure(reason: "a lone surrogate in a string") }
                            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                        }
                        guard let scalar = Unicode.Scalar(code) else { throw Failure(reason: "an invalid \\u escape") }
                        scalars.append(scalar)
                    default: throw Failure(reason: "an invalid escape in a string")
                    }
                default:
                    guard b >= 0x20 else { throw Failure(reason: "a control character in a string") }
                    pending.append(b)
                }
            }
        }

        mutating func hex4() throws(Failure) -> UInt32 {
            var value: UInt32 = 0
            for _ in 0..<4 {
                guard let b = peek(), let digit = Hex.digit(b) else { throw Failure(reason: "an invalid \\u escape") }
                value = value << 4 | UInt32(digit)
                index += 1
            }
            return value
        }

        /// An object or array, as its exact text: brackets matched outside strings.
        mutating func rawValue() throws(Failure) -> String {
            let start = index
            var depth = 0
            var inString = false
            while let b = peek() {
                index += 1
                if inString {
                    if b == UInt8(ascii: "\\") { index += 1 } else if b == UInt8(ascii: "\"") { inString = false }
                    continue
                }
                switch b {
                case UInt8(ascii: "\""): inString = true
                case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    depth -= 1
                    if depth == 0 { return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self) }
                default: break
                }
            }
            throw Failure(reason: "an object or array is not closed")
        }
    }
}

enum Hex {
    static func digit(_ b: UInt8) -> UInt8? {
        switch b {
        case 0x30...0x39: return b - 0x30
        case 0x61...0x66: return b - 0x61 + 10
        case 0x41...0x46: return b - 0x41 + 10
        default: return nil
        }
    }

    static func bytes(_ text: String, count: Int) -> [UInt8]? {
        let utf8 = Array(text.utf8)
        guard utf8.count == count * 2 else { return nil }
        var out = [UInt8](repeating: 0, count: count)
        for i in 0..<count {
            guard let high = digit(utf8[2 * i]), let low = digit(utf8[2 * i + 1]) else { return nil }
            out[i] = high << 4 | low
        }
        return out
    }
}
