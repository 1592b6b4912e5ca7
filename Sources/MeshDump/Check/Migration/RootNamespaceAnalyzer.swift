import MeshDumpCore

extension MessageType {
    /// MD0002: a mesh-wide policy left in the old root namespace.
    public static let meshWidePolicyOutsideRootNamespace = MessageType(
        name: "MeshWidePolicyOutsideRootNamespace", code: "MD0002", severity: .warning,
        description: "A policy without a selector sits in the old root namespace, where it applied to the whole mesh; the new mesh's root namespace differs, so it applies to its own namespace only.")
}

/// `meshdump.RootNamespaceAnalyzer`: Sidecars, PeerAuthentications, AuthorizationPolicies,
/// Telemetries, ProxyConfigs and EnvoyFilters without a selector are mesh-wide only in the root
/// namespace. When the new mesh's root namespace differs from the old one, those in the old
/// root are reported.
///
/// The new root is the mesh settings' (`--root-namespace`, else the mesh config's). The old root
/// is the mesh config's when `--root-namespace` overrides it (the config describes the old
/// mesh), else Istio's default `istio-system` (the config describes the new mesh; TCM's root
/// is `istio-system`).
public struct RootNamespaceAnalyzer: Analyzer {
    public init() {}

    public var name: String { "meshdump.RootNamespaceAnalyzer" }
    public var messages: [MessageType] { [.meshWidePolicyOutsideRootNamespace] }

    /// The fields that keep a policy of each kind from being mesh-wide.
    static let selectorFields: [(kind: GroupKind, fields: [String])] = [
        (.sidecar, ["workloadSelector"]),
        (.peerAuthentication, ["selector"]),
        (.authorizationPolicy, ["selector", "targetRef", "targetRefs"]),
        (.telemetry, ["selector", "targetRef", "targetRefs"]),
        (.proxyConfig, ["selector"]),
        (.envoyFilter, ["workloadSelector", "targetRefs"]),
    ]

    public func analyze(_ snapshot: MeshSnapshot, _ report: FindingReport) {
        let (old, new) = Self.roots(snapshot.mesh)
        guard old != new else { return }
        for (kind, fields) in Self.selectorFields {
            for policy in snapshot.objects(kind) where policy.namespace == old && Self.isMeshWide(policy, fields) {
                report.add(.meshWidePolicyOutsideRootNamespace, policy, field: FieldPath("metadata", "namespace"),
                           "No selector, in \(old), the old root namespace, where it applied to the whole mesh; the new root namespace is \(new), so here it applies to namespace \(old) only. "
                               + "Move it to \(new) (a rewrite rule `namespaces: {\(old): \(new)}` for mesh-wide policies) if it should stay mesh-wide.")
            }
        }
    }

    /// The old and new root namespaces.
    static func roots(_ mesh: MeshSettings) -> (old: String, new: String) {
        let configured = mesh.meshConfig["rootNamespace"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 } ?? MeshSettings.defaultRootNamespace
        let old = mesh.rootNamespace != configured ? configured : MeshSettings.defaultRootNamespace
        return (old, mesh.rootNamespace)
    }

    static func isMeshWide(_ policy: SnapshotObject, _ fields: [String]) -> Bool {
        fields.allSatisfy { (policy.spec[$0] ?? .null) == .null }
    }
}
