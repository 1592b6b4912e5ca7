import MeshDumpCore

extension MessageType {
    /// MD0009: an ALLOW AuthorizationPolicy without rules.
    public static let allowPolicyDeniesAll = MessageType(
        name: "AllowPolicyDeniesAll", code: "MD0009", severity: .info,
        description: "An ALLOW AuthorizationPolicy without rules allows nothing, so it denies every request to the workloads it applies to.")
}

/// `meshdump.AllowNothingAnalyzer`: an AuthorizationPolicy whose action is ALLOW (the default)
/// with no rules denies every request to what it selects. `spec: {}` is Istio's deny-all idiom,
/// so this is information, for a reviewer to confirm it is intended and not the work of a tool
/// that dropped `rules: [{}]` (allow all), as kubectl-neat does.
public struct AllowNothingAnalyzer: Analyzer {
    public init() {}

    public var name: String { "meshdump.AllowNothingAnalyzer" }
    public var messages: [MessageType] { [.allowPolicyDeniesAll] }

    public func analyze(_ snapshot: MeshSnapshot, _ report: FindingReport) {
        for policy in snapshot.objects(.authorizationPolicy) {
            let action = policy.spec["action"]?.stringValue ?? "ALLOW"
            guard action == "ALLOW", (policy.spec["rules"]?.sequenceValue ?? []).isEmpty else { continue }
            let scope = RootNamespaceAnalyzer.isMeshWide(policy, ["selector", "targetRef", "targetRefs"])
                ? (policy.namespace == snapshot.mesh.rootNamespace ? "every workload of the mesh" : "every workload in namespace \(policy.namespace)")
                : "the workloads it selects"
            report.add(.allowPolicyDeniesAll, policy, field: policy.spec["rules"] == nil ? FieldPath("spec") : FieldPath("spec", "rules"),
                       "ALLOW with no rules allows nothing: every request to \(scope) is denied. If that is intended, nothing to do; to allow everything, write `rules: [{}]`.")
        }
    }
}
