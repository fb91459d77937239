/// The eight-bytes-at-a-time test both JSON readers use to skip the plain run of a string (the payload reader here,
/// the export-line parser in the import): inlined into each, since it runs once per eight bytes of every string.
public enum JSONStringBytes {
    /// Whether any of the eight bytes is `"`, `\\` or below 0x20 (the classic "has zero byte" tests; exact
    /// about whether one exists, which is all the callers ask).
    @inlinable @inline(__always)
    public static func needsAttention(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        let quote = word ^ (ones &* 0x22), backslash = word ^ (ones &* 0x5C)
        let hasQuote = (quote &- ones) & ~quote
        let hasBackslash = (backslash &- ones) & ~backslash
        let hasControl = (word &- ones &* 0x20) & ~word
        return (hasQuote | hasBackslash | hasControl) & highs != 0
    }
}
