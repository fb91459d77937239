import JournalDomain

/// `jrnl --format json`: {"tags": {...}, "entries": [...]}, each entry with a title (its first sentence), a
/// body, a local date and time, and @tags. The title is the activity's text (the body stays in jrnl: an
/// activity is one line); entries have no duration. jrnl gives entries no id, so an entry is known by its date,
/// time and its rank among the entries of that same minute: editing an entry's text keeps it the same entry.
enum JrnlRecords {
    static func read(_ json: PeerJSON, _ source: PeerSource, time: TimeContext) throws -> PeerRecords {
        guard case .object(let top) = json, let entries = top["entries"] else {
            throw source.failure(nil, .notAJrnlExport)
        }
        var result = PeerRecords()
        var sameMinute: [String: Int] = [:]
        for (index, item) in try entries.records(source).enumerated() {
            var fields = try PeerFields(item, name: "entry \(index + 1)", source: source)
            let date = try fields.string("date"), clock = try fields.string("time")
            fields.name += " (\(DateInput.printable(date)) \(DateInput.printable(clock)))"
            guard let at = PeerDates.localDateTime(date: date, time: clock, in: time) else {
                throw fields.failure(.jrnlDateAndTimeUnreadable)
            }
            let minute = date + " " + clock
            let rank = sameMinute[minute, default: 0]
            sameMinute[minute] = rank + 1
            result.records.append(PeerRecord(
                name: fields.name, identity: "\(minute) #\(rank)",
                text: PeerText.line(try fields.string("title"), fallback: "jrnl entry"),
                project: nil, tags: try fields.strings("tags").map(PeerLabels.bare), start: at, end: nil))
        }
        return result
    }
}
