#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Bytes of our own that stay where they are until released: an export file read whole, or an arena. An import
/// checks the file's bytes and then stores those very bytes, so they are read into private memory (a mapping
/// of the file would let another process change them in between).
final class ExportBytes {
    let bytes: UnsafeMutableBufferPointer<UInt8>

    private init(_ bytes: UnsafeMutableBufferPointer<UInt8>) { self.bytes = bytes }

    deinit { bytes.deallocate() }

    var buffer: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(bytes) }

    convenience init(copying source: [UInt8]) {
        let bytes = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: source.count)
        _ = bytes.initialize(from: source)
        self.init(bytes)
    }

    /// The whole file at `path`; nil when it cannot be opened or read.
    static func load(path: String) -> ExportBytes? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) != S_IFDIR else { return nil }
        // The size is a first guess (a file can grow while it is read, a pipe has none): read until the end.
        var capacity = max(Int(info.st_size) + 1, 1 << 16)
        var bytes = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: capacity)
        var count = 0
        while true {
            if count == capacity {
                let larger = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: capacity * 2)
                _ = larger.initialize(from: UnsafeBufferPointer(rebasing: bytes[0..<count]))
                bytes.deallocate()
                bytes = larger
                capacity *= 2
            }
            guard let base = bytes.baseAddress else { return nil }
            let got = read(fd, base + count, capacity - count)
            if got < 0 {
                if errno == EINTR { continue }
                bytes.deallocate()
                return nil
            }
            if got == 0 { break }
            count += got
        }
        // Only the first `count` bytes are used (deallocating goes by the base address alone).
        return ExportBytes(UnsafeMutableBufferPointer(start: bytes.baseAddress, count: count))
    }
}
