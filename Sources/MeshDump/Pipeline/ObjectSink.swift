import MeshDumpCore

/// Where a command's objects end: a tree (`TreeWriter`) or a stream on standard output
/// (`StreamWriter`). Objects are written as they arrive and made visible all at once by
/// `commit`, or never, by `abort`: a failed run shows nothing of what it wrote.
public protocol ObjectSink: Sendable {
    /// How the summary names it: `data/`, `standard output`.
    var destination: String { get }
    /// Whether committing would replace objects already there (a tree with objects in it).
    var holdsObjects: Bool { get }

    /// Writes one object (under `folder`, one source's folder of several, when given).
    func write(_ object: Object, folder: String?) throws
    /// Makes everything written visible; `keeping` names kinds whose previous objects stay
    /// instead (kinds that failed in a partial export), where the sink has previous objects.
    func commit(keeping kept: [KeptKind]) throws
    /// Throws away everything written.
    func abort()
}

extension ObjectSink {
    /// Makes everything written visible.
    public func commit() throws {
        try commit(keeping: [])
    }
}

/// A kind of one source whose previous objects a partial export keeps.
public struct KeptKind: Sendable, Hashable {
    /// The source's folder in the tree (nil: the root).
    public var folder: String?
    public var resource: String

    public init(folder: String?, resource: String) {
        self.folder = folder
        self.resource = resource
    }
}
