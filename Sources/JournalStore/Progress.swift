/// How far a long pass over the log has got: events done of the total (0 when the total is not known). A pass
/// calls it once a chunk of `progressChunk` events, never once an event, and once at the end; the front end
/// decides whether and how to show it (the command line: a line on standard error, on a terminal only).
public typealias ProgressHandler = (_ done: Int64, _ total: Int64) -> Void

/// Events between two progress reports: rare enough to cost nothing on the hot paths, often enough for a line
/// that moves several times a second.
public let progressChunk: Int64 = 4096
