import Foundation

/// The stored form of an event: a type name, a schema version and a payload of JSON with sorted keys,
/// so the same event always has the same bytes (the hash chain depends on it).
extension JournalEvent {
    public static let currentSchemaVersion = 1

    public enum Kind: String, CaseIterable, Sendable {
        case directionSet = "direction-set"
        case goalSet = "goal-set"
        case milestonePlanned = "milestone-planned"
        case milestoneDone = "milestone-done"
        case progressMeasured = "progress-measured"
        case activityLogged = "activity-logged"
        case goalRevised = "goal-revised"
        case goalCompleted = "goal-completed"
        case goalDropped = "goal-dropped"
        case reviewRecorded = "review-recorded"
        case partnerNamed = "partner-named"
        case eventRetracted = "event-retracted"
    }

    public var kind: Kind {
        switch self {
        case .directionSet: return .directionSet
        case .goalSet: return .goalSet
        case .milestonePlanned: return .milestonePlanned
        case .milestoneDone: return .milestoneDone
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
        guard let kind = Kind(rawValue: type) else {
            throw DecodingFailure(type: type, reason: "unknown event type")
        }
        guard schemaVersion >= 1, schemaVersion <= JournalEvent.currentSchemaVersion else {
            throw DecodingFailure(type: type, reason: "schema version \(schemaVersion) is newer than this journal knows (\(JournalEvent.currentSchemaVersion))")
        }
        let data = Data(payload.utf8)
        let decoder = JSONDecoder()
        do {
            switch kind {
            case .directionSet: self = .directionSet(try decoder.decode(DirectionSet.self, from: data))
            case .goalSet: self = .goalSet(try decoder.decode(GoalSet.self, from: data))
            case .milestonePlanned: self = .milestonePlanned(try decoder.decode(MilestonePlanned.self, from: data))
            case .milestoneDone: self = .milestoneDone(try decoder.decode(MilestoneDone.self, from: data))
            case .progressMeasured: self = .progressMeasured(try decoder.decode(ProgressMeasured.self, from: data))
            case .activityLogged: self = .activityLogged(try decoder.decode(ActivityLogged.self, from: data))
            case .goalRevised: self = .goalRevised(try decoder.decode(GoalRevised.self, from: data))
            case .goalCompleted: self = .goalCompleted(try decoder.decode(GoalCompleted.self, from: data))
            case .goalDropped: self = .goalDropped(try decoder.decode(GoalDropped.self, from: data))
            case .reviewRecorded: self = .reviewRecorded(try decoder.decode(ReviewRecorded.self, from: data))
            case .partnerNamed: self = .partnerNamed(try decoder.decode(PartnerNamed.self, from: data))
            case .eventRetracted: self = .eventRetracted(try decoder.decode(EventRetracted.self, from: data))
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
