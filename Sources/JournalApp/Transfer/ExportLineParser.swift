#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import JournalDomain
import JournalStore

/// Where a string value of an export is: bytes of the file itself, or of an arena beside it that holds what had
/// to be made (a string with escapes decoded, text that is not UTF-8 repaired, a time in its stored form).
/// Values point into the file rather than being copied into strings: an import reads millions of them.
struct TextRef: Equatable {
    /// A file offset when 0 or more; otherwise `~start` is the arena offset.
    var start: Int
    var count: Int

    static func file(_ start: Int, _ count: Int) -> TextRef { TextRef(start: start, count: count) }
    static func arena(_ start: Int, _ count: Int) -> TextRef { TextRef(start: ~start, count: count) }

    func bytes(file: UnsafeBufferPointer<UInt8>, arena: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        start >= 0 ? UnsafeBufferPointer(rebasing: file[start..<start + count])
            : UnsafeBufferPointer(rebasing: arena[~start ..< ~start + count])
    }
}

/// One line of an export, read.
enum ParsedLine {
    case event(ParsedEvent)
    case head(hash: ChainHash, events: Int)
}

/// An exported event, its text where it is (payload and metadata as the exact bytes the hash covers).
struct ParsedEvent {
    var position: Int64
    var eventId: TextRef
    var streamId: TextRef
    var streamVersion: Int
    var type: TextRef
    var schemaVersion: Int
    var payload: TextRef
    var metadata: TextRef
    var occurredAt: TextRef
    var recordedAt: TextRef
    var previousHash: ChainHash
    var hash: ChainHash
}

/// Reads export lines: a small JSON object scanner that keeps nested values (payload, metadata) as their raw
/// text, because the hash chain is over those exact bytes and re-encoding could change them. Every value is
/// what the string Swift makes of its bytes would be (`String(decoding:as:)`, which repairs bytes that are not
/// UTF-8): those strings are what imports have always hashed and stored.
struct ExportLineParser {
    typealias Failure = ExportLineProblem

    private enum Value {
        case string(TextRef)
        case number(Int64)
        case bool(Bool)
        case raw(TextRef)
    }

    /// The line `line` of `file`; text that has to be made goes to the end of `arena`.
    static func parse(_ file: UnsafeBufferPointer<UInt8>, line: Range<Int>, arena: inout [UInt8]) throws(Failure) -> ParsedLine {
        var scanner = Scanner(bytes: file, index: line.lowerBound, end: line.upperBound, lineStart: line.lowerBound)
        var fields = Fields()
        var expectedKey = 0
        scanner.skipSpace()
        try scanner.expect(UInt8(ascii: "{"))
        scanner.skipSpace()
        if scanner.peek() == UInt8(ascii: "}") {
            scanner.index += 1
        } else {
            while true {
                scanner.skipSpace()
                let key = try scanner.string(&arena)
                scanner.skipSpace()
                try scanner.expect(UInt8(ascii: ":"))
                scanner.skipSpace()
                let value = try scanner.value(&arena)
                if key.start >= 0 {
                    let name = UnsafeBufferPointer(rebasing: file[key.start..<key.start + key.count])
                    let index = Fields.keyIndex(name, expected: expectedKey)
                    try fields.set(name, index, value)
                    expectedKey = (index ?? expectedKey) + 1
                } else {
                    try arena.withUnsafeBufferPointer { (arena) throws(Failure) in
                        let name = key.bytes(file: file, arena: arena)
                        try fields.set(name, Fields.keyIndex(name, expected: 0), value)
                    }
                }
                scanner.skipSpace()
                if scanner.peek() == UInt8(ascii: ",") { scanner.index += 1; continue }
                try scanner.expect(UInt8(ascii: "}"))
                break
            }
        }
        scanner.skipSpace()
        guard scanner.atEnd else { throw Failure.textAfterObject }
        return try arena.withUnsafeBufferPointer { (arena) throws(Failure) in try fields.line(file: file, arena: arena) }
    }

    /// The fields of one line, each at most once.
    private struct Fields {
        var position, streamVersion, schemaVersion, events: Value?
        var eventId, streamId, type, payload, metadata, occurredAt, recordedAt, previousHash, hash, head, retracted: Value?

