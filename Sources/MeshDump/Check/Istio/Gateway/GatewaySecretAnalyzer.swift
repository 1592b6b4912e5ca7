import MeshDumpCore

extension MessageType {
    /// IST0161: a Gateway's credential Secret cannot be used.
    public static let invalidGatewayCredential = MessageType(
        name: "InvalidGatewayCredential", code: "IST0161", severity: .error,
        description: "The credential provided for the Gateway resource is invalid")
}

/// `gateway.SecretAnalyzer`: each `credentialName` of a Gateway names a Secret in the namespace
/// of the gateway workload (the namespace of the Pods its selector picks), holding a certificate
/// and key (`tls.crt`/`tls.key` or `cert`/`key`) whose certificate is valid X.509 and current.
/// Needs Pods and Secrets in the sources; Secret values are never printed.
public struct GatewaySecretAnalyzer: Analyzer {
    public init() {}

    public var name: String { "gateway.SecretAnalyzer" }
    public var messages: [MessageType] { [.referencedResourceNotFound, .invalidGatewayCredential] }
    public var requirements: [KindRequirement] { [KindRequirement(.pod), KindRequirement(.secret)] }

    public func analyze(_ snapshot: MeshSnapshot, _ report: FindingReport) {
        let pods = snapshot.objects(.pod)
        let index = LabelIndex(pods)
        for gateway in snapshot.objects(.gateway) {
            let selector = LabelSet(gateway.spec["selector"])
            guard let workloadNamespace = index.matching(selector).first.map({ pods[$0].namespace }) else {
                report.add(.referencedResourceNotFound, gateway, field: FieldPath("spec", "selector"),
                           IstioText.referencedResourceNotFound("selector", selector.text)
                               + ". No Pod has these labels: label the gateway workload's pods with them, or correct the selector.")
                continue
            }
            for (i, server) in (gateway.spec["servers"]?.sequenceValue ?? []).enumerated() {
                guard let credential = server[path: ["tls", "credentialName"]]?.stringValue, !credential.isEmpty else { continue }
                let field = FieldPath("spec", "servers").index(i).key("tls").key("credentialName")
                let (namespace, name) = IstioHosts.shortOrFullName(credential, namespace: workloadNamespace)
                guard let secret = snapshot.object(.secret, namespace: namespace, name: name) else {
                    report.add(.referencedResourceNotFound, gateway, field: field,
                               IstioText.referencedResourceNotFound("credentialName", credential)
                                   + ". Create Secret \(namespace)/\(name) (the gateway workload's namespace) in the target cluster.")
                    continue
                }
                if let problem = Self.problem(secret, now: snapshot.now) {
                    report.add(.invalidGatewayCredential, gateway, field: field,
                               "The credential referenced by the Gateway \(gateway.name) in namespace \(workloadNamespace) is invalid, which can cause the traffic not to work as expected. "
                                   + "Secret \(secret.fullName): \(problem).")
                }
            }
        }
    }

    /// Why a Secret cannot serve as a gateway's certificate, or nil when it can.
    static func problem(_ secret: SnapshotObject, now: Int64) -> String? {
        var data: [String: [UInt8]] = [:]
        for (key, value) in secret.value["data"]?.mappingValue ?? Mapping() {
            data[key] = value.stringValue.flatMap { Base64.decode($0.utf8) } ?? []
        }
        for (key, value) in secret.value["stringData"]?.mappingValue ?? Mapping() {
            data[key] = Array((value.stringValue ?? "").utf8)
        }
        let pairs = [("cert", "key"), ("tls.crt", "tls.key")]
        guard let (certificateKey, _) = pairs.first(where: { !(data[$0.0] ?? []).isEmpty && !(data[$0.1] ?? []).isEmpty }) else {
            if let (a, b) = pairs.first(where: { data[$0.0] != nil && data[$0.1] != nil }) {
                return "it has keys \(a) and \(b), but they are empty"
            }
            return "it has neither keys cert and key nor tls.crt and tls.key (it has: \(data.keys.sorted().joined(separator: ", ")))"
        }
        do {
            for validity in try CertificateValidity.read(pem: data[certificateKey]!) {
                if let problem = validity.problem(at: now) { return problem }
            }
            return nil
        } catch {
            return error.description
        }
    }
}
