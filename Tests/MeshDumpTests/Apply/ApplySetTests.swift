import MeshDumpCore
import Testing
@testable import MeshDump

/// The ApplySet model: ids as kubectl computes them, the parent it writes, and what it refuses.
struct ApplySetTests {
    let meshdump = ApplySetTooling.meshdump(version: "0.1.0")

    /// Ids from kubectl's own tests (pkg/cmd/apply/apply_test.go): a Secret parent and a
    /// cluster-scoped custom resource parent; and meshdump's default parent.
    @Test func idsMatchKubectl() {
        #expect(ApplySetParent.secret(named: "my-set", namespace: "test").id == "applyset-0eFHV8ySqp7XoShsGvyWFQD3s96yqwHmzc4e0HR1dsY-v1")
        #expect(ApplySetParent(group: "company.com", version: "v1", kind: "ApplySet", namespace: "", name: "my-set").id
            == "applyset-rhp1a-HVAVT_dFgyEygyA1BEB82HPp2o10UiFTpqtAs-v1")
        #expect(ApplySetParent.secret(named: "mesh").id == "applyset-R-t3_xUSACDsb99aKupJqlrdVqSP0p13IPEcdoZBhNs-v1")
    }

    /// The parent kubectl's TestApplySetParentManagement expects after its first apply, byte for
    /// byte (less the uid the fake server adds), when written by the same tooling.
    @Test func parentObjectIsWhatKubectlWrites() throws {
        let kubectl = ApplySetTooling(name: "kubectl", version: "v0.0.0-master+$Format:%H$")
        let set = try ApplySet(parent: .secret(named: "my-set", namespace: "test"), tooling: kubectl, live: nil)
        let scope = set.scope(for: [ObjectID(group: "", kind: "ReplicationController", namespace: "test", name: "test-rc")])
        #expect(try YAMLWriter.string(set.parentObject(scope: scope)) == """
            apiVersion: v1
            kind: Secret
            metadata:
              annotations:
                applyset.kubernetes.io/additional-namespaces: ""
                applyset.kubernetes.io/contains-group-kinds: ReplicationController
                applyset.kubernetes.io/tooling: kubectl/v0.0.0-master+$Format:%H$
              labels:
                applyset.kubernetes.io/id: applyset-0eFHV8ySqp7XoShsGvyWFQD3s96yqwHmzc4e0HR1dsY-v1
              name: my-set
              namespace: test

            """)
    }

    @Test func scopeIsTheSupersetOfRecordedAndSourceSortedAsTheKEPAsks() throws {
        let set = try ApplySet(parent: .secret(named: "mesh"), tooling: meshdump, live: parent(kinds: "Gateway.networking.istio.io,Sidecar.networking.istio.io", namespaces: "team-b"))
        #expect(set.parentExists && set.recorded.groupKinds == [GroupKind(group: "networking.istio.io", kind: "Gateway"), GroupKind(group: "networking.istio.io", kind: "Sidecar")])
        let scope = set.scope(for: [id("VirtualService", "team-a", "x"), id("Gateway", "istio-system", "gw"), ObjectID(group: "", kind: "Namespace", namespace: "", name: "team-a")])
        #expect(scope.groupKindsAnnotation == "Gateway.networking.istio.io,Namespace,Sidecar.networking.istio.io,VirtualService.networking.istio.io")
        #expect(scope.namespacesAnnotation == "team-a,team-b")
        #expect(set.namespaces(in: scope) == ["istio-system", "team-a", "team-b"])
        let after = ApplySetScope(members: [id("VirtualService", "team-a", "x")], parentNamespace: "istio-system")
        #expect(set.parentObject(scope: after)[path: ["metadata", "annotations"]] == [
            ApplySetKeys.additionalNamespaces: "team-a", ApplySetKeys.containsGroupKinds: "VirtualService.networking.istio.io",
            ApplySetKeys.tooling: "meshdump/v0.1.0",
        ])
    }

    /// kubectl's TestApplySetInvalidLiveParent cases, with meshdump as the tool.
    @Test(arguments: [
        (kinds: "", tooling: "meshdump/v0.1.0", id: ApplySetTests.valid, error: "ApplySet parent Secret istio-system/mesh has no \"applyset.kubernetes.io/contains-group-kinds\" annotation, so its members cannot be found"),
        (kinds: "Gateway.networking.istio.io", tooling: "", id: ApplySetTests.valid, error: "ApplySet parent Secret istio-system/mesh already exists and is missing required annotation \"applyset.kubernetes.io/tooling\""),
        (kinds: "Gateway.networking.istio.io", tooling: "kubectl/v1.32", id: ApplySetTests.valid, error: "ApplySet parent Secret istio-system/mesh already exists and is managed by tooling \"kubectl\" instead of \"meshdump\""),
        (kinds: "Gateway.networking.istio.io", tooling: "helm", id: ApplySetTests.valid, error: "ApplySet parent Secret istio-system/mesh already exists and is managed by tooling \"helm\" instead of \"meshdump\""),
        (kinds: "Gateway.networking.istio.io", tooling: "example.com/tool/why/v1", id: ApplySetTests.valid, error: "ApplySet parent Secret istio-system/mesh already exists and is managed by tooling \"example.com/tool/why\" instead of \"meshdump\""),
        (kinds: "Gateway.networking.istio.io", tooling: "meshdump/v0.0.9", id: "", error: "ApplySet parent Secret istio-system/mesh exists and does not have required label applyset.kubernetes.io/id"),
        (kinds: "Gateway.networking.istio.io", tooling: "meshdump/v0.0.9", id: "somethingelse", error: "ApplySet parent Secret istio-system/mesh exists and has incorrect value for label \"applyset.kubernetes.io/id\" (got: somethingelse, want: \(ApplySetTests.valid))"),
    ])
    func refusesParentsItDoesNotManage(kinds: String, tooling: String, id: String, error: String) {
        let live = parent(kinds: kinds.isEmpty ? nil : kinds, namespaces: nil, tooling: tooling.isEmpty ? nil : tooling, id: id.isEmpty ? nil : id)
        let thrown = #expect(throws: ApplySetError.self) { try ApplySet(parent: .secret(named: "mesh"), tooling: meshdump, live: live) }
        #expect(thrown?.description == error)
    }

    static let valid = "applyset-R-t3_xUSACDsb99aKupJqlrdVqSP0p13IPEcdoZBhNs-v1"

    func id(_ kind: String, _ namespace: String, _ name: String) -> ObjectID {
        ObjectID(group: "networking.istio.io", kind: kind, namespace: namespace, name: name)
    }

    func parent(kinds: String?, namespaces: String?, tooling: String? = "meshdump/v0.1.0", id: String? = Self.valid) -> Value {
        var annotations: Value = [:]
        if let kinds { annotations[ApplySetKeys.containsGroupKinds] = .string(kinds) }
        if let namespaces { annotations[ApplySetKeys.additionalNamespaces] = .string(namespaces) }
        if let tooling { annotations[ApplySetKeys.tooling] = .string(tooling) }
        var labels: Value = [:]
        if let id { labels[ApplySetKeys.id] = .string(id) }
        return ["apiVersion": "v1", "kind": "Secret",
                "metadata": ["name": "mesh", "namespace": "istio-system", "labels": labels, "annotations": annotations]]
    }
}
