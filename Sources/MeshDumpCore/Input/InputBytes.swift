#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The whole content of one input (a file or standard input), at a fixed address so the parsers
/// can read it without copies while objects are decoded one at a time.
public final class InputBytes: @unchecked Sendable {
    /// The bytes; never mutated after reading.
    public let buffer: UnsafeBufferPointer<UInt8>
    /// The path as the user gave it, or `-` for standard input.
    public let source: String

    private init(owning buffer: UnsafeMutableBufferPointer<UInt8>, count: Int, source: String) {
        self.buffer = UnsafeBufferPointer(rebasing: buffer[..<count])
        self.source = source
    }

    public convenience init(_ bytes: some Collection<UInt8>, source: String) {
        let storage = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(bytes.count, 1))
        let count = storage.initialize(fromContentsOf: bytes)
        self.init(owning: storage, count: count, source: source)
    }

    deinit {
        UnsafeMutableRawPointer(mutating: buffer.baseAddress)?.deallocate()
    }

    /// A name for messages: the path, or `<stdin>`.
    public var displayName: String { source == "-" ? "<stdin>" : source }

    /// Reads a whole file, or standard input when `path` is `-`. With a `limit`, an input longer
    /// than that many bytes is an error (read no further than that, so `/dev/zero` ends too).
    public static func read(path: String, limit: Int? = nil) throws(InputError) -> InputBytes {
        let fd = path == "-" ? STDIN_FILENO : open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw InputError(path: path, errno: errno) }
        defer { if path != "-" { close(fd) } }
        var st = stat()
        var capacity = 64 * 1024
        if fstat(fd, &st) == 0 {
            if (st.st_mode & S_IFMT) == S_IFDIR { throw InputError(path: path, message: "is a directory") }
            if (st.st_mode & S_IFMT) == S_IFREG {
                if let limit, Int(st.st_size) > limit { throw InputError(tooLarge: path, limit: limit) }
                capacity = max(Int(st.st_size) + 1, 1)
            }
        }
        var storage = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: capacity)
        var count = 0
        while true {
            if count == storage.count {
                if let limit, count > limit {
                    storage.deallocate()
                    throw InputError(tooLarge: path, limit: limit)
                }
                let bigger = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: storage.count * 2)
                _ = bigger.initialize(fromContentsOf: storage)
                storage.deallocate()
                storage = bigger
            }
            let n = readFD(fd, storage.baseAddress! + count, storage.count - count)
            if n < 0 {
                if errno == EINTR { continue }
                let e = errno
                storage.deallocate()
                throw InputError(path: path, errno: e)
            }
            if n == 0 { break }
            count += n
        }
        if let limit, count > limit {
            storage.deallocate()
            throw InputError(tooLarge: path, limit: limit)
        }
        return InputBytes(owning: storage, count: count, source: path)
    }
}

/// An input that could not be opened or read (or a file that could not be written).
public struct InputError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var message: String
    /// The `errno` behind it, when there was one.
    public var code: Int32?

    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    public init(path: String, errno code: Int32) {
        self.init(path: path, message: String(cString: strerror(code)))
        self.code = code
    }

    /// An input longer than `limit` bytes.
    public init(tooLarge path: String, limit: Int) {
        self.init(path: path, message: "is larger than \(limit >= 1 << 20 ? "\(limit >> 20) MiB" : "\(limit) bytes"), the most meshdump reads of it")
    }

    public var description: String { "\(path == "-" ? "<stdin>" : path): \(message)" }
}

private func readFD(_ fd: Int32, _ buffer: UnsafeMutablePointer<UInt8>, _ count: Int) -> Int {
    read(fd, buffer, count)
}
