import MeshDumpCore

extension MessageType {
    /// IST0138: two Gateways on overlapping workloads serve the same certificate.
    public static let gatewayDuplicateCertificate = MessageType(
        name: "GatewayDuplicateCertificate", code: "IST0138", severity: .warning,
        description: "Duplicate certificate in multiple gateways may cause 404s if clients re-use HTTP2 connections.")
}

/// `gateway.CertificateAnalyzer`: a Gateway serving the same certificate (credentialName, or
/// certificate and key files) as another Gateway whose selector holds all of its selector's
/// labels: HTTP/2 clients re-use connections across hosts and get 404s. One finding per pair of
/// servers, as istioctl reports them.
public struct GatewayCertificateAnalyzer: Analyzer {
    public init() {}

    public var name: String { "gateway.CertificateAnalyzer" }
    public var messages: [MessageType] { [.gatewayDuplicateCertificate] }

    /// A TLS server of a Gateway.
    private struct Server {
        var gateway: SnapshotObject
        var index: Int
    }

    public func analyze(_ snapshot: MeshSnapshot, _ report: FindingReport) {
        var byCertificate: [String: [Server]] = [:]
        for gateway in snapshot.objects(.gateway) {
            for (i, server) in (gateway.spec["servers"]?.sequenceValue ?? []).enumerated() {
                if let certificate = Self.certificate(server["tls"]) {
                    byCertificate[certificate, default: []].append(Server(gateway: gateway, index: i))
                }
            }
        }
        for servers in byCertificate.values where servers.count > 1 {
            for server in servers {
                let gateway = server.gateway
                let selector = LabelSet(gateway.spec["selector"])
                for other in servers where other.gateway.fullName != gateway.fullName && selector.matches(other.gateway.spec["selector"]) {
                    report.add(.gatewayDuplicateCertificate, gateway, field: FieldPath("spec", "servers").index(server.index).key("tls"),
                               "Duplicate certificate in multiple gateways \(GoFormat.list([gateway.fullName, other.gateway.fullName])) may cause 404s if clients re-use HTTP2 connections. "
                                   + "Serve the hosts from one Gateway, or give each Gateway its own certificate.")
                }
            }
        }
    }

    /// What identifies a server's certificate: its credentialName, else its certificate and
    /// private key files (both needed); nil without TLS or a certificate. Two servers have the
    /// same certificate exactly when these are equal (Istio's `haveSameCertificate`).
    static func certificate(_ tls: Value?) -> String? {
        guard let tls else { return nil }
        func text(_ key: String) -> String { tls[key]?.stringValue ?? "" }
        if !text("credentialName").isEmpty { return "credentialName " + text("credentialName") }
        guard !text("serverCertificate").isEmpty, !text("privateKey").isEmpty else { return nil }
        return "files " + text("serverCertificate") + "\u{0}" + text("privateKey")
    }
}
