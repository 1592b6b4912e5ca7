import MeshDumpCore
import Testing
@testable import MeshDump

/// Gateway credentials: key names, certificate parsing and validity dates, read from the
/// Secrets of istio's own test inputs (a certificate valid 2023-03-14T02:54:30Z to
/// 2023-03-14T06:15:41Z in UTCTime, and one valid until 2122 in GeneralizedTime).
struct GatewaySecretAnalyzerTests {
    static func secret(_ name: String, in file: String) throws -> SnapshotObject {
        let objects = try FileSource(paths: [CheckTestSupport.testdata("istio-analyze/testdata/" + file)]).objects()
        let snapshot = MeshSnapshot(objects: objects)
        return try #require(snapshot.objects(.secret).first { $0.name == name })
    }

    @Test func expiryIsJudgedAtTheSnapshotsTime() throws {
        let expired = try Self.secret("expired-secret", in: "gateway-secrets-validation.yaml")
        #expect(GatewaySecretAnalyzer.problem(expired, now: CheckTestSupport.now) == "its certificate expired on 2023-03-14T06:15:41Z")
        #expect(GatewaySecretAnalyzer.problem(expired, now: 1_678_766_400) == nil)  // 2023-03-14T04:00:00Z
        #expect(GatewaySecretAnalyzer.problem(expired, now: 1_678_759_200) == "its certificate is not valid before 2023-03-14T02:54:30Z")
        let current = try Self.secret("httpbin-credential", in: "gateway-secrets.yaml")
        #expect(GatewaySecretAnalyzer.problem(current, now: CheckTestSupport.now) == nil)
        #expect(GatewaySecretAnalyzer.problem(current, now: 4_800_838_717) == "its certificate expired on 2122-02-18T06:18:36Z")
    }

    @Test func keyNamesAndContent() throws {
        #expect(GatewaySecretAnalyzer.problem(try Self.secret("invalid-key", in: "gateway-secrets-validation.yaml"), now: 0)
            == "no PEM block in the certificate")
        #expect(GatewaySecretAnalyzer.problem(try Self.secret("missing-key", in: "gateway-secrets-validation.yaml"), now: 0)
            == "it has neither keys cert and key nor tls.crt and tls.key (it has: tls.cert)")
        let snapshot = try CheckTestSupport.snapshot("""
            apiVersion: v1
            kind: Secret
            metadata: {name: empty}
            data: {tls.crt: "", tls.key: ""}
            ---
            apiVersion: v1
            kind: Secret
            metadata: {name: garbage}
            stringData:
              cert: |
                -----BEGIN CERTIFICATE-----
                MIIBkTCB+wIJAKxx
                -----END CERTIFICATE-----
              key: k
            """)
        let secrets = snapshot.objects(.secret)
        #expect(secrets.map { GatewaySecretAnalyzer.problem($0, now: 0) } == [
            "it has keys tls.crt and tls.key, but they are empty", "the certificate is not valid X.509",
        ])
    }

    @Test func aMissingSecretAndAGatewayWithoutPods() throws {
        let file = """
            apiVersion: v1
            kind: Pod
            metadata: {name: gw-1, namespace: edge, labels: {app: edge}}
            ---
            apiVersion: v1
            kind: Secret
            metadata: {name: other, namespace: edge}
            ---
            apiVersion: networking.istio.io/v1
            kind: Gateway
            metadata: {name: public, namespace: shop}
            spec:
              selector: {app: edge}
              servers:
              - port: {number: 443, name: https, protocol: HTTPS}
                hosts: ["*"]
                tls: {mode: SIMPLE, credentialName: shop-cert}
            ---
            apiVersion: networking.istio.io/v1
            kind: Gateway
            metadata: {name: nowhere, namespace: shop}
            spec:
              selector: {app: none}
            """
        let result = try CheckTestSupport.run([GatewaySecretAnalyzer()], try CheckTestSupport.snapshot(file), files: ["test.yaml": file])
        #expect(result.findings.map { "\($0.position!) \($0.object) \($0.field!): \($0.message)" } == [
            "17:25 Gateway shop/public spec.servers[0].tls.credentialName: Referenced credentialName not found: \"shop-cert\". Create Secret edge/shop-cert (the gateway workload's namespace) in the target cluster.",
            "23:3 Gateway shop/nowhere spec.selector: Referenced selector not found: \"app=none\". No Pod has these labels: label the gateway workload's pods with them, or correct the selector.",
        ])
    }

    @Test func skippedWithoutPodsOrSecrets() throws {
        let snapshot = try CheckTestSupport.snapshot("apiVersion: v1\nkind: Pod\nmetadata: {name: p}\n")
        let result = try CheckTestSupport.run([GatewaySecretAnalyzer()], snapshot)
        #expect(result.skipped == [SkippedAnalyzer(analyzer: "gateway.SecretAnalyzer", reason: "no Secret in the sources")])
    }
}
