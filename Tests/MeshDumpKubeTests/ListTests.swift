import Foundation
import KubeFixtureServer
import KubeTestSupport
import MeshDumpCore
import Synchronization
import Testing
@testable import MeshDumpKube

/// Paged lists, filters, single GETs and concurrency against the fixture server (plain http).
@Suite struct ListTests {
    let generator = ClusterGenerator(namespaces: 4, kinds: 11, objectsPerKind: 23)

    func cluster() throws -> FixtureCluster {
        var cluster = FixtureCluster()
        try generator.populate(&cluster)
        return cluster
    }

    func client(_ server: FixtureAPIServer, pageSize: Int = 10) throws -> KubeClient {
        var options = testOptions
        options.pageSize = pageSize
        return KubeClient(connection: ClusterConnection(contextName: "kind-test", server: try ServerAddress(parsing: server.url)), options: options)
    }

    @Test func pagedClusterWideListDeliversEveryObjectOnceInOrder() async throws {
        try await withServer(try cluster()) { server in
            let client = try client(server, pageSize: 10)
            let listed = try await client.collect("virtualservices")
            await client.shutdown()
            #expect(listed.keys == expectedKeys(generator, kind: "VirtualService"))
            #expect(listed.result.succeeded)
            #expect(listed.result.pages == 10)
            #expect(listed.result.namespaces == ["catalog-0", "checkout-0", "payments-0", "search-0"])
            let lists = server.log.requests.filter { $0.path == "/apis/networking.istio.io/v1/virtualservices" }
            #expect(lists.count == 10)
            #expect(lists.allSatisfy { $0.query["limit"] == "10" })
            #expect(lists.first?.query["continue"] == nil && lists.dropFirst().allSatisfy { $0.query["continue"] != nil })
            let first = try #require(listed.objects.first)
            #expect(first.origin == .cluster(context: "kind-test", path: "/apis/networking.istio.io/v1/namespaces/catalog-0/virtualservices/ads"))
            #expect(first.apiVersion == "networking.istio.io/v1")
            #expect(first.value[path: ["metadata", "managedFields"]]?.sequenceValue?.isEmpty == false)
            #expect(first.value[path: ["metadata", "uid"]]?.stringValue?.count == 36)
        }
    }

    @Test func discoveryChoosesTheServedVersionPerKind() async throws {
        try await withServer(try cluster()) { server in
            let client = try client(server)
            let discovery = try await client.discover(IstioKinds.defaults + [Kind(group: "example.com", kind: "Widget", resource: "widgets", versions: ["v1"], isDefault: false)])
            await client.shutdown()
            let versions = Dictionary(uniqueKeysWithValues: discovery.served.map { ($0.resource, $0.version) })
            #expect(versions["virtualservices"] == "v1")
            #expect(versions["envoyfilters"] == "v1alpha3")
            #expect(versions["proxyconfigs"] == "v1beta1")
            #expect(versions["telemetries"] == "v1")
            #expect(discovery.served.count == 11)
            #expect(discovery.skipped.map(\.description) == ["widgets.example.com: the server does not serve API group example.com"])
        }
    }

    @Test func olderIstioServesBetaAsPreferredAndSkipsMissingKinds() async throws {
        var cluster = try cluster()
        cluster.serve(group: "networking.istio.io", versions: ["v1beta1", "v1alpha3"], preferred: "v1beta1")
        cluster.serve(group: "telemetry.istio.io", versions: [], preferred: "v1alpha1")
        try await withServer(cluster) { server in
            let client = try client(server)
            let discovery = try await client.discover(IstioKinds.defaults)
            let versions = Dictionary(uniqueKeysWithValues: discovery.served.map { ($0.resource, $0.version) })
            #expect(versions["virtualservices"] == "v1beta1")
            #expect(versions["envoyfilters"] == "v1alpha3")
            #expect(versions["peerauthentications"] == "v1")
            #expect(discovery.skipped.map(\.kind.resource) == ["telemetries"])
            let listed = try await client.collect("virtualservices")
            #expect(listed.objects.first?.apiVersion == "networking.istio.io/v1beta1")
            await client.shutdown()
        }
    }

