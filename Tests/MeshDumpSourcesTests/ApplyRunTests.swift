import KubeFixtureServer
import KubeTestSupport
import MeshDump
import MeshDumpCore
import MeshDumpKube
import Synchronization
import Testing
@testable import MeshDumpSources

/// `meshdump apply` end to end against the fixture server: a tree into an empty cluster, kept in
/// step with prune, a sync from another cluster, and what a second run does (nothing).
@Suite struct ApplyRunTests {
    @Test func aTreeGoesIntoAClusterAndASecondRunWritesNothing() async throws {
        let tree = try Mesh.tree(Mesh.objects)
        try await withServer(try Mesh.cluster()) { server in
            let first = try await ApplyCase(tree: tree).run(on: server)
            #expect(first.report.result == .applied, "\(first.diagnostics)")
            #expect(first.report.count(.created) == 5)
            #expect(first.report.text().hasPrefix("created Gateway istio-system/ingress\ncreated VirtualService team-a/ratings\n"))
            let before = try await server.objects()
            #expect(before.count == 5)
            server.log.clear()

            let second = try await ApplyCase(tree: tree).run(on: server)
            #expect(second.report.result == .applied)
            #expect(second.report.count(.unchanged) == 5)
            #expect(second.report.text() == "0 created, 0 configured, 5 unchanged, 0 pruned, 0 failed\n")
            #expect(server.realWrites.isEmpty, "an object the dry run found unchanged is not sent again")
            #expect(try await server.objects().mapValues(\.resourceVersion) == before.mapValues(\.resourceVersion))
        }
    }

    /// The proof: change three objects, delete two, add one, apply with --prune: the
    /// cluster then equals the tree, and what is not in the set is untouched.
    @Test func pruneMakesTheClusterEqualTheTreeAndLeavesOthersAlone() async throws {
        let handmade = Mesh.virtualService("team-b", "handmade")
        var otherSet = Mesh.virtualService("team-a", "theirs")
        otherSet["metadata"]?["labels"] = ["applyset.kubernetes.io/part-of": "applyset-someone-else-v1"]
        let folder = try scratchFolder() + "/tree"
        _ = try Mesh.tree(Mesh.objects, in: folder)
        try await withServer(try Mesh.cluster(objects: [handmade, otherSet])) { server in
            let first = try await ApplyCase(tree: folder).with(settings: .pruning()).run(on: server)
            #expect(first.report.result == .applied, "\(first.diagnostics)")
            let untouched = try await server.objects()

            let changed = [
                Mesh.virtualService("team-a", "reviews", hosts: ["reviews.new"]), Mesh.virtualService("team-b", "details", hosts: ["d2"]),
                Mesh.gateway("istio-system", "ingress", port: 8080), Mesh.virtualService("team-b", "added"),
            ]
            _ = try Mesh.tree(changed, in: folder)
            let run = try await ApplyCase(tree: folder).with(settings: .pruning()).run(on: server)
            #expect(run.report.result == .applied, "\(run.diagnostics)")
            #expect(run.report.objects.filter { $0.outcome == .pruned }.map(\.id) == [.vs("team-a", "ratings"), .vs("team-b", "cart")])
            #expect(run.report.count(.configured) == 3 && run.report.count(.created) == 1)

            let diff = try await DiffRun(old: FileSource(paths: [folder]), new: ClusterSource(connection: try connection(KubeconfigText(server: server.url)),
                                                                                              options: testOptions, diagnostics: DiagnosticCollector())).run()
            #expect(diff.objects.map(\.id) == [.vs("team-a", "theirs"), .vs("team-b", "handmade")], "only what is not in the set differs")
            #expect(diff.objects.allSatisfy { $0.status == .added })
            let after = try await server.objects()
            for id in [ObjectID.vs("team-a", "theirs"), .vs("team-b", "handmade")] {
                #expect(after[id]?.resourceVersion == untouched[id]?.resourceVersion, "\(id) untouched")
            }
            let deletes = server.log.requests.filter { $0.method == "DELETE" }
            #expect(deletes.count == 2 && deletes.allSatisfy { !$0.isDryRun })
        }
    }

