import Foundation
import KubeFixtureServer
import KubeTestSupport
import MeshDumpCore
import Testing
@testable import MeshDumpKube

/// Lists of metadata only (`PartialObjectMetadataList`), as `check` asks for Pods and Namespaces.
@Suite struct MetadataListTests {
    /// Pods asked for as metadata come back as Pods with their labels and annotations and
    /// nothing else, paged like any list, and the server was asked for the metadata list.
    @Test func podsListedAsMetadataHoldMetadataAlone() async throws {
        var cluster = FixtureCluster()
        for i in 0..<5 {
            try cluster.add(["apiVersion": "v1", "kind": "Pod",
                             "metadata": ["name": .string("reviews-\(i)"), "namespace": "shop", "labels": ["app": "reviews"],
                                          "annotations": ["sidecar.istio.io/status": "{}"]],
                             "spec": ["containers": [["name": "reviews", "image": "reviews:1"]]]])
        }
        try await withServer(cluster) { server in
            var options = testOptions
            options.pageSize = 2
            let client = KubeClient(connection: ClusterConnection(contextName: "kind-test", server: try ServerAddress(parsing: server.url)),
                                    options: options)
            let discovery = try await client.discover([KubernetesKinds.pod])
            let pods = try #require(discovery.served.first)
            var listed: [Object] = []
            let result = try await client.list(pods, metadataOnly: true, diagnostics: DiagnosticCollector()) { listed.append($0) }
            let whole = try await client.get(pods, namespace: "shop", name: "reviews-0")
            await client.shutdown()
            #expect(result.succeeded)
            #expect(result.pages == 3)
            #expect(listed.map(\.name) == (0..<5).map { "reviews-\($0)" })
            for pod in listed {
                #expect(pod.value.mappingValue?.keys.sorted() == ["apiVersion", "kind", "metadata"])
                #expect(pod.apiVersion == "v1" && pod.kind == "Pod" && pod.namespace == "shop")
                #expect(pod.value[path: ["metadata", "labels", "app"]] == "reviews")
                #expect(pod.value[path: ["metadata", "annotations", "sidecar.istio.io/status"]] == "{}")
                #expect(pod.origin == .cluster(context: "kind-test", path: "/api/v1/namespaces/shop/pods/\(pod.name)"))
            }
            #expect(whole?.value["spec"] != nil)
            let lists = server.log.requests.filter { $0.path == "/api/v1/pods" }
            #expect(lists.count == 3)
            #expect(lists.allSatisfy { $0.accept == "application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1,application/json" })
            #expect(server.log.requests.filter { $0.path == "/api/v1/namespaces/shop/pods/reviews-0" }.map(\.accept) == ["application/json"])
        }
    }
}
