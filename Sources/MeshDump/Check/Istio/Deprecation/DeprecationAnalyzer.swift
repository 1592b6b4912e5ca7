import MeshDumpCore

extension MessageType {
    /// IST0002: a deprecated field or kind.
    public static let deprecated = MessageType(
        name: "Deprecated", code: "IST0002", severity: .warning,
        description: "A feature that the configuration is depending on is now deprecated.")
}

/// `deprecation.DeprecationAnalyzer` (istioctl's `deprecation.FieldAnalyzer`): fields and kinds
/// Istio deprecated or removed: a VirtualService fault delay `percent`, a Sidecar's
/// `outboundTrafficPolicy.egressProxy`, and CRDs of the removed `rbac.istio.io` kinds.
public struct DeprecationAnalyzer: Analyzer {
    public init() {}

    public var name: String { "deprecation.DeprecationAnalyzer" }
    public var messages: [MessageType] { [.deprecated] }

    private static let removedKinds: Set<String> = ["ClusterRbacConfig", "RbacConfig", "ServiceRole", "ServiceRoleBinding"]

    public func analyze(_ snapshot: MeshSnapshot, _ report: FindingReport) {
        for service in snapshot.objects(.virtualService) {
            let routes = service.spec["http"]?.sequenceValue ?? []
            // One finding per VirtualService: istioctl prints identical messages once.
            guard let i = routes.firstIndex(where: { Self.isPositive($0[path: ["fault", "delay", "percent"]]) }) else { continue }
            report.add(.deprecated, service, field: FieldPath("spec", "http").index(i).key("fault").key("delay").key("percent"),
                       "Deprecated: HTTPRoute.fault.delay.percent is deprecated; use HTTPRoute.fault.delay.percentage. Write the same number as percentage.value.")
        }
        for sidecar in snapshot.objects(.sidecar) {
            guard let proxy = sidecar.spec[path: ["outboundTrafficPolicy", "egressProxy"]], proxy != .null else { continue }
            report.add(.deprecated, sidecar, field: FieldPath("spec", "outboundTrafficPolicy", "egressProxy"),
                       "Deprecated: OutboundTrafficPolicy.EgressProxy ignored. Route egress traffic through an egress gateway instead.")
        }
        for crd in snapshot.objects(.customResourceDefinition) {
            guard crd.spec["group"]?.stringValue == "rbac.istio.io", let kind = crd.spec[path: ["names", "kind"]]?.stringValue,
                Self.removedKinds.contains(kind)
            else { continue }
            report.add(.deprecated, crd, field: FieldPath("spec", "names", "kind"),
                       "Deprecated: Custom resource type rbac.istio.io \(kind) is removed. Delete the CRD; AuthorizationPolicy replaces it.")
        }
    }

    private static func isPositive(_ value: Value?) -> Bool {
        guard let text = value?.scalarText, let number = Double(text) else { return false }
        return number > 0
    }
}
