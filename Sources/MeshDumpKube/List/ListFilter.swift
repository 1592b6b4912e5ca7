import MeshDumpCore

/// Which objects of a kind to list: namespaces (`-n`), namespaces to leave out
/// (`--exclude-namespace GLOB`) and a label selector (`-l`).
///
/// Filters run on the server where Kubernetes allows: `-n` lists only those namespaces, an
/// exclusion without wildcards becomes a `metadata.namespace!=` field selector, the label
/// selector is passed through. Wildcard exclusions are applied to the objects as they arrive.
public struct ListFilter: Sendable, Equatable {
    /// Only these namespaces; empty means all.
    public var namespaces: [String]
    /// Globs (`*`, `?`, `[abc]`) of namespaces to leave out.
    public var excludedNamespaces: [Glob]
    public var labelSelector: String?

    public init(namespaces: [String] = [], excludedNamespaces: [Glob] = [], labelSelector: String? = nil) {
        self.namespaces = namespaces
        self.excludedNamespaces = excludedNamespaces
        self.labelSelector = labelSelector
    }

    /// Whether objects of `namespace` are left out.
    public func excludes(namespace: String) -> Bool {
        excludedNamespaces.contains { $0.matches(namespace) }
    }

    /// The namespaces to list one by one, when `-n` named some: sorted, without duplicates or
    /// excluded ones.
    var explicitNamespaces: [String] {
        Set(namespaces).sorted().filter { !excludes(namespace: $0) }
    }

    /// Query parameters for a cluster-wide list: the label selector and the literal exclusions.
    var clusterWideQuery: [(String, String)] {
        var query = namespacedQuery
        let literal = excludedNamespaces.filter(\.isLiteral).map(\.pattern)
        if !literal.isEmpty {
            query.append(("fieldSelector", literal.map { "metadata.namespace!=\($0)" }.joined(separator: ",")))
        }
        return query
    }

    /// Query parameters for a list in one namespace.
    var namespacedQuery: [(String, String)] {
        guard let labelSelector, !labelSelector.isEmpty else { return [] }
        return [("labelSelector", labelSelector)]
    }
}
