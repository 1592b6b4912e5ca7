import MeshDumpCore
import Testing
@testable import MeshDump
import TestSupport

/// Objects that moved namespace or changed name: paired by the rules' mappings (`--rules`), or
/// found by content.
struct DiffRenameTests {
    static let mesh = TestPaths.root + "/testdata/rewrite/mesh"

    static func rules(_ text: String) throws -> RuleSet {
        try RuleSet.parse(bytes: Array(("apiVersion: meshdump/v1\nkind: Rules\n" + text).utf8), source: "rules.yaml")
    }

    /// `rewrite` then `diff --rules` with the same rules: every moved object is a rename with no
    /// change, and nothing else differs. Without the rules, content finds the same pairs.
    @Test func rewriteThenDiffWithTheSameRulesIsOnlyRenames() throws {
        let old = try FileSource(paths: [Self.mesh + "/input"]).objects()
        let new = try FileSource(paths: [Self.mesh + "/expected"]).objects()
        let rules = try RuleSet.load(paths: [Self.mesh + "/rules.yaml"])
        let moved = old.filter { $0.namespace == "team-000" || ($0.kind == "Namespace" && $0.name == "team-000") }
        let mapped = try ObjectDiffer(rules: rules).compare(old: old, new: new)
        #expect(mapped.objects.count == moved.count)
        #expect(mapped.objects.allSatisfy { $0.status == .renamed && $0.changes.isEmpty })
        #expect(Set(mapped.objects.compactMap(\.oldID)) == Set(moved.map(\.id)))
        #expect(mapped.unchanged == old.count - moved.count)

        let found = try ObjectDiffer().compare(old: old, new: new)
        #expect(found.renamedCount == moved.count)
        #expect(found.addedCount == 0 && found.removedCount == 0)
        for diff in found.objects where diff.status == .renamed {
            #expect(diff.id.kind == "Namespace" ? diff.oldID?.name == "team-000" : diff.oldID == ObjectID(group: diff.id.group, kind: diff.id.kind, namespace: "team-000", name: diff.id.name))
        }
    }

    /// The case: every namespace of a 66-object cluster dump moved. Without rules, each
    /// object is paired with itself in its new namespace (not with its namesake in another one).
    @Test func everyNamespaceMovedIsFoundByContent() throws {
        let old = try FileSource(paths: [TestPaths.root + "/testdata/cluster/istio-dump.json"]).objects().compactMap(Neat().apply)
        let stage = RuleStage(rules: try Self.rules("namespaces: {catalog-0: catalog, checkout-0: checkout, payments-0: payments}\n"),
                              diagnostics: DiagnosticCollector())
        let new = old.compactMap(stage.apply)
        let result = try ObjectDiffer().compare(old: old, new: new)
        #expect(result.renamedCount == 66)
        #expect(result.summary == "0 changed, 66 renamed, 0 added, 0 removed, 0 unchanged")
        for diff in result.objects {
            #expect(diff.oldID.map { $0.namespace.hasPrefix(diff.id.namespace + "-") && $0.name == diff.id.name } == true, "\(diff.title)")
        }
    }

    /// Two removed objects alike enough to be either of two added ones are left alone, and so is
    /// an object with nothing but its identity: a guess would be worse than no pairing.
    @Test func ambiguousAndEmptyObjectsAreNotPaired() throws {
        func object(_ kind: String, _ ns: String, _ name: String, _ spec: Value?) throws -> Object {
            var value: Value = ["apiVersion": "networking.istio.io/v1", "kind": .string(kind), "metadata": ["name": .string(name), "namespace": .string(ns)]]
            if let spec { value["spec"] = spec }
            return try DiffTestSupport.object(value)
        }
        let spec: Value = ["host": "reviews", "trafficPolicy": ["tls": ["mode": "ISTIO_MUTUAL"]]]
        let old = [try object("DestinationRule", "a", "x", spec), try object("DestinationRule", "a", "y", spec), try object("Sidecar", "a", "s", nil)]
        let new = [try object("DestinationRule", "b", "p", spec), try object("DestinationRule", "b", "q", spec), try object("Sidecar", "b", "t", nil)]
        let result = try ObjectDiffer().compare(old: old, new: new)
        #expect(result.summary == "0 changed, 3 added, 3 removed, 0 unchanged")
        // One of each is a rename.
        let single = try ObjectDiffer().compare(old: [old[0]], new: [new[0]])
        #expect(single.objects.map(\.title) == ["DestinationRule a/x → b/p"])
        #expect(single.objects.first?.similarity == 100)
    }

    /// Two old objects the mappings give one identity cannot both be compared: an error naming
    /// both, as for a duplicate.
    @Test func mappingTwoObjectsOntoOneIsAnError() throws {
        let a = try DiffTestSupport.object(["apiVersion": "v1", "kind": "Service", "metadata": ["name": "s", "namespace": "a"]], path: "a.yaml")
        let b = try DiffTestSupport.object(["apiVersion": "v1", "kind": "Service", "metadata": ["name": "s", "namespace": "b"]], path: "b.yaml")
        let differ = ObjectDiffer(rules: try Self.rules("namespaces: {a: c, b: c}\n"))
        let error = #expect(throws: DuplicateObjectError.self) { try differ.compare(old: [a, b], new: [], oldSide: "old/") }
        #expect(error?.description == "Service c/s is defined twice in old/ as --rules maps it: at a.yaml:1:1 and at b.yaml:1:1")
    }

    /// References the mappings explain are no change; the others still are.
    @Test func rulesExplainReferencesNotEverything() throws {
        let old = try DiffTestSupport.object(["apiVersion": "networking.istio.io/v1", "kind": "DestinationRule",
                                              "metadata": ["name": "r", "namespace": "shop"],
                                              "spec": ["host": "r.team-000.svc.cluster.local", "trafficPolicy": ["tls": ["mode": "SIMPLE"]]]])
        let new = try DiffTestSupport.object(["apiVersion": "networking.istio.io/v1", "kind": "DestinationRule",
                                              "metadata": ["name": "r", "namespace": "shop"],
                                              "spec": ["host": "r.payments.svc.cluster.local", "trafficPolicy": ["tls": ["mode": "ISTIO_MUTUAL"]]]])
        let result = try ObjectDiffer(rules: try Self.rules("namespaces: {team-000: payments}\n")).compare(old: [old], new: [new])
        #expect(result.objects.map(\.status) == [.changed])
        #expect(result.objects.first?.changes.map(\.path.description) == ["spec.trafficPolicy.tls.mode"])
        // The result keeps the old object as read, for -o unified.
        #expect(result.objects.first?.old?.value[path: ["spec", "host"]] == "r.team-000.svc.cluster.local")
    }
}
