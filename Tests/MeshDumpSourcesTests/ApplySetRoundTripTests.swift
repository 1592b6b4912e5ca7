import KubeFixtureServer
import KubeTestSupport
import MeshDump
import MeshDumpCore
import Testing
@testable import MeshDumpKube

/// The ApplySet model and the write client together, as `meshdump apply --prune` will use them:
/// two runs against the fixture server, the second dropping one object and adding another.
@Suite struct ApplySetRoundTripTests {
    let secrets = ServedKind(kind: Kind(group: "", kind: "Secret", resource: "secrets", versions: ["v1"], isDefault: false), version: "v1")
    let tooling = ApplySetTooling.meshdump(version: "0.1.0")

    func served(_ kind: String) -> ServedKind {
        ServedKind(kind: IstioKinds.kind(group: "networking.istio.io", kind: kind)!, version: "v1")
    }

    func object(_ kind: String, _ namespace: String, _ name: String, hosts: [String] = ["h"]) throws -> Object {
        try Object(value: ["apiVersion": "networking.istio.io/v1", "kind": .string(kind),
                           "metadata": ["name": .string(name), "namespace": .string(namespace)],
                           "spec": ["hosts": .sequence(hosts.map(Value.string))]], origin: .generated)
    }

    /// One run: parent first (covering old and new), members, prune, parent again (just new).
    func run(_ source: [Object], client: KubeClient) async throws -> [LiveMember] {
        let parent = ApplySetParent.secret(named: "mesh")
        let live = try await client.get(secrets, namespace: parent.namespace, name: parent.name)
        let set = try ApplySet(parent: parent, tooling: tooling, live: live?.value)
        let ids = source.map(\.id)
        let scope = set.scope(for: ids)
        let parentObject = try Object(value: set.parentObject(scope: scope), origin: .generated)
        _ = try await client.apply(parentObject, as: secrets, options: ApplyOptions(fieldManager: set.parentFieldManager))
        for object in source { _ = try await client.apply(try set.member(object), as: served(object.kind)) }
        var members: [LiveMember] = []
        for groupKind in scope.groupKinds.sorted() {
            let filter = ListFilter(namespaces: set.namespaces(in: scope), labelSelector: set.memberSelector)
            _ = try await client.list(served(groupKind.kind), filter: filter, diagnostics: DiagnosticCollector()) { members.append(LiveMember($0)) }
        }
        let plan = set.prunePlan(source: Set(ids), live: members, scope: scope)
        for member in plan {
            try await client.delete(served(member.id.kind), namespace: member.id.namespace, name: member.id.name, options: DeleteOptions(uid: member.uid))
        }
        let final = try Object(value: set.parentObject(scope: ApplySetScope(members: ids, parentNamespace: parent.namespace)), origin: .generated)
        _ = try await client.apply(final, as: secrets, options: ApplyOptions(fieldManager: set.parentFieldManager))
        return plan
    }

    @Test func theSecondRunPrunesWhatTheSourceDroppedAndNothingElse() async throws {
        var cluster = FixtureCluster()
        for name in ["istio-system", "team-a", "team-b"] { try cluster.add(["apiVersion": "v1", "kind": "Namespace", "metadata": ["name": .string(name)]]) }
        try cluster.add(try object("VirtualService", "team-b", "handmade").value)
        try await withServer(cluster) { server in
            let client = KubeClient(connection: ClusterConnection(contextName: "new", server: try ServerAddress(parsing: server.url)), options: testOptions)
            let first = try await run([try object("VirtualService", "team-a", "a"), try object("VirtualService", "team-b", "b"),
                                       try object("Gateway", "istio-system", "g")], client: client)
            #expect(first.isEmpty)
            let second = try await run([try object("VirtualService", "team-a", "a", hosts: ["h2"]), try object("VirtualService", "team-a", "c"),
                                        try object("Gateway", "istio-system", "g")], client: client)
            #expect(second.map(\.id.description) == ["VirtualService team-b/b"])
            var names: [String] = []
            _ = try await client.list(served("VirtualService"), diagnostics: DiagnosticCollector()) { names.append("\($0.namespace)/\($0.name)") }
            #expect(names == ["team-a/a", "team-a/c", "team-b/handmade"])
            let parent = try #require(try await client.get(secrets, namespace: "istio-system", name: "mesh"))
            await client.shutdown()
            #expect(parent.value[path: ["metadata", "annotations"]] == [
                "applyset.kubernetes.io/additional-namespaces": "team-a",
                "applyset.kubernetes.io/contains-group-kinds": "Gateway.networking.istio.io,VirtualService.networking.istio.io",
                "applyset.kubernetes.io/tooling": "meshdump/v0.1.0",
            ])
            #expect(parent.value[path: ["metadata", "labels", "applyset.kubernetes.io/id"]] == .string(ApplySetParent.secret(named: "mesh").id))
            let deletes = server.log.requests.filter { $0.method == "DELETE" }
            #expect(deletes.map(\.path) == ["/apis/networking.istio.io/v1/namespaces/team-b/virtualservices/b"])
        }
    }
}
