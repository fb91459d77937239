import Foundation

/// The stored form of an event: a type name, a schema version and a payload of JSON with sorted keys,
/// so the same event always has the same bytes (the hash chain depends on it).
extension JournalEvent {
    /// The schema version a new event of this kind is stored with (see Upcasting.swift for the older ones).
    public var schemaVersion: Int { kind.schemaVersion }

    public enum Kind: String, CaseIterable, Sendable {
        case directionSet = "direction-set"
        case goalSet = "goal-set"
        case milestonePlanned = "milestone-planned"
        case milestoneDone = "milestone-done"
        case milestoneRevised = "milestone-revised"
        case progressMeasured = "progress-measured"
        case activityLogged = "activity-logged"
        case goalRevised = "goal-revised"
        case goalCompleted = "goal-completed"
        case goalDropped = "goal-dropped"
        case reviewRecorded = "review-recorded"
        case partnerNamed = "partner-named"
        case eventRetracted = "event-retracted"

        /// The version new events of this kind are written with; every version from 1 up to it is readable.
        public var schemaVersion: Int {
            switch self {
            case .activityLogged: return 2
            default: return 1
            }
        }

        /// `Kind(rawValue:)`, faster: the length picks the one to three names worth comparing.
        static func named(_ type: String) -> Kind? {
            let kind: Kind
            switch type.utf8.count {
            case 8: kind = .goalSet
            case 12: kind = type == Kind.goalRevised.rawValue ? .goalRevised : .goalDropped
            case 13: kind = type == Kind.directionSet.rawValue ? .directionSet : .partnerNamed
            case 14: kind = type == Kind.milestoneDone.rawValue ? .milestoneDone : .goalCompleted
            case 15:
                kind = type == Kind.activityLogged.rawValue ? .activityLogged
                    : type == Kind.eventRetracted.rawValue ? .eventRetracted : .reviewRecorded
            case 17: kind = type == Kind.progressMeasured.rawValue ? .progressMeasured
                : type == Kind.milestoneRevised.rawValue ? .milestoneRevised : .milestonePlanned
            default: return nil
            }
            return type == kind.rawValue ? kind : nil
        }

        /// The kind whose name is exactly these bytes.
        static func named(utf8 type: UnsafeBufferPointer<UInt8>) -> Kind? {
            func named(_ kind: Kind, _ name: StaticString) -> Kind? {
                guard type.count == name.utf8CodeUnitCount else { return nil }
                let literal = name.utf8Start
                for i in 0..<type.count where type[i] != literal[i] { return nil }
                return kind
            }
            switch type.count {
            case 8: return named(.goalSet, "goal-set")
            case 12: return named(.goalRevised, "goal-revised") ?? named(.goalDropped, "goal-dropped")
            case 13: return named(.directionSet, "direction-set") ?? named(.partnerNamed, "partner-named")
            case 14: return named(.milestoneDone, "milestone-done") ?? named(.goalCompleted, "goal-completed")
            case 15:
                return named(.activityLogged, "activity-logged") ?? named(.eventRetracted, "event-retracted")
                    ?? named(.reviewRecorded, "review-recorded")
            case 17:
                return named(.progressMeasured, "progress-measured") ?? named(.milestonePlanned, "milestone-planned")
                    ?? named(.milestoneRevised, "milestone-revised")
            default: return nil
            }
        }
    }

    public var kind: Kind {
        switch self {
        case .directionSet: return .directionSet
        case .goalSet: return .goalSet
        case .milestonePlanned: return .milestonePlanned
        case .milestoneDone: return .milestoneDone
        case .milestoneRevised: return .milestoneRevised
        case .progressMeasured: return .progressMeasured
        case .activityLogged: return .activityLogged
        case .goalRevised: return .goalRevised
        case .goalCompleted: return .goalCompleted
        case .goalDropped: return .goalDropped
        case .reviewRecorded: return .reviewRecorded
        case .partnerNamed: return .partnerNamed
        case .eventRetracted: return .eventRetracted
        }
    }

    public var type: String { kind.rawValue }

