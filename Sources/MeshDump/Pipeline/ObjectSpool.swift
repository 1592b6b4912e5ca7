#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import MeshDumpCore
import Synchronization

/// Object values kept on disk between the passes of a command that reads its input more than
/// once but must not hold it in memory (`apply`: the dry run, then the apply, of exactly what was
/// read once): compact JSON, one value a line, in a temporary file that is unlinked as soon as it
/// is made, so nothing is left behind however the process ends.
///
/// Appends (from any task, one at a time) go through a buffer; `finish()` flushes it, after which
/// any number of `Reader`s read the lines back in the order they were appended, a chunk at a
/// time, to be sent as they are or decoded.
public final class ObjectSpool: Sendable {
    private let fd: Int32
    /// The folder it lives in, for messages (the file itself has no name any more).
    public let folder: String
    private let pending = Mutex<[UInt8]>([])

    static let chunkSize = 1 << 16

    /// A new, empty spool in `temporaryFolder` (`$TMPDIR`, else `/tmp`).
    public init(temporaryFolder: String = StreamWriter.defaultTemporaryFolder) throws(InputError) {
        var template = Array((temporaryFolder + "/.meshdump-spool-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw InputError(path: temporaryFolder, errno: errno) }
        unlink(template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) })
        self.fd = fd
        folder = temporaryFolder
    }

    deinit {
        close(fd)
    }

    /// The line `value` is spooled as: compact JSON, which has no line break in it.
    public static func line(_ value: Value) throws(JSONWriteError) -> [UInt8] {
        var line: [UInt8] = []
        try JSONWriter.write(value, compact: true, to: &line)
        return line
    }

    /// Appends one value, as `line(_:)` wrote it.
    public func append(line: [UInt8]) throws(InputError) {
        try pending.withLock { pending throws(InputError) in
            pending += line
            pending.append(0x0A)
            if pending.count >= Self.chunkSize { try flush(&pending) }
        }
    }

    /// Writes out what is buffered; call before reading.
    public func finish() throws(InputError) {
        try pending.withLock { pending throws(InputError) in try flush(&pending) }
    }

    private func flush(_ pending: inout [UInt8]) throws(InputError) {
        try FileSystem.writeAll(fd, pending, path: folder + " (spool)")
        pending.removeAll(keepingCapacity: true)
    }

    /// Reads the values back from the first, each reader on its own.
    public func reader() -> Reader {
        Reader(fd: fd, name: folder + " (spool)")
    }

    /// One pass over a spool's values, in the order they were appended.
    public final class Reader {
        private let fd: Int32
        private let name: String
        private var offset: off_t = 0
        private var buffer: [UInt8] = []
        private var start = 0
        private var atEnd = false

        init(fd: Int32, name: String) {
            self.fd = fd
            self.name = name
        }

        /// The next value's line (its compact JSON), or nil after the last.
        public func next() throws(InputError) -> [UInt8]? {
            guard let line = try nextLine() else { return nil }
            return Array(buffer[line])
        }

        /// Passes over the next value without copying it; false after the last.
        public func skip() throws(InputError) -> Bool {
            try nextLine() != nil
        }

        /// The range of the next line in `buffer`, reading more as needed.
        private func nextLine() throws(InputError) -> Range<Int>? {
            while true {
                if let newline = buffer[start...].firstIndex(of: 0x0A) {
                    defer { start = newline + 1 }
                    return start..<newline
                }
                if atEnd { return nil }
                buffer.removeSubrange(..<start)
                start = 0
                let had = buffer.count
                buffer.append(contentsOf: repeatElement(0, count: ObjectSpool.chunkSize))
                let n = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress! + had, ObjectSpool.chunkSize, offset) }
                if n < 0 {
                    if errno == EINTR { buffer.removeSubrange(had...); continue }
                    throw InputError(path: name, errno: errno)
                }
                buffer.removeSubrange((had + n)...)
                offset += off_t(n)
                if n == 0 { atEnd = true }
            }
        }
    }
}
