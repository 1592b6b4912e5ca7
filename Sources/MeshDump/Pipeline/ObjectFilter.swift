import MeshDumpCore

/// Which objects a command looks at: `--kinds`, `-n` namespaces, `--exclude-namespace` globs and
/// a `-l` label selector. With `-n`, cluster-scoped objects are left out too.
///
/// A cluster source applies what it can on the server; commands apply the filter again to every
/// object, which costs nothing and makes files and clusters behave the same.
public struct ObjectFilter: Sendable {
    /// The kinds asked for, or nil for every kind.
    public var kinds: KindSelection?
    /// The namespaces asked for, or nil for every namespace.
    public var namespaces: Set<String>?
    /// Namespaces to leave out.
    public var excludedNamespaces: [Glob]
    public var labelSelector: LabelSelector?

    public init(kinds: KindSelection? = nil, namespaces: Set<String>? = nil, excludedNamespaces: [Glob] = [],
                labelSelector: LabelSelector? = nil) {
        self.kinds = kinds
        self.namespaces = namespaces
        self.excludedNamespaces = excludedNamespaces
        self.labelSelector = labelSelector
    }

    /// The same filter for other kinds.
    public func with(kinds: KindSelection?) -> ObjectFilter {
        var filter = self
        filter.kinds = kinds
        return filter
    }

    public func includes(_ object: Object) -> Bool {
        let namespace = object.namespace
        if let namespaces, !namespaces.contains(namespace) { return false }
        if !namespace.isEmpty, excludedNamespaces.contains(where: { $0.matches(namespace) }) { return false }
        if let kinds, !kinds.includes(group: object.group, kind: object.kind) { return false }
        guard let labelSelector else { return true }
        let labels = object.value[path: ["metadata", "labels"]]
        return labelSelector.matches { labels?[$0]?.stringValue }
    }
}
