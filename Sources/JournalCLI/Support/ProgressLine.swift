import Dispatch
import JournalStore

/// How far a long command has got, on one line of standard error that is rewritten in place ("verify: 120000 of
/// 500000 events, 85000 events/s, 5 s left") and cleared at the end. Only on a terminal: pipes and CI logs get
/// nothing, so what they read is byte for byte what it was. Shown at most ten times a second and not before the
/// first tenth of a second, so a short command shows nothing; rates come from the monotonic clock (JOURNAL_NOW
/// is the journal's "now", not a stopwatch).
final class ProgressLine {
    private let command: String
    private let started: UInt64
    private var lastShown: UInt64
    private var shown = false
    static let interval: UInt64 = 100_000_000

    private init(_ command: String) {
        self.command = command
        started = DispatchTime.now().uptimeNanoseconds
        lastShown = started
    }

    /// A progress line for `command`, or nil when standard error is not a terminal.
    static func onTerminal(_ command: String) -> ProgressLine? {
        standardErrorIsTerminal ? ProgressLine(command) : nil
    }

    /// What the application calls a chunk at a time.
    var handler: ProgressHandler { { [self] done, total in update(done: done, total: total) } }

    func update(done: Int64, total: Int64) {
        let now = DispatchTime.now().uptimeNanoseconds
        guard now - lastShown >= Self.interval else { return }
        lastShown = now
        writeStandardError("\r" + Self.text(command, done: done, total: total, seconds: Double(now - started) / 1e9) + "\u{1B}[K")
        shown = true
    }

    /// Clears the line (on success and failure alike), so what follows starts on a clean line.
    func finish() {
        if shown { writeStandardError("\r\u{1B}[K") }
        shown = false
    }

    /// "verify: 120000 of 500000 events, 85000 events/s, 5 s left"; without a total, the count and the rate.
    static func text(_ command: String, done: Int64, total: Int64, seconds: Double) -> String {
        let rate = seconds > 0 ? Double(done) / seconds : 0
        var text = "\(command): \(done)" + (total > 0 ? " of \(total)" : "") + " events"
        guard rate >= 1 else { return text }
        text += ", \(Int(rate.rounded())) events/s"
        if total > done { text += ", \(Int((Double(total - done) / rate).rounded(.up))) s left" }
        return text
    }
}
