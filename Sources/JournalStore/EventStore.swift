import JournalDomain

/// An event about to be appended. The store assigns its position, stream version, recorded time and hash.
public struct NewEvent: Equatable, Sendable {
    /// A UUID: the idempotency key. Appending the same id with the same content again is a no-op.
    public var eventId: String
    public var type: String
    public var schemaVersion: Int
    /// JSON with sorted keys; stored byte for byte.
    public var payload: String
    public var metadata: String
    public var occurredAt: Instant
    /// nil: recorded at the time of the append. Set only by imports, which keep the time an event was first recorded.
    public var recordedAt: Instant?

    public init(eventId: String, type: String, schemaVersion: Int, payload: String, metadata: String = "{}",
                occurredAt: Instant, recordedAt: Instant? = nil) {
        self.eventId = eventId
        self.type = type
        self.schemaVersion = schemaVersion
        self.payload = payload
        self.metadata = metadata
        self.occurredAt = occurredAt
        self.recordedAt = recordedAt
    }
}

/// An event as the log holds it.
public struct RecordedEvent: Equatable, Sendable {
    public var position: Int64
    public var eventId: String
    public var streamId: String
    public var streamVersion: Int
    public var type: String
    public var schemaVersion: Int
    public var payload: String
    public var metadata: String
    public var occurredAt: Instant
    public var recordedAt: Instant
    public var previousHash: [UInt8]
    public var hash: [UInt8]

    public init(position: Int64, eventId: String, streamId: String, streamVersion: Int, type: String,
                schemaVersion: Int, payload: String, metadata: String, occurredAt: Instant, recordedAt: Instant,
                previousHash: [UInt8], hash: [UInt8]) {
        self.position = position
        self.eventId = eventId
        self.streamId = streamId
        self.streamVersion = streamVersion
        self.type = type
        self.schemaVersion = schemaVersion
        self.payload = payload
        self.metadata = metadata
        self.occurredAt = occurredAt
        self.recordedAt = recordedAt
        self.previousHash = previousHash
        self.hash = hash
    }

    /// Same event, as far as idempotent retries are concerned: everything the writer chose.
    func hasSameContent(as event: NewEvent, stream: String) -> Bool {
        streamId == stream && type == event.type && schemaVersion == event.schemaVersion
            && payload == event.payload && metadata == event.metadata && occurredAt == event.occurredAt
            && (event.recordedAt.map { $0 == recordedAt } ?? true)
    }
}

/// What the writer believes about a stream before appending to it.
public enum ExpectedVersion: Equatable, Sendable, CustomStringConvertible {
    case any
    case noStream
    case streamExists
    case exact(Int)

    func accepts(_ actual: Int) -> Bool {
        switch self {
        case .any: return true
        case .noStream: return actual == 0
        case .streamExists: return actual > 0
        case .exact(let v): return actual == v
        }
    }

    public var description: String {
        switch self {
        case .any: return "any version"
        case .noStream: return "no stream"
        case .streamExists: return "an existing stream"
        case .exact(let v): return "version \(v)"
        }
    }
}

/// Events for one stream, appended together or not at all.
public struct AppendBatch: Equatable, Sendable {
    public var stream: String
    public var expected: ExpectedVersion
    public var events: [NewEvent]

    public init(stream: String, expected: ExpectedVersion, events: [NewEvent]) {
        self.stream = stream
        self.expected = expected
        self.events = events
    }
}

/// The event log: appends checked against each stream's expected version, reads by position and by stream.
/// SQLite (`SQLiteEventStore`) is the embedded implementation and `InMemoryEventStore` a second one written to
/// the same contract; StoreConformanceTests holds both to it.
public protocol EventStore: AnyObject {
    /// Appends every batch in one transaction: all or nothing. Events whose id is already stored with the
    /// same content are skipped (an idempotent retry); an id stored with other content fails the whole append.
    func append(_ batches: [AppendBatch], recordedAt: Instant) throws(StoreError) -> [RecordedEvent]
    /// Events from `position` on, in log order.
    func read(from position: Int64, limit: Int) throws(StoreError) -> [RecordedEvent]
    /// One stream's events from `version` on, in order.
    func readStream(_ stream: String, from version: Int) throws(StoreError) -> [RecordedEvent]
    func event(atPosition position: Int64) throws(StoreError) -> RecordedEvent?
    func event(withId id: String) throws(StoreError) -> RecordedEvent?
    /// The current version of a stream; 0 when it has no events.
    func streamVersion(_ stream: String) throws(StoreError) -> Int
    /// How many events the log holds.
    func count() throws(StoreError) -> Int64
    /// The last position in the log (0 when empty).
    func headPosition() throws(StoreError) -> Int64
    /// Every event from `position` on, in log order, as the domain reads it.
    func forEachEnvelope(from position: Int64, pageSize: Int, _ body: (Envelope) throws -> Void) throws
}
