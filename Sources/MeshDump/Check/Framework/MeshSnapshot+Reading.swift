import MeshDumpCore
import Synchronization

extension MeshSnapshot {
    /// What `check` lists from a cluster: the Istio kinds, the Kubernetes Gateway API's
    /// Gateway, and what the analyzers need around them (Namespaces, Services, Pods, and the
    /// sidecar injector webhooks that say which revisions the cluster runs).
    public static let clusterKinds: [Kind] = IstioKinds.all + [
        KnownKinds.kind(group: GroupKind.kubernetesGateway.group, kind: GroupKind.kubernetesGateway.kind)!,
        KubernetesKinds.namespace, KubernetesKinds.service, KubernetesKinds.pod,
        KnownKinds.kind(group: RevisionAnalyzer.mutatingWebhook.group, kind: RevisionAnalyzer.mutatingWebhook.kind)!,
    ]

    /// Kinds whose labels and annotations are all the analyzers read: listed as metadata only.
    public static let metadataOnlyKinds: Set<GroupKind> = [.namespace, .pod, RevisionAnalyzer.mutatingWebhook]

    /// The snapshot of everything `sources` hold. Files overlay clusters, wherever they stand
    /// among the arguments: a file's object replaces a cluster's of the same identity (so
    /// `check migrated/ cluster:new` sees the mesh as it will be after the apply); among files,
    /// or among clusters, a later source's object replaces an earlier one's. Files give every
    /// object they hold. A live source gives `clusterKinds`, then
    /// the Secrets of the namespaces the mesh's credentials point at (see `CredentialSecrets`)
    /// and the `meshConfigMap`, when one is wanted; its kinds are held even when it found none
    /// of them, and a kind it fails to list fails the read. The last live source that is a
    /// `CheckTarget` is asked which API versions it serves of the kinds the other sources'
    /// objects have, and for their CustomResourceDefinitions.
    public static func read(_ sources: [any ObjectSource], defaultNamespace: String, meshConfigMap: ObjectID? = nil,
                            now: Int64) async throws -> MeshSnapshot {
        var objects: [[Object]] = []
        var listed: Set<GroupKind> = []
        for source in sources {
            let request = source.isLive ? liveRequest(KindSelection(kinds: clusterKinds)) : ReadRequest()
            objects.append(try await read(source, request, listed: &listed))
        }
        let live = sources.indices.filter { sources[$0].isLive }
        let files = sources.indices.filter { !sources[$0].isLive }
        // Clusters first, then files: the later of two objects of one identity wins.
        func overlaid() -> [Object] { (live + files).flatMap { objects[$0] } }
        if !live.isEmpty {
            let provisional = MeshSnapshot(objects: overlaid(), defaultNamespace: defaultNamespace, listedKinds: listed)
            let secretNamespaces = Set(CredentialSecrets.needs(in: provisional).map(\.0.namespace))
            for index in live {
                // No credential needs a Secret: the Secrets that matter (none) are all held.
                listed.insert(.secret)
                if !secretNamespaces.isEmpty {
                    objects[index] += try await read(sources[index], liveRequest(KindSelection(kinds: [KubernetesKinds.secret]), namespaces: secretNamespaces),
                                                     listed: &listed)
                }
                if let meshConfigMap {
                    objects[index] += try await read(sources[index], liveRequest(KindSelection(kinds: [configMapKind]), namespaces: [meshConfigMap.namespace]),
                                                     listed: &listed).filter { $0.name == meshConfigMap.name }
                }
            }
        }
        var target: TargetAPIs?
        if let index = live.last(where: { sources[$0] is any CheckTarget }), let cluster = sources[index] as? any CheckTarget {
            let asked = Set(files.flatMap { objects[$0] }.map { GroupKind(of: $0) })
            let description = try await cluster.describe(asked)
            target = description.apis
            // Before the files' objects: a CRD in the files overlays the cluster's.
            objects[index] += description.customResourceDefinitions
        }
        var snapshot = MeshSnapshot(objects: overlaid(), defaultNamespace: defaultNamespace, listedKinds: listed, now: now)
        snapshot.target = target
        return snapshot
    }

    /// What a check asks a live source for: `kinds` (in `namespaces`), without the fields no
    /// analyzer reads, metadata only where labels suffice.
    private static func liveRequest(_ kinds: KindSelection, namespaces: Set<String>? = nil) -> ReadRequest {
        ReadRequest(filter: ObjectFilter(kinds: kinds, namespaces: namespaces), droppedFields: droppedFields, metadataOnly: metadataOnlyKinds)
    }

    private static let configMapKind = KnownKinds.kind(group: "", kind: "ConfigMap")!

    /// Server bookkeeping no analyzer reads, dropped while decoding.
    private static let droppedFields = DroppedFields(paths: [["metadata", "managedFields"],
                                                            ["metadata", "annotations", "kubectl.kubernetes.io/last-applied-configuration"]])

    /// The objects `source` gives for `request`, adding the kinds a live source listed to `listed`.
    private static func read(_ source: any ObjectSource, _ request: ReadRequest, listed: inout Set<GroupKind>) async throws -> [Object] {
        let read = Mutex<[Object]>([])
        let reports = try await source.read(request) { object in read.withLock { $0.append(object) } }
        guard source.isLive else { return read.withLock { $0 } }
        try reports.requireComplete(source.name)
        for report in reports {
            if case .listed = report.outcome { listed.insert(GroupKind(group: report.kind.group, kind: report.kind.kind)) }
        }
        return read.withLock { $0 }
    }
}
