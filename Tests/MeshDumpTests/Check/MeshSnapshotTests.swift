import Foundation
import MeshDumpCore
import Testing
@testable import MeshDump
import TestSupport

struct MeshSnapshotTests {
    static let objects = """
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata: {name: reviews}
        ---
        apiVersion: networking.istio.io/v1beta1
        kind: VirtualService
        metadata: {name: reviews, namespace: shop}
        spec: {hosts: [old]}
        ---
        apiVersion: v1
        kind: Namespace
        metadata: {name: shop}
        ---
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata: {name: reviews, namespace: shop}
        spec: {hosts: [new]}
        """

    @Test func objectsWithoutANamespaceAreInTheDefaultOne() throws {
        let snapshot = try CheckTestSupport.snapshot(Self.objects, defaultNamespace: "team-a")
        #expect(snapshot.object(.virtualService, namespace: "team-a", name: "reviews") != nil)
        #expect(snapshot.object(.virtualService, namespace: "", name: "reviews") == nil)
        // Cluster-scoped kinds never get one.
        #expect(snapshot.object(.namespace, namespace: "", name: "shop")?.fullName == "shop")
    }

    @Test func laterObjectsReplaceEarlierOnesOfTheSameIdentity() throws {
        let snapshot = try CheckTestSupport.snapshot(Self.objects)
        let shop = try #require(snapshot.object(.virtualService, namespace: "shop", name: "reviews"))
        #expect(shop.spec["hosts"] == ["new"])
        #expect(shop.object.apiVersion == "networking.istio.io/v1")
        #expect(snapshot.count == 3)
        #expect(snapshot.objects(.virtualService).map(\.fullName) == ["default/reviews", "shop/reviews"])
    }

    @Test func heldKindsAreThoseWithObjectsAndThoseListed() throws {
        let snapshot = try CheckTestSupport.snapshot(Self.objects, listedKinds: [.serviceEntry])
        #expect(snapshot.holds(.virtualService))
        #expect(snapshot.holds(.namespace))
        #expect(snapshot.holds(.serviceEntry))
        #expect(!snapshot.holds(.service))
        #expect(snapshot.objects(.serviceEntry).isEmpty)
        #expect(KindRequirement(.service, .serviceEntry).isMet(by: snapshot))
        #expect(!KindRequirement(.service, .pod).isMet(by: snapshot))
        #expect(KindRequirement(.service, .pod).reason == "no Service or Pod in the sources")
        #expect(KindRequirement(.kubernetesGateway).reason == "no Gateway.gateway.networking.k8s.io in the sources")
    }

    @Test func labelsAndAnnotationsReadAsStrings() throws {
        let snapshot = try CheckTestSupport.snapshot("""
            apiVersion: v1
            kind: Pod
            metadata:
              name: p
              labels: {app: web, version: 2, canary: true}
              annotations: {sidecar.istio.io/inject: "false"}
            """)
        let pod = try #require(snapshot.objects(.pod).first)
        #expect(pod.label("version") == "2")
        #expect(pod.label("missing") == nil)
        #expect(pod.labels.map(\.key) == ["app", "version", "canary"])
        #expect(pod.annotation("sidecar.istio.io/inject") == "false")
        #expect(pod.id == ObjectID(group: "", kind: "Pod", namespace: "default", name: "p"))
    }
}

/// A live source: two objects, and ServiceEntries listed but none found.
private struct FakeCluster: ObjectSource {
    var name: String { "cluster:fake" }
    var isLive: Bool { true }

    func read(_ request: ReadRequest, deliver: @escaping @Sendable (Object) throws -> Void) async throws -> [KindReport] {
        for name in ["reviews", "ratings"] {
            try deliver(try Object(value: ["apiVersion": "networking.istio.io/v1", "kind": "VirtualService",
                                           "metadata": ["name": .string(name), "namespace": "shop"], "spec": ["hosts": ["live"]]],
                                   origin: .cluster(context: "fake", path: "/apis/networking.istio.io/v1/virtualservices")))
        }
        return [KindReport(kind: IstioKinds.named("vs")!, outcome: .listed(version: "v1")),
                KindReport(kind: IstioKinds.named("se")!, outcome: .listed(version: "v1")),
                KindReport(kind: IstioKinds.named("wasmplugins")!, outcome: .skipped(reason: "not served"))]
    }
}

struct MeshSnapshotReadingTests {
    /// Files given after a cluster overlay it, and what the cluster listed is held even empty.
    @Test func filesOverlayALiveSourceWhoseListedKindsAreHeld() async throws {
        let dir = try TestPaths.temporaryDirectory()
        try "apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {name: reviews, namespace: shop}\nspec: {hosts: [file]}\n"
            .write(toFile: dir + "/vs.yaml", atomically: true, encoding: .utf8)
        let snapshot = try await MeshSnapshot.read([FakeCluster(), FileSource(paths: [dir + "/vs.yaml"])], defaultNamespace: "default", now: 0)
        #expect(snapshot.objects(.virtualService).map(\.fullName) == ["shop/ratings", "shop/reviews"])
        #expect(snapshot.object(.virtualService, namespace: "shop", name: "reviews")?.spec["hosts"] == ["file"])
        #expect(snapshot.object(.virtualService, namespace: "shop", name: "ratings")?.spec["hosts"] == ["live"])
        #expect(snapshot.holds(.serviceEntry))
        #expect(!snapshot.holds(GroupKind(group: "extensions.istio.io", kind: "WasmPlugin")))
    }
}
