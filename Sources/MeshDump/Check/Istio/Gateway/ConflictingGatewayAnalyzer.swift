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
        // same port replaces an earlier one's, as in Istio).
        var listeners: [Listener: [String: [String: String]]] = [:]
        for gateway in snapshot.objects(.gateway) {
            let selector = LabelSet(gateway.spec["selector"]).text
            for server in gateway.spec["servers"]?.sequenceValue ?? [] {
                var hosts: [String: String] = [:]
                for host in server["hosts"]?.sequenceValue?.compactMap(\.stringValue) ?? [] { hosts[host] = Self.bind(server) }
                listeners[Listener(selector: selector, port: Self.port(server)), default: [:]][gateway.fullName] = hosts
            }
        }
        let pods = snapshot.objects(.pod)
        for gateway in snapshot.objects(.gateway) {
            let selector = LabelSet(gateway.spec["selector"])
            let same = listeners.keys.filter { listener in
                if listener.selector == selector.text { return true }
                guard listener.selector.contains(selector.text) || selector.text.contains(listener.selector) else { return false }
                let other = LabelSet(listener.selector.split(separator: ",").compactMap { pair in
                    let parts = pair.split(separator: "=", omittingEmptySubsequences: false)
                    return parts.count == 2 ? (String(parts[0]), String(parts[1])) : nil
                })
                return pods.contains { selector.matches($0) && other.matches($0) }
            }.sorted()
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
                    for (other, known) in listeners[listener]!.sorted(by: { $0.key < $1.key }) where other != gateway.fullName {
                        if hosts.contains(where: { known[$0] == bind }) { conflicting.append(other) }
                    }
                }
                guard !conflicting.isEmpty else { continue }
                report.add(.conflictingGateways, gateway, field: FieldPath("spec", "servers").index(i),
                           "Conflict with gateways \(conflicting.sorted().joined(separator: ",")) (workload selector \(selector.text), port \(port), hosts \(hosts.joined(separator: ","))). "
                               + "Serve each host on a port from one Gateway only: merge the servers, or give them different hosts.")
            }
        }
    }

    /// The server's port number as text (`0` when it has none).
    private static func port(_ server: Value) -> String {
        server[path: ["port", "number"]]?.scalarText ?? "0"
    }

    private static func bind(_ server: Value) -> String {
        server["bind"]?.stringValue ?? ""
    }
}
