/// A value the fast payload reader reads as one JSON object, driven by its table of fields: the event payloads
/// and the objects nested in them.
protocol FastReadable: FastValue {
    /// Where a reading starts. A required field's placeholder here is always overwritten (a payload without the
    /// field is left to JSONDecoder); an optional field's value here is what an absent or null key means.
    static var blank: Self { get }
    /// Every stored key of the type, once each: a key not in the table sends the payload to JSONDecoder.
    static var fields: FieldTable<Self> { get }
    /// One object of this type at the scanner, or nil. A requirement (always the default below) so that each type
    /// gets its own specialized copy: reached through the registry's existential, a generic one would look up
    /// type metadata at every call.
    static func read(_ s: inout FastJSONScanner, schemaVersion: Int) -> Self?
}

/// One stored key: how its value reads and where it goes.
struct PayloadField<Value>: Sendable {
    let key: StaticString
    let isRequired: Bool
    /// The first schema version that has the key: in an older payload it is unknown (that version's shape,
    /// read by JSONDecoder, decides what it means).
    let since: Int
    let read: @Sendable (inout FastJSONScanner, inout Value) -> Bool

    // Each stores its value with a setter closure (`{ $0.text = $1 }`), not a key path: a key path held in a table
    // is applied by the runtime, several times slower, and this is the rebuild's inner loop.

    /// A key that must be there, with a value that is not null.
    @inline(__always)
    static func required<V: FastValue>(_ key: StaticString, since: Int = 1,
                                       _ set: @escaping @Sendable (inout Value, V) -> Void) -> Self {
        Self(key: key, isRequired: true, since: since) { s, value in
            guard let v = V.read(&s) else { return false }
            set(&value, v)
            return true
        }
    }

    /// A key that may be absent or null (`decodeIfPresent`): both leave nil.
    @inline(__always)
    static func optional<V: FastValue>(_ key: StaticString, since: Int = 1,
                                       _ set: @escaping @Sendable (inout Value, V?) -> Void) -> Self {
        Self(key: key, isRequired: false, since: since) { s, value in
            guard let v = s.nullable({ V.read(&$0) }) else { return false }
            set(&value, v)
            return true
        }
    }

    /// A key that may be absent or null, both meaning the blank's value (`decodeIfPresent(...) ?? default`).
    @inline(__always)
    static func defaulted<V: FastValue>(_ key: StaticString, since: Int = 1,
                                        _ set: @escaping @Sendable (inout Value, V) -> Void) -> Self {
        Self(key: key, isRequired: false, since: since) { s, value in
            guard let v = s.nullable({ V.read(&$0) }) else { return false }
            if let v { set(&value, v) }
            return true
        }
    }
}

/// A type's fields, read in any order, each at most once (a repeated key is left to JSONDecoder).
struct FieldTable<Value>: Sendable {
    let fields: [PayloadField<Value>]
    private let allRequired: UInt32
    /// The newest `since` of any field: payloads of this version or later know every key.
    private let newestSince: Int

    /// In the stored form the keys come sorted (JSONEncoder's `.sortedKeys`), so the table is kept sorted and each
    /// key is looked for first where the one before it was found, then from the start: one comparison per key.
    /// At most 32 fields (one bit each for "seen"); a longer table reads nothing, so every payload of its type goes
    /// to JSONDecoder (slow, never wrong), and a test catches it.
    init(_ fields: [PayloadField<Value>]) {
        let sorted = fields.sorted { a, b in
            a.key.withUTF8Buffer { a in b.key.withUTF8Buffer { b in a.lexicographicallyPrecedes(b) } }
        }
        self.fields = sorted.count <= 32 ? sorted : []
        var mask: UInt32 = 0
        for (bit, field) in self.fields.enumerated() where field.isRequired { mask |= 1 << UInt32(bit) }
        allRequired = mask
        newestSince = self.fields.map(\.since).max() ?? 1
    }

    var isUsable: Bool { !fields.isEmpty }

    /// Reads one object into `value`; false when JSONDecoder must have the last word.
    @inline(__always)
    func read(_ s: inout FastJSONScanner, into value: inout Value, schemaVersion: Int) -> Bool {
        guard isUsable else { return false }
        var seen: UInt32 = 0
        var next = 0
        let count = fields.count
        let ok = s.object { s, key in
            var bit = next
            for _ in 0..<count {
                if s.key(key, is: fields[bit].key) {
                    let mask: UInt32 = 1 << UInt32(bit)
                    guard fields[bit].since <= schemaVersion, seen & mask == 0 else { return false }
                    seen |= mask
                    next = bit + 1 == count ? 0 : bit + 1
                    return fields[bit].read(&s, &value)
                }
                bit = bit + 1 == count ? 0 : bit + 1
            }
            return false
        }
        let required = requiredMask(for: schemaVersion)
        return ok && seen & required == required
    }

    private func requiredMask(for schemaVersion: Int) -> UInt32 {
        if schemaVersion >= newestSince { return allRequired }
        var mask: UInt32 = 0
        for (bit, field) in fields.enumerated() where field.isRequired && field.since <= schemaVersion { mask |= 1 << UInt32(bit) }
        return mask
    }
}

extension FastReadable {
    @inline(__always)
    static func read(_ s: inout FastJSONScanner, schemaVersion: Int) -> Self? {
        var value = blank
        return fields.read(&s, into: &value, schemaVersion: schemaVersion) ? value : nil
    }
}

/// A value the fast reader reads by its type, so a field's reader is found statically (no closure to call): what the
/// payloads hold. Every reader answers nil for anything it is not sure of.
protocol FastValue: Sendable {
    static func read(_ s: inout FastJSONScanner) -> Self?
}

extension String: FastValue {
    static func read(_ s: inout FastJSONScanner) -> String? { s.string() }
}

extension Int: FastValue {
    static func read(_ s: inout FastJSONScanner) -> Int? { s.int() }
}

extension Double: FastValue {
    static func read(_ s: inout FastJSONScanner) -> Double? { s.double() }
}

extension Bool: FastValue {
    static func read(_ s: inout FastJSONScanner) -> Bool? { s.bool() }
}

extension Quarter: FastValue {
    static func read(_ s: inout FastJSONScanner) -> Quarter? { s.quarter() }
}

extension LocalDate: FastValue {
    static func read(_ s: inout FastJSONScanner) -> LocalDate? { s.localDate() }
}

extension WeekSpan: FastValue {
    static func read(_ s: inout FastJSONScanner) -> WeekSpan? { s.weekSpan() }
}

extension FieldValue: FastValue {
    static func read(_ s: inout FastJSONScanner) -> FieldValue? { s.fieldValue() }
}

extension Array: FastValue where Element: FastValue {
    static func read(_ s: inout FastJSONScanner) -> [Element]? { s.array { Element.read(&$0) } }
}

/// The stored enums (a string naming one case exactly) declare `FastValue` and get this reader.
extension FastValue where Self: RawRepresentable, RawValue == String {
    static func read(_ s: inout FastJSONScanner) -> Self? { s.string().flatMap(Self.init(rawValue:)) }
}

/// The nested objects are `FastValue`s read by their own tables.
extension FastValue where Self: FastReadable {
    static func read(_ s: inout FastJSONScanner) -> Self? { read(&s, schemaVersion: 1) }
}

extension Instant: FastValue {
    /// The same reading as its Codable form (an ISO date-time string).
    static func read(_ s: inout FastJSONScanner) -> Instant? { s.string().flatMap(Instant.init(iso:)) }
}
