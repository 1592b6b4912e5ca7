#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import MeshDumpCore
import Synchronization

/// Objects as one YAML or JSON stream (`export -o yaml`, `rewrite -o json`), printed only when
/// the run commits: `meshdump export -o yaml | kubectl apply -f -` applies all or nothing.
///
/// Until then each kind's objects are spooled to a file of their own in a temporary folder
/// (memory stays flat however big the cluster); `commit` prints the kinds in order of group and
/// kind, each kind's objects in the order they came (a cluster lists them by namespace and
/// name), so the same input always prints the same bytes. The folder goes on abort, on a
/// signal, or with the next run after a crash.
public final class StreamWriter: ObjectSink {
    public let format: ObjectFormat
    private let emit: @Sendable ([UInt8]) -> Void
    private let spool: StagingFolder
    private let state = Mutex(State())

    private struct SpoolKey: Hashable, Comparable {
        var folder: String, group: String, kind: String
        static func < (a: SpoolKey, b: SpoolKey) -> Bool { (a.folder, a.group, a.kind) < (b.folder, b.group, b.kind) }
    }

    private struct State {
        var files: [SpoolKey: Int32] = [:]
        var finished = false
    }

    /// Spools under `temporaryFolder`; `emit` prints (standard output, in the command line).
    public init(format: ObjectFormat, temporaryFolder: String = StreamWriter.defaultTemporaryFolder,
                emit: @escaping @Sendable ([UInt8]) -> Void) throws {
        self.format = format
        self.emit = emit
        StagingFolder.discardStale(target: "", parent: temporaryFolder, base: "stream")
        spool = StagingFolder(target: "", parent: temporaryFolder, base: "stream", pid: getpid())
        StagingRegistry.add(spool)
        try FileSystem.removeTree(spool.path)
        try FileSystem.makeDirectories(spool.path)
    }

    /// `$TMPDIR`, else `/tmp`.
    public static var defaultTemporaryFolder: String {
        getenv("TMPDIR").map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
    }

    public var destination: String { "standard output" }
    public var holdsObjects: Bool { false }

    public func write(_ object: Object, folder: String?) throws {
        var document: [UInt8] = []
        try format.write(object.value, isFirst: false, to: &document)
        let key = SpoolKey(folder: folder ?? "", group: object.group, kind: object.kind)
        try state.withLock { state throws(InputError) in
            let fd: Int32
            if let open = state.files[key] {
                fd = open
            } else {
                let path = spool.path + "/" + String(state.files.count)
                fd = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
                guard fd >= 0 else { throw InputError(path: path, errno: errno) }
                state.files[key] = fd
            }
            try FileSystem.writeAll(fd, document, path: spool.path)
        }
    }

    public func commit(keeping kept: [KeptKind] = []) throws {
        let files = try state.withLock { state throws(TreeError) in
            if state.finished { throw TreeError.finished }
            state.finished = true
            return state.files.sorted { $0.key < $1.key }.map(\.value)
        }
        defer { discard(files) }
        // YAML documents were spooled each after a `---`; the stream's first one has none.
        var skip = format == .yaml ? 4 : 0
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        for fd in files {
            guard lseek(fd, 0, SEEK_SET) == 0 else { throw InputError(path: spool.path, errno: errno) }
            while true {
                let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress!, $0.count) }
                if n < 0 && errno == EINTR { continue }
                guard n >= 0 else { throw InputError(path: spool.path, errno: errno) }
                if n == 0 { break }
                let dropped = min(skip, n)
                skip -= dropped
                if dropped < n { emit(Array(chunk[dropped..<n])) }
            }
        }
    }

    public func abort() {
        let files = state.withLock { state -> [Int32] in
            defer { state.finished = true }
            return state.finished ? [] : Array(state.files.values)
        }
        discard(files)
    }

    private func discard(_ files: [Int32]) {
        for fd in files { close(fd) }
        spool.discard()
        StagingRegistry.remove(spool)
    }

    deinit {
        if !state.withLock({ $0.finished }) { abort() }
    }
}
