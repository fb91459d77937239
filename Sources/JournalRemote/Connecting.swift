import Foundation
import JournalChain
import PostgresNIO

/// How the helper reaches the server: the URL, then libpq's environment (`PGUSER`, `PGPASSWORD`, `PGPASSFILE` or
/// `~/.pgpass` when only its owner can read it).
public struct Connecting: Sendable {
    public var url: RemoteURL
    public var environment: [String: String]

    public init(url: RemoteURL, environment: [String: String]) {
        self.url = url
        self.environment = environment
    }

    public var user: String { url.user ?? environment["PGUSER"] ?? environment["USER"] ?? "postgres" }
    public var database: String { url.database ?? environment["PGDATABASE"] ?? user }

    public var password: String? {
        if let password = url.password { return password }
        if let password = environment["PGPASSWORD"] { return password }
        let file = environment["PGPASSFILE"] ?? environment["HOME"].map { $0 + "/.pgpass" }
        return file.flatMap { PasswordFile.password(in: $0, host: url.host, port: url.port, database: database, user: user) }
    }

    public func configuration() throws -> PostgresConnection.Configuration {
        if url.isSocket {
            let socket = url.host + "/.s.PGSQL.\(url.port)"
            return PostgresConnection.Configuration(unixSocketPath: socket, username: user, password: password, database: database)
        }
        var tls = TLSConfiguration.makeClientConfiguration()
        var mode: PostgresConnection.Configuration.TLS
        switch url.sslMode {
        case .disable:
            mode = .disable
        case .prefer, .require:
            // libpq's require and prefer encrypt without checking who answers.
            tls.certificateVerification = .none
            mode = url.sslMode == .prefer ? .prefer(try NIOSSLContext(configuration: tls)) : .require(try NIOSSLContext(configuration: tls))
        case .verifyCA:
            tls.certificateVerification = .noHostnameVerification
            mode = .require(try NIOSSLContext(configuration: tls))
        case .verifyFull:
            tls.certificateVerification = .fullVerification
            mode = .require(try NIOSSLContext(configuration: tls))
        }
        if let root = environment["PGSSLROOTCERT"], url.sslMode == .verifyCA || url.sslMode == .verifyFull {
            tls.trustRoots = .file(root)
            mode = .require(try NIOSSLContext(configuration: tls))
        }
        // The host name is the TLS server name the certificate is checked against (postgres-nio's default).
        return PostgresConnection.Configuration(host: url.host, port: url.port, username: user, password: password,
                                                database: database, tls: mode)
    }

    public func connect(logger: Logger) async throws -> PostgresConnection {
        try await PostgresConnection.connect(configuration: try configuration(), id: 1, logger: logger)
    }
}

/// One line for a failure the server or the network gave: PostgreSQL's own message when it sent one.
public func describe(_ error: any Error) -> String {
    if let failure = error as? ServerLog.Failure {
        switch failure {
        case .newerSchema(let server, let known):
            return "the server's journal schema is version \(server), newer than version \(known) that this journal-remote knows: upgrade journal on this device"
        case .differentContent(let id):
            return "event \(id) is on the server with different content: this journal and the server disagree about it (check both with journal verify)"
        case .message(let text):
            return text
        }
    }
    if let psql = error as? PSQLError {
        if let message = psql.serverInfo?[.message] { return "the server refused: \(message)" }
        return "cannot talk to the server: \(String(describing: psql.code))\(psql.underlying.map { " (\($0))" } ?? "")"
    }
    if let transaction = error as? PostgresTransactionError {
        if let inner = transaction.closureError { return describe(inner) }
        if let inner = transaction.beginError { return describe(inner) }
        if let inner = transaction.commitError { return describe(inner) }
    }
    return String(describing: error).split(separator: "\n").first.map(String.init) ?? "unknown error"
}
