import MeshDumpCore

/// Where an ApplySet's members may be, as its parent's annotations record it: their
/// group-kinds, and the namespaces holding them besides the parent's own.
public struct ApplySetScope: Sendable, Equatable {
    public var groupKinds: Set<GroupKind>
    /// Namespaces of namespaced members other than the parent's namespace.
    public var additionalNamespaces: Set<String>

    public init(groupKinds: Set<GroupKind> = [], additionalNamespaces: Set<String> = []) {
        self.groupKinds = groupKinds
        self.additionalNamespaces = additionalNamespaces
    }

    /// The scope of these members under a parent in `parentNamespace` (empty: cluster-scoped).
    public init(members: some Sequence<ObjectID>, parentNamespace: String) {
        self.init()
        for id in members {
            groupKinds.insert(GroupKind(id))
            if !id.namespace.isEmpty, id.namespace != parentNamespace { additionalNamespaces.insert(id.namespace) }
        }
    }

    public func union(_ other: ApplySetScope) -> ApplySetScope {
        ApplySetScope(groupKinds: groupKinds.union(other.groupKinds), additionalNamespaces: additionalNamespaces.union(other.additionalNamespaces))
    }

    /// The contains-group-kinds annotation: `Kind.group` sorted, comma-separated.
    public var groupKindsAnnotation: String { groupKinds.sorted().map(\.description).joined(separator: ",") }

    /// The additional-namespaces annotation: sorted, comma-separated (empty when there are none).
    public var namespacesAnnotation: String { Self.sortedBytes(additionalNamespaces).joined(separator: ",") }

    /// Reads the annotations of a parent; nil when contains-group-kinds is missing.
    init?(annotations: Value?) {
        guard let kinds = annotations?[ApplySetKeys.containsGroupKinds]?.stringValue else { return nil }
        self.init(groupKinds: Set(kinds.split(separator: ",").map { GroupKind(parsing: $0) }),
                  additionalNamespaces: Set((annotations?[ApplySetKeys.additionalNamespaces]?.stringValue ?? "").split(separator: ",").map(String.init)))
    }

    static func sortedBytes(_ names: Set<String>) -> [String] {
        names.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
    }
}
