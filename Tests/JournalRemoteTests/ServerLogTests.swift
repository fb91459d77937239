import Foundation
import JournalChain
import JournalRemote
import JournalTestSupport
import PostgresNIO
import Testing

/// The helper against the server: idempotent pushes, gapless positions under concurrent pushers, an append-only
/// log, a newer schema refused.
@Suite struct ServerLogTests {
    static func event(_ n: Int, stream: String = "activities", payload: String? = nil) -> RemoteProtocol.Event {
        RemoteProtocol.Event(eventId: "ev-\(n)", streamId: stream, type: "activity-logged", schemaVersion: 1,
                             payload: payload ?? "{\"title\":\"Read \(n)\",  \"minutes\":\(n)}", metadata: "{}",
                             occurredAt: "2026-01-05T09:00:00.000Z", recordedAt: "2026-01-05T09:00:00.000Z")
    }

    /// Runs the helper on `journal`, one request a line; its answers, the greeting first.
    static func helper(_ url: String, _ journal: String, _ requests: [RemoteProtocol.Request]) throws -> [RemoteProtocol.Answer] {
        let input = try requests.map { try RemoteProtocol.line($0) + "\n" }.joined()
        let ran = try runProgram(try Built.path("journal-remote"), [url, journal], env: try TestServer.require(), input: input)
        #expect(ran.status == 0, "\(ran)")
        return try ran.out.split(separator: "\n").map { try RemoteProtocol.decode(RemoteProtocol.Answer.self, from: String($0)) }
    }

    @Test func pushingTheSameEventsTwiceAddsNothing() throws {
        let journal = TestServer.uniqueName("twice")
        let url = try TestServer.url(journal: journal)
        let events = (1...3).map { Self.event($0) }
        let answers = try Self.helper(url, journal, [.init(op: "push", events: events), .init(op: "push", events: events),
                                                     .init(op: "pull", after: 0)])
        #expect(answers.count == 4)
        #expect(answers[0].ok && answers[0].schema == ServerLog.schemaVersion)
        #expect(answers[1].added == 3 && answers[1].skipped == 0 && answers[1].position == 3)
        #expect(answers[2].added == 0 && answers[2].skipped == 3 && answers[2].position == 3)
        #expect(answers[1].hash == answers[2].hash)
        let pulled = answers[3].events ?? []
        #expect(pulled.map(\.position) == [1, 2, 3])
        // Stored as sent: the payload's spacing and key order survive.
        #expect(pulled.map(\.payload) == events.map(\.payload))
        #expect(answers[3].more == false)
    }

    @Test func anIdAlreadyThereWithOtherContentIsRefusedByName() throws {
        let journal = TestServer.uniqueName("differs")
        let url = try TestServer.url(journal: journal)
        let answers = try Self.helper(url, journal, [
            .init(op: "push", events: [Self.event(1)]),
            .init(op: "push", events: [Self.event(2), Self.event(1, payload: "{\"title\":\"Changed\"}")]),
            .init(op: "head"),
        ])
        #expect(answers[2] == .failure("event ev-1 is on the server with different content: this journal and the server disagree about it (check both with journal verify)"))
        // Nothing of the refused push was kept.
        #expect(answers[3].position == 1)
    }

    /// Two helper processes push at once, event by event: the positions are 1...n without a gap, in commit order,
    /// and the server's chain recomputes.
    @Test func positionsStayGaplessUnderTwoConcurrentPushers() async throws {
        let journal = TestServer.uniqueName("race")
        let url = try TestServer.url(journal: journal)
        let perPusher = 60
        try await withThrowingTaskGroup(of: Void.self) { group in
            for pusher in 0..<2 {
                group.addTask {
                    let requests = (0..<perPusher).map { RemoteProtocol.Request(op: "push", events: [Self.event(pusher * 1000 + $0)]) }
                    let answers = try Self.helper(url, journal, requests)
                    #expect(answers.dropFirst().allSatisfy { $0.ok && $0.added == 1 })
                }
            }
            try await group.waitForAll()
        }
        let answers = try Self.helper(url, journal, [.init(op: "pull", after: 0, limit: 10000)])
        let events = answers[1].events ?? []
        #expect(events.map(\.position) == (1...Int64(2 * perPusher)).map { $0 })
        #expect(Set(events.map(\.eventId)).count == 2 * perPusher)
        var previous = HashChain.genesis
        for e in events {
            previous = HashChain.hash(previous: previous, position: e.position ?? 0, eventId: e.eventId, streamId: e.streamId,
                                      streamVersion: e.streamVersion ?? 0, type: e.type, schemaVersion: e.schemaVersion,
                                      payload: e.payload, metadata: e.metadata, occurredAt: e.occurredAt, recordedAt: e.recordedAt)
        }
        #expect(HashChain.hex(previous) == answers[1].hash)
        #expect(events.map(\.streamVersion) == (1...2 * perPusher).map { $0 })
    }

