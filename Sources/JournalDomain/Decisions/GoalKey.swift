import Foundation

/// Derives a short, lowercase key from a title: "Complete AWS Solutions Architect certification" -> "aws-solutions".
public enum GoalKey {
    static let fillerWords: Set<String> = [
        "a", "an", "the", "my", "to", "of", "in", "on", "for", "and", "or", "with", "by", "at", "from", "into",
        "get", "complete", "finish", "build", "do", "make", "be", "become", "start", "achieve", "earn", "have",
        "take", "reach", "improve", "learn", "per", "each", "new", "more", "this", "that", "i", "me",
    ]

    public static func base(for title: String, fallback: String = "goal") -> String {
        let folded = title.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
        let words = folded.split(whereSeparator: { !($0.isASCII && ($0.isLetter || $0.isNumber)) })
            .map(String.init)
            .filter { $0.count > 1 || $0.first?.isNumber == true }
        let meaningful = words.filter { !fillerWords.contains($0) }
        let chosen = (meaningful.isEmpty ? words : meaningful).prefix(2)
        var key = ""
        for word in chosen {
            let piece = String(word.prefix(12))
            let candidate = key.isEmpty ? piece : key + "-" + piece
            if candidate.count > 20 { break }
            key = candidate
        }
        return key.isEmpty ? fallback : key
    }

    /// The base key, then base-2, base-3, ...: the first one not taken is the goal's key.
    public static func candidates(for base: String) -> some Sequence<String> {
        (1...).lazy.map { $0 == 1 ? base : "\(base)-\($0)" }
    }
}
