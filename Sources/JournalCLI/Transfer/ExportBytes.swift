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
            return Reader(fd: fd, bytes: ExportBytes(capacity: Int(info.st_size) + 1), isRegularFile: (info.st_mode & S_IFMT) == S_IFREG)
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

        func finish() { close(fd) }
    }

    /// The whole file at `path`; nil when it cannot be opened or read.
    static func load(path: String) -> ExportBytes? {
        guard var reader = Reader.start(path) else { return nil }
        while true {
            guard reader.fill(upTo: .max) else {
                reader.finish()
                return nil
            }
            guard reader.isFull else { break }
            // More than the size said: move to twice the room and read on.
            let larger = ExportBytes(capacity: reader.bytes.memory.count * 2)
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
