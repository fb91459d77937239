import Crypto

/// Event ids derived from a name instead of drawn at random, so that recording the same thing twice gives the
/// same id and the log's idempotent append keeps one: imports from other tools name each record by the tool
/// and the record's own identity.
public enum NameBasedEventId {
    /// A lowercase UUID made of the first 16 bytes of SHA-256 over `name`'s UTF-8, with the version (8, an
    /// RFC 9562 custom UUID) and variant bits set, so it reads as any other UUID.
    public static func make(_ name: String) -> String {
        var bytes = Array(SHA256.hash(data: Array(name.utf8)).prefix(16))
        bytes[6] = (bytes[6] & 0x0F) | 0x80
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        let hex = bytes.map { byte -> String in
            let text = String(byte, radix: 16)
            return byte < 16 ? "0" + text : text
        }
        return [0..<4, 4..<6, 6..<8, 8..<10, 10..<16].map { hex[$0].joined() }.joined(separator: "-")
    }
}
