/// Reads JSON text into `PeerJSON`, saying where it is not JSON ("line 3, column 7: expected ',' or ']'"):
/// Foundation's parsers only say that it is not.
struct PeerJSONParser {
    typealias Failure = PeerJSONSyntaxError

    /// Deeper nesting than any of the tools writes is refused rather than risking the stack.
    static let maxDepth = 256

    private let bytes: [UInt8]
    private var index = 0

    static func parse(_ bytes: [UInt8]) throws(Failure) -> PeerJSON {
        var parser = PeerJSONParser(bytes: bytes)
        // A byte order mark is not JSON, but editors write one.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { parser.index = 3 }
        parser.skipSpace()
        let value = try parser.value(depth: 0)
        parser.skipSpace()
        guard parser.index == bytes.count else { throw parser.failure(.textAfterValue) }
        return value
    }

    private init(bytes: [UInt8]) { self.bytes = bytes }

    private func failure(_ problem: PeerJSONSyntaxProblem) -> Failure {
        var line = 1, column = 1
        for byte in bytes[..<min(index, bytes.count)] {
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return Failure(line: line, column: column, problem: problem)
    }

    private var current: UInt8? { index < bytes.count ? bytes[index] : nil }

    private mutating func skipSpace() {
        while let byte = current, byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { index += 1 }
    }

    private mutating func expect(_ byte: UInt8, _ problem: PeerJSONSyntaxProblem) throws(Failure) {
        guard current == byte else { throw failure(problem) }
        index += 1
    }

    private mutating func value(depth: Int) throws(Failure) -> PeerJSON {
        guard depth < Self.maxDepth else { throw failure(.tooDeep(limit: Self.maxDepth)) }
        switch current {
        case UInt8(ascii: "{")?: return try object(depth: depth)
        case UInt8(ascii: "[")?: return try array(depth: depth)
        case UInt8(ascii: "\"")?: return .string(try string())
        case UInt8(ascii: "t")?: return try literal("true", .bool(true))
        case UInt8(ascii: "f")?: return try literal("false", .bool(false))
        case UInt8(ascii: "n")?: return try literal("null", .null)
        case let byte? where byte == UInt8(ascii: "-") || (byte >= 0x30 && byte <= 0x39): return try number()
        case nil: throw failure(.endsWhereValueExpected)
        default: throw failure(.expectedValue)
        }
    }

    private mutating func literal(_ word: String, _ value: PeerJSON) throws(Failure) -> PeerJSON {
        for byte in word.utf8 {
            guard current == byte else { throw failure(.expectedLiteral(word)) }
            index += 1
        }
        return value
    }

    private mutating func object(depth: Int) throws(Failure) -> PeerJSON {
        index += 1
        var fields: [String: PeerJSON] = [:]
        skipSpace()
        if current == UInt8(ascii: "}") {
            index += 1
            return .object(fields)
        }
        while true {
            skipSpace()
            guard current == UInt8(ascii: "\"") else { throw failure(.expectedFieldName) }
            let key = try string()
            skipSpace()
            try expect(UInt8(ascii: ":"), .expectedColonAfterFieldName)
            skipSpace()
            fields[key] = try value(depth: depth + 1)
            skipSpace()
            if current == UInt8(ascii: ",") {
                index += 1
                continue
            }
            try expect(UInt8(ascii: "}"), .expectedCommaOrBrace)
            return .object(fields)
        }
    }

    private mutating func array(depth: Int) throws(Failure) -> PeerJSON {
        index += 1
        var items: [PeerJSON] = []
        skipSpace()
        if current == UInt8(ascii: "]") {
            index += 1
            return .array(items)
        }
        while true {
            skipSpace()
            items.append(try value(depth: depth + 1))
            skipSpace()
            if current == UInt8(ascii: ",") {
                index += 1
                continue
            }
            try expect(UInt8(ascii: "]"), .expectedCommaOrBracket)
            return .array(items)
        }
    }

    private mutating func number() throws(Failure) -> PeerJSON {
        let start = index
        func digits(_ parser: inout PeerJSONParser) -> Int {
            var count = 0
            while let byte = parser.current, byte >= 0x30, byte <= 0x39 {
                parser.index += 1
                count += 1
            }
            return count
        }
        if current == UInt8(ascii: "-") { index += 1 }
        guard digits(&self) > 0 else { throw failure(.expectedDigits) }
        if current == UInt8(ascii: ".") {
            index += 1
            guard digits(&self) > 0 else { throw failure(.expectedFractionDigits) }
        }
        if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
            index += 1
            if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { index += 1 }
            guard digits(&self) > 0 else { throw failure(.expectedExponentDigits) }
        }
        guard let value = Double(String(decoding: bytes[start..<index], as: UTF8.self)) else {
            throw failure(.notANumber)
        }
        return .number(value)
    }

    private mutating func string() throws(Failure) -> String {
        index += 1
        var scalars = String.UnicodeScalarView()
        var run = index
        func flush(_ parser: PeerJSONParser, upTo end: Int) throws(Failure) {
            guard end > run else { return }
            let bytes = parser.bytes[run..<end]
            guard let text = String(validating: bytes, as: UTF8.self) else { throw parser.failure(.notUTF8) }
            scalars.append(contentsOf: text.unicodeScalars)
        }
        while true {
            guard let byte = current else { throw failure(.unclosedString) }
            switch byte {
            case UInt8(ascii: "\""):
                try flush(self, upTo: index)
                index += 1
                return String(scalars)
            case UInt8(ascii: "\\"):
                try flush(self, upTo: index)
                index += 1
                scalars.append(try escape())
                run = index
            case 0..<0x20:
                throw failure(.controlCharacterInString)
            default:
                index += 1
            }
        }
    }

    private mutating func escape() throws(Failure) -> Unicode.Scalar {
        guard let byte = current else { throw failure(.unclosedString) }
        index += 1
        switch byte {
        case UInt8(ascii: "\""): return "\""
        case UInt8(ascii: "\\"): return "\\"
        case UInt8(ascii: "/"): return "/"
        case UInt8(ascii: "b"): return "\u{08}"
        case UInt8(ascii: "f"): return "\u{0C}"
        case UInt8(ascii: "n"): return "\n"
        case UInt8(ascii: "r"): return "\r"
        case UInt8(ascii: "t"): return "\t"
        case UInt8(ascii: "u"):
            let high = try hex4()
            if (0xD800..<0xDC00).contains(high), current == UInt8(ascii: "\\"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "u") {
                index += 2
                let low = try hex4()
                if (0xDC00..<0xE000).contains(low), let scalar = Unicode.Scalar(0x10000 + (high - 0xD800) << 10 + (low - 0xDC00)) {
                    return scalar
                }
                throw failure(.halfCharacterEscape)
            }
            guard let scalar = Unicode.Scalar(high) else { throw failure(.halfCharacterEscape) }
            return scalar
        default:
            index -= 1
            throw failure(.unknownEscape)
        }
    }

    private mutating func hex4() throws(Failure) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let byte = current, let digit = Self.hexValue(byte) else { throw failure(.expectedHexDigits) }
            value = value << 4 | digit
            index += 1
        }
        return value
    }

    private static func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case 0x30...0x39: return UInt32(byte - 0x30)
        case 0x41...0x46: return UInt32(byte - 0x41 + 10)
        case 0x61...0x66: return UInt32(byte - 0x61 + 10)
        default: return nil
        }
    }
}
