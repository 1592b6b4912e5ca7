import MeshDumpCore

/// Where a command's objects come from: files and folders, standard input, or a live cluster.
///
/// Every command reads through one: `neat`, `export`, `rewrite`, `diff`, `check` and `apply`
/// differ only in the stages and the sink that follow. A source hands over each object the
/// request selects as soon as it is decoded, so nothing waits for a whole cluster in memory,
/// and says per kind what happened (listed at which version, skipped, failed) in its report,
/// beside the stream rather than through it. A source never decides where objects go: trees,
/// folders and file names are the sink's business.
public protocol ObjectSource: Sendable {
    /// The source as the user named it (`data/`, `-`, `cluster:prod`), for messages.
    var name: String { get }

    /// Whether the source is a live API server, whose unserved kinds are worth a warning (files
    /// that hold no object of a kind are simply silent about it).
    var isLive: Bool { get }

    /// Calls `deliver` with every object that `request` selects, as it is read. `deliver` is
    /// synchronous (neat, rules and a file write: no reason to suspend) and may be called
    /// concurrently for objects of different kinds. Throws when the source cannot be read at all
    /// (a malformed file, a kubeconfig that names no cluster) or when `deliver` throws; a kind
    /// that cannot be listed is reported as failed instead, and the others go on.
    func read(_ request: ReadRequest, deliver: @escaping @Sendable (Object) throws -> Void) async throws -> [KindReport]
}

/// What a command asks its sources for: which objects, and how to read them.
public struct ReadRequest: Sendable {
    /// Which kinds, namespaces and labels. A source applies all of it (a cluster on the server
    /// where Kubernetes allows, and again on every object). With no kinds, files give every
    /// kind they hold and clusters the eleven kinds of kubedump.sh.
    public var filter: ObjectFilter
    /// How many kinds a cluster lists at once.
    public var concurrency: Int
    /// Fields the stages drop whole, which sources may skip while decoding.
    public var droppedFields: DroppedFields?
    /// Kinds whose labels and annotations are all that is wanted: a cluster lists them as
    /// metadata only (`apiVersion`, `kind`, `metadata`); files give whole objects.
    public var metadataOnly: Set<GroupKind>
    /// Told how far a live source has listed each kind (files are read too fast to need it).
    public var progress: ListingProgressHandler?

    public init(filter: ObjectFilter = ObjectFilter(), concurrency: Int = 4, droppedFields: DroppedFields? = nil,
                metadataOnly: Set<GroupKind> = [], progress: ListingProgressHandler? = nil) {
        self.filter = filter
        self.concurrency = concurrency
        self.droppedFields = droppedFields
        self.metadataOnly = metadataOnly
        self.progress = progress
    }
}

extension ObjectSource {
    public var isLive: Bool { false }
}
