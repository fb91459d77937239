import JournalDomain

/// `task export`: a JSON array of tasks. A completed task is something done: it becomes one activity at its
/// end time (else its last modification). Pending, waiting, recurring and deleted tasks are not (yet) done and
/// are skipped; a later import picks a task up once it is completed. Taskwarrior keeps no time spent on a task
/// (`start` is dropped when a task is stopped or done), so the activities carry no minutes.
enum TaskwarriorRecords {
    static func read(_ json: PeerJSON, _ source: PeerSource) throws -> PeerRecords {
        var result = PeerRecords()
        for (index, item) in try json.records(source).enumerated() {
            var fields = try PeerFields(item, name: "record \(index + 1)", source: source)
            let uuid = try fields.string("uuid")
            fields.name += " (task \(DateInput.printable(uuid)))"
            guard try fields.string("status") == "completed" else {
                result.skip(.notCompleted)
                continue
            }
            let entry = try fields.instant("entry", .compactUTC)
            let done = try fields.optionalInstant("end", .compactUTC) ?? fields.optionalInstant("modified", .compactUTC) ?? entry
            result.records.append(PeerRecord(
                name: fields.name, identity: uuid.lowercased(),
                text: PeerText.line(try fields.string("description"), fallback: "Taskwarrior task \(uuid)"),
                project: try fields.optionalString("project"), tags: try fields.strings("tags"), start: done, end: nil))
        }
        return result
    }
}
