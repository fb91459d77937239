import Foundation
import JournalDomain

/// The tools `journal import --from` reads, each through its own export format.
public enum PeerTool: String, CaseIterable, Sendable {
    case taskwarrior, timewarrior, jrnl, watson

    /// The tools' command names are accepted too: people type what they type every day.
    public init?(argument: String) {
        switch argument.lowercased() {
        case "task": self = .taskwarrior
        case "timew": self = .timewarrior
        default: self.init(rawValue: argument.lowercased())
        }
    }

    static var allValueStrings: [String] { allCases.map(\.rawValue) }

    /// The file's records, in the file's order. jrnl writes local wall-clock times, read in `time`'s zone.
    func records(in json: PeerJSON, source: PeerSource, time: TimeContext) throws -> PeerRecords {
        switch self {
        case .taskwarrior: return try TaskwarriorRecords.read(json, source)
        case .timewarrior: return try TimewarriorRecords.read(json, source)
        case .jrnl: return try JrnlRecords.read(json, source, time: time)
        case .watson: return try WatsonRecords.read(json, source)
        }
    }
}

/// The file being imported, as refusals name it.
struct PeerSource {
    let file: String
    let tool: PeerTool

    /// The file's bytes as JSON: exit 66 when it cannot be read, 65 when it is not JSON (as `journal import`
    /// of a damaged export).
    func load() throws -> PeerJSON {
        let data = try Importer.load(file)
        do {
            return try PeerJSONParser.parse(Array(data.buffer))
        } catch {
            throw failure(nil, .notJSON(error))
        }
    }

    /// The refusal of the file (nil record) or of one of its records, exit 65.
    func failure(_ record: String?, _ problem: PeerRecordProblem) -> AppError {
        AppError.peerRecord(file: file, record: record, tool: tool, problem: problem)
    }
}
