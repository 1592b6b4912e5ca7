import MeshDumpCore
import Testing
@testable import MeshDumpKube

@Suite struct DiscoveryDocumentsTests {
    func answer(_ text: String) -> Response {
        Response(status: 200, retryAfter: nil, body: Array(text.utf8), path: "/apis")
    }

    /// Issue 11: discovery documents are JSON and read with the JSON parser, not the YAML reader.
    @Test func issue11_discoveryIsReadAsJSON() throws {
        let groups = try DiscoveryDocuments.groups(answer("""
            {"kind":"APIGroupList","apiVersion":"v1","groups":[{"name":"networking.istio.io",
             "versions":[{"groupVersion":"networking.istio.io/v1beta1","version":"v1beta1"},{"groupVersion":"networking.istio.io/v1","version":"v1"}],
             "preferredVersion":{"groupVersion":"networking.istio.io/v1","version":"v1"}}]}
            """))
        #expect(groups.map(\.name) == ["networking.istio.io"])
        #expect(groups.first?.versionsByPreference == ["v1", "v1beta1"])
        let yaml = #expect(throws: KubeError.self) { try DiscoveryDocuments.value(answer("groups: []\n")) }
        #expect(yaml?.description.hasPrefix("GET /apis: not JSON: ") == true, "\(String(describing: yaml))")
        let two = #expect(throws: KubeError.self) { try DiscoveryDocuments.value(answer("{} {}")) }
        #expect(two == .malformedResponse("GET /apis: 2 JSON values instead of one"))
        let empty = #expect(throws: KubeError.self) { try DiscoveryDocuments.value(answer(" ")) }
        #expect(empty == .malformedResponse("GET /apis: empty answer"))
    }
}
