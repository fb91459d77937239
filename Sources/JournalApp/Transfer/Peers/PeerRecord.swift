import Foundation
import JournalDomain

/// One record of another tool's export, as the shared mapper needs it: what it says, its labels, when.
struct PeerRecord: Equatable {
    /// How refusals name it: "record 3 (task 8f1c...)".
    let name: String
    /// Stable across exports of the same data: the tool's own id, or what stands in for one.
    let identity: String
    /// One line of at most 200 characters (see `PeerText.line`).
    let text: String
    /// Taskwarrior's and Watson's project.
    let project: String?
    /// The labels as the tool wrote them (jrnl's without their @).
    let tags: [String]
    let start: Instant
    /// The end of a tracked span (Timewarrior, Watson); nil for a moment (a task done, a jrnl entry).
    let end: Instant?
}

/// Why a record gave no activity, as the summary line counts them.
public enum PeerSkip: CaseIterable, Hashable, Sendable {
    case notCompleted, openInterval, runningFrame, tooShort, future

    public func phrase(_ count: Int) -> String {
        let one = count == 1
        switch self {
        case .notCompleted: return "\(count) \(one ? "task" : "tasks") not completed skipped"
        case .openInterval: return "\(count) open \(one ? "interval" : "intervals") skipped"
        case .runningFrame: return "\(count) running \(one ? "frame" : "frames") skipped"
        case .tooShort: return "\(count) \(one ? "record" : "records") under half a minute skipped"
        case .future: return "\(count) \(one ? "record" : "records") dated after today skipped"
        }
    }
}

/// What a tool's reader found in the file.
struct PeerRecords: Equatable {
    var records: [PeerRecord] = []
    var skipped: [PeerSkip: Int] = [:]

    mutating func skip(_ reason: PeerSkip) { skipped[reason, default: 0] += 1 }
}

/// Fitting the tools' free text into an activity's one line.
enum PeerText {
    /// Line breaks, tabs and other control characters become spaces, runs of spaces one, and text longer than
    /// 200 characters is cut to 199 and an ellipsis; empty text becomes `fallback`.
    static func line(_ raw: String, fallback: String) -> String {
        let spaced = String(String.UnicodeScalarView(raw.unicodeScalars.map { isSpace($0) ? " " : $0 }))
        let text = spaced.split(separator: " ").joined(separator: " ")
        guard !text.isEmpty else { return fallback }
        guard text.count > Validate.maxTitleLength else { return text }
        return String(text.prefix(Validate.maxTitleLength - 1)).trimmingCharacters(in: .whitespaces) + "…"
    }

    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.properties.isWhitespace
    }
}

/// The tools' labels as journal's tags: lowercase letters, digits and dashes (see `Validate.tags`).
/// Tags as typed on the command line (`--tag "UX Research"`), normalised as the importers normalise labels.
public enum TagInput {
    /// Each tag as `PeerLabels.tag` makes it ("UX Research" -> "ux-research"); a label that normalises to nothing is
    /// kept as typed, so that `Validate.tags` refuses it with its words.
    public static func normalised(_ raw: [String]) -> [String] {
        raw.map { PeerLabels.tag($0) ?? $0 }
    }
}

enum PeerLabels {
    /// "Career_Growth" -> "career-growth", "Study session" -> "study-session", "café" -> "cafe", "aws.study" ->
    /// "aws-study"; a leading @, + or # is dropped; nil when nothing is left.
    static func tag(_ raw: String) -> String? {
        let folded = bare(raw).folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: nil)
            .lowercased()
        var key = ""
        for scalar in folded.unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                key.unicodeScalars.append(scalar)
            } else if !key.isEmpty, key.last != "-" {
                key.append("-")
            }
        }
        key = String(key.prefix(32))
        while key.hasSuffix("-") { key.removeLast() }
        return key.isEmpty ? nil : key
    }

    /// Without the tag symbol jrnl, Taskwarrior's command line and others put in front.
    static func bare(_ raw: String) -> String {
        raw.first.map { "@+#".contains($0) } == true ? String(raw.dropFirst()) : raw
    }

    /// A record's labels as tags: its project then its tags, each once, the first `Validate.maxTags`.
    static func tags(of record: PeerRecord) -> [String] {
        var tags: [String] = []
        for label in (record.project.map { [$0] } ?? []) + record.tags {
            if let tag = tag(label), !tags.contains(tag) { tags.append(tag) }
        }
        return Array(tags.prefix(Validate.maxTags))
    }
}
