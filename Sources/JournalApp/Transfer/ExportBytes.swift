#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Bytes of our own that stay where they are until released: an export file read whole, or an arena. An import
/// checks the file's bytes and then stores those very bytes, so they are read into private memory (a mapping
/// of the file would let another process change them in between).
final class ExportBytes {
    /// The bytes read so far (all of them once `load` returns).
    private(set) var buffer: UnsafeBufferPointer<UInt8>
    private let memory: UnsafeMutableRawBufferPointer

    /// Room for `capacity` bytes.
    private init(capacity: Int) {
        memory = .allocate(byteCount: max(capacity, 1), alignment: 16)
        buffer = UnsafeBufferPointer(start: memory.baseAddress?.assumingMemoryBound(to: UInt8.self), count: 0)
    }

    deinit { memory.deallocate() }

    convenience init(copying source: [UInt8]) {
        self.init(capacity: source.count)
        if let base = memory.baseAddress {
            source.withUnsafeBytes { base.copyMemory(from: $0.baseAddress ?? UnsafeRawPointer(base), byteCount: $0.count) }
        }
        buffer = UnsafeBufferPointer(start: buffer.baseAddress, count: source.count)
    }

    /// A regular file opened for reading, with room for its size and one byte more (to see that it grew).
    struct Reader {
        let fd: Int32
        let bytes: ExportBytes
        let isRegularFile: Bool

        static func start(_ path: String) -> Reader? {
            let fd = open(path, O_RDONLY | O_CLOEXEC)
            guard fd >= 0 else { return nil }
            var info = stat()
            guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) != S_IFDIR else {
                close(fd)
                return nil
            }
            // A file over the import limit gets no room of its size: `load` refuses it before reading.
            let room = min(Int(info.st_size), ExportBytes.maxImportBytes + 1) + 1
            return Reader(fd: fd, bytes: ExportBytes(capacity: room), isRegularFile: (info.st_mode & S_IFMT) == S_IFREG)
        }

        /// Reads on until `count` bytes are in or the file ends; false on a read error.
        func fill(upTo count: Int) -> Bool {
            let target = min(count, bytes.memory.count)
            guard let base = bytes.memory.baseAddress else { return target == 0 }
            var have = bytes.buffer.count
            while have < target {
                let got = read(fd, base + have, target - have)
                if got < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                if got == 0 { break }
                have += got
            }
            bytes.buffer = UnsafeBufferPointer(start: base.assumingMemoryBound(to: UInt8.self), count: have)
            return true
        }

        /// Whether all the room is used: the file is longer than its size said (it grew, or it is no file).
        var isFull: Bool { bytes.buffer.count == bytes.memory.count }

        /// The room: the file's size and one byte more, at first.
        var capacity: Int { bytes.memory.count }

        func finish() { close(fd) }
    }

    /// The most an import reads: far more than any journal's export (a million events take about 400 MB), and a
    /// bound on what a device or a pipe that never ends (/dev/zero) could make it hold in memory.
    static let maxImportBytes = 1 << 30
    static let maxImportText = "1 GiB"

    enum LoadFailure: Error {
        case unreadable
        /// More than `maxImportBytes`: nothing past that was read.
        case tooLarge
    }

    /// The whole file at `path`, at most `maxImportBytes` of it.
    static func load(path: String) throws(LoadFailure) -> ExportBytes {
        guard var reader = Reader.start(path) else { throw .unreadable }
        while true {
            guard reader.capacity <= maxImportBytes + 1 else {
                reader.finish()
                throw .tooLarge
            }
            guard reader.fill(upTo: .max) else {
                reader.finish()
                throw .unreadable
            }
            guard reader.isFull else { break }
            guard reader.capacity <= maxImportBytes else {
                reader.finish()
                throw .tooLarge
            }
            // More than the size said: move to twice the room (one byte over the limit at most) and read on.
            let larger = ExportBytes(capacity: min(reader.bytes.memory.count * 2, maxImportBytes + 1))
            if let base = larger.memory.baseAddress, let old = reader.bytes.memory.baseAddress {
                base.copyMemory(from: old, byteCount: reader.bytes.buffer.count)
            }
            larger.buffer = UnsafeBufferPointer(start: larger.memory.baseAddress?.assumingMemoryBound(to: UInt8.self),
                                                count: reader.bytes.buffer.count)
            reader = Reader(fd: reader.fd, bytes: larger, isRegularFile: reader.isRegularFile)
        }
        reader.finish()
        return reader.bytes
    }
}
