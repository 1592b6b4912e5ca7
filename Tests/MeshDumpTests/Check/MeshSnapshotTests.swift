import MeshDumpCore
import Testing
@testable import MeshDump

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
