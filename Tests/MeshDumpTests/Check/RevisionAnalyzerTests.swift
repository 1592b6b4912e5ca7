import Testing
@testable import MeshDump

struct RevisionAnalyzerTests {
    static let objects = """
        apiVersion: v1
        kind: Namespace
        metadata: {name: shop, labels: {istio-injection: enabled}}
        ---
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata: {name: old, namespace: shop, labels: {istio.io/rev: 1-18-5}}
        spec: {hosts: [a]}
        ---
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata: {name: tagged, namespace: shop, labels: {istio.io/rev: stable}}
        spec: {hosts: [b]}
        """

    static func findings(_ text: String, revision: String? = nil) throws -> (findings: [String], skipped: [String]) {
        var mesh = MeshSettings()
        mesh.revision = revision
        let result = try CheckTestSupport.run([RevisionAnalyzer()], CheckTestSupport.snapshot(text, mesh: mesh))
        return (result.findings.map { "\($0.object) \($0.field?.description ?? "")" }, result.skipped.map(\.reason))
    }

    @Test func withoutATargetRevisionItIsSkipped() throws {
        let (findings, skipped) = try Self.findings(Self.objects)
        #expect(findings == [])
        #expect(skipped == ["no --revision given and no sidecar injector webhook (MutatingWebhookConfiguration labelled istio.io/rev) in the sources"])
    }

    @Test func revisionFlagNamesTheOnlyRevision() throws {
        #expect(try Self.findings(Self.objects, revision: "1-22-0").findings == [
            "Namespace shop metadata.labels.istio-injection",
            "VirtualService shop/old metadata.labels[\"istio.io/rev\"]",
            "VirtualService shop/tagged metadata.labels[\"istio.io/rev\"]",
        ])
        #expect(try Self.findings(Self.objects, revision: "default").findings.count == 2)
    }

    @Test func injectorWebhooksNameTheRevisionsAndTags() throws {
        let webhooks = """
            ---
            apiVersion: admissionregistration.k8s.io/v1
            kind: MutatingWebhookConfiguration
            metadata: {name: istio-sidecar-injector-1-22-0, labels: {istio.io/rev: 1-22-0}}
            ---
            apiVersion: admissionregistration.k8s.io/v1
            kind: MutatingWebhookConfiguration
            metadata: {name: istio-revision-tag-stable, labels: {istio.io/rev: 1-22-0, istio.io/tag: stable}}
            """
        #expect(try Self.findings(Self.objects + "\n" + webhooks).findings == [
            "Namespace shop metadata.labels.istio-injection",
            "VirtualService shop/old metadata.labels[\"istio.io/rev\"]",
        ])
    }
}