    @Test func allIstioAddsEveryOtherIstioKind() async throws {
        var cluster = try cluster()
        try cluster.add(["apiVersion": "extensions.istio.io/v1alpha1", "kind": "WasmPlugin", "metadata": ["name": "auth", "namespace": "payments-0"], "spec": ["url": "oci://x"]])
        try cluster.add(["apiVersion": "mesh.istio.io/v1alpha1", "kind": "MeshPolicy", "metadata": ["name": "default"], "spec": [:]])
        try await withServer(cluster) { server in
            let client = try client(server)
            let discovery = try await client.discover(IstioKinds.defaults, allIstio: true)
            #expect(discovery.served.dropFirst(11).map(\.description) == [
                "meshpolicies.mesh.istio.io", "wasmplugins.extensions.istio.io", "workloadentries.networking.istio.io", "workloadgroups.networking.istio.io",
            ])
            let mesh = try #require(discovery.served.first { $0.resource == "meshpolicies" })
            #expect(mesh.namespaced == false && mesh.version == "v1alpha1")
            var names: [String] = []
            let result = try await client.list(mesh, diagnostics: DiagnosticCollector()) { names.append($0.name) }
            #expect(result.succeeded && names == ["default"])
            await client.shutdown()
        }
    }

    @Test func namespaceFiltersRunOnTheServerWherePossible() async throws {
        try await withServer(try cluster()) { server in
            let client = try client(server, pageSize: 500)
            let only = try await client.collect("gateways", filter: ListFilter(namespaces: ["search-0", "catalog-0", "nope"]))
            #expect(only.result.namespaces == ["catalog-0", "search-0"])
            #expect(only.objects.count == 46)
            let paths = server.log.requests.map(\.path).filter { $0.hasSuffix("/gateways") }
            #expect(paths == ["/apis/networking.istio.io/v1/namespaces/catalog-0/gateways", "/apis/networking.istio.io/v1/namespaces/nope/gateways",
                              "/apis/networking.istio.io/v1/namespaces/search-0/gateways"])
            server.log.clear()
            let excluded = try await client.collect("gateways", filter: ListFilter(excludedNamespaces: try ["payments-0", "ch*"].map(Glob.init), labelSelector: "version in (v1,v2)"))
            #expect(excluded.result.namespaces == ["catalog-0", "search-0"])
            #expect(excluded.objects.allSatisfy { ($0.value[path: ["metadata", "labels", "version"]]?.stringValue ?? "") != "v3" })
            #expect(excluded.objects.count == 32)
            let query = try #require(server.log.requests.last { $0.path.hasSuffix("/gateways") }?.query)
            #expect(query["fieldSelector"] == "metadata.namespace!=payments-0")
            #expect(query["labelSelector"] == "version in (v1,v2)")
            await client.shutdown()
        }
    }

    @Test func singleObjectsAndNamespaces() async throws {
        try await withServer(try cluster()) { server in
            let client = try client(server)
            let kind = try #require(try await client.discover(IstioKinds.defaults).served.first { $0.resource == "destinationrules" })
            let object = try #require(try await client.get(kind, namespace: "search-0", name: "cart"))
            #expect(object.id == ObjectID(group: "networking.istio.io", kind: "DestinationRule", namespace: "search-0", name: "cart"))
            #expect(object.origin == .cluster(context: "kind-test", path: "/apis/networking.istio.io/v1/namespaces/search-0/destinationrules/cart"))
            #expect(try await client.get(kind, namespace: "search-0", name: "missing") == nil)
            #expect(try await client.namespaces() == ["catalog-0", "checkout-0", "payments-0", "search-0"])
            #expect(try await client.serverVersion() == "v1.32.4")
            await client.shutdown()
        }
    }

    @Test func kindsRunConcurrentlyWithALimit() async throws {
        try await withServer(try cluster()) { server in
            let client = try client(server, pageSize: 50)
            let kinds = try await client.discover(IstioKinds.defaults).served
            let box = ObjectBox()
            let results = try await client.list(kinds, concurrency: 3, diagnostics: DiagnosticCollector()) { kind, object in
                #expect(object.kind == kind.kind.kind)
                box.append(object)
            }
            #expect(results.map(\.kind) == kinds)
            #expect(results.allSatisfy { $0.succeeded && $0.objects == 92 })
            #expect(box.objects.count == 11 * 92)
            struct Stop: Error {}
            await #expect(throws: Stop.self) {
                _ = try await client.list(kinds, diagnostics: DiagnosticCollector()) { _, object in
                    if object.name == "cart" { throw Stop() }
                }
            }
            await client.shutdown()
        }
    }
}

/// Issue 9: progress per kind, of the total the server announces.
@Suite struct ListingProgressTests {
    @Test func eachPageReportsTheCountSoFarOfTheAnnouncedTotal() async throws {
        var cluster = FixtureCluster()
        try ClusterGenerator(namespaces: 2, kinds: 11, objectsPerKind: 12).populate(&cluster)
        try await withServer(cluster) { server in
            var options = testOptions
            options.pageSize = 10
            let client = KubeClient(connection: ClusterConnection(contextName: "kind-test", server: try ServerAddress(parsing: server.url)), options: options)
            let discovery = try await client.discover(IstioKinds.defaults)
            let kind = try #require(discovery.served.first { $0.resource == "gateways" })
            let events = Mutex<[ListingProgress]>([])
            let result = try await client.list(kind, diagnostics: DiagnosticCollector(), progress: { p in events.withLock { $0.append(p) } }) { _ in }
            await client.shutdown()
            #expect(result.received == 24)
            #expect(events.withLock { $0 } == [
                ListingProgress(kind: kind.kind, state: .listing),
                ListingProgress(kind: kind.kind, state: .listing, received: 10, announced: 24),
                ListingProgress(kind: kind.kind, state: .listing, received: 20, announced: 24),
                ListingProgress(kind: kind.kind, state: .listing, received: 24, announced: 24),
                ListingProgress(kind: kind.kind, state: .done, received: 24),
            ])
        }
    }

    @Test func kindsWaitingTheirTurnAreAnnouncedFirst() async throws {
        try await withServer(try smallCluster()) { server in
            let client = KubeClient(connection: ClusterConnection(contextName: "kind-test", server: try ServerAddress(parsing: server.url)), options: testOptions)
            let discovery = try await client.discover(IstioKinds.defaults)
            let events = Mutex<[ListingProgress]>([])
            _ = try await client.list(discovery.served, concurrency: 2, diagnostics: DiagnosticCollector(),
                                      progress: { p in events.withLock { $0.append(p) } }) { _, _ in }
            await client.shutdown()
            let seen = events.withLock { $0 }
            #expect(seen.prefix(11).map(\.state) == Array(repeating: .waiting, count: 11))
            #expect(Set(seen.prefix(11).map(\.kind)) == Set(discovery.served.map(\.kind)))
            #expect(seen.filter { $0.state == .done }.count == 11)
        }
    }
}
