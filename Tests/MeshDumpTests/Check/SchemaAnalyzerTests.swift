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

    @Test func withoutCRDsItIsSkipped() throws {
        let result = try CheckTestSupport.run([SchemaAnalyzer()], CheckTestSupport.snapshot(Self.widgets))
        #expect(result.skipped.map(\.reason) == ["no CustomResourceDefinition in the sources and no --crds"])
    }
}
