#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import MeshDumpCore

/// Where the objects of one side of a diff come from: files, standard input, or a live cluster.
/// A source hands over every object it has; identity, filtering and comparing are the diff's.
public protocol DiffSource: Sendable {
    /// The side as the user named it, for messages (`old/`, `-`, `cluster:prod`).
    var name: String { get }

    /// Calls `body` with each object. Throws, naming the file or request, when one cannot be
    /// read: a diff never skips what it cannot read.
    func forEachObject(_ body: (Object) throws -> Void) async throws
}

/// A directory (every `.yaml`, `.yml` and `.json` file below it), a single file, or `-`.
///
/// A tree's files are decoded on every core, a few dozen files per task, and handed over in
/// path order, so the objects, the errors and the output are those of reading one file after
/// the other; at most a few tasks' objects wait in memory.
public struct FileDiffSource: DiffSource {
    public var path: String
    /// Files decoded by one task.
    static let filesPerTask = 32

    public init(path: String) {
        self.path = path
    }

    public var name: String { path }

    public func forEachObject(_ body: (Object) throws -> Void) async throws {
        let files = try InputPaths.expand([path])
        let chunks = stride(from: 0, to: files.count, by: Self.filesPerTask).map {
            Array(files[$0..<min($0 + Self.filesPerTask, files.count)])
        }
        let inFlight = 2 * max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
        try await withThrowingTaskGroup(of: (Int, Decoded).self) { group in
            var launched = 0
            var delivered = 0
            var ready: [Int: Decoded] = [:]
            while launched < min(inFlight, chunks.count) {
                let (index, chunk) = (launched, chunks[launched])
                group.addTask { (index, Self.decode(chunk)) }
                launched += 1
            }
            while delivered < chunks.count, let (index, decoded) = try await group.next() {
                ready[index] = decoded
                while let decoded = ready.removeValue(forKey: delivered) {
                    for object in decoded.objects { try body(object) }
                    if let error = decoded.error { throw error }
                    delivered += 1
                    if launched < chunks.count {
                        let (index, chunk) = (launched, chunks[launched])
                        group.addTask { (index, Self.decode(chunk)) }
                        launched += 1
                    }
                }
            }
        }
    }

    /// What one task decoded: the objects up to the first error, and that error.
    private struct Decoded: Sendable {
        var objects: [Object] = []
        var error: (any Error)?
    }

    /// The objects of files already found by `InputPaths` (so not looked up again). An error
    /// keeps the objects before it, which are handed over first, as a reader going file by file
    /// would have handed them over.
    private static func decode(_ files: [String]) -> Decoded {
        var decoded = Decoded()
        do {
            for file in files {
                let decoder = ObjectDecoder(try InputBytes.read(path: file))
                while let object = try decoder.next() { decoded.objects.append(object) }
            }
        } catch {
            decoded.error = error
        }
        return decoded
    }
}
