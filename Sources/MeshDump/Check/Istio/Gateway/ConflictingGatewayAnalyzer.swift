import MeshDumpCore

extension MessageType {
    /// IST0145: two Gateways on the same workloads and port claim the same host.
    public static let conflictingGateways = MessageType(
        name: "ConflictingGateways", code: "IST0145", severity: .error,
        description: "Gateway should not have the same selector, port and matched hosts of server")
}

/// `gateway.ConflictingGatewayAnalyzer`: Gateways whose selectors pick the same workloads (the
/// same selector, or one inside the other with a Pod both select) with servers on the same port
/// and bind claiming the same host: which one a request reaches is undefined.
///
/// Istio's analyzer also records a server's hosts into the other Gateway's known hosts when
/// they do not clash, so its results depend on Go's map order; meshdump compares each server
/// with the other Gateways' own hosts only.
public struct ConflictingGatewayAnalyzer: Analyzer {
    public init() {}

    public var name: String { "gateway.ConflictingGatewayAnalyzer" }
    public var messages: [MessageType] { [.referencedResourceNotFound, .conflictingGateways] }

    /// A selector's text and a port number: the workloads and port a server listens on.
    private struct Listener: Hashable, Comparable {
        var selector: String
        var port: String
        static func < (a: Listener, b: Listener) -> Bool { (a.selector, a.port) < (b.selector, b.port) }
    }

    public func analyze(_ snapshot: MeshSnapshot, _ report: FindingReport) {
        // For each listener, each Gateway's hosts there with their binds (a later server on the
        // same port replaces an earlier one's, as in Istio), then which Gateways claim each host.
        var byListener: [Listener: [String: [String: String]]] = [:]
        for gateway in snapshot.objects(.gateway) {
            let selector = LabelSet(gateway.spec["selector"]).text
            for server in gateway.spec["servers"]?.sequenceValue ?? [] {
                var hosts: [String: String] = [:]
                for host in server["hosts"]?.sequenceValue?.compactMap(\.stringValue) ?? [] { hosts[host] = Self.bind(server) }
                byListener[Listener(selector: selector, port: Self.port(server)), default: [:]][gateway.fullName] = hosts
            }
        }
        var claims: [Listener: [String: [(gateway: String, bind: String)]]] = [:]
        for (listener, gateways) in byListener {
            for (gateway, hosts) in gateways {
                for (host, bind) in hosts { claims[listener, default: [:]][host, default: []].append((gateway, bind)) }
            }
        }
        let selectors = Dictionary(grouping: byListener.keys, by: \.selector)
        let pods = LabelIndex(snapshot.objects(.pod))
        // The listeners of the workloads a selector picks, by selector (Gateways share a few).
        var workloads: [String: [Listener]] = [:]
        for gateway in snapshot.objects(.gateway) {
            let selector = LabelSet(gateway.spec["selector"])
            let same = workloads[selector.text] ?? selectors.filter { other, _ in
                Self.sameWorkloads(selector, other, pods: pods)
            }.values.flatMap { $0 }.sorted()
            workloads[selector.text] = same
            if !selector.isEmpty && same.isEmpty {
                report.add(.referencedResourceNotFound, gateway, field: FieldPath("spec", "selector"),
                           IstioText.referencedResourceNotFound("selector", selector.text)
                               + ". Label the gateway workload's pods with it, or correct the selector.")
                continue
            }
            for (i, server) in (gateway.spec["servers"]?.sequenceValue ?? []).enumerated() {
                let port = Self.port(server)
                let hosts = server["hosts"]?.sequenceValue?.compactMap(\.stringValue) ?? []
                let bind = Self.bind(server)
                var conflicting: [String] = []
                for listener in same where listener.port == port {
                    var others: Set<String> = []
                    for host in hosts {
                        for claim in claims[listener]?[host] ?? [] where claim.bind == bind && claim.gateway != gateway.fullName {
                            others.insert(claim.gateway)
                        }
                    }
                    conflicting += others
                }
                guard !conflicting.isEmpty else { continue }
                report.add(.conflictingGateways, gateway, field: FieldPath("spec", "servers").index(i),
                           "Conflict with gateways \(conflicting.sorted().joined(separator: ",")) (workload selector \(selector.text), port \(port), hosts \(hosts.joined(separator: ","))). "
                               + "Serve each host on a port from one Gateway only: merge the servers, or give them different hosts.")
            }
        }
    }

    /// Whether two selectors pick the same workloads: they are equal, or one's text holds the
    /// other's and a Pod has both (Istio's test, on the selectors' texts).
    private static func sameWorkloads(_ selector: LabelSet, _ other: String, pods: LabelIndex) -> Bool {
        if other == selector.text { return true }
        guard other.contains(selector.text) || selector.text.contains(other) else { return false }
        let otherSet = LabelSet(other.split(separator: ",").compactMap { pair in
            let parts = pair.split(separator: "=", omittingEmptySubsequences: false)
            return parts.count == 2 ? (String(parts[0]), String(parts[1])) : nil
        })
        // A Pod both select: the union of the two, unless they want different values of a label.
        guard otherSet.pairs.allSatisfy({ pair in selector.pairs.allSatisfy { $0.key != pair.key || $0.value == pair.value } }) else { return false }
        return pods.containsMatch(selector.merging(otherSet))
    }

    /// The server's port number as text (`0` when it has none).
    private static func port(_ server: Value) -> String {
        server[path: ["port", "number"]]?.scalarText ?? "0"
    }

    private static func bind(_ server: Value) -> String {
        server["bind"]?.stringValue ?? ""
    }
}
