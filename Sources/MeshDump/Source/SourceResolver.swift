import MeshDumpCore

/// Makes the source a SOURCE names. Commands parse their arguments into `SourceSpec`s and ask
/// a resolver for the sources, so files and clusters are read the same way everywhere; the
/// command line gives a resolver that can reach clusters, tests one that cannot.
public protocol SourceResolver: Sendable {
    func source(for spec: SourceSpec) throws -> any ObjectSource
}

/// Files, folders and standard input only: a `cluster:` SOURCE is a usage error.
public struct FileSourceResolver: SourceResolver {
    public init() {}

    public func source(for spec: SourceSpec) throws -> any ObjectSource {
        guard case .path(let path) = spec else { throw UsageError("\(spec): no cluster can be reached here") }
        return FileSource(paths: [path])
    }
}
