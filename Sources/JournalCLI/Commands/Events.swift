import ArgumentParser
import JournalApp
import JournalDomain
import JournalStore
import JournalViews

struct Events: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "events",
        abstract: "List the log's events: position, times, type, stream, payload.",
        discussion: "Examples: journal events --goal aws   journal events --type activity-logged --since 2025-04-01 --format jsonl   journal events --tag networking")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, jsonl, json
    }

    @Option(help: ArgumentHelp("Only events about this goal (its own events and the activities linked to it).", valueName: "key"),
            completion: CompletionCandidates.kind(.anyGoal))
    var goal: String?
    @Option(name: .customLong("type"), help: ArgumentHelp(
        "Only events of this type (repeatable): \(JournalEvent.Kind.allCases.map(\.rawValue).joined(separator: ", ")).",
        valueName: "type"), completion: .list(JournalEvent.Kind.allCases.map(\.rawValue)))
    var types: [String] = []
    @Option(help: ArgumentHelp("Only events that occurred on or after this date.", valueName: "date")) var since: String?
    @Option(help: ArgumentHelp("Only events carrying this tag (activities and timers), normalised as imports do (\"UX Research\" is ux-research).", valueName: "tag"))
    var tag: String?
    @Option(help: "text for people; jsonl (one JSON object a line, every stored field) or json (one array of them) for scripts.")
    var format: Format = .text
    @OptionGroup var journal: JournalOptions

    func run() throws {
        let environment = JournalEnvironment()
        let time = try environment.time()
        let kinds = try types.map { raw throws(CLIError) in
            guard let kind = JournalEvent.Kind(rawValue: raw.lowercased()) else {
                throw CLIError(.usage, "--type '\(DateInput.printable(raw))' is not an event type; use one of \(JournalEvent.Kind.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            return kind.rawValue
        }
        let goal = try self.goal.map { raw throws(DomainError) in try Validate.key(raw, what: "--goal") }
        let since = try self.since.map { raw throws(DomainError) in time.startOfDay(try DateInput.day(raw, option: "--since", time: time)) }
        let store = try SQLiteEventStore(path: try environment.databasePath(option: journal.db), mode: .mustExist)

        let tag = try self.tag.map { raw throws(DomainError) in try Validate.tags(TagInput.normalised([raw])).first ?? raw }
        let resolved = try goal.map { try ResolvedGoalKey.resolve($0, in: store) }
        noteFormerKeys(resolved?.formerKey.map { [$0] } ?? [])
        let selected = try EventSelection(goal: resolved?.identity, types: kinds, since: since, tag: tag).select(in: store)
        if format == .json {
            let objects = selected.map { "  " + EventListing.jsonLine($0.event, retracted: $0.retracted) }
            print(objects.isEmpty ? "[]" : "[\n" + objects.joined(separator: ",\n") + "\n]")
            return
        }
        // On a terminal a line is cut at its width ("…"): the payload is for reading at a glance there.
        let fit = environment.fit(text: format == .text)
        // The payload stores a goal's identity; the text names a renamed goal's current key beside it.
        var shown: [String: String?] = [:]
        func renamed(_ event: RecordedEvent) throws -> String? {
            guard format == .text, let id = try? event.envelope().event.goalKey else { return nil }
            if let known = shown[id] { return known }
            let holder = try store.goalHolding(key: id)
            let now = holder.flatMap { $0.goal == id && $0.shownKey != id ? "\(id) is now \($0.shownKey)" : nil }
            shown[id] = .some(now)
            return now
        }
        for listed in selected {
            switch format {
            case .text:
                var line = EventListing.textLine(listed.event, retracted: listed.retracted, amended: listed.amended, time: time)
                if let note = try renamed(listed.event) { line += "  [\(note)]" }
                print(fit.map { $0.truncate(line, to: $0.columns) } ?? line)
            case .jsonl, .json: print(EventListing.jsonLine(listed.event, retracted: listed.retracted))
            }
        }
    }
}

enum EventListing {
    /// The stored type, stream and payload are shown escaped (ShownText): JSON leaves C1, bidi and zero-width
    /// characters as they are, and a log written by another program may hold anything.
    static func textLine(_ e: RecordedEvent, retracted: Bool, amended: Int64? = nil, time: TimeContext) -> String {
        var line = pad(String(e.position), 6, right: true) + "  " + time.display(e.occurredAt) + "  "
            + pad(ShownText.line(e.type), 17) + "  " + pad(ShownText.line("\(e.streamId)#\(e.streamVersion)"), 24) + "  "
            + ShownText.line(e.payload)
        let lag = e.recordedAt.millisecondsSinceEpoch - e.occurredAt.millisecondsSinceEpoch
        if abs(lag) >= 60_000 { line += "  (recorded \(time.display(e.recordedAt)))" }
        if let amended { line += "  [amended #\(amended)]" }
        if retracted { line += "  [retracted]" }
        return line
    }

    /// Every stored field; payload and metadata embedded as JSON, hashes in hex.
    static func jsonLine(_ e: RecordedEvent, retracted: Bool) -> String {
        "{\"position\":\(e.position),\"eventId\":\(quote(e.eventId)),\"streamId\":\(quote(e.streamId)),"
            + "\"streamVersion\":\(e.streamVersion),\"type\":\(quote(e.type)),\"schemaVersion\":\(e.schemaVersion),"
            + "\"payload\":\(e.payload),\"metadata\":\(e.metadata),\"occurredAt\":\(quote(e.occurredAt.description)),"
            + "\"recordedAt\":\(quote(e.recordedAt.description)),\"previousHash\":\(quote(HashChain.hex(e.previousHash))),"
            + "\"hash\":\(quote(HashChain.hex(e.hash))),\"retracted\":\(retracted)}"
    }

    static func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
        guard text.count < width else { return text }
        let fill = String(repeating: " ", count: width - text.count)
        return right ? fill + text : text + fill
    }

    /// A JSON string literal (the export's way: JSONText).
    static func quote(_ text: String) -> String { JSONText.quote(text) }
}