        /// The keys in the order an export writes them, so the next one is usually the one tried first.
        static let keys: [StaticString] = ["position", "eventId", "streamId", "streamVersion", "type", "schemaVersion", "payload",
                                           "metadata", "occurredAt", "recordedAt", "previousHash", "hash", "retracted", "head", "events"]

        /// The index in `keys` of the key, trying `expected` first. Keys compare as bytes: no other string equals
        /// these ASCII names (no character decomposes to any of their letters).
        static func keyIndex(_ key: UnsafeBufferPointer<UInt8>, expected: Int) -> Int? {
            func matches(_ index: Int) -> Bool {
                let name = keys[index]
                guard key.count == name.utf8CodeUnitCount else { return false }
                guard let base = key.baseAddress else { return true }
                return memcmp(base, name.utf8Start, key.count) == 0
            }
            if expected < keys.count, matches(expected) { return expected }
            return keys.indices.first(where: matches)
        }

        mutating func set(_ key: UnsafeBufferPointer<UInt8>, _ index: Int?, _ value: Value) throws(Failure) {
            func put(_ slot: inout Value?) throws(Failure) {
                guard slot == nil else { throw Failure.keyTwice(String(decoding: key, as: UTF8.self)) }
                slot = value
            }
            switch index {
            case 0: try put(&position)
            case 1: try put(&eventId)
            case 2: try put(&streamId)
            case 3: try put(&streamVersion)
            case 4: try put(&type)
            case 5: try put(&schemaVersion)
            case 6: try put(&payload)
            case 7: try put(&metadata)
            case 8: try put(&occurredAt)
            case 9: try put(&recordedAt)
            case 10: try put(&previousHash)
            case 11: try put(&hash)
            case 12: try put(&retracted)
            case 13: try put(&head)
            case 14: try put(&events)
            default: throw Failure.unknownKey(String(decoding: key, as: UTF8.self))
            }
        }

        func line(file: UnsafeBufferPointer<UInt8>, arena: UnsafeBufferPointer<UInt8>) throws(Failure) -> ParsedLine {
            if let head {
                let others: [Value?] = [position, eventId, streamId, streamVersion, type, schemaVersion, payload, metadata,
                                        occurredAt, recordedAt, previousHash, hash, retracted]
                guard others.allSatisfy({ $0 == nil }), case .string(let text) = head, case .number(let count)? = events,
                      let hash = Hex.hash(text.bytes(file: file, arena: arena)) else {
                    throw Failure.malformedHeadLine
                }
                return .head(hash: hash, events: Int(count))
            }
            guard events == nil else { throw Failure.unknownKey("events") }
            return .event(ParsedEvent(
                position: try Self.number(position, .position), eventId: try Self.text(eventId, .eventId),
                streamId: try Self.text(streamId, .streamId), streamVersion: Int(try Self.number(streamVersion, .streamVersion)),
                type: try Self.text(type, .type), schemaVersion: Int(try Self.number(schemaVersion, .schemaVersion)),
                payload: try Self.object(payload, .payload, file, arena), metadata: try Self.object(metadata, .metadata, file, arena),
                occurredAt: try Self.text(occurredAt, .occurredAt), recordedAt: try Self.text(recordedAt, .recordedAt),
                previousHash: try Self.hash(previousHash, .previousHash, file, arena), hash: try Self.hash(hash, .hash, file, arena)))
        }

        static func text(_ value: Value?, _ key: ExportField) throws(Failure) -> TextRef {
            guard case .string(let text)? = value else { throw Failure.notAString(key) }
            return text
        }

        static func number(_ value: Value?, _ key: ExportField) throws(Failure) -> Int64 {
            guard case .number(let number)? = value else { throw Failure.notAWholeNumber(key) }
            return number
        }

        static func object(_ value: Value?, _ key: ExportField, _ file: UnsafeBufferPointer<UInt8>,
                           _ arena: UnsafeBufferPointer<UInt8>) throws(Failure) -> TextRef {
            guard case .raw(let text)? = value, startsWithBrace(text.bytes(file: file, arena: arena)) else {
                throw Failure.notAnObject(key)
            }
            return text
        }

