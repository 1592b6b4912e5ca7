import MeshDumpCore
import Testing
@testable import MeshDump

struct CredentialSecretsTests {
    static let objects = """
        apiVersion: networking.istio.io/v1
        kind: Gateway
        metadata: {name: public, namespace: edge}
        spec:
          selector: {istio: ingressgateway}
          servers:
          - {port: {number: 443, name: https, protocol: HTTPS}, hosts: ["*"], tls: {mode: SIMPLE, credentialName: shop-cert}}
          - {port: {number: 8443, name: https2, protocol: HTTPS}, hosts: ["*"], tls: {mode: SIMPLE, credentialNames: [rsa-cert, "kubernetes://certs/ecdsa-cert"]}}
          - {port: {number: 9443, name: https3, protocol: HTTPS}, hosts: ["*"], tls: {mode: SIMPLE, credentialName: "builtin://"}}
        ---
        apiVersion: networking.istio.io/v1
        kind: Gateway
        metadata: {name: internal, namespace: edge}
        spec:
          selector: {istio: internal-gateway}
          servers: [{port: {number: 443, name: https, protocol: HTTPS}, hosts: ["*"], tls: {mode: SIMPLE, credentialName: internal-cert}}]
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: istio-ingressgateway, namespace: istio-ingress}
        spec: {template: {metadata: {labels: {istio: ingressgateway, app: gw}}}}
        ---
        apiVersion: networking.istio.io/v1
        kind: DestinationRule
        metadata: {name: db, namespace: data}
        spec:
          host: db
          subsets: [{name: v1, trafficPolicy: {portLevelSettings: [{port: {number: 5432}, tls: {mode: MUTUAL, credentialName: db-client}}]}}]
        ---
        apiVersion: v1
        kind: Secret
        metadata: {name: rsa-cert, namespace: istio-ingress}
        """

    /// Gateways' Secrets are in their workload's namespace (a Deployment's here), else their own;
    /// DestinationRules' in theirs; `kubernetes://ns/name` names its namespace; builtin needs none.
    @Test func whereIstioLooksForEachSecret() throws {
        let snapshot = try CheckTestSupport.snapshot(Self.objects)
        #expect(CredentialSecrets.needs(in: snapshot).map { "\($0.0.secret) \($0.0.object.name) \($0.0.field)" } == [
            "edge/internal-cert internal spec.servers[0].tls.credentialName",
            "istio-ingress/shop-cert public spec.servers[0].tls.credentialName",
            "istio-ingress/rsa-cert public spec.servers[1].tls.credentialNames[0]",
            "certs/ecdsa-cert public spec.servers[1].tls.credentialNames[1]",
            "data/db-client db spec.subsets[0].trafficPolicy.portLevelSettings[0].tls.credentialName",
        ])
        #expect(CredentialSecrets.missing(in: snapshot) == ["certs/ecdsa-cert", "data/db-client", "edge/internal-cert", "istio-ingress/shop-cert"])
        let result = try CheckTestSupport.run([CredentialSecretAnalyzer()], snapshot)
        #expect(result.findings.count == 4)
        #expect(result.findings.first?.message == "Needs Secret istio-ingress/shop-cert (the gateway workload's namespace), which is not in the sources. Copy it to the target cluster before applying (`meshdump check -o secrets` lists them all).")
    }

    @Test func withoutSecretsTheCheckIsSkippedButTheListIsWhole() throws {
        let snapshot = try CheckTestSupport.snapshot(Self.objects.replacingOccurrences(of: "kind: Secret", with: "kind: ConfigMap"))
        let result = try CheckTestSupport.run([CredentialSecretAnalyzer()], snapshot)
        #expect(result.findings == [])
        #expect(result.skipped.map(\.reason) == ["no Secret in the sources"])
        #expect(CredentialSecrets.missing(in: snapshot).count == 5)
    }

    @Test func credentialNameForms() {
        #expect(CredentialSecrets.secret("cert", namespace: "a")! == ("a", "cert"))
        #expect(CredentialSecrets.secret("kubernetes://cert", namespace: "a")! == ("a", "cert"))
        #expect(CredentialSecrets.secret("kubernetes://b/cert", namespace: "a")! == ("b", "cert"))
        #expect(CredentialSecrets.secret("kubernetes-gateway://b/cert", namespace: "a")! == ("b", "cert"))
        #expect(CredentialSecrets.secret("configmap://b/ca", namespace: "a") == nil)
        #expect(CredentialSecrets.secret("builtin://", namespace: "a") == nil)
    }
}
