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
public struct FileDiffSource: DiffSource {
    public var path: String

    public init(path: String) {
        self.path = path
    }

    public var name: String { path }

    public func forEachObject(_ body: (Object) throws -> Void) async throws {
        try FileObjectSource(paths: [path]).forEach(body)
    }
}
