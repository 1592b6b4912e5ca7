import Foundation
import KubeFixtureServer
import KubeTestSupport
import MeshDumpCore
import Testing
@testable import MeshDumpKube

/// Issue 12: names resolved by discovery as `kubectl get NAME` resolves them: short names
/// first, then resource, singular or kind; a group qualifier picks the group; groups in
/// discovery's order; versions as for any kind.
@Suite struct DiscoveryNamesTests {
    /// `foos.a.example.com` has the short name `bar`; `bars.b.example.com` is kind `Bar`.
    static func cluster() -> FixtureCluster {
        FixtureCluster(types: [
            .namespace,
            ResourceType(group: "a.example.com", kind: "Foo", resource: "foos", shortNames: ["bar"], namespaced: true, versions: ["v1"]),
            ResourceType(group: "b.example.com", kind: "Bar", resource: "bars", namespaced: false, versions: ["v2", "v1beta1"]),
        ])
    }

    func resolve(_ names: [String], aliases: [KindGroupAlias] = []) async throws -> KindResolution {
        try await withServer(Self.cluster()) { server in
            let client = KubeClient(connection: ClusterConnection(contextName: "test", server: try ServerAddress(parsing: server.url)), options: testOptions)
            defer { Task { await client.shutdown() } }
            return try await client.discover([], names: names, aliases: aliases)
        }
    }

    @Test(arguments: [
        ("bar", "a.example.com", "Foo"), ("foos", "a.example.com", "Foo"), ("foo", "a.example.com", "Foo"), ("FOO", "a.example.com", "Foo"),
        ("bars", "b.example.com", "Bar"), ("Bar.b.example.com", "b.example.com", "Bar"), ("bars.v1beta1.b.example.com", "b.example.com", "Bar"),
        ("bar.b.example.com", "b.example.com", "Bar"), ("ns", "", "Namespace"), ("namespace", "", "Namespace"),
    ])
    func namesResolveAsKubectlResolvesThem(_ name: String, _ group: String, _ kind: String) async throws {
        let resolution = try await resolve([name])
        #expect(resolution.unknown.isEmpty)
        #expect(resolution.resolved.map { "\($0.kind.group)/\($0.kind.kind)" } == ["\(group)/\(kind)"], "\(name)")
        #expect(resolution.discovery.served.map(\.kind.kind) == [kind])
    }

    @Test func theServersScopeAndPreferredVersionAreKept() async throws {
        let served = try #require(try await resolve(["bars"]).discovery.served.first)
        #expect(served.version == "v2" && !served.namespaced && served.resource == "bars")
    }

    @Test func unknownNamesComeBackWithCloseServedNames() async throws {
        let resolution = try await resolve(["fooz", "bars.a.example.com", "zzz"])
        #expect(resolution.resolved.isEmpty)
        #expect(resolution.unknown.map(\.name) == ["fooz", "bars.a.example.com", "zzz"])
        #expect(resolution.unknown.map(\.suggestions) == [["foos", "foo"], ["bars.b.example.com"], []])
    }
}
