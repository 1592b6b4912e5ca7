import MeshDumpCore
import Testing
@testable import MeshDump

struct RootNamespaceAnalyzerTests {
    static let policies = """
        apiVersion: security.istio.io/v1
        kind: PeerAuthentication
        metadata: {name: default, namespace: istio-system}
        spec: {mtls: {mode: STRICT}}
        ---
        apiVersion: security.istio.io/v1
        kind: AuthorizationPolicy
        metadata: {name: ingress, namespace: istio-system}
        spec: {selector: {matchLabels: {istio: ingressgateway}}, rules: [{}]}
        ---
        apiVersion: networking.istio.io/v1alpha3
        kind: EnvoyFilter
        metadata: {name: stats, namespace: mesh-root}
        spec: {configPatches: []}
        """

    static func findings(config: String?, flag: String?) throws -> [String] {
        let mesh = config.map { MeshSettings(meshConfig: ["rootNamespace": .string($0)], source: "test") } ?? MeshSettings()
        var snapshot = try CheckTestSupport.snapshot(policies, mesh: mesh)
        if let flag { snapshot.mesh.rootNamespace = flag }
        return try CheckTestSupport.run([RootNamespaceAnalyzer()], snapshot).findings.map { "\($0.object)" }
    }

    /// The config is the new mesh's: the old root is Istio's default.
    @Test func aConfiguredRootMovesFromIstioSystem() throws {
        #expect(try Self.findings(config: "istio-config", flag: nil) == ["PeerAuthentication istio-system/default"])
    }

    /// The flag is the new mesh's: the config (or the default) was the old one's.
    @Test func theFlagMovesFromTheConfiguredRoot() throws {
        #expect(try Self.findings(config: "mesh-root", flag: "istio-system") == ["EnvoyFilter mesh-root/stats"])
        #expect(try Self.findings(config: nil, flag: "istio-config") == ["PeerAuthentication istio-system/default"])
    }

    @Test func theSameRootReportsNothing() throws {
        #expect(try Self.findings(config: nil, flag: nil) == [])
        #expect(try Self.findings(config: nil, flag: "istio-system") == [])
        // A flag that agrees with the config overrides nothing: the config is the new mesh's.
        #expect(try Self.findings(config: "mesh-root", flag: "mesh-root") == ["PeerAuthentication istio-system/default"])
    }
}
