import MeshDumpCore

extension MessageType {
    /// IST0112: a route to a multi-port service that names no port.
    public static let virtualServiceDestinationPortSelectorRequired = MessageType(
        name: "VirtualServiceDestinationPortSelectorRequired", code: "IST0112", severity: .error,
        description: "A VirtualService routes to a service with more than one port exposed, but does not specify which to use.")
    /// IST0140: a route without a subset on a gateway, while another VirtualService routes the
    /// same host by subset.
    public static let ingressRouteRulesNotAffected = MessageType(
        name: "IngressRouteRulesNotAffected", code: "IST0140", severity: .warning,
        description: "Route rules have no effect on ingress gateway requests")
}

/// `virtualservice.DestinationHostAnalyzer`: every route and mirror destination host is a
/// Service or ServiceEntry host the VirtualService can see, with the port it names (or a port
/// named when the service has several); and a gateway route without a subset to a host that
/// another VirtualService splits by subset is flagged, since the split does not apply to it.
/// Hosts of Kubernetes Services are checked only when the sources hold Services, other hosts
/// only when they hold ServiceEntries.
public struct VirtualServiceDestinationHostAnalyzer: Analyzer {
    public init() {}

    public var name: String { "virtualservice.DestinationHostAnalyzer" }
    public var messages: [MessageType] {
        [.referencedResourceNotFound, .virtualServiceDestinationPortSelectorRequired, .ingressRouteRulesNotAffected]
    }

    public func analyze(_ snapshot: MeshSnapshot, _ report: FindingReport) {
        let hostsKnown = KindRequirement(.service, .serviceEntry)
        let services = hostsKnown.isMet(by: snapshot) ? ServiceHosts(snapshot) : nil
        if services == nil { report.skip("destination hosts not checked: " + hostsKnown.reason) }
        let subsetRoutes = Self.subsetRoutes(snapshot)
        for vs in snapshot.objects(.virtualService) {
            if let services { checkHosts(vs, services, report) }
            checkIngressRoutes(vs, subsetRoutes, report)
        }
    }

    private func checkHosts(_ vs: SnapshotObject, _ services: ServiceHosts, _ report: FindingReport) {
        let exportTo = vs.specStrings("exportTo")
        for destination in RouteDestination.routes(of: vs.spec) + RouteDestination.mirrors(of: vs.spec) {
            let host = destination.host
            let target: ServiceHosts.Target
            switch services.lookup(host: host, namespace: vs.namespace, exportTo: exportTo) {
            case .found(let found): target = found
            case .unknown(let reason):
                report.skip(reason)
                continue
            case .missing:
                let what = destination.kind == .route ? "host" : "mirror host"
                report.add(.referencedResourceNotFound, vs, field: destination.field.key("host"),
                           IstioText.referencedResourceNotFound(what, host)
                               + ". Add the Service or ServiceEntry for \(host) visible to namespace \(vs.namespace), or correct the host.")
                continue
            }
            guard let port = destination.port else {
                if target.ports.count > 1 {
                    report.add(.virtualServiceDestinationPortSelectorRequired, vs, field: destination.field.key("port"),
                               "This VirtualService routes to a service \(GoFormat.quoted(host)) that exposes multiple ports \(GoFormat.list(target.ports.map(String.init))). "
                                   + "Specifying a port in the destination is required to disambiguate.")
                }
                continue
            }
            let number = Int(port["number"]?.scalarText ?? "") ?? 0
            if !target.ports.contains(number) {
                report.add(.referencedResourceNotFound, vs, field: destination.field.key("port").key("number"),
                           IstioText.referencedResourceNotFound("host:port", "\(host):\(number)")
                               + ". Use one of the service's ports \(GoFormat.list(target.ports.map(String.init))), or add the port to the service.")
            }
        }
    }

    /// A VirtualService bound to gateways routing a host without a subset, where another
    /// VirtualService routes the same host (one of its own hosts) by subset.
    private func checkIngressRoutes(_ vs: SnapshotObject, _ subsetRoutes: [(owner: SnapshotObject, hosts: [String])], _ report: FindingReport) {
        guard !vs.specStrings("gateways").isEmpty else { return }
        for (i, rule) in (vs.spec["http"]?.sequenceValue ?? []).enumerated() {
            for (j, route) in (rule["route"]?.sequenceValue ?? []).enumerated() {
                let destination = route["destination"] ?? .null
                guard (destination["subset"]?.stringValue ?? "").isEmpty else { continue }
                let host = destination["host"]?.stringValue ?? ""
                for (owner, hosts) in subsetRoutes {
                    for routed in hosts where routed == host {
                        report.add(.ingressRouteRulesNotAffected, vs, field: FieldPath("spec", "http").index(i).key("route").index(j).key("destination").key("host"),
                                   "Subset in virtual service \(owner.fullName) has no effect on ingress gateway \(vs.fullName) requests. "
                                       + "Route to the subset from this VirtualService too, or move the subset routing to a DestinationRule.")
                    }
                }
            }
        }
    }

    /// Each VirtualService's HTTP route destinations that name a subset and one of the
    /// VirtualService's own hosts, as their hosts.
    private static func subsetRoutes(_ snapshot: MeshSnapshot) -> [(owner: SnapshotObject, hosts: [String])] {
        snapshot.objects(.virtualService).compactMap { vs in
            let ownHosts = vs.specStrings("hosts")
            var hosts: [String] = []
            for rule in vs.spec["http"]?.sequenceValue ?? [] {
                for route in rule["route"]?.sequenceValue ?? [] {
                    let destination = route["destination"] ?? .null
                    guard !(destination["subset"]?.stringValue ?? "").isEmpty, let host = destination["host"]?.stringValue else { continue }
                    for own in ownHosts where own == host { hosts.append(host) }
                }
            }
            return hosts.isEmpty ? nil : (vs, hosts)
        }
    }
}
