import JournalDomain

/// `timew export`: a JSON array of intervals, each with a UTC start, an end unless it is still open, tags and
/// an annotation. An interval's start identifies it (Timewarrior keeps intervals from overlapping; its `id`
/// numbers change as intervals are added). Its text is the annotation, else its tags; open intervals are skipped.
enum TimewarriorRecords {
    static func read(_ json: PeerJSON, _ source: PeerSource) throws -> PeerRecords {
        var result = PeerRecords()
        for (index, item) in try json.records(source).enumerated() {
            var fields = try PeerFields(item, name: "record \(index + 1)", source: source)
            let start = try fields.instant("start", .compactUTC)
            fields.name += " (interval from \(Instant.format(start, offsetSeconds: 0, milliseconds: false)))"
            let tags = try fields.strings("tags")
            let annotation = try fields.optionalString("annotation")
            guard let end = try fields.optionalInstant("end", .compactUTC) else {
                result.skip(.openInterval)
                continue
            }
            guard end >= start else { throw fields.failure(.endsBeforeStart) }
            result.records.append(PeerRecord(
                name: fields.name, identity: start.description,
                text: PeerText.line(annotation ?? tags.joined(separator: ", "), fallback: "Timewarrior interval"),
                project: nil, tags: tags, start: start, end: end))
        }
        return result
    }
}
