import MeshDump
import MeshDumpCore
import MeshDumpKube

/// A cluster as the target of a check: discovery says which versions it serves of each kind,
/// and each served kind's CustomResourceDefinition (`resource.group`) is fetched when it has one.
extension ClusterSource: CheckTarget {
    public func describe(_ kinds: Set<GroupKind>) async throws -> TargetDescription {
        try await KubeClient.with(connection, options: options) { client in
            var target = TargetKinds()
            try await target.discover(kinds.union([Self.customResourceDefinition]), client: client)
            if let failure = target.failed.min(by: { $0.key < $1.key }) { throw failure.value }
            var versions: [GroupKind: [String]] = [:]
            for kind in kinds { versions[kind] = target[kind]?.versions ?? [] }
            guard let definitions = target[Self.customResourceDefinition] else {
                return TargetDescription(apis: TargetAPIs(name: name, versions: versions))
            }
            // Built-in kinds have none: those GETs answer 404.
            let served = kinds.sorted().compactMap { target[$0] }.filter { !$0.group.isEmpty }
            let found = try await Concurrently.map(served, limit: 8) { kind in
                try await client.get(definitions, namespace: nil, name: "\(kind.resource).\(kind.group)")
            }
            return TargetDescription(apis: TargetAPIs(name: name, versions: versions), customResourceDefinitions: found.compactMap { $0 })
        }
    }

    private static let customResourceDefinition = GroupKind(group: "apiextensions.k8s.io", kind: "CustomResourceDefinition")
}
