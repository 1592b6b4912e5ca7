import MeshDumpCore

extension MessageType {
    /// IST0127: a policy whose selector (or namespace) has no workload.
    public static let noMatchingWorkloadsFound = MessageType(
        name: "NoMatchingWorkloadsFound", code: "IST0127", severity: .warning,
        description: "There aren't workloads matching the resource labels")
}

/// `auth.AuthorizationPoliciesAnalyzer`: an AuthorizationPolicy that selects no workload in the
/// mesh (its selector matches no Pod with a sidecar or in ambient mode, in its namespace or, in
/// the root namespace, anywhere), or names a source namespace no Namespace matches.
public struct AuthorizationPoliciesAnalyzer: Analyzer {
    public init() {}

    public var name: String { "auth.AuthorizationPoliciesAnalyzer" }
    public var messages: [MessageType] { [.noMatchingWorkloadsFound, .referencedResourceNotFound] }

    public func analyze(_ snapshot: MeshSnapshot, _ report: FindingReport) {
        let policies = snapshot.objects(.authorizationPolicy)
        guard !policies.isEmpty else { return }
        if snapshot.holds(.pod) {
            let podLabels = Self.meshPodsByNamespace(snapshot)
            for policy in policies { checkWorkloads(policy, podLabels, snapshot.mesh.rootNamespace, report) }
        } else {
            report.skip("workloads not checked: no Pod in the sources")
        }
        if snapshot.holds(.namespace) {
            let namespaces = snapshot.objects(.namespace).map(\.name)
            for policy in policies { checkNamespaces(policy, namespaces, report) }
        } else {
            report.skip("source namespaces not checked: no Namespace in the sources")
        }
    }

    private func checkWorkloads(_ policy: SnapshotObject, _ pods: [String: [SnapshotObject]], _ root: String, _ report: FindingReport) {
        let selector = policy.spec["selector"].flatMap { $0 == .null ? nil : LabelSet($0["matchLabels"]) }
        let field = selector == nil ? nil : FieldPath("spec", "selector")
        let candidates: [SnapshotObject]
        if policy.namespace == root {
            guard selector != nil else { return }
            candidates = pods.keys.sorted().flatMap { pods[$0]! }
        } else {
            candidates = pods[policy.namespace] ?? []
        }
        if candidates.contains(where: { selector?.matches($0) ?? true }) { return }
        let scope = policy.namespace == root ? "in the mesh" : "in namespace \(policy.namespace)"
        report.add(.noMatchingWorkloadsFound, policy, field: field,
                   "No matching workloads for this resource with the following labels: \(selector?.text ?? ""). No Pod with a sidecar or in ambient mode \(scope) matches: check the selector, or deploy the workload first.")
    }

    private func checkNamespaces(_ policy: SnapshotObject, _ namespaces: [String], _ report: FindingReport) {
        for (i, rule) in (policy.spec["rules"]?.sequenceValue ?? []).enumerated() {
            for (j, from) in (rule["from"]?.sequenceValue ?? []).enumerated() {
                for list in ["namespaces", "notNamespaces"] {
                    for (k, entry) in (from[path: ["source", list]]?.sequenceValue ?? []).enumerated() {
                        guard let pattern = entry.scalarText, !namespaces.contains(where: { Self.namespace($0, matches: pattern) }) else { continue }
                        report.add(.referencedResourceNotFound, policy,
                                   field: FieldPath("spec", "rules").index(i).key("from").index(j).key("source").key(list).index(k),
                                   IstioText.referencedResourceNotFound("namespace", pattern) + ". No Namespace matches it: fix the name, or create the namespace.")
                    }
                }
            }
        }
    }

    /// Pod labels by namespace, of Pods with a sidecar or in ambient mode.
    private static func meshPodsByNamespace(_ snapshot: MeshSnapshot) -> [String: [SnapshotObject]] {
        var pods: [String: [SnapshotObject]] = [:]
        for pod in snapshot.objects(.pod) where MeshMembership.hasSidecar(pod, in: snapshot) || MeshMembership.isAmbient(pod: pod) {
            pods[pod.namespace, default: []].append(pod)
        }
        return pods
    }

    /// istioctl's namespace match: `*`, `*suffix`, `prefix*`, or the name in any case.
    static func namespace(_ name: String, matches pattern: String) -> Bool {
        if pattern == "*" { return true }
        if pattern.hasPrefix("*") { return name.hasSuffix(pattern.dropFirst()) }
        if pattern.hasSuffix("*") { return name.hasPrefix(pattern.dropLast()) }
        return name.lowercased() == pattern.lowercased()
    }
}
