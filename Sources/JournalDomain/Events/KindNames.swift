import Foundation

extension JournalEvent.Kind {
    /// `Kind(rawValue:)`: the kind whose name is exactly this string.
    static func named(_ type: String) -> Self? {
        if let kind = type.utf8.withContiguousStorageIfAvailable({ named(utf8: $0) }) { return kind }
        var type = type // a bridged string: withUTF8 makes it contiguous
        return type.withUTF8 { named(utf8: $0) }
    }

    /// The kind whose name is exactly these bytes, found without allocating (the log's replay reads every row's type).
    static func named(utf8 type: UnsafeBufferPointer<UInt8>) -> Self? {
        KindNameTable.shared.kind(named: type)
    }
}

/// Every kind's name, built once from the registry and grouped by length: a lookup compares only the one to three
/// names of the right length, byte by byte.
struct KindNameTable: Sendable {
    static let shared = KindNameTable(JournalEvent.Kind.allCases)

    private struct Entry: Sendable {
        let kind: JournalEvent.Kind
        let start: Int
    }

    /// The names, back to back, shortest first.
    private let bytes: [UInt8]
    private let entries: [Entry]
    /// The entries of names of length n are entries[firstOfLength[n]..<firstOfLength[n + 1]].
    private let firstOfLength: [Int]

    init(_ kinds: [JournalEvent.Kind]) {
        let names = kinds.map { (kind: $0, name: Array($0.rawValue.utf8)) }.sorted { $0.name.count < $1.name.count }
        let longest = names.last?.name.count ?? 0
        var bytes: [UInt8] = [], entries: [Entry] = [], firstOfLength: [Int] = []
        for length in 0...longest + 1 {
            firstOfLength.append(entries.count)
            for named in names where named.name.count == length {
                entries.append(Entry(kind: named.kind, start: bytes.count))
                bytes += named.name
            }
        }
        self.bytes = bytes
        self.entries = entries
        self.firstOfLength = firstOfLength
    }

    func kind(named type: UnsafeBufferPointer<UInt8>) -> JournalEvent.Kind? {
        let length = type.count
        guard length + 1 < firstOfLength.count else { return nil }
        guard let typeStart = type.baseAddress else { return nil }
        return bytes.withUnsafeBufferPointer { bytes in
            guard let names = bytes.baseAddress else { return nil }
            var entry = firstOfLength[length]
            let end = firstOfLength[length + 1]
            while entry < end {
                if memcmp(names + entries[entry].start, typeStart, length) == 0 { return entries[entry].kind }
                entry += 1
            }
            return nil
        }
    }
}