        /// `String(decoding: bytes).hasPrefix("{")`: the first character is a lone brace. Only a character
        /// that is not ASCII can join the brace's (a combining mark), so the string is made only then.
        static func startsWithBrace(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            guard let first = bytes.first, first == UInt8(ascii: "{") else { return false }
            if bytes.count == 1 || bytes[1] < 0x80 { return true }
            return String(decoding: bytes, as: UTF8.self).hasPrefix("{")
        }

        static func hash(_ value: Value?, _ key: ExportField, _ file: UnsafeBufferPointer<UInt8>,
                         _ arena: UnsafeBufferPointer<UInt8>) throws(Failure) -> ChainHash {
            guard let hash = Hex.hash(try text(value, key).bytes(file: file, arena: arena)) else {
                throw Failure.notAHash(key)
            }
            return hash
        }
    }

    private struct Scanner {
        let bytes: UnsafeBufferPointer<UInt8>
        var index: Int
        let end: Int
        let lineStart: Int

        var atEnd: Bool { index >= end }
        func peek() -> UInt8? { index < end ? bytes[index] : nil }
        var column: Int { index - lineStart + 1 }

        mutating func skipSpace() {
            while let b = peek(), b == 0x20 || b == 0x09 || b == 0x0D || b == 0x0A { index += 1 }
        }

        mutating func expect(_ byte: UInt8) throws(Failure) {
            guard peek() == byte else { throw Failure.expectedByte(byte, column: column) }
            index += 1
        }

        mutating func value(_ arena: inout [UInt8]) throws(Failure) -> Value {
            switch peek() {
            case UInt8(ascii: "\""): return .string(try string(&arena))
            case UInt8(ascii: "{"), UInt8(ascii: "["): return .raw(try rawValue(&arena))
            case UInt8(ascii: "t"): try literal("true"); return .bool(true)
            case UInt8(ascii: "f"): try literal("false"); return .bool(false)
            default: return .number(try integer())
            }
        }

        mutating func literal(_ word: StaticString) throws(Failure) {
            for i in 0..<word.utf8CodeUnitCount { try expect(word.utf8Start[i]) }
        }

        /// What `Int64(String(digits))` reads from an optional minus and the digits after it, up to 19 bytes.
        mutating func integer() throws(Failure) -> Int64 {
            let start = index
            let negative = peek() == UInt8(ascii: "-")
            if negative { index += 1 }
            var magnitude: UInt64 = 0
            let digitsStart = index
            while let b = peek(), b >= 0x30, b <= 0x39 {
                if index - start < 19 { magnitude = magnitude * 10 + UInt64(b - 0x30) }
                index += 1
            }
            let fits = negative ? magnitude <= UInt64(Int64.max) + 1 : magnitude <= UInt64(Int64.max)
            guard index - start <= 19, index > digitsStart, fits else {
                throw Failure.expectedWholeNumber(column: start - lineStart + 1)
            }
            return negative ? Int64(truncatingIfNeeded: 0 &- magnitude) : Int64(magnitude)
        }

