#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One input (a file, standard input, or bytes in memory), read in chunks as a decoder consumes
/// it, so a stream of objects of any length needs memory for about one object at a time.
///
/// A decoder sees a window of the input: the bytes from `windowStart` to `windowEnd`, as offsets
/// from the start of the input. It asks for more with `fill()` and says with `release(before:)`
/// which bytes it no longer needs. One unit of the input (a document, or one item of a List) may
/// span at most `limit` bytes, counted from `unitStart`; an endless or huge input is an error
/// naming the place, never a crash.
public final class InputBytes {
    /// The path as the user gave it, or `-` for standard input.
    public let source: String
    /// The most one document, or one item of a List, may hold.
    public static let documentLimit = 64 << 20
    /// The most a configuration file (rules, kubeconfig, certificate) may hold, read whole.
    public static let configurationLimit = 4 << 20
    /// How much is read at a time.
    static let chunkSize = 1 << 20

    /// The most one unit may span, from `unitStart`.
    var limit = InputBytes.documentLimit
    /// Where the unit being decoded starts, and its line and column when the decoder gave them.
    private(set) var unitStart = 0
    private var unitMark: Mark?
    /// While set, nothing is released: a decoder that may still start over keeps the beginning.
    var keepsBeginning = false

    private var storage: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    /// The offset of `storage[0]`.
    private(set) var windowStart = 0
    /// The offset just past the last byte read.
    private(set) var windowEnd = 0
    /// Bytes before this offset are no longer needed.
    private var releasedUpTo = 0
    /// The file read from; nil for bytes in memory and once the end is reached.
    private var descriptor: Int32?
    /// Why reading stopped short, told again to whoever asks for more.
    private var failure: ReadError?
    /// The mark of `windowStart`, and a tracker moving forward for `mark(at:)`.
    private var startMarks = MarkTracker()
    private var marks = MarkTracker()

    private init(source: String, storage: UnsafeMutablePointer<UInt8>, capacity: Int, descriptor: Int32?) {
        self.source = source
        self.storage = storage
        self.capacity = capacity
        self.descriptor = descriptor
    }

    /// Bytes already in memory (an API response, a test).
    public convenience init(_ bytes: some Collection<UInt8>, source: String) {
        let capacity = max(bytes.count, 1)
        guard let raw = malloc(capacity) else { preconditionFailure("out of memory copying \(capacity) bytes") }
        let storage = raw.assumingMemoryBound(to: UInt8.self)
        let count = UnsafeMutableBufferPointer(start: storage, count: capacity).initialize(fromContentsOf: bytes)
        self.init(source: source, storage: storage, capacity: capacity, descriptor: nil)
        windowEnd = count
    }

    deinit {
        closeDescriptor()
        free(storage)
    }

    /// A name for messages: the path, or `<stdin>`.
    public var displayName: String { source == "-" ? "<stdin>" : source }

