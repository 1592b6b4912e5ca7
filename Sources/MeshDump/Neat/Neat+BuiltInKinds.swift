import MeshDumpCore

/// What the API server sets on built-in kinds that kubectl users expect gone from an export,
/// and nothing that carries meaning:
///
/// - Namespace: `spec.finalizers` (the server's `[kubernetes]`; `spec` goes when nothing else is
///   left in it) and the `kubernetes.io/metadata.name` label, which the server sets to the
///   name on every write (a renamed namespace would otherwise carry its old name there).
/// - Service: `clusterIP` and `clusterIPs`, allocated by the cluster, except `None` (a headless
///   Service); `ipFamilyPolicy: SingleStack` with its one-entry `ipFamilies`, the defaults
///   (a dual-stack policy and its families are kept).
/// - Secret of type `kubernetes.io/service-account-token`: left out whole; the new cluster's
///   token controller makes its own (see `skipReason`).
extension Neat {
    /// The reason a skipped token Secret is given in summaries.
    public static let serviceAccountTokens = "service-account tokens (the new cluster makes its own)"

    /// Why neat leaves the object out entirely, or nil when it keeps it.
    static func skipReason(_ value: Value) -> String? {
        guard value["apiVersion"]?.stringValue == "v1", value["kind"]?.stringValue == "Secret",
              value["type"]?.stringValue == "kubernetes.io/service-account-token" else { return nil }
        return serviceAccountTokens
    }

    /// Removes the server-set fields of a built-in kind from the (already neat) top level.
    static func neatBuiltIn(_ top: inout Mapping) {
        guard top["apiVersion"]?.stringValue == "v1" else { return }
        switch top["kind"]?.stringValue {
        case "Namespace": neatNamespace(&top)
        case "Service": neatService(&top)
        default: return
        }
    }

    private static func neatNamespace(_ top: inout Mapping) {
        if case .mapping(var spec)? = top["spec"] {
            spec["finalizers"] = nil
            top["spec"] = spec.isEmpty ? nil : .mapping(spec)
        }
        guard case .mapping(var metadata)? = top["metadata"], case .mapping(var labels)? = metadata["labels"],
              let name = metadata["name"]?.stringValue, labels["kubernetes.io/metadata.name"]?.stringValue == name else { return }
        labels["kubernetes.io/metadata.name"] = nil
        metadata["labels"] = labels.isEmpty ? nil : .mapping(labels)
        top["metadata"] = .mapping(metadata)
    }

    private static func neatService(_ top: inout Mapping) {
        guard case .mapping(var spec)? = top["spec"] else { return }
        if let ip = spec["clusterIP"], ip.stringValue != "None" { spec["clusterIP"] = nil }
        if let ips = spec["clusterIPs"], ips != ["None"] { spec["clusterIPs"] = nil }
        if spec["ipFamilyPolicy"]?.stringValue == "SingleStack", (spec["ipFamilies"]?.sequenceValue?.count ?? 0) <= 1 {
            spec["ipFamilyPolicy"] = nil
            spec["ipFamilies"] = nil
        }
        top["spec"] = .mapping(spec)
    }
}
