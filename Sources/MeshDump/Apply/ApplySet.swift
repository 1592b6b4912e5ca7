import MeshDumpCore

/// An ApplySet (KEP-3659) as meshdump manages it: a parent object whose id label names the
/// set, members labelled with that id, and the group-kinds and namespaces the parent records so
/// members can be found again. Pure: the caller reads the live parent and members and sends the
/// writes this model describes.
///
/// A run goes: read the live parent (`init`), refuse takeovers (`takeover`), apply the parent
/// covering the old and new scope (`parentObject(scope: scope(for:))`), apply the members
/// (`member(_:)` labels them), delete what `prunePlan` lists, then apply the parent again with
/// just the new scope.
public struct ApplySet: Sendable {
    public let parent: ApplySetParent
    public let tooling: ApplySetTooling
    /// What the live parent records of the members of earlier runs; empty for a new set.
    public let recorded: ApplySetScope
    /// Whether the parent exists on the cluster.
    public let parentExists: Bool

    /// The set whose parent on the cluster is `live` (nil when it does not exist yet). Refuses a
    /// parent managed by another tool or by none, one whose id label is missing or is not the
    /// id of its identity, and one that does not record its group-kinds.
    public init(parent: ApplySetParent, tooling: ApplySetTooling, live: Value?) throws(ApplySetError) {
        self.parent = parent
        self.tooling = tooling
        guard let live else {
            recorded = ApplySetScope()
            parentExists = false
            return
        }
        let metadata = live["metadata"]
        guard let toolAnnotation = metadata?["annotations"]?[ApplySetKeys.tooling]?.stringValue, !toolAnnotation.isEmpty else {
            throw .missingTooling(parent: parent)
        }
        let tool = ApplySetTooling.toolName(in: toolAnnotation)
        guard tool == tooling.name else { throw .otherTool(parent: parent, tool: tool, expected: tooling.name) }
        guard let id = metadata?["labels"]?[ApplySetKeys.id]?.stringValue else { throw .missingID(parent: parent) }
        guard id == parent.id else { throw .wrongID(parent: parent, found: id, expected: parent.id) }
        guard var scope = ApplySetScope(annotations: metadata?["annotations"]) else { throw .missingGroupKinds(parent: parent) }
        scope.additionalNamespaces.remove(parent.namespace)
        recorded = scope
        parentExists = true
    }

    /// The set's id, the value of the parent's id label and of every member's part-of label.
    public var id: String { parent.id }

    /// The label selector that lists members: `applyset.kubernetes.io/part-of=<id>`.
    public var memberSelector: String { "\(ApplySetKeys.partOf)=\(id)" }

    /// The field manager for the parent, kept apart from the members' (`meshdump-applyset`),
    /// as kubectl keeps `kubectl-applyset`.
    public var parentFieldManager: String { "\(tooling.name)-applyset" }

    /// The scope while `source` is being applied: what earlier runs recorded and what the source
    /// holds, so an interrupted run leaves no member outside the recorded scope.
    public func scope(for source: some Sequence<ObjectID>) -> ApplySetScope {
        recorded.union(ApplySetScope(members: source, parentNamespace: parent.namespace))
    }

    /// The namespaces to list namespaced members in: the parent's own and the additional ones, sorted.
    public func namespaces(in scope: ApplySetScope) -> [String] {
        var all = scope.additionalNamespaces
        if !parent.namespace.isEmpty { all.insert(parent.namespace) }
        return ApplySetScope.sortedBytes(all)
    }

    /// The parent to server-side apply, recording `scope`.
    public func parentObject(scope: ApplySetScope) -> Value {
        var metadata: Value = ["name": .string(parent.name)]
        if !parent.namespace.isEmpty { metadata["namespace"] = .string(parent.namespace) }
        metadata["labels"] = [ApplySetKeys.id: .string(id)]
        metadata["annotations"] = [
            ApplySetKeys.additionalNamespaces: .string(scope.namespacesAnnotation),
            ApplySetKeys.containsGroupKinds: .string(scope.groupKindsAnnotation),
            ApplySetKeys.tooling: .string(tooling.description),
        ]
        return ["apiVersion": .string(parent.apiVersion), "kind": .string(parent.kind), "metadata": metadata]
    }
}
