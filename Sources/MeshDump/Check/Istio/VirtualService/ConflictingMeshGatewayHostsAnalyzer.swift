import MeshDumpCore

extension MessageType {
    /// IST0109: VirtualServices of the mesh gateway that define the same host.
    public static let conflictingMeshGatewayVirtualServiceHosts = MessageType(
        name: "ConflictingMeshGatewayVirtualServiceHosts", code: "IST0109", severity: .error,
        description: "Conflicting hosts on VirtualServices associated with mesh gateway")
}

/// `virtualservice.ConflictingMeshGatewayHostsAnalyzer`: VirtualServices bound to the mesh
/// gateway (no gateways, or `mesh`) that define the same host for the same namespaces, which
/// Istio resolves arbitrarily.
public struct ConflictingMeshGatewayHostsAnalyzer: Analyzer {
    public init() {}

    public var name: String { "virtualservice.ConflictingMeshGatewayHostsAnalyzer" }
    public var messages: [MessageType] { [.conflictingMeshGatewayVirtualServiceHosts] }

    public func analyze(_ snapshot: MeshSnapshot, _ report: FindingReport) {
        let byHost = Self.meshGatewayHosts(snapshot)
        let sorted = byHost.sorted { $0.key < $1.key }
        let meshWide = sorted.filter { $0.key.scope == "*" }
        var reported: Set<String> = []
        for (host, owners) in sorted {
            var conflicting = owners
            if host.scope != "*" {
                for (other, otherOwners) in meshWide where IstioHosts.matches(host.fqdn, other.fqdn) {
                    conflicting += otherOwners
                }
            }
            guard conflicting.count > 1 else { continue }
            let names = conflicting.map(\.fullName).sorted().joined(separator: ",")
            for vs in conflicting where reported.insert(vs.fullName).inserted {
                report.add(.conflictingMeshGatewayVirtualServiceHosts, vs, field: FieldPath("spec", "hosts"),
                           "The VirtualServices \(names) associated with mesh gateway define the same host \(host) which can lead to undefined behavior. "
                               + "This can be fixed by merging the conflicting VirtualServices into a single resource.")
            }
        }
    }

    /// The mesh gateway's VirtualServices by host, each host scoped to the namespaces the
    /// VirtualService is exported to (`*` for all).
    private static func meshGatewayHosts(_ snapshot: MeshSnapshot) -> [ScopedFQDN: [SnapshotObject]] {
        var byHost: [ScopedFQDN: [SnapshotObject]] = [:]
        for vs in snapshot.objects(.virtualService) {
            let gateways = vs.specStrings("gateways")
            guard gateways.isEmpty || gateways.contains("mesh") else { continue }
            let exportTo = vs.specStrings("exportTo")
            var scopes = ["*"]
            if !exportTo.isEmpty && !exportTo.contains("*") {
                scopes = Array(Set(exportTo.map { $0 == "." ? vs.namespace : $0 }))
            }
            for scope in scopes {
                for host in vs.specStrings("hosts") {
                    byHost[ScopedFQDN(scope: scope, namespace: vs.namespace, host: host), default: []].append(vs)
                }
            }
        }
        return byHost
    }
}
