/// A cursor over compact JSON. Every reader returns nil (and the whole decode gives up) on anything it does
/// not accept; it never reads outside `bytes`.
struct FastJSONScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    private(set) var index = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    var atEnd: Bool { index == bytes.count }

    @inline(__always)
    mutating func consume(_ byte: UInt8) -> Bool {
        guard index < bytes.count, bytes[index] == byte else { return false }
        index += 1
        return true
    }

    @inline(__always)
    func peek() -> UInt8? { index < bytes.count ? bytes[index] : nil }

    /// `{}` or `{"key":value,...}`; `field` reads the value for a key and returns false to give up.
    @inline(__always)
    mutating func object(_ field: (inout FastJSONScanner, Range<Int>) -> Bool) -> Bool {
        guard consume(UInt8(ascii: "{")) else { return false }
        if consume(UInt8(ascii: "}")) { return true }
        while true {
            guard let key = rawKey(), field(&self, key) else { return false }
            if consume(UInt8(ascii: ",")) { continue }
            return consume(UInt8(ascii: "}"))
        }
    }

    /// `[]` or `[element,...]`.
    @inline(__always)
    mutating func array<T>(_ element: (inout FastJSONScanner) -> T?) -> [T]? {
        guard consume(UInt8(ascii: "[")) else { return nil }
        var result: [T] = []
        if consume(UInt8(ascii: "]")) { return result }
        while true {
            guard let value = element(&self) else { return nil }
            result.append(value)
            if consume(UInt8(ascii: ",")) { continue }
            return consume(UInt8(ascii: "]")) ? result : nil
        }
    }

    /// A key with no escapes, and the colon after it: the byte range of the key's text.
    @inline(__always)
    mutating func rawKey() -> Range<Int>? {
        guard consume(UInt8(ascii: "\"")) else { return nil }
        let start = index
        var i = index
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "\"") {
                index = i + 1
                guard consume(UInt8(ascii: ":")) else { return nil }
                return start..<i
            }
            // Escaped or control characters in keys: leave it to JSONDecoder.
            if b == UInt8(ascii: "\\") || b < 0x20 { return nil }
            i += 1
        }
        return nil
    }

    @inline(__always)
    func key(_ key: Range<Int>, is name: StaticString) -> Bool {
        guard key.count == name.utf8CodeUnitCount else { return false }
        let literal = name.utf8Start
        var i = 0
        while i < key.count {
            if bytes[key.lowerBound + i] != literal[i] { return false }
            i += 1
        }
        return true
    }

    /// null: .some(nil); a value: .some(value); anything else: nil.
    @inline(__always)
    mutating func nullable<T>(_ read: (inout FastJSONScanner) -> T?) -> T?? {
        if peek() == UInt8(ascii: "n") { return literal("null") ? .some(nil) : nil }
        guard let value = read(&self) else { return nil }
        return .some(value)
    }

    mutating func literal(_ word: StaticString) -> Bool {
        let count = word.utf8CodeUnitCount
        guard bytes.count - index >= count else { return false }
        let start = word.utf8Start
        for i in 0..<count where bytes[index + i] != start[i] { return false }
        index += count
        return true
    }

    mutating func bool() -> Bool? {
        if peek() == UInt8(ascii: "t") { return literal("true") ? true : nil }
        if peek() == UInt8(ascii: "f") { return literal("false") ? false : nil }
        return nil
    }

    // MARK: Strings

    mutating func string() -> String? {
        guard consume(UInt8(ascii: "\"")) else { return nil }
        let start = index
        var i = index
        // Eight bytes at a time while none is a quote, a backslash or a control character.
        if let base = bytes.baseAddress {
            while bytes.count - i >= 8 {
                let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                if JSONStringBytes.needsAttention(word) { break }
                i += 8
            }
        }
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "\"") {
                index = i + 1
                // The bytes came from a Swift string and the range ends at ASCII quotes: valid UTF-8.
                return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)
            }
            if b == UInt8(ascii: "\\") { return escapedString(start: start, firstEscape: i) }
            if b < 0x20 { return nil } // JSON forbids raw control characters in strings
            i += 1
        }
        return nil
    }

    private mutating func escapedString(start: Int, firstEscape: Int) -> String? {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count - start)
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<firstEscape]))
        var i = firstEscape
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "\"") {
                index = i + 1
                return String(decoding: out, as: UTF8.self)
            }
            if b < 0x20 { return nil }
            if b != UInt8(ascii: "\\") {
                out.append(b)
                i += 1
                continue
            }
            guard i + 1 < bytes.count else { return nil }
            switch bytes[i + 1] {
            case UInt8(ascii: "\""): out.append(0x22)
            case UInt8(ascii: "\\"): out.append(0x5C)
            case UInt8(ascii: "/"): out.append(0x2F)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                guard let unit = hex4(at: i + 2) else { return nil }
                var scalar = unit
                i += 6
                if unit >= 0xD800, unit <= 0xDBFF {
                    // A high surrogate must be followed by an escaped low one.
                    guard i + 1 < bytes.count, bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u"),
                          let low = hex4(at: i + 2), low >= 0xDC00, low <= 0xDFFF else { return nil }
                    scalar = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
                    i += 6
                } else if unit >= 0xDC00, unit <= 0xDFFF {
                    return nil
                }
                FastJSONScanner.appendUTF8(scalar, to: &out)
                continue
            default:
                return nil
            }
            i += 2
        }
        return nil
    }

    private func hex4(at position: Int) -> UInt32? {
        guard position >= 0, bytes.count - position >= 4 else { return nil }
        var value: UInt32 = 0
        for i in position..<(position + 4) {
            let b = bytes[i]
            let digit: UInt8
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = b - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = b - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = b - UInt8(ascii: "A") + 10
            default: return nil
            }
            value = value << 4 | UInt32(digit)
        }
        return value
    }

    private static func appendUTF8(_ scalar: UInt32, to out: inout [UInt8]) {
        switch scalar {
        case 0..<0x80:
            out.append(UInt8(truncatingIfNeeded: scalar))
        case 0x80..<0x800:
            out.append(UInt8(truncatingIfNeeded: 0xC0 | scalar >> 6))
            out.append(UInt8(truncatingIfNeeded: 0x80 | scalar & 0x3F))
        case 0x800..<0x10000:
            out.append(UInt8(truncatingIfNeeded: 0xE0 | scalar >> 12))
            out.append(UInt8(truncatingIfNeeded: 0x80 | scalar >> 6 & 0x3F))
            out.append(UInt8(truncatingIfNeeded: 0x80 | scalar & 0x3F))
        default:
            out.append(UInt8(truncatingIfNeeded: 0xF0 | scalar >> 18))
            out.append(UInt8(truncatingIfNeeded: 0x80 | scalar >> 12 & 0x3F))
            out.append(UInt8(truncatingIfNeeded: 0x80 | scalar >> 6 & 0x3F))
            out.append(UInt8(truncatingIfNeeded: 0x80 | scalar & 0x3F))
        }
    }

    // MARK: Numbers

    @inline(__always)
    private static func isDigit(_ b: UInt8) -> Bool { b &- UInt8(ascii: "0") < 10 }

    /// A plain JSON integer (-?(0|[1-9][0-9]*)) of at most 18 digits. Fractions and exponents (JSONDecoder
    /// reads 1.0 and 1e2 as integers) and longer numbers are left to JSONDecoder.
    mutating func int() -> Int? {
        var i = index
        var negative = false
        if i < bytes.count, bytes[i] == UInt8(ascii: "-") {
            negative = true
            i += 1
        }
        let digitsStart = i
        var value = 0
        while i < bytes.count, FastJSONScanner.isDigit(bytes[i]) {
            value = value &* 10 &+ Int(bytes[i] &- UInt8(ascii: "0"))
            i += 1
        }
        let digits = i - digitsStart
        guard digits > 0, digits <= 18 else { return nil }
        if digits > 1, bytes[digitsStart] == UInt8(ascii: "0") { return nil } // leading zero: not JSON
        if i < bytes.count, bytes[i] == UInt8(ascii: ".") || bytes[i] | 0x20 == UInt8(ascii: "e") { return nil }
        index = i
        return negative ? -value : value
    }

    private static let exactPowersOfTen: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ]

    /// A JSON number as a Double, rounded exactly as JSONDecoder rounds it; nil for what it reads differently
    /// or not at all, which is then left to it.
    mutating func double() -> Double? {
        let start = index
        var i = index
        var negative = false
        if i < bytes.count, bytes[i] == UInt8(ascii: "-") {
            negative = true
            i += 1
        }
        // Integer part: 0 or [1-9][0-9]*.
        let integerStart = i
        var mantissa: UInt64 = 0
        var significant = 0 // digits accumulated into mantissa, counting from the first nonzero one
        var allZero = true
        while i < bytes.count, FastJSONScanner.isDigit(bytes[i]) {
            let d = bytes[i] &- UInt8(ascii: "0")
            if d != 0 { allZero = false }
            if !allZero { significant += 1 }
            if significant <= 19 { mantissa = mantissa &* 10 &+ UInt64(d) }
            i += 1
        }
        let integerDigits = i - integerStart
        guard integerDigits > 0 else { return nil }
        if integerDigits > 1, bytes[integerStart] == UInt8(ascii: "0") { return nil }
        var fractionDigits = 0
        if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
            i += 1
            let fractionStart = i
            while i < bytes.count, FastJSONScanner.isDigit(bytes[i]) {
                let d = bytes[i] &- UInt8(ascii: "0")
                if d != 0 { allZero = false }
                if !allZero { significant += 1 }
                if significant <= 19 { mantissa = mantissa &* 10 &+ UInt64(d) }
                i += 1
            }
            fractionDigits = i - fractionStart
            guard fractionDigits > 0 else { return nil }
        }
        var hasExponent = false
        if i < bytes.count, bytes[i] | 0x20 == UInt8(ascii: "e") {
            // JSONDecoder, the reference, refuses 0e1 to 0e9 (and 0E1 to 0E9) though JSON allows them, while it reads
            // 0e0, 0e10, 0e+2 and -0e2: libFuzzer found this reader accepting 0E2. A bare 0 with an exponent is never
            // what our encoder writes, so all of them are left to JSONDecoder.
            if integerDigits == 1, fractionDigits == 0, bytes[integerStart] == UInt8(ascii: "0") { return nil }
            hasExponent = true
            i += 1
            if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
            let exponentStart = i
            while i < bytes.count, FastJSONScanner.isDigit(bytes[i]) { i += 1 }
            guard i > exponentStart else { return nil }
        }
        let value: Double
        if !hasExponent, significant <= 15, fractionDigits <= 22 {
            // Both operands are exact doubles (mantissa < 10^15 < 2^53), so the one correctly rounded
            // division gives the correctly rounded value of the decimal (Clinger's fast path).
            value = Double(mantissa) / FastJSONScanner.exactPowersOfTen[fractionDigits]
        } else {
            guard let parsed = Double(String(decoding: UnsafeBufferPointer(rebasing: bytes[(negative ? start + 1 : start)..<i]),
                                             as: UTF8.self)) else { return nil }
            // JSONDecoder refuses numbers that overflow or underflow to zero; subnormals are left to it too.
            guard parsed.isFinite, parsed.isNormal || (parsed == 0 && allZero) else { return nil }
            value = parsed
        }
        index = i
        return negative ? -value : value
    }

    // MARK: Domain values

    /// [first,last], exactly two integers.
    mutating func weekSpan() -> WeekSpan? {
        guard consume(UInt8(ascii: "[")), let first = int(), consume(UInt8(ascii: ",")), let last = int(),
              consume(UInt8(ascii: "]")) else { return nil }
        return WeekSpan(first: first, last: last)
    }

    /// A date string; an invalid date is left to JSONDecoder (which reports it).
    mutating func localDate() -> LocalDate? {
        guard let text = string() else { return nil }
        return LocalDate(iso: text)
    }

    /// A quarter string, read as `Quarter(parsing:)` reads it; the stored form 2025-Q2 without detours.
    mutating func quarter() -> Quarter? {
        guard let text = string() else { return nil }
        var canonical: Quarter?? = nil
        _ = text.utf8.withContiguousStorageIfAvailable { b in
            guard b.count == 7, b[4] == UInt8(ascii: "-"), b[5] == UInt8(ascii: "Q"),
                  FastJSONScanner.isDigit(b[0]), FastJSONScanner.isDigit(b[1]), FastJSONScanner.isDigit(b[2]),
                  FastJSONScanner.isDigit(b[3]), FastJSONScanner.isDigit(b[6]) else { return }
            let year = Int(b[0] &- 48) * 1000 + Int(b[1] &- 48) * 100 + Int(b[2] &- 48) * 10 + Int(b[3] &- 48)
            canonical = .some(Quarter(year: year, number: Int(b[6] &- 48)))
        }
        if let canonical { return canonical }
        return Quarter(parsing: text)
    }

    /// A revision's before or after value: a number (as Double) or a string.
    mutating func fieldValue() -> FieldValue? {
        guard let b = peek() else { return nil }
        if b == UInt8(ascii: "\"") { return string().map(FieldValue.text) }
        if b == UInt8(ascii: "-") || FastJSONScanner.isDigit(b) { return double().map(FieldValue.number) }
        return nil
    }
}
