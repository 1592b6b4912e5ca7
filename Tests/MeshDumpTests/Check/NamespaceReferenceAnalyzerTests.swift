import MeshDumpCore
import Testing
@testable import MeshDump

struct NamespaceReferenceAnalyzerTests {
    static let objects = """
        apiVersion: networking.istio.io/v1
        kind: Sidecar
        metadata: {name: default, namespace: shop}
        spec: {egress: [{hosts: [./*, istio-system/*, gone/*, "~gone2/*", "*/x.example.com"]}]}
        ---
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata: {name: v, namespace: shop, annotations: {networking.istio.io/exportTo: "shop, gone3"}}
        spec:
          hosts: [v]
          gateways: [mesh, gw, istio-system/ingress, gone4/ingress]
          http: [{delegate: {name: d, namespace: gone5}}]
        ---
        apiVersion: security.istio.io/v1
        kind: AuthorizationPolicy
        metadata: {name: a, namespace: shop}
        spec: {rules: [{from: [{source: {namespaces: [sh*, "*-system", gone6*]}}]}]}
        """

    @Test func namespacesNeitherDefinedNorHoldingObjects() throws {
        let snapshot = try CheckTestSupport.snapshot(Self.objects + """

            ---
            apiVersion: v1
            kind: Namespace
            metadata: {name: istio-system}
            """)
        let result = try CheckTestSupport.run([NamespaceReferenceAnalyzer()], snapshot)
        #expect(result.findings.map { "\($0.object) \($0.field!)" } == [
            "Sidecar shop/default spec.egress[0].hosts[2]",
            "Sidecar shop/default spec.egress[0].hosts[3]",
            "VirtualService shop/v metadata.annotations[\"networking.istio.io/exportTo\"]",
            "VirtualService shop/v spec.gateways[3]",
            "VirtualService shop/v spec.http[0].delegate.namespace",
            "AuthorizationPolicy shop/a spec.rules[0].from[0].source.namespaces[2]",
        ])
        #expect(result.findings.map(\.message).contains("Names namespace gone3 (in \"shop, gone3\"), which does not exist: no Namespace gone3 and no object in it. Fix the reference (a namespace move that missed it?), or create the namespace."))
    }

    @Test func withoutNamespacesItIsSkipped() throws {
        let result = try CheckTestSupport.run([NamespaceReferenceAnalyzer()], CheckTestSupport.snapshot(Self.objects))
        #expect(result.findings == [])
        #expect(result.skipped.map(\.reason) == ["no Namespace in the sources"])
    }
}
