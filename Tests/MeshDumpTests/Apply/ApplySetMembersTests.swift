import MeshDumpCore
import Testing
@testable import MeshDump

/// Membership: labelling what is applied, refusing takeovers, and what prune may delete.
struct ApplySetMembersTests {
    let set: ApplySet
    let otherSet = ApplySetParent.secret(named: "other").id

    init() throws {
        set = try ApplySet(parent: .secret(named: "mesh"), tooling: .meshdump(version: "0.1.0"), live: nil)
    }

    func vs(_ namespace: String, _ name: String) -> ObjectID {
        ObjectID(group: "networking.istio.io", kind: "VirtualService", namespace: namespace, name: name)
    }

    func live(_ id: ObjectID, partOf: String?, uid: String? = nil) -> LiveMember {
        LiveMember(id: id, apiVersion: id.group.isEmpty ? "v1" : "\(id.group)/v1", uid: uid ?? "uid-\(id.name)", partOf: partOf)
    }

    func object(_ labels: Value?) throws -> Object {
        var metadata: Value = ["name": "reviews", "namespace": "team-a"]
        if let labels { metadata["labels"] = labels }
        return try Object(value: ["apiVersion": "networking.istio.io/v1", "kind": "VirtualService", "metadata": metadata, "spec": ["hosts": ["reviews"]]],
                          origin: .file(path: "tree/team-a/virtualservices/reviews.yaml", document: 0, mark: Mark(line: 1, column: 1)))
    }

    @Test func membersGetThePartOfLabelBesideTheirOwn() throws {
        let labelled = try set.member(try object(["app": "reviews"]))
        #expect(labelled.value[path: ["metadata", "labels"]] == ["app": "reviews", ApplySetKeys.partOf: .string(set.id)])
        #expect(labelled.value["spec"] == ["hosts": ["reviews"]])
        let bare = try set.member(try object(nil))
        #expect(bare.value[path: ["metadata", "labels"]] == [ApplySetKeys.partOf: .string(set.id)])
        let already = try object([ApplySetKeys.partOf: .string(set.id)])
        #expect(try set.member(already).value == already.value)
    }

    @Test func anObjectLabelledForAnotherSetIsRefusedNamingItsFile() throws {
        let thrown = #expect(throws: ApplySetError.self) { try set.member(try object([ApplySetKeys.partOf: .string(otherSet)])) }
        #expect(thrown?.description == "tree/team-a/virtualservices/reviews.yaml:1:1: VirtualService team-a/reviews already carries applyset.kubernetes.io/part-of=\(otherSet), the label of another ApplySet")
    }

    @Test func takingOverAnUnlabelledOrForeignObjectIsAConflict() {
        #expect(set.takeover(vs("team-a", "mine"), partOf: set.id) == nil)
        let conflicts = [set.takeover(vs("team-a", "foreign"), partOf: otherSet), set.takeover(vs("team-a", "handmade"), partOf: nil)].compactMap { $0 }
        #expect(conflicts == [MembershipConflict(id: vs("team-a", "foreign"), otherSet: otherSet), MembershipConflict(id: vs("team-a", "handmade"), otherSet: nil)])
        #expect(conflicts.map(\.description) == [
            "VirtualService team-a/foreign exists and belongs to another ApplySet (applyset.kubernetes.io/part-of=\(otherSet))",
            "VirtualService team-a/handmade exists and is not part of the ApplySet (no applyset.kubernetes.io/part-of label)",
        ])
    }

    @Test func prunePlanDeletesOnlyThisSetsMembersInScopeThatTheSourceDropped() {
        let gateway = ObjectID(group: "networking.istio.io", kind: "Gateway", namespace: "istio-system", name: "gone-gw")
        let namespace = ObjectID(group: "", kind: "Namespace", namespace: "", name: "team-old")
        let scope = ApplySetScope(groupKinds: [GroupKind(vs("", "")), GroupKind(gateway), GroupKind(namespace)], additionalNamespaces: ["team-a"])
        let plan = set.prunePlan(live: [
            live(vs("team-a", "kept"), partOf: set.id),
            live(vs("team-a", "gone"), partOf: set.id, uid: "u-1"),
            live(gateway, partOf: set.id, uid: "u-2"),
            live(namespace, partOf: set.id, uid: "u-3"),
            live(vs("team-a", "handmade"), partOf: nil),
            live(vs("team-a", "foreign"), partOf: otherSet),
            live(vs("team-z", "out-of-scope-namespace"), partOf: set.id),
            live(ObjectID(group: "security.istio.io", kind: "AuthorizationPolicy", namespace: "team-a", name: "out-of-scope-kind"), partOf: set.id),
        ], scope: scope) { $0 == vs("team-a", "kept") }
        #expect(plan.map(\.id) == [namespace, gateway, vs("team-a", "gone")])
        #expect(plan.map(\.uid) == ["u-3", "u-2", "u-1"])
    }

    @Test func liveMembersAreReadOffServerObjects() throws {
        let object = try Object(value: ["apiVersion": "networking.istio.io/v1", "kind": "VirtualService",
                                        "metadata": ["name": "x", "namespace": "team-a", "uid": "1234", "labels": [ApplySetKeys.partOf: .string(set.id)]]],
                                origin: .generated)
        #expect(LiveMember(object) == LiveMember(id: vs("team-a", "x"), apiVersion: "networking.istio.io/v1", uid: "1234", partOf: set.id))
    }
}
