import Foundation
import JournalDomain

/// A whole number as typed for `option`: digits with an optional sign, nil when not given.
public func parseInt(_ raw: String?, option: String) throws(DomainError) -> Int? {
    guard let raw else { return nil }
    let text = raw.trimmingCharacters(in: .whitespaces)
    let body = text.hasPrefix("-") || text.hasPrefix("+") ? text.dropFirst() : Substring(text)
    guard !body.isEmpty, body.utf8.count <= 12, body.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }), let value = Int(text) else {
        throw .notAWholeNumber(name: .named(option), raw: raw)
    }
    return value
}

public func parseNumber(_ raw: String?, option: String) throws(DomainError) -> Double? {
    guard let raw else { return nil }
    return try Validate.number(raw, option: option)
}
