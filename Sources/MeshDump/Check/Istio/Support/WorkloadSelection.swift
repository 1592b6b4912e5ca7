import MeshDumpCore

/// Policies that pick Pods by labels in their own namespace (Sidecar `workloadSelector`,
/// Telemetry `selector`), as istioctl's selector analyzers match them: which Pods each selects,
/// and the Pods more than one selects.
struct WorkloadSelection {
    /// A policy with labels that selected no Pod in its namespace.
    var unmatched: [(policy: SnapshotObject, labels: LabelSet)] = []
    /// Each selected Pod with the policies selecting it, by Pod namespace and name.
    var policiesByPod: [(pod: SnapshotObject, policies: [SnapshotObject])] = []

    /// Matches each of `policies` (with the labels `labels` reads from it; nil or empty: no
    /// selector, left out) against the Pods of its namespace.
    init(_ policies: [SnapshotObject], labels: (SnapshotObject) -> LabelSet?, in snapshot: MeshSnapshot) {
        var podsByNamespace: [String: [SnapshotObject]] = [:]
        for pod in snapshot.objects(.pod) { podsByNamespace[pod.namespace, default: []].append(pod) }
        var selecting: [ObjectID: (pod: SnapshotObject, policies: [SnapshotObject])] = [:]
        var order: [ObjectID] = []
        for policy in policies {
            guard let set = labels(policy), !set.isEmpty else { continue }
            var found = false
            for pod in podsByNamespace[policy.namespace] ?? [] where set.matches(pod) {
                found = true
                if selecting[pod.id] == nil {
                    order.append(pod.id)
                    selecting[pod.id] = (pod, [])
                }
                selecting[pod.id]!.policies.append(policy)
            }
            if !found { unmatched.append((policy, set)) }
        }
        policiesByPod = order.sorted().map { selecting[$0]! }
    }

    /// The names of policies, sorted, as istioctl lists them: `[a b]`.
    static func names(_ policies: [SnapshotObject]) -> String {
        GoFormat.list(policies.map(\.name).sorted())
    }
}
