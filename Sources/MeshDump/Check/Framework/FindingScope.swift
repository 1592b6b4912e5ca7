import MeshDumpCore

/// Which objects' findings a check reports (`--kinds`, `-n`); every object still serves as
/// context for the others. The default reports everything.
public struct FindingScope: Sendable {
    /// Report only objects of these kinds (nil: every kind).
    public var kinds: KindSelection?
    /// Report only objects in these namespaces (empty: every namespace); cluster-scoped objects
    /// are always reported.
    public var namespaces: Set<String>

    public init(kinds: KindSelection? = nil, namespaces: Set<String> = []) {
        self.kinds = kinds
        self.namespaces = namespaces
    }

    func includes(_ finding: Finding) -> Bool {
        if let kinds, !kinds.includes(group: ObjectID.split(apiVersion: finding.object.apiVersion).group, kind: finding.object.kind) {
            return false
        }
        return namespaces.isEmpty || finding.object.namespace.isEmpty || namespaces.contains(finding.object.namespace)
    }
}
