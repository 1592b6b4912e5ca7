import MeshDumpCore

extension MessageType {
    /// IST0138: two Gateways on overlapping workloads serve the same certificate.
    public static let gatewayDuplicateCertificate = MessageType(
        name: "GatewayDuplicateCertificate", code: "IST0138", severity: .warning,
        description: "Duplicate certificate in multiple gateways may cause 404s if clients re-use HTTP2 connections.")
}

/// `gateway.CertificateAnalyzer`: a Gateway serving the same certificate (credentialName, or
/// certificate and key files) as another Gateway whose selector holds all of its selector's
/// labels: HTTP/2 clients re-use connections across hosts and get 404s.
public struct GatewayCertificateAnalyzer: Analyzer {
    public init() {}

    public var name: String { "gateway.CertificateAnalyzer" }
    public var messages: [MessageType] { [.gatewayDuplicateCertificate] }

    public func analyze(_ snapshot: MeshSnapshot, _ report: FindingReport) {
        let gateways = snapshot.objects(.gateway)
        for gateway in gateways {
            let selector = LabelSet(gateway.spec["selector"])
            let servers = gateway.spec["servers"]?.sequenceValue ?? []
            for other in gateways where other.fullName != gateway.fullName {
                guard selector.pairs.allSatisfy({ other.spec[path: ["selector", $0.key]]?.scalarText == $0.value }) else { continue }
                for (i, server) in servers.enumerated() {
                    for otherServer in other.spec["servers"]?.sequenceValue ?? [] {
                        guard let tls = server["tls"], let otherTLS = otherServer["tls"], Self.sameCertificate(tls, otherTLS) else { continue }
                        report.add(.gatewayDuplicateCertificate, gateway, field: FieldPath("spec", "servers").index(i).key("tls"),
                                   "Duplicate certificate in multiple gateways \(GoFormat.list([gateway.fullName, other.fullName])) may cause 404s if clients re-use HTTP2 connections. "
                                       + "Serve the hosts from one Gateway, or give each Gateway its own certificate.")
                    }
                }
            }
        }
    }

    /// Whether two servers' TLS settings name the same certificate: the same credentialName,
    /// or (both without one) the same certificate and private key files.
    static func sameCertificate(_ a: Value, _ b: Value) -> Bool {
        func text(_ tls: Value, _ key: String) -> String { tls[key]?.stringValue ?? "" }
        let (credentialA, credentialB) = (text(a, "credentialName"), text(b, "credentialName"))
        if !credentialA.isEmpty && !credentialB.isEmpty { return credentialA == credentialB }
        guard credentialA.isEmpty && credentialB.isEmpty else { return false }
        let (certificateA, certificateB) = (text(a, "serverCertificate"), text(b, "serverCertificate"))
        guard !certificateA.isEmpty, certificateA == certificateB else { return false }
        let (keyA, keyB) = (text(a, "privateKey"), text(b, "privateKey"))
        return !keyA.isEmpty && keyA == keyB
    }
}
