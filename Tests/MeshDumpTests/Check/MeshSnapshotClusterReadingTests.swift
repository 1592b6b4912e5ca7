import Foundation
import MeshDumpCore
import Synchronization
import Testing
@testable import MeshDump
import TestSupport

/// A live target that records what it is asked and answers from a fixed set of objects, as a
/// cluster filters them; `failing` kinds fail to list.
private final class RecordingCluster: CheckTarget {
    let objects: [Object]
    let failing: Set<String>
    let requests = Mutex<[ReadRequest]>([])
    let described = Mutex<[Set<GroupKind>]>([])

    init(_ yaml: String, failing: Set<String> = []) throws {
        objects = try CheckTestSupport.objects(yaml).map { object in
            var object = object
            object.origin = .cluster(context: "fake", path: "/\(object.kind)/\(object.name)")
            return object
        }
        self.failing = failing
    }

    var name: String { "cluster:fake" }
    var isLive: Bool { true }

    func read(_ request: ReadRequest, deliver: @escaping @Sendable (Object) throws -> Void) async throws -> [KindReport] {
        requests.withLock { $0.append(request) }
        for object in objects where request.filter.includes(object) { try deliver(object) }
        return (request.filter.kinds?.kinds ?? []).map { kind in
            KindReport(kind: kind, outcome: failing.contains(kind.kind) ? .failed(message: "forbidden") : .listed(version: kind.versions.first ?? "v1"))
        }
    }

    func describe(_ kinds: Set<GroupKind>) async throws -> TargetDescription {
        described.withLock { $0.append(kinds) }
        return TargetDescription(apis: TargetAPIs(name: name, versions: Dictionary(uniqueKeysWithValues: kinds.map { ($0, ["v1"]) })))
    }
}

struct MeshSnapshotClusterReadingTests {
    static let cluster = """
        apiVersion: networking.istio.io/v1
        kind: Gateway
        metadata: {name: public, namespace: istio-system}
        spec:
          selector: {istio: ingressgateway}
          servers: [{port: {number: 443, name: https, protocol: HTTPS}, hosts: ["*"], tls: {mode: SIMPLE, credentialName: shop-cert}}]
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: gateway, namespace: istio-ingress, labels: {istio: ingressgateway}}
        ---
        apiVersion: v1
        kind: Secret
        metadata: {name: shop-cert, namespace: istio-ingress}
        ---
        apiVersion: v1
        kind: Secret
        metadata: {name: unrelated, namespace: team-a}
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: istio, namespace: istio-system}
        data: {mesh: "trustDomain: td.example"}
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: istio-sidecar-injector, namespace: istio-system}
        """

    /// The cluster is asked for the check's kinds (Pods and Namespaces as metadata), then for
    /// Secrets in the namespace the Gateway's credential lives in (its workload's) and the mesh
    /// ConfigMap's namespace; the target is asked about the kinds of the files alone.
    @Test func aClusterIsAskedForWhatTheAnalyzersNeed() async throws {
        let cluster = try RecordingCluster(Self.cluster)
        let dir = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {name: reviews, namespace: shop}\nspec: {hosts: [reviews]}\n"
            .write(toFile: dir + "/vs.yaml", atomically: true, encoding: .utf8)
        var snapshot = try await MeshSnapshot.read([cluster, FileSource(paths: [dir + "/vs.yaml"])], defaultNamespace: "default",
                                                   meshConfigMap: MeshSettings.configMapID(MeshOverrides()), now: 0)
        let requests = cluster.requests.withLock { $0 }
        #expect(requests.map { $0.filter.kinds?.kinds.map(\.kind) ?? [] } == [MeshSnapshot.clusterKinds.map(\.kind), ["Secret"], ["ConfigMap"]])
        #expect(requests.map(\.filter.namespaces) == [nil, ["istio-ingress"], ["istio-system"]])
        #expect(requests.allSatisfy { $0.metadataOnly == [.pod, .namespace, GroupKind(group: "admissionregistration.k8s.io", kind: "MutatingWebhookConfiguration")] })
        #expect(snapshot.objects(.secret).map(\.fullName) == ["istio-ingress/shop-cert"])
        #expect(snapshot.objects(.configMap).map(\.fullName) == ["istio-system/istio"])
        #expect(snapshot.holds(.secret) && snapshot.holds(.pod) && snapshot.holds(.namespace))
        #expect(cluster.described.withLock { $0 } == [[.virtualService]])
        #expect(snapshot.target?.versions == [.virtualService: ["v1"]])
        snapshot.mesh = try MeshSettings.resolve(file: nil, snapshot: snapshot)
        #expect(snapshot.mesh.trustDomain == "td.example")
    }

    /// Half a cluster is no cluster: a kind it cannot list fails the read.
    @Test func aKindThatCannotBeListedFailsTheRead() async throws {
        let cluster = try RecordingCluster(Self.cluster, failing: ["Pod"])
        await #expect(throws: IncompleteSourceError.self) {
            _ = try await MeshSnapshot.read([cluster], defaultNamespace: "default", now: 0)
        }
    }

    /// Without Secrets to look for, none are listed, and the kind is still held (none is missing).
    @Test func noCredentialsNoSecrets() async throws {
        let cluster = try RecordingCluster("apiVersion: v1\nkind: Namespace\nmetadata: {name: shop}\n")
        let snapshot = try await MeshSnapshot.read([cluster], defaultNamespace: "default", now: 0)
        #expect(cluster.requests.withLock { $0 }.count == 1)
        #expect(snapshot.holds(.secret))
        #expect(snapshot.target?.versions == [:])
    }
}
