import Foundation
import KubeFixtureServer
import KubeTestSupport
import MeshDump
import MeshDumpCore
import MeshDumpKube
import Testing
import TestSupport
@testable import MeshDumpSources

/// Issue 12: `--kinds` takes whatever the server serves, named as `kubectl get` names it, and
/// says what is close when nothing answers to a name.
@Suite struct KindNamesTests {
    /// The generated mesh with its dependencies, and a custom resource meshdump does not know
    /// (cert-manager's Certificate, short names `cert` and `certs`).
    static func cluster() throws -> FixtureCluster {
        let certificate = ResourceType(group: "cert-manager.io", kind: "Certificate", resource: "certificates", shortNames: ["cert", "certs"],
                                       namespaced: true, versions: ["v1"])
        var cluster = FixtureCluster(types: FixtureCluster().types + [certificate])
        try ClusterGenerator(namespaces: 2, kinds: 11, objectsPerKind: 1, dependencies: true).populate(&cluster)
        try cluster.add(["apiVersion": "cert-manager.io/v1", "kind": "Certificate", "metadata": ["name": "shop", "namespace": "istio-ingress"],
                         "spec": ["secretName": "shop-tls", "dnsNames": ["shop.example.com"]]])
        cluster.seal()
        return cluster
    }

    func source(_ server: FixtureAPIServer, context: String = "fixture") throws -> ClusterSource {
        var text = KubeconfigText(server: server.url)
        text.contextName = context
        return ClusterSource(connection: try connection(text), options: testOptions, diagnostics: DiagnosticCollector())
    }

    /// What one `--kinds` value reads from `source`: object identities and reports.
    func read(_ kinds: String, from source: ClusterSource) async throws -> (ids: [ObjectID], reports: [KindReport]) {
        let ids = IDs()
        let reports = try await source.read(ReadRequest(filter: ObjectFilter(kinds: try KindSelection(parsing: [kinds])))) { ids.add($0.id) }
        return (ids.sorted, reports)
    }

    final class IDs: @unchecked Sendable {
        private let lock = NSLock()
        private var all: [ObjectID] = []
        func add(_ id: ObjectID) { lock.withLock { all.append(id) } }
        var sorted: [ObjectID] { lock.withLock { all.sorted() } }
    }

    /// Every kind the server serves beyond Istio's, by every spelling: resource, singular, kind
    /// (any case), short names, `resource.group`, `resource.version.group`, `Kind.group`.
    @Test(arguments: [
        ("", "Namespace", "namespaces", ["ns"], 3),
        ("", "Secret", "secrets", [], 6),     // two service-account tokens among them: neat skips those, a source does not
        ("", "Service", "services", ["svc"], 3),
        ("", "Pod", "pods", ["po"], 1),
        ("", "ServiceAccount", "serviceaccounts", ["sa"], 2),
        ("gateway.networking.k8s.io", "GatewayClass", "gatewayclasses", ["gc"], 1),
        ("gateway.networking.k8s.io", "Gateway", "gateways", ["gtw"], 1),
        ("gateway.networking.k8s.io", "HTTPRoute", "httproutes", [], 2),
        ("cert-manager.io", "Certificate", "certificates", ["cert", "certs"], 1),
    ] as [(String, String, String, [String], Int)])
    func everySpellingReadsTheKind(_ group: String, _ kind: String, _ resource: String, _ shortNames: [String], _ count: Int) async throws {
        // Istio's Gateway keeps the bare names; the Gateway API's is `gtw` or qualified.
        let sharesIstiosNames = group == GatewayAPIKinds.group && kind == "Gateway"
        var spellings = (sharesIstiosNames ? [] : [resource, kind, kind.lowercased(), kind.uppercased()]) + shortNames
        if !group.isEmpty { spellings += ["\(resource).\(group)", "\(resource).v1.\(group)", "\(kind).\(group)"] }
        try await withServer(try Self.cluster()) { server in
            let source = try source(server)
            for spelling in spellings {
                let (ids, reports) = try await read(spelling, from: source)
                #expect(ids.count == count && ids.allSatisfy { $0.group == group && $0.kind == kind }, "\(spelling): \(ids)")
                #expect(reports.map(\.qualifiedResource) == [group.isEmpty ? resource : "\(resource).\(group)"], "\(spelling)")
            }
        }
    }

    @Test func gatewayAPIAliasReadsEveryServedKindOfTheGroup() async throws {
        try await withServer(try Self.cluster()) { server in
            let (ids, reports) = try await read("gateway-api", from: try source(server))
            #expect(Set(ids.map(\.kind)) == ["GatewayClass", "Gateway", "HTTPRoute"])
            #expect(ids.allSatisfy { $0.group == GatewayAPIKinds.group })
            #expect(reports.count == GatewayAPIKinds.all.count)
            #expect(reports.allSatisfy { if case .listed = $0.outcome { true } else { false } })
        }
    }

    /// A name the server does not serve is reported with the server's close names; the export
    /// refuses it, and names what is close.
    @Test func anUnknownNameListsCloseMatchesFromDiscovery() async throws {
        try await withServer(try Self.cluster()) { server in
            let (ids, reports) = try await read("vs,certificat", from: try source(server))
            #expect(ids.allSatisfy { $0.kind == "VirtualService" })
            #expect(reports.last?.unresolved == UnresolvedKindName(name: "certificat", reason: "fixture serves no kind of that name",
                                                                  suggestions: ["certificate", "certificates"]))
            let out = try scratchFolder() + "/data"
            await #expect(throws: KindSelectionError(name: "certificat", reason: "fixture serves no kind of that name",
                                                     suggestions: ["certificate", "certificates"])) {
                _ = try await ExportRun(output: out).run([.init(source: try source(server))],
                                                         request: ReadRequest(filter: ObjectFilter(kinds: try KindSelection(parsing: ["certificat"]))))
            }
            #expect(!FileManager.default.fileExists(atPath: out), "nothing written")
        }
    }

    /// A custom resource one of two clusters serves: exported from that one, skipped in the other.
    @Test func aNameOneContextKnowsIsSkippedInTheOther() async throws {
        let out = try scratchFolder() + "/data"
        try await withServer(try Self.cluster()) { east in
            try await withServer(try smallCluster(namespaces: 1, perKind: 1)) { west in
                let report = try await ExportRun(output: out).run(
                    [.init(source: try source(east, context: "east"), folder: "east"), .init(source: try source(west, context: "west"), folder: "west")],
                    request: ReadRequest(filter: ObjectFilter(kinds: try KindSelection(parsing: ["certs"]))))
                #expect(report.committed)
                #expect(report.summary.contains("  certificates.cert-manager.io  v1        1 object in 1 namespace\n"))
                #expect(report.summary.contains(" skipped: west serves no kind of that name\n"))
                #expect(try TreeContents.files(in: out) == [".meshdump", "east/istio-ingress/certificates/shop.yaml"])
            }
        }
    }
}
