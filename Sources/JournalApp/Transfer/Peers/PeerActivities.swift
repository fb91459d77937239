import JournalDomain
import JournalStore

/// One activity an import would record.
struct PlannedActivity: Equatable {
    /// Derived from the tool, the record's identity and the part's index: the same record gives the same id on
    /// every import, which is what makes a second import add nothing.
    let eventId: String
    let occurredAt: Instant
    let activity: ActivityLogged
    /// The record it comes from, as refusals name it.
    let record: String
}

/// What the records of a file become: the activities, and the records that gave none.
struct PeerPlan: Equatable {
    var activities: [PlannedActivity] = []
    var skipped: [PeerSkip: Int] = [:]
}

/// The shared mapper from any tool's records to activities: pure, no store, no clock but `time`.
enum PeerActivities {
    static func plan(_ records: PeerRecords, maps: [PeerMap], source: PeerSource, time: TimeContext) throws -> PeerPlan {
        var plan = PeerPlan(skipped: records.skipped)
        var seen: [String: String] = [:]
        for record in records.records {
            if let first = seen.updateValue(record.name, forKey: record.identity) {
                throw source.failure(record.name, .repeatsRecord(first: first))
            }
            // A record reaching past today waits for a later import, whole, rather than being cut.
            let last = record.end.map { Instant(millisecondsSinceEpoch: max($0.millisecondsSinceEpoch - 1, record.start.millisecondsSinceEpoch)) }
            guard time.localDate(of: last ?? record.start) <= time.today else {
                plan.skipped[.future, default: 0] += 1
                continue
            }
            let map = PeerMap.first(maps, matching: record)
            let tags = PeerLabels.tags(of: record)
            let parts: [(index: Int, at: Instant, minutes: Int?)]
            if let end = record.end {
                parts = pieces(from: record.start, to: end, time: time).map { ($0.index, $0.at, $0.minutes) }
            } else {
                parts = [(0, record.start, nil)]
            }
            guard !parts.isEmpty else {
                plan.skipped[.tooShort, default: 0] += 1
                continue
            }
            for part in parts {
                plan.activities.append(PlannedActivity(
                    eventId: NameBasedEventId.make("\(source.tool.rawValue)\n\(record.identity)\n\(part.index)"),
                    occurredAt: part.at,
                    activity: ActivityLogged(text: record.text, goal: map?.goal, milestone: map?.milestone,
                                             minutes: part.minutes, tags: tags),
                    record: record.name))
            }
        }
        return plan
    }

    /// A tracked span as activities of at most one local day (the timer's split, `DaySpans`).
    static func pieces(from start: Instant, to end: Instant, time: TimeContext) -> [(index: Int, at: Instant, minutes: Int)] {
        DaySpans.pieces(from: start, to: end, time: time)
    }
}