    public func payloadJSON() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data: Data
        switch self {
        case .directionSet(let e): data = try encoder.encode(e)
        case .goalSet(let e): data = try encoder.encode(e)
        case .milestonePlanned(let e): data = try encoder.encode(e)
        case .milestoneDone(let e): data = try encoder.encode(e)
        case .milestoneRevised(let e): data = try encoder.encode(e)
        case .progressMeasured(let e): data = try encoder.encode(e)
        case .activityLogged(let e): data = try encoder.encode(e)
        case .goalRevised(let e): data = try encoder.encode(e)
        case .goalCompleted(let e): data = try encoder.encode(e)
        case .goalDropped(let e): data = try encoder.encode(e)
        case .reviewRecorded(let e): data = try encoder.encode(e)
        case .partnerNamed(let e): data = try encoder.encode(e)
        case .eventRetracted(let e): data = try encoder.encode(e)
        }
        return String(decoding: data, as: UTF8.self)
    }

    public struct DecodingFailure: Error, Equatable, CustomStringConvertible {
        public let type: String
        public let reason: String
        public var description: String { "cannot read a '\(type)' event: \(reason)" }
    }

    /// Reads a stored event; unknown types and schema versions are errors, never traps.
    public init(type: String, schemaVersion: Int, payload: String) throws {
        guard let kind = Kind.named(type) else {
            throw DecodingFailure(type: type, reason: "unknown event type")
        }
        guard schemaVersion >= 1, schemaVersion <= kind.schemaVersion else {
            throw DecodingFailure(type: type, reason: "schema version \(schemaVersion) is newer than this journal knows (\(kind.schemaVersion)); upgrade journal to read it")
        }
        // The payload as our encoder writes it, read straight from its bytes; anything else goes to JSONDecoder,
        // which stays the reference (see FastPayloadDecoder).
        switch kind {
        case .activityLogged:
            // The bulk of every log, so it is built in place rather than copied out of an optional event.
            if let e = FastPayloadDecoder.read(payload, { FastPayloadDecoder.activityLogged(&$0, tags: schemaVersion != 1) }) {
                self = .activityLogged(e)
                return
            }
        default:
            if let event = FastPayloadDecoder.decode(kind, payload) {
                self = event
                return
            }
        }
        self = try JournalEvent.decodeWithJSONDecoder(kind, schemaVersion: schemaVersion, type: type, payload: payload)
    }

    /// The same event or error as `init(type: String(decoding: typeUTF8, as: UTF8.self), schemaVersion:,
    /// payload: String(decoding: payloadUTF8, as: UTF8.self))`, without making those strings when the payload
    /// is in our encoder's form: for readers that hold the stored bytes (the log's replay).
    public init(typeUTF8: UnsafeBufferPointer<UInt8>, schemaVersion: Int, payloadUTF8: UnsafeBufferPointer<UInt8>) throws {
        if let kind = Kind.named(utf8: typeUTF8), schemaVersion >= 1, schemaVersion <= kind.schemaVersion {
            switch kind {
            case .activityLogged:
                if let e = FastPayloadDecoder.whole(payloadUTF8, { FastPayloadDecoder.activityLogged(&$0, tags: schemaVersion != 1) }) {
                    self = .activityLogged(e)
                    return
                }
            default:
                if let event = FastPayloadDecoder.decode(kind, utf8: payloadUTF8) {
                    self = event
                    return
                }
            }
        }
        try self.init(type: String(decoding: typeUTF8, as: UTF8.self), schemaVersion: schemaVersion,
                      payload: String(decoding: payloadUTF8, as: UTF8.self))
    }

    /// The reference reading of a payload: Foundation's JSONDecoder and the types' Codable conformances.
    static func decodeWithJSONDecoder(_ kind: Kind, schemaVersion: Int, type: String, payload: String) throws -> JournalEvent {
        let data = Data(payload.utf8)
        let decoder = JSONDecoder()
        do {
            switch kind {
            case .directionSet: return .directionSet(try decoder.decode(DirectionSet.self, from: data))
            case .goalSet: return .goalSet(try decoder.decode(GoalSet.self, from: data))
            case .milestonePlanned: return .milestonePlanned(try decoder.decode(MilestonePlanned.self, from: data))
            case .milestoneDone: return .milestoneDone(try decoder.decode(MilestoneDone.self, from: data))
            case .milestoneRevised: return .milestoneRevised(try decoder.decode(MilestoneRevised.self, from: data))
            case .progressMeasured: return .progressMeasured(try decoder.decode(ProgressMeasured.self, from: data))
            case .activityLogged where schemaVersion == 1:
                return .activityLogged(try decoder.decode(ActivityLoggedV1.self, from: data).upcast)
            case .activityLogged: return .activityLogged(try decoder.decode(ActivityLogged.self, from: data))
            case .goalRevised: return .goalRevised(try decoder.decode(GoalRevised.self, from: data))
            case .goalCompleted: return .goalCompleted(try decoder.decode(GoalCompleted.self, from: data))
            case .goalDropped: return .goalDropped(try decoder.decode(GoalDropped.self, from: data))
            case .reviewRecorded: return .reviewRecorded(try decoder.decode(ReviewRecorded.self, from: data))
            case .partnerNamed: return .partnerNamed(try decoder.decode(PartnerNamed.self, from: data))
            case .eventRetracted: return .eventRetracted(try decoder.decode(EventRetracted.self, from: data))
            }
        } catch {
            throw DecodingFailure(type: type, reason: "malformed payload (\(error))")
        }
    }
}

/// An event as read back from the log, with where and when it was recorded.
public struct Envelope: Equatable, Sendable {
    public let position: Int64
    public let eventId: String
    public let streamId: String
    public let streamVersion: Int
    public let occurredAt: Instant
    public let recordedAt: Instant
    public let event: JournalEvent

    public init(position: Int64, eventId: String, streamId: String, streamVersion: Int,
                occurredAt: Instant, recordedAt: Instant, event: JournalEvent) {
        self.position = position
        self.eventId = eventId
        self.streamId = streamId
        self.streamVersion = streamVersion
        self.occurredAt = occurredAt
        self.recordedAt = recordedAt
        self.event = event
    }
}
