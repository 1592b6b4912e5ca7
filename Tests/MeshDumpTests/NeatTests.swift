import MeshDumpCore
import Testing
@testable import MeshDump

/// Neat removes what the server owns and nothing else.
struct NeatTests {
    @Test func keepsMeaningfulEmpties() throws {
        let value: Value = [
            "apiVersion": "security.istio.io/v1", "kind": "AuthorizationPolicy",
            "metadata": ["name": "allow-all", "namespace": "a", "uid": "x", "resourceVersion": "1", "labels": [:],
                         "annotations": ["kubectl.kubernetes.io/last-applied-configuration": "{}"]],
            "spec": ["rules": [[:]], "selector": [:]],
            "status": ["x": 1],
        ]
        let neat = Neat().neat(value)
        #expect(neat == [
            "apiVersion": "security.istio.io/v1", "kind": "AuthorizationPolicy",
            "metadata": ["name": "allow-all", "namespace": "a"],
            "spec": ["rules": [[:]], "selector": [:]],
        ])
    }
}
