import MeshDumpCore

/// Whether Pods and namespaces are in the mesh, and how, as istioctl's `util/in_mesh.go` decides.
enum MeshMembership {
    /// A Pod with a sidecar: an `istio-proxy` container with an image, else its
    /// `sidecar.istio.io/inject` label or annotation, else its Namespace's `istio-injection`.
    /// A Pod listed from a cluster as metadata only (no `spec`: its containers unknown) counts as
    /// having one, so no finding rests on containers that were not read (a gateway Pod runs
    /// the proxy while labelled `sidecar.istio.io/inject: "false"`).
    static func hasSidecar(_ pod: SnapshotObject, in snapshot: MeshSnapshot) -> Bool {
        guard pod.value["spec"] != nil else { return true }
        let containers = (pod.spec["containers"]?.sequenceValue ?? []) + (pod.spec["initContainers"]?.sequenceValue ?? [])
        if let proxy = containers.first(where: { $0["name"]?.stringValue == "istio-proxy" }) {
            if let image = proxy["image"]?.scalarText, !image.isEmpty { return true }
        }
        if let inject = pod.label("sidecar.istio.io/inject") { return inject == "true" }
        if let inject = pod.annotation("sidecar.istio.io/inject") { return inject == "true" }
        if let namespace = snapshot.object(.namespace, namespace: "", name: pod.namespace) {
            return namespace.label("istio-injection") == "enabled"
        }
        return false
    }

    /// A Pod whose traffic ambient mode redirects (`ambient.istio.io/redirection: enabled`).
    static func isAmbient(pod: SnapshotObject) -> Bool {
        pod.annotation("ambient.istio.io/redirection") == "enabled"
    }

    /// A Namespace in ambient mode: `istio.io/dataplane-mode: ambient` without a sidecar
    /// injection label (`istio-injection: enabled` or any `istio.io/rev`).
    static func isAmbient(namespace: SnapshotObject?) -> Bool {
        guard let namespace else { return false }
        if namespace.label("istio-injection") == "enabled" { return false }
        if let revision = namespace.label("istio.io/rev"), !revision.isEmpty { return false }
        return namespace.label("istio.io/dataplane-mode") == "ambient"
    }
}