    @Test func theServerRefusesUpdateAndDeleteOfEvents() async throws {
        let journal = TestServer.uniqueName("immutable")
        _ = try Self.helper(try TestServer.url(journal: journal), journal, [.init(op: "push", events: [Self.event(1)])])
        try await TestServer.withConnection { connection in
            let logger = Logger(label: "t")
            for sql in ["UPDATE events SET payload = '{}' WHERE journal = '\(journal)'", "DELETE FROM events WHERE journal = '\(journal)'"] {
                do {
                    try await connection.query(PostgresQuery(unsafeSQL: sql), logger: logger)
                    Issue.record("\(sql) was not refused")
                } catch {
                    #expect(describe(error).contains("journal events are append-only"), "\(describe(error))")
                }
            }
        }
    }

    /// A server whose schema is newer than this helper knows is refused, naming both versions.
    @Test func aNewerServerSchemaIsRefused() async throws {
        let database = "newer_" + UUID().uuidString.prefix(8).lowercased()
        try await TestServer.withConnection { connection in
            try await connection.query(PostgresQuery(unsafeSQL: "CREATE DATABASE \(database)"), logger: Logger(label: "t"))
        }
        try await TestServer.withConnection(database: database) { connection in
            try await connection.query("CREATE TABLE journal_schema (version integer NOT NULL)", logger: Logger(label: "t"))
            try await connection.query("INSERT INTO journal_schema (version) VALUES (7)", logger: Logger(label: "t"))
        }
        let url = try TestServer.url(journal: "j", database: database)
        let ran = try runProgram(try Built.path("journal-remote"), [url, "j"], env: try TestServer.require(), input: "{\"op\":\"head\"}\n")
        #expect(ran.status == 65)
        #expect(ran.out == "{\"error\":\"the server's journal schema is version 7, newer than version 1 that this journal-remote knows: upgrade journal on this device\",\"ok\":false}\n")

        let device = try Device("newer")
        try device.ok(["log", "activity", "Reading", "--minutes", "20"], now: "2026-01-05T09:00")
        try device.ok(["remote", "add", "new", url], now: "2026-01-05T09:00")
        let sync = try device.run(["sync"], now: "2026-01-05T09:00")
        #expect(sync.status == 74)
        #expect(sync.err == "journal: sync with new failed: the server's journal schema is version 7, newer than version 1 that this journal-remote knows: upgrade journal on this device\n")
    }

