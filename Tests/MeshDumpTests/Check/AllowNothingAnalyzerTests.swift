import Testing
@testable import MeshDump

struct AllowNothingAnalyzerTests {
    @Test func allowWithoutRulesOnly() throws {
        let snapshot = try CheckTestSupport.snapshot("""
            apiVersion: security.istio.io/v1
            kind: AuthorizationPolicy
            metadata: {name: deny-all, namespace: shop}
            spec: {}
            ---
            apiVersion: security.istio.io/v1
            kind: AuthorizationPolicy
            metadata: {name: allow-all, namespace: shop}
            spec: {rules: [{}]}
            ---
            apiVersion: security.istio.io/v1
            kind: AuthorizationPolicy
            metadata: {name: deny-nothing, namespace: shop}
            spec: {action: DENY}
            ---
            apiVersion: security.istio.io/v1
            kind: AuthorizationPolicy
            metadata: {name: locked, namespace: istio-system}
            spec: {action: ALLOW, rules: [], selector: {matchLabels: {app: db}}}
            ---
            apiVersion: security.istio.io/v1
            kind: AuthorizationPolicy
            metadata: {name: mesh, namespace: istio-system}
            spec: {}
            """)
        let result = try CheckTestSupport.run([AllowNothingAnalyzer()], snapshot)
        #expect(result.findings.map { "\($0.object) \($0.field!): \($0.message)" } == [
            "AuthorizationPolicy shop/deny-all spec: ALLOW with no rules allows nothing: every request to every workload in namespace shop is denied. If that is intended, nothing to do; to allow everything, write `rules: [{}]`.",
            "AuthorizationPolicy istio-system/locked spec.rules: ALLOW with no rules allows nothing: every request to the workloads it selects is denied. If that is intended, nothing to do; to allow everything, write `rules: [{}]`.",
            "AuthorizationPolicy istio-system/mesh spec: ALLOW with no rules allows nothing: every request to every workload of the mesh is denied. If that is intended, nothing to do; to allow everything, write `rules: [{}]`.",
        ])
        #expect(result.findings.allSatisfy { $0.severity == .info })
    }
}
