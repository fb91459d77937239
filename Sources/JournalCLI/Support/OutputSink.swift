#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Standard output or a file, written through a buffer (an export of a long journal is many lines). A write that
/// fails (a full disk, a closed pipe) is an error naming the destination, never a crash or a silent loss.
///
/// A file is written beside its target and renamed over it once complete and on disk, so a failed write leaves
/// the old file as it was and nothing else behind; a symlink is followed (its target is replaced, the link
/// stays), and a device or a FIFO is written in place. The journal itself, or one of the files SQLite keeps
/// beside it, is refused: writing there would destroy it.
final class OutputSink {
    private let handle: FileHandle
    private let destination: String
    private let ownsHandle: Bool
    private var buffer: [UInt8] = []
    /// The file being written and the one it replaces when complete; nil when writing in place.
    private var pending: (written: String, target: String)?

    /// `journal` is the journal the command reads; `mode` is a new file's permissions. A file replaced keeps its
    /// own, unless `always` (an export holds the whole private journal: it is `mode` whatever it replaces).
    init(path: String?, journal: String? = nil, mode: mode_t = 0o644, always: Bool = false) throws {
        guard let path else {
            handle = FileHandle.standardOutput
            destination = "standard output"
            ownsHandle = false
            return
        }
        guard !path.isEmpty else { throw CLIError(.usage, "--output is empty; give the path of the file to write") }
        let target = try OutputTarget(path)
        if let journal, target.isPartOfJournal(journal) {
            throw CLIError(.usage, "\(path) is the journal \(journal) (or a file SQLite keeps beside it); writing there would destroy it: give another file")
        }
        guard !target.isFolder else {
            throw CLIError(.io, "cannot write \(path): \(String(cString: strerror(EISDIR))); give the path of a file")
        }
        let descriptor: Int32
        if target.isSpecial {
            descriptor = open(target.resolved, O_WRONLY | O_TRUNC | O_CLOEXEC)
        } else {
            let (folder, name) = target.folderAndName
            let written = folder + "/." + name + ".partial-" + String(UInt64.random(in: .min ... .max), radix: 16)
            let kept = always ? nil : target.info.map { $0.st_mode & 0o777 }
            descriptor = open(written, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, always ? mode : kept ?? mode)
            if descriptor >= 0 {
                pending = (written, target.resolved)
                // open(2) applies the umask; a file replaced keeps exactly the permissions it had, and a private
                // one gets exactly `mode` (never more, whatever the umask or the old file allowed).
                if let kept { _ = fchmod(descriptor, kept) } else if always { _ = fchmod(descriptor, mode) }
            }
        }
        guard descriptor >= 0 else {
            throw CLIError(.io, "cannot write \(path): \(String(cString: strerror(errno))); check the folder exists and is writable")
        }
        handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        destination = path
        ownsHandle = true
    }

    /// A file not completed (a failed read or write) goes; the target stays as it was.
    deinit {
        if let pending { unlink(pending.written) }
    }

    func write(_ line: String) throws {
        buffer.append(contentsOf: line.utf8)
        buffer.append(0x0A)
        if buffer.count >= 1 << 20 { try flush() }
    }

    private func flush() throws {
        do {
            if ownsHandle {
                try handle.write(contentsOf: buffer)
            } else {
                try writeStandardOutput(buffer, through: handle)
            }
        } catch {
            throw CLIError(.io, "cannot write \(destination): \(OutputSink.reason(error)); free some space or write it elsewhere")
        }
        buffer.removeAll(keepingCapacity: true)
    }

    func close() throws {
        try flush()
        if ownsHandle {
            do {
                try handle.synchronize()
                try handle.close()
            } catch {
                throw CLIError(.io, "cannot finish writing \(destination): \(OutputSink.reason(error)); free some space or write it elsewhere")
            }
        }
        if let pending {
            guard rename(pending.written, pending.target) == 0 else {
                throw CLIError(.io, "cannot write \(destination): \(String(cString: strerror(errno))); check the folder is writable")
            }
            self.pending = nil
        }
    }

    /// The operating system's words for a failed write ("No space left on device").
    static func reason(_ error: Error) -> String {
        let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError
        if let underlying, underlying.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(underlying.code))) }
        return error.localizedDescription
    }
}
