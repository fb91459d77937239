// libFuzzer entry point (issue 6, part 4b): the date, time and quarter parsers and the payload decoders (the
// import's per-event check), compiled together with JournalDomain's sources by Tools/Fuzz/fuzz.sh. The first byte
// picks the parser; the rest is its input. A finding is a crash, a trap, or the fast payload decoder disagreeing
// with the reference (JSONDecoder) path.
import Foundation

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzParsers(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let selector = data[0]
    let rest = UnsafeBufferPointer(start: data + 1, count: size - 1)
    let text = String(decoding: rest, as: UTF8.self)
    let time = TimeContext(now: Instant(millisecondsSinceEpoch: 1_747_418_400_000), zone: TimeZone(identifier: "UTC") ?? .current)
    switch selector % 4 {
    case 0:
        _ = DateTimeSyntax.parse(text)
        _ = DateTimeSyntax.parse(text, anyYear: true)
        _ = Instant(iso: text)
        _ = Instant(isoUTF8: rest)
        _ = LocalDate(iso: text)
    case 1:
        _ = Quarter(parsing: text)
        _ = try? Validate.quarter(text, today: time.today)
        _ = try? DateInput.day(text, option: "--on", time: time)
        _ = try? DateInput.day(text, option: "--as-of", time: time, week: .last)
        _ = try? DateInput.end(text, option: "--due", time: time)
        _ = try? DateInput.end(text, option: "--due", time: time, quarter: Quarter(year: 9999, number: 4))
        _ = try? DateInput.week(text, option: "--week", time: time)
        _ = try? DateInput.moment(text, option: "--on", time: time)
        _ = IsoWeek(parsing: text)
    default:
        // A payload of each event type, at each schema version: the fast reader must agree with JSONDecoder.
        let kind = JournalEvent.Kind.allCases[Int(selector / 4) % JournalEvent.Kind.allCases.count]
        for version in 1...kind.schemaVersion {
            let fast = Result { try JournalEvent(type: kind.rawValue, schemaVersion: version, payload: text) }
            let reference = Result { try JournalEvent.decodeWithJSONDecoder(kind, schemaVersion: version, type: kind.rawValue, payload: text) }
            // Issue 19: whatever a payload holds, the event rules judge it and a goal's fold takes it without a trap.
            if case .success(let event) = fast { judgeAndFold(event) }
            switch (fast, reference) {
            case (.success(let a), .success(let b)) where a != b:
                fatalError("fast and reference payload readers disagree on \(kind.rawValue) v\(version): \(text)")
            case (.success, .failure), (.failure, .success):
                fatalError("fast and reference payload readers disagree on whether \(kind.rawValue) v\(version) is valid: \(text)")
            default:
                break
            }
            // The byte-reading initializer (the log's replay) must give what the String one gives.
            let type = Array(kind.rawValue.utf8)
            let bytes = Result { try type.withUnsafeBufferPointer { try JournalEvent(typeUTF8: $0, schemaVersion: version, payloadUTF8: rest) } }
            switch (fast, bytes) {
            case (.success(let a), .success(let b)) where a != b:
                fatalError("the byte and string payload readers disagree on \(kind.rawValue) v\(version): \(text)")
            case (.success, .failure), (.failure, .success):
                fatalError("the byte and string payload readers disagree on whether \(kind.rawValue) v\(version) is valid: \(text)")
            default:
                break
            }
        }
    }
    return 0
}

/// The import's checks of one event (its values, its stream) and the goal stream folds, on any decoded payload.
func judgeAndFold(_ event: JournalEvent) {
    let at = Instant(millisecondsSinceEpoch: 1_747_418_400_000)
    for stream in [StreamName.goal(event.goalKey ?? "p"), StreamName.partner, StreamName.activities(at.utcParts.date)] {
        _ = try? EventRules.check(event, stream: stream, occurredAt: at, recordedAt: at)
    }
    let setting = Envelope(position: 1, eventId: "a", streamId: "goal-p", streamVersion: 1, occurredAt: at, recordedAt: at,
                           event: .goalSet(GoalSet(key: event.goalKey ?? "p", title: "t", quarter: at.utcParts.date.quarter)))
    let envelope = Envelope(position: 2, eventId: "b", streamId: "goal-p", streamVersion: 2, occurredAt: at, recordedAt: at, event: event)
    _ = GoalState.replay([setting, envelope, envelope])
    _ = StreamRules.firstConflict(in: [setting, envelope, envelope], newFrom: 1)
}
