import Foundation
import JournalChain
import PostgresNIO

/// The shared log on PostgreSQL: one row per journal with its head (position and hash), the events with positions
/// per journal. An append locks the journal's head row until it commits, so positions are gapless and in commit
/// order (a sequence is not: ../shared/SYNC.md shows the event a reader skips); triggers refuse UPDATE, DELETE and
/// TRUNCATE on the events; payloads and metadata are stored as the text sent and never interpreted.
public struct ServerLog: Sendable {
    /// The server schema this helper creates and understands.
    public static let schemaVersion = 1

    public enum Failure: Error, Equatable, Sendable {
        case newerSchema(server: Int, known: Int)
        case differentContent(eventId: String)
        case message(String)
    }

    let connection: PostgresConnection
    let journal: String
    let logger: Logger

    public init(connection: PostgresConnection, journal: String, logger: Logger) {
        self.connection = connection
        self.journal = journal
        self.logger = logger
    }

    static let schema: [String] = [
        """
        CREATE TABLE journals (
            name text PRIMARY KEY,
            head_position bigint NOT NULL CHECK (head_position >= 0),
            head_hash bytea NOT NULL
        )
        """,
        """
        CREATE TABLE events (
            journal text NOT NULL REFERENCES journals(name),
            position bigint NOT NULL CHECK (position >= 1),
            event_id text NOT NULL,
            stream_id text NOT NULL,
            stream_version integer NOT NULL CHECK (stream_version >= 1),
            type text NOT NULL,
            schema_version integer NOT NULL,
            payload text NOT NULL,
            metadata text NOT NULL,
            occurred_at text NOT NULL,
            recorded_at text NOT NULL,
            previous_hash bytea NOT NULL,
            hash bytea NOT NULL,
            PRIMARY KEY (journal, position),
            UNIQUE (journal, event_id)
        )
        """,
        """
        CREATE FUNCTION journal_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION 'journal events are append-only: % refused', TG_OP;
        END
        $$
        """,
        "CREATE TRIGGER events_no_update BEFORE UPDATE OR DELETE ON events FOR EACH ROW EXECUTE FUNCTION journal_events_append_only()",
        "CREATE TRIGGER events_no_truncate BEFORE TRUNCATE ON events FOR EACH STATEMENT EXECUTE FUNCTION journal_events_append_only()",
    ]

    /// Creates the schema on a server that has none (under a lock, so two first syncs at once create it once) and
    /// refuses a newer one; returns the server's version.
    public func prepareSchema() async throws -> Int {
        try await connection.withTransaction(logger: logger) { tx in
            try await tx.query("SELECT pg_advisory_xact_lock(7226713015931904)", logger: logger)
            try await tx.query("CREATE TABLE IF NOT EXISTS journal_schema (version integer NOT NULL)", logger: logger)
            let rows: PostgresRowSequence = try await tx.query("SELECT version FROM journal_schema", logger: logger)
            var versions: [Int] = []
            for try await version in rows.decode(Int.self) { versions.append(version) }
            let version = versions.max() ?? 0
            if version > Self.schemaVersion { throw Failure.newerSchema(server: version, known: Self.schemaVersion) }
            if version == 0 {
                for statement in Self.schema { try await tx.query(PostgresQuery(unsafeSQL: statement), logger: logger) }
                try await tx.query("INSERT INTO journal_schema (version) VALUES (\(Self.schemaVersion))", logger: logger)
            }
            return max(version, Self.schemaVersion)
        }
    }

    public struct Head: Equatable, Sendable {
        public var position: Int64
        public var hash: [UInt8]
    }

    public func head() async throws -> Head {
        let rows = try await connection.query(
            "SELECT head_position, head_hash FROM journals WHERE name = \(journal)", logger: logger)
        for try await (position, hash) in rows.decode((Int64, ByteBuffer).self) {
            return Head(position: position, hash: Array(buffer: hash))
        }
        return Head(position: 0, hash: HashChain.genesis)
    }

    public struct Pushed: Equatable, Sendable {
        public var added: Int
        public var skipped: Int
        public var head: Head
    }

