import MeshDump
import MeshDumpCore
import MeshDumpKube

/// A cluster looked up by GET (each object asked for, several at once) and by label-selected
/// lists, at the versions discovery chooses.
extension ClusterSource: ObjectLookup {
    public func objects(identifiedBy ids: [ObjectID]) async throws -> [Object] {
        try await KubeClient.with(connection, options: options) { client in
            let served = try await servedKinds(Set(ids.map { GroupKind(group: $0.group, kind: $0.kind) }), client)
            let found = try await Concurrently.map(ids, limit: 8) { id -> Object? in
                guard let kind = served[GroupKind(group: id.group, kind: id.kind)] else { return nil }
                return try await client.get(kind, namespace: id.namespace.isEmpty ? nil : id.namespace, name: id.name)
            }
            return found.compactMap { $0 }
        }
    }

    public func objects(of kind: Kind, matching selectors: [LabelSelector]) async throws -> [[Object]] {
        try await KubeClient.with(connection, options: options) { client in
            guard let served = try await servedKinds([GroupKind(group: kind.group, kind: kind.kind)], client).values.first else {
                return selectors.map { _ in [] }
            }
            var selected: [[Object]] = []
            for selector in selectors {
                var objects: [Object] = []
                let result = try await client.list(served, filter: ListFilter(labelSelector: selector.description), diagnostics: diagnostics) {
                    objects.append($0)
                }
                if let error = result.error { throw error }
                selected.append(objects)
            }
            return selected
        }
    }

    /// The served version of each kind meshdump knows; kinds the server does not serve are absent.
    private func servedKinds(_ kinds: Set<GroupKind>, _ client: KubeClient) async throws -> [GroupKind: ServedKind] {
        let discovery = try await client.discover(kinds.sorted().compactMap { KnownKinds.kind(group: $0.group, kind: $0.kind) })
        if let failure = discovery.failed.first { throw failure.error }
        return Dictionary(discovery.served.map { (GroupKind(group: $0.group, kind: $0.kind.kind), $0) }, uniquingKeysWith: { a, _ in a })
    }
}
