import Testing
@testable import MeshDump

struct UnreachableRulesAnalyzerTests {
    /// Istio's texts, at the rule or the match, each printed once.
    @Test func messagesAndFields() throws {
        let snapshot = try CheckTestSupport.snapshot("""
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata: {name: shop, namespace: web}
            spec:
              hosts: [shop]
              http:
              - name: api
                match: [{uri: {prefix: /api}}]
                route: [{destination: {host: api}}]
              - name: api-v1
                match: [{name: v1, uri: {prefix: /api/v1}, method: {exact: GET}}, {uri: {prefix: /api}, ignoreUriCase: false}]
                route: [{destination: {host: api-v1}}]
              - route: [{destination: {host: web}}]
              - match: [{uri: {exact: /a}}, {uri: {exact: /b}}]
                route: [{destination: {host: never}}]
            """)
        let result = try CheckTestSupport.run([UnreachableRulesAnalyzer()], snapshot)
        #expect(result.findings.map { "\($0.code) \($0.field!): \($0.message)" } == [
            "IST0131 spec.http[1].match[0]: VirtualService rule \"api-v1\" match \"v1\" of prefix /api/v1 is not used (duplicate/overlapping match in rule #0 of prefix /api on \"api\"). Remove the match, or move its rule before the rule that takes its traffic.",
            "IST0131 spec.http[1].match[1]: VirtualService rule \"api-v1\" match #1 is not used (duplicate/overlapping match in rule \"api\"). Remove the match, or move its rule before the rule that takes its traffic.",
            "IST0130 spec.http[3]: VirtualService rule #3 not used (route without matches defined before). Remove the rule, or move it before the rule that takes its traffic.",
        ])
    }
}
