import Foundation

/// A remote's address, `postgresql://user@host:port/database?sslmode=MODE` (libpq's URL form; `postgres://` too).
/// A host that starts with "/" (written `%2F...`, or `?host=/dir`) is the folder of a local server's socket;
/// `?journal=NAME` names the journal on the server.
public struct RemoteURL: Equatable, Sendable {
    public enum SSLMode: String, Sendable, CaseIterable {
        case disable, prefer, require
        case verifyCA = "verify-ca"
        case verifyFull = "verify-full"
    }

    public var user: String?
    public var password: String?
    public var host: String
    public var port: Int
    public var database: String?
    public var sslMode: SSLMode
    /// The journal on the server (`?journal=NAME`; default `journal`): several can share one database.
    public var journal: String

    public enum Problem: Error, Equatable, Sendable {
        case notPostgres(String)
        case badPort(String)
        case badSSLMode(String)
    }

    public static func parse(_ text: String) throws(Problem) -> RemoteURL {
        guard text.hasPrefix("postgresql://") || text.hasPrefix("postgres://"),
              let components = URLComponents(string: text) else { throw .notPostgres(text) }
        var query: [String: String] = [:]
        for item in components.queryItems ?? [] { query[item.name] = item.value ?? "" }
        var host = components.percentEncodedHost.flatMap { $0.removingPercentEncoding } ?? ""
        if let given = query["host"], !given.isEmpty { host = given }
        if host.isEmpty { host = "/var/run/postgresql" }
        var port = 5432
        if let given = components.port { port = given } else if let given = query["port"] {
            guard let number = Int(given), (1...65535).contains(number) else { throw .badPort(given) }
            port = number
        }
        let mode = query["sslmode"] ?? "disable"
        guard let sslMode = SSLMode(rawValue: mode) else { throw .badSSLMode(mode) }
        let path = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        return RemoteURL(user: components.user.flatMap { $0.isEmpty ? nil : $0 },
                         password: components.password.flatMap { $0.isEmpty ? nil : $0 },
                         host: host, port: port, database: path.isEmpty ? nil : path, sslMode: sslMode,
                         journal: query["journal"].flatMap { $0.isEmpty ? nil : $0 } ?? "journal")
    }

    public var isSocket: Bool { host.hasPrefix("/") }
}

/// libpq's password file (`~/.pgpass`, or `PGPASSFILE`): `host:port:database:user:password` lines, `*` matching
/// anything, `\` escaping ":" and "\"; read only when no one but its owner can read it (mode 0600 or stricter).
public enum PasswordFile {
    public static func password(in path: String, host: String, port: Int, database: String, user: String) -> String? {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
              let mode = (attributes[.posixPermissions] as? NSNumber)?.intValue, mode & 0o077 == 0,
              let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        // libpq matches a socket connection against "localhost".
        let host = host.hasPrefix("/") ? "localhost" : host
        for line in text.split(whereSeparator: { $0 == "\n" || $0 == "\r" }) where !line.hasPrefix("#") {
            let fields = split(String(line))
            guard fields.count == 5 else { continue }
            let wanted = [host, String(port), database, user]
            if zip(fields.prefix(4), wanted).allSatisfy({ $0 == "*" || $0 == $1 }) { return fields[4] }
        }
        return nil
    }

    static func split(_ line: String) -> [String] {
        var fields: [String] = [], current = "", escaped = false
        for c in line {
            if escaped { current.append(c); escaped = false } else if c == "\\" { escaped = true }
            else if c == ":" { fields.append(current); current = "" } else { current.append(c) }
        }
        fields.append(current)
        return fields
    }
}