    /// The parent is written first with the old and new scope, then with the new scope alone.
    @Test func theParentRecordsTheSetAsTheKEPSays() async throws {
        let tree = try Mesh.tree(Mesh.objects)
        try await withServer(try Mesh.cluster()) { server in
            let run = try await ApplyCase(tree: tree).with(settings: .pruning()).run(on: server)
            #expect(run.report.result == .applied, "\(run.diagnostics)")
            let client = KubeClient(connection: try connection(KubeconfigText(server: server.url)), options: testOptions)
            let secrets = ServedKind(kind: Kind(group: "", kind: "Secret", resource: "secrets", versions: ["v1"], isDefault: false), version: "v1")
            let parent = try #require(try await client.get(secrets, namespace: "istio-system", name: "mesh"))
            await client.shutdown()
            #expect(parent.value[path: ["metadata", "annotations"]] == [
                "applyset.kubernetes.io/additional-namespaces": "team-a,team-b",
                "applyset.kubernetes.io/contains-group-kinds": "Gateway.networking.istio.io,VirtualService.networking.istio.io",
                "applyset.kubernetes.io/tooling": "meshdump/v0.1.0",
            ])
            #expect(parent.labels?["applyset.kubernetes.io/id"] == .string(ApplySetParent.secret(named: "mesh").id))
            let writes = server.realWrites.map { "\($0.method) \($0.path)" }
            #expect(writes.first == "PATCH /api/v1/namespaces/istio-system/secrets/mesh", "the parent before any member")
            let labelled = try await server.objects().values.filter { $0.labels?["applyset.kubernetes.io/part-of"] == .string(ApplySetParent.secret(named: "mesh").id) }
            #expect(labelled.count == 5)
        }
    }

    /// Sync: the old mesh, rewritten, into the new one; the second run finds every object
    /// unchanged and writes nothing.
    @Test func aSyncFromAnotherClusterTwiceChangesNothingTheSecondTime() async throws {
        try await withServer(try smallCluster(namespaces: 2, perKind: 2)) { old in
            try await withServer(try Mesh.cluster(namespaces: [])) { new in
                var text = KubeconfigText(server: old.url)
                text.contextName = "old"
                let source = ClusterSource(connection: try connection(text), options: testOptions, name: "cluster:old", diagnostics: DiagnosticCollector())
                var sync = ApplyCase(source: source)
                sync.rules = try RuleSet.parse(bytes: Array("apiVersion: meshdump/v1\nkind: Rules\nnamespaces: {payments-0: payments}\n".utf8), source: "r.yaml")
                sync.settings = .pruning { $0.createNamespaces = true }
                let first = try await sync.run(on: new)
                #expect(first.report.result == .applied, "\(first.diagnostics)")
                #expect(first.report.count(.created) == 44)
                #expect(first.report.objects.contains { $0.id.namespace == "payments" })
                let before = try await new.objects()
                new.log.clear()

                let second = try await sync.run(on: new)
                #expect(second.report.result == .applied)
                #expect(second.report.count(.unchanged) == 44 && second.report.objects.count == 44)
                #expect(new.realWrites.isEmpty)
                #expect(try await new.objects().mapValues(\.resourceVersion) == before.mapValues(\.resourceVersion))
                #expect(old.realWrites.isEmpty, "the source cluster is only read")
            }
        }
    }

    /// `--concurrency` requests really are in flight at once: the client opens as many
    /// connections (HTTP/1.1 pools stop at 8 unless told), which is what makes apply fast
    /// against a server that takes its time over each write.
    @Test(arguments: [8, 16])
    func concurrencyRequestsAreInFlightAtOnce(_ concurrency: Int) async throws {
        let tree = try Mesh.tree((0..<16).map { Mesh.virtualService("team-a", "vs-\($0)") })
        try await withServer(try Mesh.cluster()) { server in
            server.faults.add(Fault(.delay(.milliseconds(500)), match: .init(method: "PATCH")))
            let sentBeforeFirstAnswer = Mutex<Int?>(nil)
            var run = ApplyCase(tree: tree)
            run.settings.concurrency = concurrency
            run.onProgress = { progress in
                guard progress.phase == "dry run", progress.done == 1 else { return }
                let sent = server.log.requests.count { $0.method == "PATCH" }
                sentBeforeFirstAnswer.withLock { $0 = sent }
            }
            let result = try await run.run(on: server)
            #expect(result.report.result == .applied, "\(result.diagnostics)")
            #expect(sentBeforeFirstAnswer.withLock { $0 } == concurrency)
        }
    }

    @Test func aClusterIsNotAppliedOntoItself() async throws {
        try await withServer(try Mesh.cluster()) { server in
            var text = KubeconfigText(server: server.url)
            text.contextName = "other-name"
            let source = ClusterSource(connection: try connection(text), options: testOptions, diagnostics: DiagnosticCollector())
            await #expect(throws: UsageError.self) { try await ApplyCase(source: source).run(on: server) }
            #expect(server.log.requests.isEmpty)
        }
    }
}

extension ApplyCase {
    func with(settings: ApplySettings) -> ApplyCase {
        var copy = self
        copy.settings = settings
        return copy
    }
}
