import Foundation
import JournalDomain
import JournalWords

/// Answers given as a JSON file (`--from FILE`, or `--from -` for standard input) instead of typed at a terminal.
enum AnswerFile {
    static func decode<T: Decodable>(_ type: T.Type, from path: String) throws -> T {
        let source = path == "-" ? "standard input" : path
        let data: Data
        if path == "-" {
            data = readStandardInput()
        } else {
            guard let contents = FileManager.default.contents(atPath: path) else {
                throw CLIError(.noJournal, "cannot read the --from file \(path); check the path and its permissions")
            }
            data = contents
        }
        return try decode(type, data: data, source: "--from \(source)")
    }

    /// Answers written in an editor (comment lines already left out), refused as a --from file's are.
    static func decode<T: Decodable>(_ type: T.Type, text: String, source: String) throws -> T {
        try decode(type, data: Data(text.utf8), source: source)
    }

    static func decode<T: Decodable>(_ type: T.Type, data: Data, source: String) throws -> T {
        do {
            return try JSONDecoder().decode(T.self, from: data)
        } catch let error as DecodingError {
            throw CLIError(.usage, "\(source): \(describe(error))")
        } catch let error as CLIError {
            throw CLIError(error.status, "\(source): \(error.message)")
        } catch let error as DomainError {
            throw CLIError(.usage, "\(source): \(error.message)")
        }
    }

    static func describe(_ error: DecodingError) -> String {
        func path(_ keys: [CodingKey]) -> String {
            if keys.isEmpty { return "the file" }
            return keys.map { $0.intValue.map { "[\($0)]" } ?? "." + $0.stringValue }.joined().drop { $0 == "." }.description
        }
        switch error {
        case .typeMismatch(let type, let context):
            return "\(path(context.codingPath)) must be \(name(of: type)); fix that value"
        case .valueNotFound(let type, let context):
            return "\(path(context.codingPath)) must be \(name(of: type)), not null; fix that value"
        case .keyNotFound(let key, let context):
            return "\(path(context.codingPath + [key])) is missing; add it"
        case .dataCorrupted(let context):
            return context.codingPath.isEmpty ? "not valid JSON; check the file's syntax" : "\(path(context.codingPath)) is not valid; fix that value"
        @unknown default:
            return "cannot be read; check the file"
        }
    }

    static func name(of type: Any.Type) -> String {
        switch type {
        case is String.Type: return "a string"
        case is Double.Type, is Int.Type: return "a number"
        case is [Any].Type: return "a list"
        default: return type == Dictionary<String, Any>.self ? "an object" : "a \(type)"
        }
    }
}

/// Any key of a JSON object, for reading objects strictly.
struct AnswerKey: CodingKey {
    let stringValue: String
    let intValue: Int? = nil

    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
    init(_ name: String) { stringValue = name }
}

extension KeyedDecodingContainer where Key == AnswerKey {
    /// Refuses keys outside `allowed`, so a typo ("lerned") never passes as a missing answer.
    func onlyKeys(_ allowed: [String]) throws {
        let unknown = allKeys.map(\.stringValue).filter { !allowed.contains($0) }.sorted()
        guard unknown.isEmpty else {
            let location = codingPath.isEmpty ? "" : " in " + codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
            throw CLIError(.usage, "unknown key\(unknown.count == 1 ? "" : "s") \(unknown.joined(separator: ", "))\(location); the keys are \(allowed.joined(separator: ", "))")
        }
    }

    func text(_ name: String) throws -> String? {
        try decodeIfPresent(String.self, forKey: AnswerKey(name))
    }

    /// A number written as a number or as a string ("15").
    func number(_ name: String) throws -> Double? {
        let key = AnswerKey(name)
        guard contains(key), try !decodeNil(forKey: key) else { return nil }
        if let value = try? decode(Double.self, forKey: key) { return value }
        guard let text = try? decode(String.self, forKey: key) else {
            throw DecodingError.typeMismatch(Double.self, .init(codingPath: codingPath + [key], debugDescription: "not a number"))
        }
        return try Validate.number(text, option: name)
    }
}
