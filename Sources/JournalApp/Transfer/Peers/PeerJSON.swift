import JournalDomain

/// Any JSON value (see PeerJSONParser). The tools' exports are read into this first, then each field is asked for by name, so a
/// refusal can say which record and which field is wrong, in words a user can act on.
enum PeerJSON: Equatable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([PeerJSON])
    case object([String: PeerJSON])

    /// The array of records a tool exports, or the refusal saying the file is not that tool's.
    func records(_ source: PeerSource) throws -> [PeerJSON] {
        guard case .array(let items) = self else { throw source.failure(nil, .notAnExport) }
        return items
    }
}

/// One record's fields, with the record's name for refusals ("record 3 (task 8f1c...)").
struct PeerFields {
    let fields: [String: PeerJSON]
    var name: String
    let source: PeerSource

    init(_ value: PeerJSON, name: String, source: PeerSource) throws {
        guard case .object(let fields) = value else { throw source.failure(name, .notAnObject) }
        self.fields = fields
        self.name = name
        self.source = source
    }

    func failure(_ problem: PeerRecordProblem) -> AppError { source.failure(name, problem) }

    func string(_ key: String) throws -> String {
        guard let value = try optionalString(key) else { throw failure(.missingField(key)) }
        return value
    }

    func optionalString(_ key: String) throws -> String? {
        switch fields[key] {
        case nil, .null?: return nil
        case .string(let text)?: return text
        default: throw failure(.notAString(field: key))
        }
    }

    /// A list of strings; missing means none.
    func strings(_ key: String) throws -> [String] {
        switch fields[key] {
        case nil, .null?: return []
        case .array(let items)?:
            return try items.map { item in
                guard case .string(let text) = item else { throw failure(.listHoldsOtherThanStrings(field: key)) }
                return text
            }
        default: throw failure(.notAListOfStrings(field: key))
        }
    }

    /// A moment written as `format` reads it (nil: missing).
    func optionalInstant(_ key: String, _ format: PeerTimeFormat) throws -> Instant? {
        guard let text = try optionalString(key) else { return nil }
        guard let instant = format.parse(text) else {
            throw failure(.notATime(field: key, given: text, format: format))
        }
        return instant
    }

    func instant(_ key: String, _ format: PeerTimeFormat) throws -> Instant {
        guard let instant = try optionalInstant(key, format) else { throw failure(.missingField(key)) }
        return instant
    }
}
