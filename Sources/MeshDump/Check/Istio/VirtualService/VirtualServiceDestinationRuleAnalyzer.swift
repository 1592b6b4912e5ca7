import MeshDumpCore

/// `virtualservice.DestinationRuleAnalyzer`: every subset a route or mirror names is defined by
/// a DestinationRule for that host. Needs DestinationRules in the sources.
public struct VirtualServiceDestinationRuleAnalyzer: Analyzer {
    public init() {}

    public var name: String { "virtualservice.DestinationRuleAnalyzer" }
    public var messages: [MessageType] { [.referencedResourceNotFound] }
    public var requirements: [KindRequirement] { [KindRequirement(.destinationRule)] }

    /// A service and one of its subsets.
    private struct HostSubset: Hashable {
        var namespace: String
        var name: String
        var subset: String
    }

    public func analyze(_ snapshot: MeshSnapshot, _ report: FindingReport) {
        var defined: Set<HostSubset> = []
        for rule in snapshot.objects(.destinationRule) {
            let service = IstioHosts.serviceName(ofHost: rule.spec["host"]?.stringValue ?? "", namespace: rule.namespace)
            for subset in rule.spec["subsets"]?.sequenceValue ?? [] {
                defined.insert(HostSubset(namespace: service.namespace, name: service.name, subset: subset["name"]?.scalarText ?? ""))
            }
        }
        for vs in snapshot.objects(.virtualService) {
            for destination in RouteDestination.routes(of: vs.spec) + RouteDestination.mirrors(of: vs.spec) {
                let subset = destination.subset
                guard !subset.isEmpty else { continue }
                let service = IstioHosts.serviceName(ofHost: destination.host, namespace: vs.namespace)
                guard !defined.contains(HostSubset(namespace: service.namespace, name: service.name, subset: subset)) else { continue }
                let what = destination.kind == .route ? "host+subset in destinationrule" : "mirror+subset in destinationrule"
                report.add(.referencedResourceNotFound, vs, field: destination.field.key("subset"),
                           IstioText.referencedResourceNotFound(what, "\(destination.host)+\(subset)")
                               + ". Define subset \(subset) in the DestinationRule for \(destination.host), or route without it.")
            }
        }
    }
}
