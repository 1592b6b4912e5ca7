import MeshDump
import MeshDumpCore
import MeshDumpKube

/// What the target serves of the kinds an apply needs (phase 2): each group-kind's resource,
/// scope and versions, found by discovery.
struct TargetKinds: Sendable {
    private(set) var served: [GroupKind: ServedKind] = [:]
    /// Group-kinds the target does not serve, with discovery's reason.
    private(set) var unserved: [GroupKind: String] = [:]
    /// Group-kinds whose discovery failed (their group's resource list could not be had).
    private(set) var failed: [GroupKind: KubeError] = [:]

    /// Discovers `groupKinds` (adding to what is known). Throws when the group list cannot be had.
    mutating func discover(_ groupKinds: some Sequence<GroupKind>, client: KubeClient) async throws(KubeError) {
        let wanted = Set(groupKinds).filter { served[$0] == nil && unserved[$0] == nil && failed[$0] == nil }.sorted()
        guard !wanted.isEmpty else { return }
        let layout = TreeLayout()
        let kinds = wanted.map { gk in
            IstioKinds.kind(group: gk.group, kind: gk.kind)
                ?? Kind(group: gk.group, kind: gk.kind, resource: layout.resource(of: ObjectID(group: gk.group, kind: gk.kind, namespace: "", name: "")),
                        versions: [], isDefault: false)
        }
        let discovery = try await client.discover(kinds)
        for kind in discovery.served { served[GroupKind(group: kind.group, kind: kind.kind.kind)] = kind }
        for skipped in discovery.skipped { unserved[GroupKind(group: skipped.kind.group, kind: skipped.kind.kind)] = skipped.reason }
        for (kind, error) in discovery.failed { failed[GroupKind(group: kind.group, kind: kind.kind)] = error }
    }

    subscript(_ groupKind: GroupKind) -> ServedKind? { served[groupKind] }

    subscript(_ id: ObjectID) -> ServedKind? { served[GroupKind(id)] }

    /// Why the target cannot take `entry` as it is (its kind or its version is not served), or nil.
    func problem(_ entry: ApplyEntry) -> String? {
        let groupKind = GroupKind(entry.id)
        guard let kind = served[groupKind] else {
            if let error = failed[groupKind] { return "discovery of \(groupKind) failed on the target: \(error)" }
            return "the target does not serve \(groupKind): \(unserved[groupKind] ?? "not served")"
        }
        let version = ObjectID.split(apiVersion: entry.apiVersion).version
        guard !kind.versions.contains(version) else { return nil }
        return "the target does not serve \(entry.apiVersion) \(entry.id.kind); it serves \(kind.kind.kind) at "
            + kind.versions.map { kind.group.isEmpty ? $0 : "\(kind.group)/\($0)" }.joined(separator: ", ")
    }

    /// The identity on the target: a namespaced object without a namespace goes to
    /// `defaultNamespace` (as kubectl sends it), a cluster-scoped one has none.
    func targetID(_ id: ObjectID, defaultNamespace: String) -> ObjectID {
        guard let kind = self[id] else { return id }
        var target = id
        if kind.namespaced, id.namespace.isEmpty { target.namespace = defaultNamespace }
        if !kind.namespaced { target.namespace = "" }
        return target
    }
}
