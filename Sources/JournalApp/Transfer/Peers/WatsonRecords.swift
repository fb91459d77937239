import JournalDomain

/// `watson log --all --json`: a JSON array of frames, each with an id, a project, a start and stop with their
/// zone offset, and tags. The frame being tracked (`--current` adds it, with the id "current") is skipped
/// until it is stopped. The text is the project and its tags, as `watson log` shows a frame.
enum WatsonRecords {
    static func read(_ json: PeerJSON, _ source: PeerSource) throws -> PeerRecords {
        var result = PeerRecords()
        for (index, item) in try json.records(source).enumerated() {
            var fields = try PeerFields(item, name: "record \(index + 1)", source: source)
            let id = try fields.string("id")
            fields.name += " (frame \(DateInput.printable(id)))"
            let project = try fields.string("project")
            let tags = try fields.strings("tags")
            let start = try fields.instant("start", .isoWithOffset)
            let stop = try fields.optionalInstant("stop", .isoWithOffset)
            guard id != "current", let stop else {
                result.skip(.runningFrame)
                continue
            }
            guard stop >= start else { throw fields.failure(.stopsBeforeStart) }
            let text = tags.isEmpty ? project : "\(project) [\(tags.joined(separator: ", "))]"
            result.records.append(PeerRecord(
                name: fields.name, identity: id.lowercased(), text: PeerText.line(text, fallback: "Watson frame"),
                project: project, tags: tags, start: start, end: stop))
        }
        return result
    }
}
