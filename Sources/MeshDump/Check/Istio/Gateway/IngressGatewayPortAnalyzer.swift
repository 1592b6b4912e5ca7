import MeshDumpCore

extension MessageType {
    /// IST0162: a Gateway listens on a port its workload's Service does not expose.
    public static let gatewayPortNotDefinedOnService = MessageType(
        name: "GatewayPortNotDefinedOnService", code: "IST0162", severity: .warning,
        description: "Gateway port not exposed by service")
}

/// `gateway.IngressGatewayPortAnalyzer`: a Gateway's selector picks Pods, and each server port
/// is a TCP port (or target port) of a Service selecting those Pods. Needs Pods and Services in
/// the sources.
public struct IngressGatewayPortAnalyzer: Analyzer {
    public init() {}

    public var name: String { "gateway.IngressGatewayPortAnalyzer" }
    public var messages: [MessageType] { [.referencedResourceNotFound, .gatewayPortNotDefinedOnService] }
    public var requirements: [KindRequirement] { [KindRequirement(.pod), KindRequirement(.service)] }

    public func analyze(_ snapshot: MeshSnapshot, _ report: FindingReport) {
        let services = Dictionary(grouping: snapshot.objects(.service), by: \.namespace)
        let allPods = snapshot.objects(.pod)
        let index = LabelIndex(allPods)
        for gateway in snapshot.objects(.gateway) {
            let selector = LabelSet(gateway.spec["selector"])
            let pods = index.matching(selector).map { allPods[$0] }
            guard !pods.isEmpty else {
                report.add(.referencedResourceNotFound, gateway, field: FieldPath("spec", "selector"),
                           IstioText.referencedResourceNotFound("selector", selector.text)
                               + ". No Pod has these labels: label the gateway workload's pods with them, or correct the selector.")
                continue
            }
            var ports: Set<Int> = []
            for pod in pods {
                for service in services[pod.namespace] ?? [] where LabelSet(service.spec["selector"]).matches(pod) {
                    ports.formUnion(Self.listeningPorts(service))
                }
            }
            for (i, server) in (gateway.spec["servers"]?.sequenceValue ?? []).enumerated() {
                guard let port = server["port"], port != .null else { continue }
                let number = Int(port["number"]?.scalarText ?? "") ?? 0
                guard !ports.contains(number) else { continue }
                report.add(.gatewayPortNotDefinedOnService, gateway, field: FieldPath("spec", "servers").index(i).key("port").key("number"),
                           "The gateway is listening on a target port (port \(number)) that is not defined in the Service associated with its workload instances (Pod selector \(selector.text)). "
                               + "If you need to access the gateway port through the gateway Service, it will not be available. Add the port to the Service, or listen on one of its target ports.")
            }
        }
    }

    /// The ports a gateway Service reaches its pods on: each TCP port's target port (the port
    /// itself when it has none), and the service ports that have a target port.
    private static func listeningPorts(_ service: SnapshotObject) -> [Int] {
        var ports: [Int] = []
        for port in service.spec["ports"]?.sequenceValue ?? [] where port["protocol"]?.stringValue == "TCP" {
            let number = Int(port["port"]?.scalarText ?? "") ?? 0
            let target = Int(port["targetPort"]?.scalarText ?? "") ?? 0
            ports.append(target != 0 ? target : number)
            if target != 0 { ports.append(number) }
        }
        return ports
    }
}
