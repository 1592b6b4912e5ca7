import Testing
@testable import MeshDump

struct CaCertificateAnalyzerTests {
    @Test func credentialNameCountsOnlyWithAWorkloadSelector() throws {
        let file = """
            apiVersion: networking.istio.io/v1
            kind: DestinationRule
            metadata: {name: db, namespace: data}
            spec:
              host: db.data.svc.cluster.local
              trafficPolicy:
                tls: {mode: MUTUAL, credentialName: db-client}
                portLevelSettings:
                - port: {number: 5432}
                  tls: {mode: SIMPLE, caCertificates: /etc/ca.pem}
                - port: {number: 5433}
                  tls: {mode: ISTIO_MUTUAL}
                - port: {number: 5434}
                  tls: {mode: SIMPLE}
            """
        let result = try CheckTestSupport.run([CaCertificateAnalyzer()], try CheckTestSupport.snapshot(file), files: ["test.yaml": file])
        #expect(result.findings.map(\.message) == [
            "DestinationRule data/db in namespace data has TLS mode set to MUTUAL but no caCertificates are set to validate server identity for host: db.data.svc.cluster.local. Set caCertificates (or a credentialName holding ca.crt, with a workloadSelector) so the server's certificate is verified.",
            "DestinationRule data/db in namespace data has TLS mode set to SIMPLE but no caCertificates are set to validate server identity for host: db.data.svc.cluster.local at port number:5434. Set caCertificates (or a credentialName holding ca.crt, with a workloadSelector) so the server's certificate is verified.",
        ])
        #expect(result.findings.map { "\($0.position!) \($0.field!)" } == [
            "7:5 spec.trafficPolicy.tls.caCertificates", "14:7 spec.trafficPolicy.portLevelSettings[2].tls.caCertificates",
        ])
    }
}