    /// Opens a file, or standard input when `path` is `-`, to be read in chunks as it is decoded.
    public static func read(path: String) throws(InputError) -> InputBytes {
        let fd = path == "-" ? STDIN_FILENO : open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw InputError(path: path, errno: errno) }
        var st = stat()
        var capacity = chunkSize
        if fstat(fd, &st) == 0 {
            if (st.st_mode & S_IFMT) == S_IFDIR {
                if path != "-" { close(fd) }
                throw InputError(path: path, message: "is a directory")
            }
            if (st.st_mode & S_IFMT) == S_IFREG { capacity = min(max(Int(st.st_size) + 1, 4096), chunkSize) }
        }
        guard let storage = malloc(capacity)?.assumingMemoryBound(to: UInt8.self) else {
            if path != "-" { close(fd) }
            throw InputError(path: path, message: "out of memory")
        }
        return InputBytes(source: path, storage: storage, capacity: capacity, descriptor: fd)
    }

    /// The whole of a small file (a rules file, a kubeconfig, a certificate), or standard input
    /// when `path` is `-`; more than `limit` bytes is an error.
    public static func readAll(path: String, limit: Int = configurationLimit) throws(InputError) -> [UInt8] {
        let input = try read(path: path)
        input.limit = limit + 1  // reading on at `limit` bytes finds either the end or one byte too many
        do {
            while try input.fill() {}
        } catch {
            throw InputError(path: path, message: input.windowEnd > limit ? "larger than \(describe(limit)), the most such a file may hold"
                                                                          : error.message)
        }
        return Array(input.window)
    }

    // MARK: - The window

    /// The bytes from `windowStart` to `windowEnd`.
    var window: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: storage, count: windowEnd - windowStart) }

    /// The byte at `offset`, which must be in the window.
    subscript(offset: Int) -> UInt8 { storage[offset - windowStart] }

    /// The address of the byte at `offset` (in the window, or just past it).
    func address(of offset: Int) -> UnsafePointer<UInt8> { UnsafePointer(storage + (offset - windowStart)) }

    /// Whether the whole input has been read.
    var isComplete: Bool { descriptor == nil }

    /// Reads more of the input into the window; false at its end. Throws when the unit being
    /// decoded would grow past `limit`, when reading fails, or when memory runs out.
    func fill() throws(ReadError) -> Bool {
        if let failure { throw failure }
        guard let fd = descriptor else { return false }
        guard windowEnd - unitStart < limit else {
            throw ReadError(source: displayName, mark: unitMark ?? mark(at: unitStart),
                            message: "a document or List item larger than \(Self.describe(limit)), the most meshdump reads as one object")
        }
        try makeRoom()
        while true {
            let n = readFD(fd, storage + (windowEnd - windowStart), capacity - (windowEnd - windowStart))
            if n > 0 {
                windowEnd += n
                return true
            }
            if n == 0 {
                closeDescriptor()
                return false
            }
            if errno == EINTR { continue }
            let message = String(cString: strerror(errno))
            closeDescriptor()
            let error = ReadError(source: displayName, mark: mark(at: windowEnd), message: "cannot read: \(message)")
            failure = error
            throw error
        }
    }

    /// A unit (a document, or an item of a List) starts at `offset`, on `mark` when the decoder
    /// knows it (libyaml does; otherwise it is worked out from the offset, which must then stay in
    /// the window while the unit is read).
    func startUnit(at offset: Int, mark: Mark? = nil) {
        unitStart = offset
        unitMark = mark
    }

    /// Bytes before `offset` are no longer needed (unless `keepsBeginning` is set).
    func release(before offset: Int) {
        if !keepsBeginning { releasedUpTo = max(releasedUpTo, min(offset, windowEnd)) }
    }

    /// Makes room to read into: drops released bytes, or grows the storage. Storage sized for a
    /// small file grows only once full (the next read most likely finds the end).
    private func makeRoom() throws(ReadError) {
        let used = windowEnd - windowStart
        let free = capacity - used
        guard free == 0 || (free < Self.chunkSize / 4 && capacity >= Self.chunkSize) else { return }
        let dropped = releasedUpTo - windowStart
        if dropped > 0 && used - dropped <= capacity / 2 {
            // The forward tracker usually lags behind what is released and will pass it anyway:
            // moving it there counts each byte once.
            if marks.offset <= releasedUpTo {
                marks.advance(to: releasedUpTo, in: window, start: windowStart)
                startMarks = marks
            } else {
                startMarks.advance(to: releasedUpTo, in: window, start: windowStart)
            }
            memmove(storage, storage + dropped, used - dropped)
            windowStart = releasedUpTo
            return
        }
        let bigger = capacity < Self.chunkSize ? Self.chunkSize : capacity * 2
        guard let grown = realloc(storage, bigger) else {
            let error = ReadError(source: displayName, mark: mark(at: windowEnd),
                                  message: "out of memory holding \(Self.describe(used)) of the input")
            failure = error
            throw error
        }
        storage = grown.assumingMemoryBound(to: UInt8.self)
        capacity = bigger
    }

    private func closeDescriptor() {
        if let fd = descriptor, source != "-" { close(fd) }
        descriptor = nil
    }

    // MARK: - Marks

    /// The line and column of `windowStart`.
    var windowStartMark: Mark { startMarks.mark }

    /// The line and column of `offset`, which must be in the window.
    func mark(at offset: Int) -> Mark {
        let target = min(max(offset, windowStart), windowEnd)
        if target >= marks.offset {
            marks.advance(to: target, in: window, start: windowStart)
            return marks.mark
        }
        return startMarks.mark(at: target, in: window, start: windowStart)
    }

    static func describe(_ bytes: Int) -> String {
        bytes >= 1 << 20 ? "\(bytes >> 20) MB" : "\(bytes) bytes"
    }
}

/// An input that could not be opened or read (or a file that could not be written).
public struct InputError: Error, Sendable, Equatable, CustomStringConvertible {
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

    public var description: String { "\(path == "-" ? "<stdin>" : path): \(message)" }
}

private func readFD(_ fd: Int32, _ buffer: UnsafeMutablePointer<UInt8>, _ count: Int) -> Int {
    read(fd, buffer, count)
}