    /// Appends the events the journal lacks, in the order given, in one transaction: an id already there with
    /// the same content is skipped, one with different content refuses the whole push.
    public func push(_ events: [RemoteProtocol.Event]) async throws -> Pushed {
        let journal = self.journal, logger = self.logger
        return try await connection.withTransaction(logger: logger) { tx in
            try await tx.query("""
                INSERT INTO journals (name, head_position, head_hash) VALUES (\(journal), 0, \(ByteBuffer(bytes: HashChain.genesis)))
                ON CONFLICT (name) DO NOTHING
                """, logger: logger)
            // The head row stays locked until this transaction ends: the next pusher waits, then appends after us.
            let headRows: PostgresRowSequence = try await tx.query(
                "SELECT head_position, head_hash FROM journals WHERE name = \(journal) FOR UPDATE", logger: logger)
            var head = Head(position: 0, hash: HashChain.genesis)
            for try await (position, hash) in headRows.decode((Int64, ByteBuffer).self) {
                head = Head(position: position, hash: Array(buffer: hash))
            }
            let ids = events.map(\.eventId)
            let known: PostgresRowSequence = try await tx.query("""
                SELECT event_id, stream_id, type, schema_version, payload, metadata, occurred_at, recorded_at
                FROM events WHERE journal = \(journal) AND event_id = ANY(\(ids))
                """, logger: logger)
            var there: [String: RemoteProtocol.Event] = [:]
            for try await (id, stream, type, schema, payload, metadata, occurred, recorded)
                in known.decode((String, String, String, Int, String, String, String, String).self) {
                there[id] = RemoteProtocol.Event(eventId: id, streamId: stream, type: type, schemaVersion: schema,
                                                 payload: payload, metadata: metadata, occurredAt: occurred, recordedAt: recorded)
            }
            var fresh: [RemoteProtocol.Event] = []
            var skipped = 0
            for event in events {
                if let old = there[event.eventId] {
                    guard old.sameContent(as: event) else { throw Failure.differentContent(eventId: event.eventId) }
                    skipped += 1
                    continue
                }
                there[event.eventId] = event
                fresh.append(event)
            }
            if fresh.isEmpty { return Pushed(added: 0, skipped: skipped, head: head) }
            let streams = Array(Set(fresh.map(\.streamId)))
            let versionRows: PostgresRowSequence = try await tx.query("""
                SELECT stream_id, max(stream_version) FROM events
                WHERE journal = \(journal) AND stream_id = ANY(\(streams)) GROUP BY stream_id
                """, logger: logger)
            var versions: [String: Int] = [:]
            for try await (stream, version) in versionRows.decode((String, Int).self) { versions[stream] = version }

            var positions: [Int64] = [], streamVersions: [Int] = [], previous: [String] = [], hashes: [String] = []
            var position = head.position, hash = head.hash
            for event in fresh {
                position += 1
                let version = (versions[event.streamId] ?? 0) + 1
                versions[event.streamId] = version
                let next = HashChain.hash(previous: hash, position: position, eventId: event.eventId, streamId: event.streamId,
                                          streamVersion: version, type: event.type, schemaVersion: event.schemaVersion,
                                          payload: event.payload, metadata: event.metadata, occurredAt: event.occurredAt,
                                          recordedAt: event.recordedAt)
                positions.append(position)
                streamVersions.append(version)
                previous.append(HashChain.hex(hash))
                hashes.append(HashChain.hex(next))
                hash = next
            }
            let eventIds = fresh.map(\.eventId), streamIds = fresh.map(\.streamId), types = fresh.map(\.type)
            let schemas = fresh.map(\.schemaVersion), payloads = fresh.map(\.payload), metadata = fresh.map(\.metadata)
            let occurred = fresh.map(\.occurredAt), recorded = fresh.map(\.recordedAt)
            try await tx.query("""
                INSERT INTO events (journal, position, event_id, stream_id, stream_version, type, schema_version, payload,
                                    metadata, occurred_at, recorded_at, previous_hash, hash)
                SELECT \(journal), p, e, s, v, t, sv, pl, md, oa, ra, decode(ph, 'hex'), decode(h, 'hex')
                FROM unnest(\(positions)::bigint[], \(eventIds)::text[], \(streamIds)::text[], \(streamVersions)::integer[],
                            \(types)::text[], \(schemas)::integer[], \(payloads)::text[], \(metadata)::text[],
                            \(occurred)::text[], \(recorded)::text[], \(previous)::text[], \(hashes)::text[])
                     AS x(p, e, s, v, t, sv, pl, md, oa, ra, ph, h)
                """, logger: logger)
            try await tx.query("""
                UPDATE journals SET head_position = \(position), head_hash = \(ByteBuffer(bytes: hash)) WHERE name = \(journal)
                """, logger: logger)
            return Pushed(added: fresh.count, skipped: skipped, head: Head(position: position, hash: hash))
        }
    }

    /// The events after `position`, in position order, at most `limit`.
    public func pull(after position: Int64, limit: Int) async throws -> [RemoteProtocol.Event] {
        let rows = try await connection.query("""
            SELECT position, event_id, stream_id, stream_version, type, schema_version, payload, metadata, occurred_at, recorded_at
            FROM events WHERE journal = \(journal) AND position > \(position) ORDER BY position LIMIT \(limit)
            """, logger: logger)
        var events: [RemoteProtocol.Event] = []
        for try await (position, id, stream, version, type, schema, payload, metadata, occurred, recorded)
            in rows.decode((Int64, String, String, Int, String, Int, String, String, String, String).self) {
            events.append(RemoteProtocol.Event(position: position, eventId: id, streamId: stream, streamVersion: version,
                                               type: type, schemaVersion: schema, payload: payload, metadata: metadata,
                                               occurredAt: occurred, recordedAt: recorded))
        }
        return events
    }
}