        /// A string, escapes decoded.
        mutating func string(_ arena: inout [UInt8]) throws(Failure) -> TextRef {
            try expect(UInt8(ascii: "\""))
            let start = index
            // The common case: no escapes, the bytes are the string. Eight bytes at a time while none is a
            // quote, a backslash or a control character.
            var high: UInt64 = 0
            if let base = bytes.baseAddress {
                while end - index >= 8 {
                    let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                    if JSONStringBytes.needsAttention(word) { break }
                    high |= word
                    index += 8
                }
            }
            while let b = peek(), b != UInt8(ascii: "\""), b != UInt8(ascii: "\\"), b >= 0x20 {
                high |= UInt64(b)
                index += 1
            }
            if peek() == UInt8(ascii: "\"") {
                index += 1
                return Scanner.repaired(bytes, start, index - 1, hasHighBytes: high & 0x8080_8080_8080_8080 != 0, &arena)
            }
            var scalars = String.UnicodeScalarView()
            scalars.append(contentsOf: String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self).unicodeScalars)
            var pending: [UInt8] = []
            func flush() {
                if !pending.isEmpty { scalars.append(contentsOf: String(decoding: pending, as: UTF8.self).unicodeScalars); pending.removeAll() }
            }
            while true {
                guard let b = peek() else { throw Failure.unclosedString }
                index += 1
                switch b {
                case UInt8(ascii: "\""):
                    flush()
                    let offset = arena.count
                    arena.append(contentsOf: String(scalars).utf8)
                    return .arena(offset, arena.count - offset)
                case UInt8(ascii: "\\"):
                    flush()
                    guard let e = peek() else { throw Failure.unclosedString }
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
                            guard peek() == UInt8(ascii: "\\") else { throw Failure.loneSurrogate }
                            index += 1
                            try expect(UInt8(ascii: "u"))
                            let low = try hex4()
                            guard (0xDC00...0xDFFF).contains(low) else { throw Failure.loneSurrogate }
                            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                        }
                        guard let scalar = Unicode.Scalar(code) else { throw Failure.invalidUnicodeEscape }
                        scalars.append(scalar)
                    default: throw Failure.invalidEscape
                    }
                default:
                    guard b >= 0x20 else { throw Failure.controlCharacterInString }
                    pending.append(b)
                }
            }
        }

        mutating func hex4() throws(Failure) -> UInt32 {
            var value: UInt32 = 0
            for _ in 0..<4 {
                guard let b = peek(), let digit = Hex.digit(b) else { throw Failure.invalidUnicodeEscape }
                value = value << 4 | UInt32(digit)
                index += 1
            }
            return value
        }

        /// An object or array, as its exact text: brackets matched outside strings.
        mutating func rawValue(_ arena: inout [UInt8]) throws(Failure) -> TextRef {
            let start = index
            var depth = 0
            var inString = false
            var high: UInt64 = 0
            while index < end {
                if inString, let base = bytes.baseAddress {
                    // Inside a string only a quote or a backslash matters: eight bytes at a time past the rest.
                    while end - index >= 8 {
                        let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                        if JSONStringBytes.needsAttention(word) { break }
                        high |= word
                        index += 8
                    }
                    guard index < end else { break }
                }
                let b = bytes[index]
                index += 1
                high |= UInt64(b)
                if inString {
                    if b == UInt8(ascii: "\\") {
                        if index < end { high |= UInt64(bytes[index]) }
                        index += 1
                    } else if b == UInt8(ascii: "\"") {
                        inString = false
                    }
                    continue
                }
                switch b {
                case UInt8(ascii: "\""): inString = true
                case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    depth -= 1
                    if depth == 0 {
                        return Scanner.repaired(bytes, start, index, hasHighBytes: high & 0x8080_8080_8080_8080 != 0, &arena)
                    }
                default: break
                }
            }
            throw Failure.unclosedObjectOrArray
        }

        /// The bytes `start..<end`, or their repaired copy in the arena when they are not valid UTF-8.
        static func repaired(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, hasHighBytes: Bool,
                             _ arena: inout [UInt8]) -> TextRef {
            guard hasHighBytes else { return .file(start, end - start) }
            let original = UnsafeBufferPointer(rebasing: bytes[start..<end])
            let text = String(decoding: original, as: UTF8.self)
            if text.utf8.elementsEqual(original) { return .file(start, end - start) }
            let offset = arena.count
            arena.append(contentsOf: text.utf8)
            return .arena(offset, arena.count - offset)
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

    /// 64 hex digits, read as a hash.
    static func hash(_ text: UnsafeBufferPointer<UInt8>) -> ChainHash? {
        guard text.count == 64 else { return nil }
        var bytes: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        let valid = values.withUnsafeBufferPointer { values in
            withUnsafeMutableBytes(of: &bytes) { out -> Bool in
                var invalid: UInt8 = 0
                for i in 0..<32 {
                    let high = values[Int(text[2 * i])], low = values[Int(text[2 * i + 1])]
                    invalid |= high | low
                    out[i] = high << 4 | (low & 0x0F)
                }
                return invalid & 0x80 == 0
            }
        }
        guard valid else { return nil }
        return withUnsafeBytes(of: &bytes) { ChainHash($0) }
    }

    /// Each byte's value as a hex digit, 0x80 for a byte that is not one.
    private static let values: [UInt8] = (0...255).map { digit(UInt8($0)) ?? 0x80 }
}
