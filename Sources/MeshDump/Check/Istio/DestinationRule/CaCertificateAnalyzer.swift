import MeshDumpCore

extension MessageType {
    /// IST0128: TLS to a destination without verifying the server's certificate.
    public static let noServerCertificateVerificationDestinationLevel = MessageType(
        name: "NoServerCertificateVerificationDestinationLevel", code: "IST0128", severity: .warning,
        description: "No caCertificates are set in DestinationRule, this results in no verification of presented server certificate.")
    /// IST0129: the same, for one port.
    public static let noServerCertificateVerificationPortLevel = MessageType(
        name: "NoServerCertificateVerificationPortLevel", code: "IST0129", severity: .warning,
        description: "No caCertificates are set in DestinationRule, this results in no verification of presented server certificate for traffic to a given port.")
}

/// `destinationrule.CaCertificateAnalyzer`: a DestinationRule whose TLS mode is SIMPLE or
/// MUTUAL, at the destination or a port, sets no `caCertificates` (and is not a
/// `credentialName` with a `workloadSelector`), so the server's certificate is not verified.
public struct CaCertificateAnalyzer: Analyzer {
    public init() {}

    public var name: String { "destinationrule.CaCertificateAnalyzer" }
    public var messages: [MessageType] { [.noServerCertificateVerificationDestinationLevel, .noServerCertificateVerificationPortLevel] }

    public func analyze(_ snapshot: MeshSnapshot, _ report: FindingReport) {
        for rule in snapshot.objects(.destinationRule) {
            let spec = rule.spec
            let host = spec["host"]?.stringValue ?? ""
            let hasSelector = spec["workloadSelector"].map { $0 != .null } ?? false
            let policy = FieldPath("spec", "trafficPolicy")
            if let mode = Self.unverifiedMode(spec[path: ["trafficPolicy", "tls"]], hasSelector: hasSelector) {
                report.add(.noServerCertificateVerificationDestinationLevel, rule, field: policy.key("tls").key("caCertificates"),
                           "DestinationRule \(rule.fullName) in namespace \(rule.namespace) has TLS mode set to \(mode) but no caCertificates are set to validate server identity for host: \(host). "
                               + Self.fix)
            }
            let ports = spec[path: ["trafficPolicy", "portLevelSettings"]]?.sequenceValue ?? []
            for (i, setting) in ports.enumerated() {
                guard let mode = Self.unverifiedMode(setting["tls"], hasSelector: hasSelector) else { continue }
                let port = setting[path: ["port", "number"]]?.scalarText ?? ""
                report.add(.noServerCertificateVerificationPortLevel, rule,
                           field: policy.key("portLevelSettings").index(i).key("tls").key("caCertificates"),
                           "DestinationRule \(rule.fullName) in namespace \(rule.namespace) has TLS mode set to \(mode) but no caCertificates are set to validate server identity for host: \(host) at port number:\(port). "
                               + Self.fix)
            }
        }
    }

    private static let fix = "Set caCertificates (or a credentialName holding ca.crt, with a workloadSelector) so the server's certificate is verified."

    /// The mode, when `tls` is SIMPLE or MUTUAL with nothing to verify the server with.
    private static func unverifiedMode(_ tls: Value?, hasSelector: Bool) -> String? {
        guard let tls, let mode = tls["mode"]?.stringValue, mode == "SIMPLE" || mode == "MUTUAL" else { return nil }
        if let ca = tls["caCertificates"]?.stringValue, !ca.isEmpty { return nil }
        if let credential = tls["credentialName"]?.stringValue, !credential.isEmpty, hasSelector { return nil }
        return mode
    }
}
