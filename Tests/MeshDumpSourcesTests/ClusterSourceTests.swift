import Foundation
import KubeFixtureServer
import KubeTestSupport
import MeshDump
import MeshDumpCore
import MeshDumpKube
import Testing
@testable import MeshDumpSources

/// A live cluster (the fixture API server) as a source: what `meshdump export` writes from it,
/// and what happens to the tree when kinds fail.
@Suite struct ClusterSourceTests {
    func source(_ server: FixtureAPIServer, context: String = "fixture", sink: DiagnosticCollector = DiagnosticCollector()) throws -> ClusterSource {
        var text = KubeconfigText(server: server.url)
        text.contextName = context
        return ClusterSource(connection: try connection(text), options: testOptions, diagnostics: sink)
    }

    func files(_ root: String) -> [String] {
        (FileManager.default.enumerator(atPath: root)?.allObjects as? [String] ?? [])
            .filter { !$0.hasSuffix("/") && FileManager.default.fileExists(atPath: root + "/" + $0) && !isDirectory(root + "/" + $0) }
            .sorted()
    }

    func isDirectory(_ path: String) -> Bool {
        var d: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &d) && d.boolValue
    }

    @Test func exportsEveryKindIntoTheSeedLayout() async throws {
        let out = try scratchFolder() + "/data"
        let report = try await withServer(try smallCluster(namespaces: 2, perKind: 2)) { server in
            try await try ExportRun(output: out).run([.init(source: try source(server))], request: ReadRequest())
        }
        #expect(report.complete && report.committed)
        #expect(report.totalObjects == 44)
        let written = files(out)
        #expect(written.count == 45)  // 44 objects and the marker
        #expect(written.contains(".meshdump"))
        for kind in IstioKinds.defaults {
            #expect(written.filter { $0.hasPrefix("payments-0/\(kind.resource)/") }.count == 2, "\(kind.resource)")
        }
        let text = try String(contentsOfFile: out + "/" + written.first { $0.hasSuffix(".yaml") }!, encoding: .utf8)
        #expect(!text.contains("managedFields") && !text.contains("resourceVersion") && !text.contains("status:"))
        #expect(report.sources[0].kinds.map(\.outcome).allSatisfy { if case .listed = $0 { true } else { false } })
    }

    @Test func aFailedKindLeavesTheOldTreeUntouched() async throws {
        let out = try scratchFolder() + "/data"
        try await withServer(try smallCluster(namespaces: 2, perKind: 1)) { server in
            let first = try await try ExportRun(output: out).run([.init(source: try source(server))], request: ReadRequest())
            #expect(first.committed)
            let before = files(out)
            server.faults.add(Fault(.status(500), match: .init(resource: "sidecars")))
            let second = try await try ExportRun(output: out).run([.init(source: try source(server))], request: ReadRequest())
            #expect(!second.complete && !second.committed)
            #expect(second.summary.contains("sidecars.networking.istio.io"))
            #expect(second.summary.contains("FAILED"))
            #expect(files(out) == before)
            #expect(try FileManager.default.contentsOfDirectory(atPath: out + "/..") == ["data"], "no staging folder left")

            let partial = try await try ExportRun(output: out, allowPartial: true).run([.init(source: try source(server))], request: ReadRequest())
            #expect(!partial.complete && partial.committed)
            #expect(files(out).filter { $0.contains("/sidecars/") } == before.filter { $0.contains("/sidecars/") },
                    "the failed kind keeps its previous files")
            #expect(files(out).contains { $0.contains("/gateways/") })
        }
    }

    @Test func unservedKindsAreSkippedNotFailed() async throws {
        var cluster = try smallCluster(namespaces: 1, perKind: 1)
        cluster.serve(group: "extensions.istio.io", versions: [], preferred: "v1alpha1")
        let out = try scratchFolder() + "/data"
        let report = try await withServer(cluster) { server in
            try await try ExportRun(output: out).run([.init(source: try source(server))],
                                                  request: ReadRequest(filter: ObjectFilter(kinds: try KindSelection(parsing: ["vs,wasmplugins"]))))
        }
        #expect(report.complete && report.committed)
        #expect(report.sources[0].kinds.map(\.qualifiedResource) == ["virtualservices.networking.istio.io", "wasmplugins.extensions.istio.io"])
        guard case .skipped = report.sources[0].kinds[1].outcome else {
            Issue.record("wasmplugins should be skipped")
            return
        }
    }

    @Test func forbiddenClusterWideListsFallBackPerNamespace() async throws {
        let out = try scratchFolder() + "/data"
        let sink = DiagnosticCollector()
        let report = try await withServer(try smallCluster(namespaces: 3, perKind: 1)) { server in
            server.faults.add(Fault(.forbidden, match: .init(resource: "gateways", clusterWideListsOnly: true)))
            return try await try ExportRun(output: out).run([.init(source: try source(server, sink: sink))], request: ReadRequest())
        }
        #expect(report.complete)
        #expect(report.count(KindKey(source: "fixture", group: "networking.istio.io", kind: "Gateway")).objects == 3)
        #expect(report.summary.contains("listed namespace by namespace"))
    }

    @Test func filtersAndSeveralContexts() async throws {
        let out = try scratchFolder() + "/data"
        try await withServer(try smallCluster(namespaces: 3, perKind: 1)) { a in
            try await withServer(try smallCluster(namespaces: 2, perKind: 1)) { b in
                let request = ReadRequest(filter: ObjectFilter(kinds: try KindSelection(parsing: ["vs", "dr"]),
                                                               excludedNamespaces: [try Glob("check*")]))
                let report = try await try ExportRun(output: out).run(
                    [.init(source: try source(a, context: "east"), folder: "east"), .init(source: try source(b, context: "west"), folder: "west")],
                    request: request)
                #expect(report.committed)
                let written = files(out).filter { $0 != ".meshdump" }
                #expect(written.allSatisfy { !$0.contains("/checkout-0/") })
                #expect(written.filter { $0.hasPrefix("east/") }.count == 4)   // 2 namespaces × vs, dr
                #expect(written.filter { $0.hasPrefix("west/") }.count == 2)
                #expect(Set(written.map { $0.split(separator: "/")[2] }) == ["virtualservices", "destinationrules"])
            }
        }
    }
}
