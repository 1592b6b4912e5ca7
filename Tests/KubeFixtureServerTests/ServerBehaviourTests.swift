import Foundation
import MeshDumpCore
import Testing
@testable import KubeFixtureServer

/// The fixture server's own rules, checked without a client.
@Suite struct ServerBehaviourTests {
    func app(_ cluster: FixtureCluster, auth: ServerAuth = ServerAuth()) -> ServerApp {
        var cluster = cluster
        cluster.seal()
        return ServerApp(cluster: cluster, auth: auth, faults: FaultInjector(), log: RequestLog(), serverAddress: "127.0.0.1:1")
    }

    func json(_ reply: Reply) throws -> Value {
        try #require(try YAMLReader(bytes: reply.body, source: "reply").next()).value
    }

    @Test func continueTokensPageThroughEverythingOnce() throws {
        var cluster = FixtureCluster()
        try ClusterGenerator(namespaces: 2, kinds: 1, objectsPerKind: 25).populate(&cluster)
        let server = app(cluster)
        var names: [String] = []
        var uri = "/apis/networking.istio.io/v1/virtualservices?limit=20"
        var remaining: [String] = []
        while true {
            let page = try json(server.reply(method: "GET", uri: uri, authorization: nil, accept: nil, certificateCommonName: nil))
            names += (page["items"]?.sequenceValue ?? []).compactMap { $0[path: ["metadata", "name"]]?.stringValue }
            guard let token = page[path: ["metadata", "continue"]]?.stringValue else { break }
            remaining.append(page[path: ["metadata", "remainingItemCount"]].map { "\($0)" } ?? "-")
            uri = "/apis/networking.istio.io/v1/virtualservices?limit=20&continue=\(token)"
        }
        #expect(names.count == 50 && Set(names).count == 25)
        #expect(remaining == ["int(\"30\")", "int(\"10\")"])
    }

    @Test func selectorsAuthAndErrorsLookLikeKubernetes() throws {
        var cluster = FixtureCluster()
        try ClusterGenerator(namespaces: 1, kinds: 2, objectsPerKind: 6).populate(&cluster)
        let server = app(cluster, auth: ServerAuth(tokens: ["t": "u"], passwords: ["p": "w"]))
        func get(_ uri: String, _ authorization: String? = "Bearer t") throws -> (Int, Value) {
            let reply = server.reply(method: "GET", uri: uri, authorization: authorization, accept: nil, certificateCommonName: nil)
            return (reply.status, try json(reply))
        }
        #expect(try get("/version", nil).0 == 401)
        #expect(try get("/version", "Basic cDp3").0 == 200)
        let selected = try get("/apis/networking.istio.io/v1/namespaces/payments-0/gateways?labelSelector=version%3Dv1%2Capp+notin+%28cart%29")
        #expect(selected.1["items"]?.sequenceValue?.compactMap { $0[path: ["metadata", "name"]]?.stringValue } == ["productpage", "reviews"])
        let bad = try get("/apis/networking.istio.io/v1/gateways?fieldSelector=spec.x%3D1")
        #expect(bad.0 == 400 && bad.1["message"] == "field label not supported: spec.x")
        let missing = try get("/apis/networking.istio.io/v1alpha3/namespaces/payments-0/gateways/nope")
        #expect(missing.0 == 404 && missing.1["message"] == "gateways.networking.istio.io \"nope\" not found")
        #expect(try get("/apis/networking.istio.io/v1/envoyfilters").0 == 404)
        let filter = try get("/apis/networking.istio.io/v1alpha3/namespaces/payments-0/envoyfilters/cart")
        #expect(filter.0 == 404)
        let groups = try get("/apis").1
        #expect(groups["groups"]?.sequenceValue?.first?[path: ["preferredVersion", "version"]] == "v1")
        let resources = try get("/apis/networking.istio.io/v1alpha3").1["resources"]?.sequenceValue?.compactMap { $0["name"]?.stringValue } ?? []
        #expect(resources.contains("envoyfilters") && resources.contains("gateways/status"))
        let namespace = try get("/api/v1/namespaces/payments-0").1
        #expect(namespace[path: ["metadata", "labels", "kubernetes.io/metadata.name"]] == "payments-0")
        #expect(namespace[path: ["status", "phase"]] == "Active")
    }

    @Test func generatedObjectsCarryWhatNeatRemoves() throws {
        var cluster = FixtureCluster()
        try ClusterGenerator(namespaces: 1, kinds: 11, objectsPerKind: 10).populate(&cluster)
        cluster.seal()
        #expect(cluster.objectCount == 111)
        let policies = cluster.items(try #require(cluster.types.first { $0.kind == "AuthorizationPolicy" }))
        var specs: [String] = []
        for stored in policies {
            var json: [UInt8] = []
            stored.json(apiVersion: "security.istio.io/v1", into: &json)
            let value = try #require(try ObjectDecoder(InputBytes(json, source: "x")).next()).value
            let metadata = try #require(value["metadata"]?.mappingValue)
            #expect(["uid", "resourceVersion", "creationTimestamp", "generation", "managedFields"].allSatisfy { metadata[$0] != nil })
            #expect(metadata["annotations"]?["kubectl.kubernetes.io/last-applied-configuration"]?.stringValue?.hasSuffix("}\n") == true)
            #expect(value["status"] != nil)
            specs.append((try? JSONWriter.string(value["spec"] ?? .null)) ?? "")
        }
        #expect(specs.contains("{}\n"))
        #expect(specs.contains { $0.contains("\"rules\": [\n        {}\n    ]") })
        #expect(ClusterGenerator(shape: "50x11x20")?.objectCount == 11_000)
        #expect(ClusterGenerator(shape: "5x12x2") == nil)
    }
}
