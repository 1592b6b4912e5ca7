import MeshDumpCore

/// The hosts that services answer to, from ServiceEntries and Kubernetes Services, each with the
/// namespaces that see it (Istio's `InitServiceEntryHostMap` and `GetDestinationHost`).
///
/// A host that is not found is missing only when the sources could hold it: a Kubernetes
/// service host (a short name, or `….svc[.cluster.local]`) needs Services in the sources, any
/// other host ServiceEntries.
struct ServiceHosts {
    /// What looking a host up tells.
    enum Lookup {
        case found(Target)
        case missing
        /// The sources cannot tell: why.
        case unknown(String)
    }

    /// What a destination host resolves to: its ports and the workloads it selects.
    struct Target {
        var ports: [Int]
        /// A ServiceEntry's `workloadSelector.labels` (empty for Services, as Istio converts them).
        var workloadLabels: LabelSet
    }

    private var targets: [ScopedFQDN: Target] = [:]
    private let servicesHeld: Bool
    private let entriesHeld: Bool
    /// The wildcard hosts, sorted, for the suffix search.
    private let wildcards: [ScopedFQDN]

    init(_ snapshot: MeshSnapshot) {
        servicesHeld = snapshot.holds(.service)
        entriesHeld = snapshot.holds(.serviceEntry)
        for entry in snapshot.objects(.serviceEntry) {
            let spec = entry.spec
            let target = Target(ports: Self.ports(spec["ports"], key: "number"), workloadLabels: LabelSet(spec[path: ["workloadSelector", "labels"]]))
            let exportTo = spec["exportTo"]?.sequenceValue?.compactMap(\.scalarText) ?? []
            for host in spec["hosts"]?.sequenceValue?.compactMap(\.stringValue) ?? [] {
                let scopes = exportTo.isEmpty ? ["*"] : Self.scopes(exportTo, namespace: entry.namespace)
                for scope in scopes { targets[ScopedFQDN(scope: scope, namespace: entry.namespace, host: host)] = target }
            }
        }
        for service in snapshot.objects(.service) {
            let target = Target(ports: Self.ports(service.spec["ports"], key: "port"), workloadLabels: LabelSet([]))
            let scopes = (service.annotation("networking.istio.io/exportTo") ?? "").split(separator: ",")
                .map { $0.trimmingSpaces() }
                .map { $0 == "." ? service.namespace : $0 }
            for scope in scopes.isEmpty ? ["*"] : scopes {
                targets[ScopedFQDN(scope: scope, namespace: service.namespace, host: service.name)] = target
            }
        }
        wildcards = targets.keys.filter { $0.fqdn.hasPrefix("*") }.sorted()
    }

    /// `exportTo` as scopes, up to and including a `*` (after which Istio stops).
    private static func scopes(_ exportTo: [String], namespace: String) -> [String] {
        var scopes: [String] = []
        for entry in exportTo {
            scopes.append(entry == "." ? namespace : entry)
            if entry == "*" { break }
        }
        return scopes
    }

    private static func ports(_ value: Value?, key: String) -> [Int] {
        value?.sequenceValue?.map { Int($0[key]?.scalarText ?? "") ?? 0 } ?? []
    }

    /// Whether `host`, written in an object of `namespace` exported to `exportTo`, is a service
    /// host, is missing, or cannot be told from the sources.
    func lookup(host: String, namespace: String, exportTo: [String]) -> Lookup {
        if let target = target(host: host, namespace: namespace, exportTo: exportTo) { return .found(target) }
        if IstioHosts.isKubernetesService(host) {
            return servicesHeld ? .missing : .unknown("hosts of Kubernetes Services not checked: no Service in the sources")
        }
        return entriesHeld ? .missing : .unknown("hosts outside the cluster not checked: no ServiceEntry in the sources")
    }

    /// What `host`, written in an object of `namespace` exported to `exportTo`, resolves to:
    /// an exact host visible to all namespaces, or to those the object is exported to, else a
    /// wildcard host visible to all or to `namespace` whose suffix it has.
    private func target(host: String, namespace: String, exportTo: [String]) -> Target? {
        if let target = targets[ScopedFQDN(scope: "*", namespace: namespace, host: host)] { return target }
        let scopes = exportTo.isEmpty ? [namespace] : exportTo.map { $0 == "." ? namespace : $0 }
        for scope in scopes {
            if let target = targets[ScopedFQDN(scope: scope, namespace: namespace, host: host)] { return target }
        }
        let bare = host.hasPrefix("*") ? host.dropFirst() : Substring(host)
        for wildcard in wildcards where wildcard.scope == "*" || wildcard.scope == namespace {
            if bare.hasSuffix(wildcard.fqdn.dropFirst()) { return targets[wildcard] }
        }
        return nil
    }
}
