import MeshDumpCore
import Testing
@testable import MeshDump

struct SchemaAnalyzerTests {
    static let crd = """
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata: {name: widgets.example.com}
        spec:
          group: example.com
          names: {kind: Widget, plural: widgets}
          scope: Namespaced
          versions:
          - name: v1
            served: true
            storage: true
            schema:
              openAPIV3Schema:
                type: object
                properties:
                  spec:
                    type: object
                    required: [size]
                    properties:
                      size: {type: integer, minimum: 1}
                      color: {type: string, enum: [red, blue]}
          - {name: v1alpha1, served: false, storage: false}
        """
    static let widgets = """
        apiVersion: example.com/v1
        kind: Widget
        metadata: {name: a, namespace: shop}
        spec: {size: 0, colour: red}
        ---
        apiVersion: example.com/v1alpha1
        kind: Widget
        metadata: {name: b, namespace: shop}
        spec: {size: 1}
        """

    static func summary(_ result: CheckResult) -> [String] {
        result.findings.map { "\($0.code) \($0.object) \($0.field!): \($0.message)" }
    }

    /// CRDs among the sources count as much as `--crds`.
    @Test func crdsFromTheSources() throws {
        let result = try CheckTestSupport.run([SchemaAnalyzer()], CheckTestSupport.snapshot(Self.crd + "\n---\n" + Self.widgets))
        #expect(Self.summary(result) == [
            "MD0006 Widget shop/a spec.colour: Unknown field \"colour\": example.com/v1 Widget has no such field, so kubectl apply (strict field validation, its default) refuses the object. Remove it or fix its spelling.",
            "MD0007 Widget shop/a spec.size: Must be at least 1: the API server refuses the object.",
            "MD0008 Widget shop/b apiVersion: apiVersion example.com/v1alpha1 is not served by CustomResourceDefinition widgets.example.com (it serves v1): the API server refuses the object. Change apiVersion to example.com/v1.",
        ])
    }

    @Test func crdsFromTheFlag() throws {
        let crds = try CheckTestSupport.objects(Self.crd)
        let result = try CheckTestSupport.run([SchemaAnalyzer(crds: crds)], CheckTestSupport.snapshot(Self.widgets))
        #expect(result.findings.count == 3)
    }

    /// With a target, its discovery decides versions for every kind, built-in or not, and the
    /// CRD's own served versions are not reported a second time; fields are still checked.
    @Test func theTargetDecidesServedVersions() throws {
        var snapshot = try CheckTestSupport.snapshot(Self.crd + "\n---\n" + Self.widgets
            + "\n---\napiVersion: apps/v1beta1\nkind: Deployment\nmetadata: {name: web, namespace: shop}\n"
            + "---\napiVersion: telemetry.istio.io/v1\nkind: Telemetry\nmetadata: {name: mesh, namespace: shop}\n")
        snapshot.target = TargetAPIs(name: "cluster:new", versions: [
            GroupKind(group: "example.com", kind: "Widget"): ["v1"], .deployment: ["v1"], .telemetry: [],
        ])
        let result = try CheckTestSupport.run([SchemaAnalyzer()], snapshot)
        #expect(Self.summary(result) == [
            "MD0006 Widget shop/a spec.colour: Unknown field \"colour\": example.com/v1 Widget has no such field, so kubectl apply (strict field validation, its default) refuses the object. Remove it or fix its spelling.",
            "MD0007 Widget shop/a spec.size: Must be at least 1: the API server refuses the object.",
            "MD0008 Widget shop/b apiVersion: apiVersion example.com/v1alpha1 is not served by cluster:new (it serves Widget at example.com/v1): kubectl apply refuses the object. Change apiVersion to example.com/v1.",
            "MD0008 Deployment shop/web apiVersion: apiVersion apps/v1beta1 is not served by cluster:new (it serves Deployment at apps/v1): kubectl apply refuses the object. Change apiVersion to apps/v1.",
            "MD0008 Telemetry shop/mesh apiVersion: cluster:new does not serve Telemetry (telemetry.istio.io) at any version: kubectl apply refuses the object. Install its CustomResourceDefinition on the target first, or leave the object out.",
        ])
        // A target alone (no CRD anywhere) still checks versions.
        var bare = try CheckTestSupport.snapshot("apiVersion: apps/v1beta1\nkind: Deployment\nmetadata: {name: web, namespace: shop}\n")
        bare.target = TargetAPIs(name: "cluster:new", versions: [.deployment: ["v1"]])
        #expect(try CheckTestSupport.run([SchemaAnalyzer()], bare).findings.map(\.code) == ["MD0008"])
    }

    @Test func withoutCRDsItIsSkipped() throws {
        let result = try CheckTestSupport.run([SchemaAnalyzer()], CheckTestSupport.snapshot(Self.widgets))
        #expect(result.skipped.map(\.reason) == ["no CustomResourceDefinition in the sources and no --crds"])
    }
}
