#if canImport(Glibc)
import Glibc
#endif
import Foundation
import JournalChain
import JournalRemote
import PostgresNIO

// `journal-remote URL JOURNAL`: the network half of `journal sync` (docs/sync.md). It greets with the server's
// schema version once connected, then answers each request line on standard input with one line on standard
// output, until standard input ends. It never reads or writes the local journal.

func answer(_ value: RemoteProtocol.Answer) {
    let line = (try? RemoteProtocol.line(value)) ?? "{\"ok\":false,\"error\":\"cannot encode the answer\"}"
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}

let arguments = CommandLine.arguments
guard arguments.count == 3 else {
    FileHandle.standardError.write(Data("usage: journal-remote URL JOURNAL-NAME (run by journal sync; docs/sync.md)\n".utf8))
    exit(64)
}

let url: RemoteURL
do {
    url = try RemoteURL.parse(arguments[1])
} catch {
    answer(.failure("not a PostgreSQL URL: \(arguments[1]) (write postgresql://USER@HOST:PORT/DATABASE)"))
    exit(65)
}

var logger = Logger(label: "journal-remote")
logger.logLevel = .critical
let logged = logger

let code: Int32 = await {
    let connection: PostgresConnection
    do {
        connection = try await Connecting(url: url, environment: ProcessInfo.processInfo.environment).connect(logger: logged)
    } catch {
        answer(.failure("cannot connect to \(url.host):\(url.port): \(describe(error))"))
        return 69
    }
    defer { Task { try? await connection.closeGracefully() } }
    let log = ServerLog(connection: connection, journal: arguments[2], logger: logged)
    do {
        answer(RemoteProtocol.Answer(ok: true, schema: try await log.prepareSchema()))
    } catch {
        answer(.failure(describe(error)))
        return 65
    }
    while let line = readLine(strippingNewline: true) {
        if line.isEmpty { continue }
        do {
            let request = try RemoteProtocol.decode(RemoteProtocol.Request.self, from: line)
            switch request.op {
            case "head":
                let head = try await log.head()
                answer(RemoteProtocol.Answer(ok: true, position: head.position, hash: HashChain.hex(head.hash)))
            case "push":
                let pushed = try await log.push(request.events ?? [])
                answer(RemoteProtocol.Answer(ok: true, position: pushed.head.position, hash: HashChain.hex(pushed.head.hash),
                                             added: pushed.added, skipped: pushed.skipped))
            case "pull":
                let limit = max(1, min(request.limit ?? 2000, 10000))
                let events = try await log.pull(after: request.after ?? 0, limit: limit)
                let head = try await log.head()
                answer(RemoteProtocol.Answer(ok: true, position: head.position, hash: HashChain.hex(head.hash), events: events,
                                             more: (events.last?.position ?? head.position) < head.position))
            default:
                answer(.failure("unknown request \(request.op) (head, push or pull)"))
            }
        } catch let error as DecodingError {
            answer(.failure("unreadable request line: \(error)"))
        } catch {
            answer(.failure(describe(error)))
        }
    }
    try? await connection.closeGracefully()
    return 0
}()
exit(code)
