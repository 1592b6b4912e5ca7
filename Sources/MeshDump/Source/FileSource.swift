#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import MeshDumpCore

/// Objects read from files, folders (recursively: every `.yaml`, `.yml` and `.json` below them)
/// and standard input (`-`): a tree in any layout, `kubectl get -o yaml|json` dumps, Lists and
/// multi-document streams alike.
///
/// Objects come in the order the paths were given and, inside a folder, in byte order of their
/// paths, so messages and output never depend on the file system. A folder's files are decoded
/// on every core, a few dozen per task, and handed over in that order; a single file or
/// standard input is decoded and handed over one object at a time, so a dump of any size never
/// has to fit in memory as values. Any unreadable file or malformed document throws, naming the
/// file and position: a source never skips what it cannot read.
public struct FileSource: ObjectSource {
    public var paths: [String]
    public var name: String
    /// Files decoded by one task.
    static let filesPerTask = 32

    /// `name` defaults to the paths as given.
    public init(paths: [String], name: String? = nil) {
        self.paths = paths
        self.name = name ?? paths.joined(separator: ", ")
    }

    public func read(_ request: ReadRequest, deliver: @escaping @Sendable (Object) throws -> Void) async throws -> [KindReport] {
        var seen = SeenKinds()
        let files = try InputPaths.expand(paths)
        let deliverSelected = { (object: Object) throws in
            guard request.filter.includes(object) else { return }
            seen.add(object)
            try deliver(object)
        }
        if files.count <= 1 {
            for file in files { try Self.decode(file, request, deliverSelected) }
        } else {
            try await Self.decodeInParallel(files, request, deliverSelected)
        }
        return seen.reports(asked: request.filter.kinds, source: name)
    }

    /// Reads every object in order on the calling thread; `onFile` learns each file's format
    /// before its objects (what `neat` prints when no format is asked for).
    public func forEach(_ request: ReadRequest = ReadRequest(), onFile: (String, ObjectDecoder.Format) -> Void = { _, _ in },
                        _ body: (Object) throws -> Void) throws {
        for file in try InputPaths.expand(paths) {
            try Self.decode(file, request, onFile: onFile) { object in
                if request.filter.includes(object) { try body(object) }
            }
        }
    }

    /// Every object at once, for inputs that fit in memory.
    public func objects(_ request: ReadRequest = ReadRequest()) throws -> [Object] {
        var all: [Object] = []
        try forEach(request) { all.append($0) }
        return all
    }

    private static func decode(_ file: String, _ request: ReadRequest, onFile: (String, ObjectDecoder.Format) -> Void = { _, _ in },
                               _ body: (Object) throws -> Void) throws {
        let decoder = ObjectDecoder(try InputBytes.read(path: file), dropped: request.droppedFields)
        onFile(file, decoder.format)
        while let object = try decoder.next() { try body(object) }
    }

    /// Decodes chunks of files on every core and hands their objects over in path order; at
    /// most a few chunks' objects wait in memory. A chunk's error comes after the objects read
    /// before it, as reading file by file would have it.
    private static func decodeInParallel(_ files: [String], _ request: ReadRequest,
                                         _ body: (Object) throws -> Void) async throws {
        let chunks = stride(from: 0, to: files.count, by: filesPerTask).map {
            Array(files[$0..<min($0 + filesPerTask, files.count)])
        }
        let inFlight = 2 * max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
        try await withThrowingTaskGroup(of: (Int, DecodedChunk).self) { group in
            var launched = 0
            func launch() {
                let (index, chunk) = (launched, chunks[launched])
                group.addTask {
                    var decoded = DecodedChunk()
                    do {
                        for file in chunk { try decode(file, request) { decoded.objects.append($0) } }
                    } catch {
                        decoded.error = error
                    }
                    return (index, decoded)
                }
                launched += 1
            }
            while launched < min(inFlight, chunks.count) { launch() }
            var delivered = 0
            var ready: [Int: DecodedChunk] = [:]
            while delivered < chunks.count, let (index, decoded) = try await group.next() {
                ready[index] = decoded
                while let decoded = ready.removeValue(forKey: delivered) {
                    for object in decoded.objects { try body(object) }
                    if let error = decoded.error { throw error }
                    delivered += 1
                    if launched < chunks.count { launch() }
                }
            }
        }
    }
}

/// What one task decoded: the objects up to the first error, and that error.
private struct DecodedChunk: Sendable {
    var objects: [Object] = []
    var error: (any Error)?
}

/// The kinds a file source held, with the first version seen of each, for its report.
private struct SeenKinds {
    private var versions: [String: (kind: Kind, version: String)] = [:]

    mutating func add(_ object: Object) {
        let key = object.group + "/" + object.kind
        guard versions[key] == nil else { return }
        let id = object.id
        let kind = IstioKinds.kind(group: id.group, kind: id.kind)
            ?? Kind(group: id.group, kind: id.kind, resource: TreeLayout.guessPlural(id.kind), versions: [], isDefault: false)
        versions[key] = (kind, object.version)
    }

    /// Asked kinds first, in the order asked (skipped when the files held none), then the
    /// other kinds found, sorted.
    func reports(asked: KindSelection?, source: String) -> [KindReport] {
        var remaining = versions
        var reports: [KindReport] = (asked?.kinds ?? []).map { kind in
            guard let found = remaining.removeValue(forKey: kind.group + "/" + kind.kind) else {
                return KindReport(kind: kind, outcome: .skipped(reason: "not in \(source)"))
            }
            return KindReport(kind: kind, outcome: .listed(version: found.version))
        }
        for (kind, version) in remaining.values.sorted(by: { $0.kind.qualifiedResource < $1.kind.qualifiedResource }) {
            reports.append(KindReport(kind: kind, outcome: .listed(version: version)))
        }
        return reports
    }
}
