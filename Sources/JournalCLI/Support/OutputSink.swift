import Foundation

/// Standard output or a file, written through a buffer (an export of a long journal is many lines). A write that
/// fails (a full disk, a closed pipe) is an error naming the destination, never a crash or a silent loss.
final class OutputSink {
    private let handle: FileHandle
    private let destination: String
    private let ownsHandle: Bool
    private var buffer: [UInt8] = []

    init(path: String?) throws {
        guard let path else {
            handle = FileHandle.standardOutput
            destination = "standard output"
            ownsHandle = false
            return
        }
        // Opened in place (not FileManager's create-and-rename), so a symlink, a FIFO or a device is written through.
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw CLIError(.io, "cannot write \(path): \(String(cString: strerror(errno))); check the folder exists and is writable")
        }
        handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        destination = path
        ownsHandle = true
    }

    func write(_ line: String) throws {
        buffer.append(contentsOf: line.utf8)
        buffer.append(0x0A)
        if buffer.count >= 1 << 20 { try flush() }
    }

    private func flush() throws {
        do {
            try handle.write(contentsOf: buffer)
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
    }

    /// The operating system's words for a failed write ("No space left on device").
    static func reason(_ error: Error) -> String {
        let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError
        if let underlying, underlying.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(underlying.code))) }
        return error.localizedDescription
    }
}
