import MeshDumpCore
import Testing
@testable import MeshDump

struct TrustDomainAnalyzerTests {
    static let objects = """
        apiVersion: security.istio.io/v1
        kind: AuthorizationPolicy
        metadata: {name: a, namespace: shop}
        spec:
          rules:
          - from:
            - source:
                principals: [cluster.local/ns/x/sa/y, old.example.com/ns/x/sa/y, "*/ns/x/sa/y", "*.example.com/ns/x/sa/y", legacy.corp/ns/x/sa/y, not-a-principal]
                trustDomains: [cluster.local, mesh.example.com]
            when:
            - {key: source.principal, values: [old.example.com/ns/x/sa/z]}
        ---
        apiVersion: networking.istio.io/v1
        kind: DestinationRule
        metadata: {name: d, namespace: shop}
        spec:
          host: d
          trafficPolicy: {tls: {mode: MUTUAL, subjectAltNames: [spiffe://cluster.local/ns/x/sa/y, spiffe://legacy.corp/ns/x/sa/y, d.example.com]}}
        """

    @Test func identitiesOutsideTheMeshsTrustDomainAndAliases() throws {
        let mesh = MeshSettings(meshConfig: ["trustDomain": "mesh.example.com", "trustDomainAliases": ["legacy.corp"]], source: "test")
        let result = try CheckTestSupport.run([TrustDomainAnalyzer()], CheckTestSupport.snapshot(Self.objects, mesh: mesh))
        // cluster.local principals stand for the mesh's own domain; `*` patterns match as Istio matches them.
        #expect(result.findings.map { "\($0.object) \($0.field!)" } == [
            "AuthorizationPolicy shop/a spec.rules[0].from[0].source.principals[1]",
            "AuthorizationPolicy shop/a spec.rules[0].from[0].source.trustDomains[0]",
            "AuthorizationPolicy shop/a spec.rules[0].when[0].values[0]",
            "DestinationRule shop/d spec.trafficPolicy.tls.subjectAltNames[0]",
        ])
        #expect(result.findings.first?.message == "Principal \"old.example.com/ns/x/sa/y\" is in trust domain old.example.com, but the mesh's is mesh.example.com (aliases: legacy.corp): no workload has this identity. Change it to the mesh's trust domain (rewrite's `trustDomain` mapping does this), or add old.example.com to trustDomainAliases.")
    }
}