    /// sslmode=require encrypts without checking the certificate; verify-full checks it against PGSSLROOTCERT (or
    /// the system's roots) and the host name. The test server's certificate is for localhost, made by with-server.sh.
    @Test func sslModesAreHonoured() throws {
        var env = try TestServer.require()
        let root = try #require(env["JOURNAL_TEST_PG_ROOT"], "JOURNAL_TEST_PG_ROOT unset: run under bash Tools/pg/with-server.sh")
        env["PGSSLROOTCERT"] = nil
        let journal = TestServer.uniqueName("tls")
        let port = env["PGPORT"] ?? "5432", user = env["PGUSER"] ?? "", database = env["PGDATABASE"] ?? ""
        func greeting(host: String, mode: String, root: String?) throws -> String {
            var env = env
            env["PGSSLROOTCERT"] = root
            let url = "postgresql://\(user)@\(host):\(port)/\(database)?sslmode=\(mode)&journal=\(journal)"
            return try runProgram(try Built.path("journal-remote"), [url, journal], env: env, input: "").out
        }
        #expect(try greeting(host: "localhost", mode: "require", root: nil) == "{\"ok\":true,\"schema\":1}\n")
        #expect(try greeting(host: "localhost", mode: "verify-full", root: root) == "{\"ok\":true,\"schema\":1}\n")
        let untrusted = try greeting(host: "localhost", mode: "verify-full", root: nil)
        #expect(untrusted.hasPrefix("{\"error\":\"cannot connect to localhost:\(port): ") && untrusted.contains("CERTIFICATE_VERIFY_FAILED"), "\(untrusted)")
        let wrongName = try greeting(host: "127.0.0.1", mode: "verify-full", root: root)
        #expect(wrongName.contains("failedToValidateHostname"), "\(wrongName)")

        // journal sync over verify-full.
        let device = try Device("tls")
        try device.ok(["log", "activity", "Reading", "--minutes", "20"], now: "2026-01-05T09:00")
        try device.ok(["remote", "add", "safe", "postgresql://\(user)@localhost:\(port)/\(database)?sslmode=verify-full&journal=\(journal)"], now: "2026-01-05T09:00")
        var sync = try device.run(["sync"], now: "2026-01-05T09:00", env: ["PGSSLROOTCERT": root])
        #expect(sync.out == "Pushed 1 event, pulled 0 events; safe holds 1\n", "\(sync)")
        sync = try device.run(["sync"], now: "2026-01-05T09:00", env: ["PGSSLROOTCERT": nil])
        #expect(sync.status == 74)
        #expect(sync.err.hasPrefix("journal: sync with safe failed: cannot connect to localhost:\(port): "), "\(sync)")
    }

    /// The password comes from PGPASSWORD, else from the password file, and that only when no one but its owner
    /// can read it (0600), as libpq reads ~/.pgpass.
    @Test func thePasswordFileIsReadOnlyWhenPrivate() throws {
        var env = try TestServer.require()
        let password = try #require(env["PGPASSWORD"], "PGPASSWORD unset: run under bash Tools/pg/with-server.sh")
        env["PGPASSWORD"] = nil
        let folder = try TemporaryFolder(prefix: "pgpass-")
        let file = folder.path + "/pgpass"
        let port = env["PGPORT"] ?? "5432"
        try "# a comment\nother:*:*:*:wrong\nlocalhost:\(port):*:\(env["PGUSER"] ?? ""):\(password.replacingOccurrences(of: ":", with: "\\:"))\n"
            .write(toFile: file, atomically: true, encoding: .utf8)
        env["PGPASSFILE"] = file
        let url = try TestServer.url(journal: "pgpass").replacingOccurrences(of: "@\(env["PGHOST"] ?? "")", with: "@localhost")
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file)
        #expect(try runProgram(try Built.path("journal-remote"), [url, "pgpass"], env: env).out == "{\"ok\":true,\"schema\":1}\n")
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: file)
        let ignored = try runProgram(try Built.path("journal-remote"), [url, "pgpass"], env: env)
        #expect(ignored.status == 69)
        #expect(ignored.out.hasPrefix("{\"error\":\"cannot connect to localhost:\(port): "), "\(ignored)")
    }

    /// Without the helper beside journal or on PATH, sync says so in one line naming make install.
    @Test func aMissingHelperIsOneClearLine() throws {
        let folder = try TemporaryFolder(prefix: "no-helper-")
        let copy = folder.path + "/journal"
        try FileManager.default.copyItem(atPath: try Built.path("journal"), toPath: copy)
        let db = folder.path + "/j.sqlite"
        var env = ["JOURNAL_NOW": "2026-01-05T09:00", "TZ": "UTC", "PATH": folder.path + "/nothing-here"]
        env["HOME"] = folder.path
        #expect(try runProgram(copy, ["--db", db, "remote", "add", "home", "postgresql://me@localhost/journal"], env: env).status == 0)
        let ran = try runProgram(copy, ["--db", db, "sync"], env: env)
        #expect(ran.status == 74)
        #expect(ran.out == "")
        #expect(ran.err == "journal: cannot sync: the helper journal-remote is neither beside journal nor on PATH; install it with make install (it is built with journal)\n")
    }
}
