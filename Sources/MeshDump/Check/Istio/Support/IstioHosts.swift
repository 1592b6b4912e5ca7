/// Host names as Istio's analyzers compare them (`pkg/config/host`, `analyzers/util/hosts.go`).
enum IstioHosts {
    /// The cluster-local suffix Istio's analyzers assume.
    static let clusterLocalSuffix = "svc.cluster.local"

    /// Whether two possibly wildcarded hosts overlap (`*.com` and `foo.com`, `*` and anything).
    static func matches(_ a: String, _ b: String) -> Bool {
        switch (a.hasPrefix("*"), b.hasPrefix("*")) {
        case (true, true):
            return a.count < b.count ? b.dropFirst().hasSuffix(a.dropFirst()) : a.dropFirst().hasSuffix(b.dropFirst())
        case (true, false): return b.hasSuffix(a.dropFirst())
        case (false, true): return a.hasSuffix(b.dropFirst())
        case (false, false): return a == b
        }
    }

    /// Whether `host` names a Kubernetes Service: a short name, or `….svc` or
    /// `….svc.cluster.local`; wildcards never do.
    static func isKubernetesService(_ host: String) -> Bool {
        !host.hasPrefix("*") && (!host.contains(".") || host.hasSuffix(".svc") || host.hasSuffix("." + clusterLocalSuffix))
    }

    /// `host` as a fully qualified name: a short name (no dot, no wildcard) gets
    /// `.<namespace>.svc.cluster.local`.
    static func fqdn(_ host: String, namespace: String) -> String {
        host.hasPrefix("*") || host.contains(".") ? host : "\(host).\(namespace).\(clusterLocalSuffix)"
    }

    /// The namespace and name of a Kubernetes service host `name.namespace.svc.cluster.local`,
    /// or nil for any other host.
    static func serviceName(ofFQDN host: String) -> (namespace: String, name: String)? {
        let suffix = "." + clusterLocalSuffix
        guard host.hasSuffix(suffix) else { return nil }
        let rest = host.dropLast(suffix.count)
        guard let dot = rest.lastIndex(of: "."), dot != rest.startIndex, rest.index(after: dot) != rest.endIndex else { return nil }
        return (String(rest[rest.index(after: dot)...]), String(rest[..<dot]))
    }

    /// The service a destination host names, short names being in `namespace`.
    static func serviceName(ofHost host: String, namespace: String) -> (namespace: String, name: String) {
        serviceName(ofFQDN: host) ?? (namespace, host)
    }

    /// A reference `ns/name`, or `name` in `namespace` (Istio's `NewShortOrFullName`).
    static func shortOrFullName(_ reference: String, namespace: String) -> (namespace: String, name: String) {
        guard let slash = reference.firstIndex(of: "/") else { return (namespace, reference) }
        return (String(reference[..<slash]), String(reference[reference.index(after: slash)...]))
    }

    /// The hosts among `hosts` (each optionally `ns/` or `*/` qualified) visible in `namespace`,
    /// without their qualifier.
    static func names(_ hosts: [String], forNamespace namespace: String) -> [String] {
        hosts.compactMap { host in
            guard let slash = host.firstIndex(of: "/") else { return host }
            let ns = host[..<slash]
            return ns == namespace || ns == "*" ? String(host[host.index(after: slash)...]) : nil
        }
    }

    /// `namespace/name`, or `name` when the namespace is empty (Istio's `FullName.String()`).
    static func fullName(_ namespace: String, _ name: String) -> String {
        namespace.isEmpty ? name : "\(namespace)/\(name)"
    }
}

/// A host within the namespaces it is visible from: `scope/fqdn`, the scope a namespace or `*`
/// (Istio's `ScopedFqdn`).
struct ScopedFQDN: Hashable, Comparable, CustomStringConvertible {
    var scope: String
    var fqdn: String

    /// `host` (made fully qualified in `namespace`) seen from `scope`.
    init(scope: String, namespace: String, host: String) {
        self.scope = scope
        fqdn = IstioHosts.fqdn(host, namespace: namespace)
    }

    static func < (a: ScopedFQDN, b: ScopedFQDN) -> Bool { (a.scope, a.fqdn) < (b.scope, b.fqdn) }

    var description: String { "\(scope)/\(fqdn)" }
}
