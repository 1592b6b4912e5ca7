/// How listing one kind went: what arrived, how, and the server's message when it failed.
public struct KindListResult: Sendable {
    public var kind: ServedKind
    /// Objects handed to the callback.
    public var objects: Int = 0
    /// The namespaces those objects were in, sorted.
    public var namespaces: [String] = []
    /// Items the pages held, handed to the callback or not (filtered out, or already
    /// delivered before a re-list).
    public var received: Int = 0
    /// Pages received (answers that were not lists, and retries, not counted).
    public var pages: Int = 0
    /// The cluster-wide list was forbidden and the kind was listed namespace by namespace.
    public var listedPerNamespace = false
    /// Namespaces skipped because listing the kind in them was forbidden too.
    public var forbiddenNamespaces: [String] = []
    /// Why the kind failed; nil when it was listed completely.
    public var error: KubeError?

    public init(kind: ServedKind) {
        self.kind = kind
    }

    public var succeeded: Bool { error == nil }
}
