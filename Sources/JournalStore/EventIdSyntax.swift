import Foundation

/// What the store accepts as an event id: a UUID in lowercase.
enum EventIdSyntax {
    /// Exactly 8-4-4-4-12 lowercase hex digits: the form every writer produces.
    static func isCanonical(_ id: UnsafeBufferPointer<UInt8>) -> Bool { Bits(id) != nil }

    /// `UUID(uuidString: id) != nil && id == id.lowercased()`, the rule ids have always been held to. The
    /// canonical form passes both at once; Foundation's parser (sscanf, slow enough to show in an import's
    /// profile) is asked only about anything else, since it also takes looser forms (leading spaces, signs)
    /// that must keep passing.
    static func isLowercaseUUID(_ id: String) -> Bool {
        var id = id
        if id.withUTF8(isCanonical) { return true }
        return UUID(uuidString: id) != nil && id == id.lowercased()
    }

    /// A canonical id as a value, for telling repeats apart without making strings.
    struct Bits: Hashable {
        let high: UInt64
        let low: UInt64

        /// nil unless `id` is canonical.
        init?(_ id: UnsafeBufferPointer<UInt8>) {
            guard id.count == 36, id[8] == UInt8(ascii: "-"), id[13] == UInt8(ascii: "-"), id[18] == UInt8(ascii: "-"),
                  id[23] == UInt8(ascii: "-") else { return nil }
            let parsed = Bits.digits.withUnsafeBufferPointer { digits -> (UInt64, UInt64, UInt8) in
                var high: UInt64 = 0, low: UInt64 = 0, invalid: UInt8 = 0
                for index in 0..<18 where index != 8 && index != 13 {
                    let value = digits[Int(id[index])]
                    invalid |= value
                    high = high << 4 | UInt64(value & 0x0F)
                }
                for index in 19..<36 where index != 23 {
                    let value = digits[Int(id[index])]
                    invalid |= value
                    low = low << 4 | UInt64(value & 0x0F)
                }
                return (high, low, invalid)
            }
            guard parsed.2 & 0x80 == 0 else { return nil }
            high = parsed.0
            low = parsed.1
        }

        /// Each byte's value as a lowercase hex digit, 0x80 for any other byte.
        private static let digits: [UInt8] = (0...255).map { byte in
            switch byte {
            case 0x30...0x39: return UInt8(byte - 0x30)
            case 0x61...0x66: return UInt8(byte - 0x61 + 10)
            default: return 0x80
            }
        }
    }
}
