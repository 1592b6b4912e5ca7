import MeshDumpCore

/// Where `meshdump export` gets objects: a cluster's API server, or dumps on disk (`--from`).
///
/// A source lists the asked kinds (concurrently if it can), handing each object to `deliver`
/// with its kind's plural resource name as it arrives, so nothing waits for a whole cluster in
/// memory; it reports per kind what happened instead of stopping at the first failing kind.
/// `deliver` is synchronous (neat, rules and one file write: no reason to suspend) and may be
/// called concurrently for objects of different kinds.
public protocol ExportSource: Sendable {
    /// How the summary names the source: a kubeconfig context, or `dumps`.
    var name: String { get }

    func export(_ request: ExportRequest,
                deliver: @escaping @Sendable (_ object: Object, _ resource: String) throws -> Void) async throws -> [KindReport]
}

/// What to export: which kinds, which namespaces and labels.
public struct ExportRequest: Sendable {
    public var kinds: KindSelection
    public var filter: ObjectFilter
    /// How many kinds to list at once.
    public var concurrency: Int
    /// Fields the stages drop whole, which sources may skip while decoding.
    public var droppedFields: DroppedFields?

    public init(kinds: KindSelection = KindSelection(), filter: ObjectFilter = ObjectFilter(), concurrency: Int = 4,
                droppedFields: DroppedFields? = nil) {
        self.kinds = kinds
        self.filter = filter
        self.concurrency = concurrency
        self.droppedFields = droppedFields
    }
}

/// What happened to one kind.
public struct KindReport: Sendable, Equatable {
    /// How it ended.
    public enum Outcome: Sendable, Equatable {
        /// Listed in full at this version.
        case exported(version: String)
        /// Not served (or not asked for by its version); not an error.
        case skipped(reason: String)
        /// Listing failed; the server's message.
        case failed(message: String)
    }

    /// `virtualservices.networking.istio.io`
    public var qualifiedResource: String
    public var outcome: Outcome
    /// Something worth knowing about a kind that was exported (listed namespace by namespace).
    public var note: String?

    public init(qualifiedResource: String, outcome: Outcome, note: String? = nil) {
        self.qualifiedResource = qualifiedResource
        self.outcome = outcome
        self.note = note
    }

    public var failed: Bool {
        if case .failed = outcome { return true }
        return false
    }
}
