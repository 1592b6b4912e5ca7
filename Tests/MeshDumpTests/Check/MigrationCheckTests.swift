import Foundation
import MeshDumpCore
import Testing
@testable import MeshDump
import TestSupport

/// The migration checks on `testdata/check/migration`: a tree exported from the old mesh,
/// checked against the new mesh (root namespace istio-config, trust domain mesh.example.com,
/// revision 1-22-0, Istio's CRDs) before and after `rules.yaml` moves it. Before, each hazard is
/// reported; after, nothing; and each file of `breakages/`, added to the moved tree, reports
/// exactly the finding its first line (`# expect: CODE Kind ns/name field`) names.
struct MigrationCheckTests {
    static let directory = CheckTestSupport.testdata("check/migration/")
    static let crds = try! FileSource(paths: [CheckTestSupport.testdata("check/crds/crd-all.gen.yaml")]).objects()
    static let target = MeshOverrides(rootNamespace: "istio-config", trustDomain: "mesh.example.com", revision: "1-22-0")

    /// Every migration analyzer, the schema one with Istio's CRDs.
    static var analyzers: [any Analyzer] {
        Analyzers.all(crds: crds).filter { $0.name.hasPrefix("meshdump.") }
    }

    static func check(_ objects: [Object]) throws -> [String] {
        var snapshot = MeshSnapshot(objects: objects, now: CheckTestSupport.now)
        snapshot.mesh = try MeshSettings.resolve(file: nil, snapshot: snapshot, overrides: target)
        let result = try CheckRun(analyzers: analyzers).run(snapshot, readFile: nil)
        #expect(result.skipped == [])
        return result.findings.map { "\($0.code) \($0.object) \($0.field?.description ?? "-")" }.sorted()
    }

    static func input() throws -> [Object] {
        try FileSource(paths: [directory + "input"]).objects()
    }

    /// The input moved by `rules.yaml`, as `meshdump rewrite` moves it.
    static func moved() throws -> [Object] {
        let rules = try RuleSet.load(paths: [directory + "rules.yaml"])
        let diagnostics = DiagnosticCollector()
        let stage = RuleStage(rules: rules, diagnostics: diagnostics)
        let output = try input().compactMap { stage.apply($0) }
        #expect(diagnostics.diagnostics == [])
        return output
    }

    @Test func theExportedTreeReportsEveryHazardOfTheMove() throws {
        #expect(try Self.check(Self.input()) == [
            "MD0001 Deployment team-000/checkout spec.template.metadata.labels[\"istio.io/rev\"]",
            "MD0001 Namespace team-000 metadata.labels[\"istio.io/rev\"]",
            "MD0001 Namespace team-001 metadata.labels[\"istio.io/rev\"]",
            "MD0002 PeerAuthentication istio-system/default metadata.namespace",
            "MD0003 AuthorizationPolicy team-001/frontend spec.rules[0].from[0].source.trustDomains[0]",
            "MD0003 DestinationRule team-000/checkout spec.trafficPolicy.tls.subjectAltNames[0]",
            "MD0003 ServiceEntry team-000/payments-db spec.subjectAltNames[0]",
        ])
    }

    @Test func theMovedTreeReportsNothing() throws {
        let findings = try Self.check(Self.moved())
        #expect(findings == [])
    }

    static let breakages: [String] = try! FileManager.default.contentsOfDirectory(atPath: directory + "breakages").sorted()

    @Test(arguments: breakages)
    func aBreakageReportsExactlyItsFinding(_ file: String) throws {
        let path = Self.directory + "breakages/" + file
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let expected = try #require(text.split(separator: "\n").first?.split(separator: "# expect: ").last.map(String.init))
        let seeded = try FileSource(paths: [path]).objects()
        let findings = try Self.check(Self.moved() + seeded)
        #expect(findings == [expected])
    }

    /// `-o secrets`: nothing once the Secrets moved with the tree; every needed one when the
    /// sources hold none (an export of Istio kinds only); the renamed one of a breakage.
    @Test func secretsOutput() throws {
        func secrets(_ objects: [Object]) throws -> String {
            var snapshot = MeshSnapshot(objects: objects, now: CheckTestSupport.now)
            snapshot.mesh = try MeshSettings.resolve(file: nil, snapshot: snapshot, overrides: Self.target)
            let result = try CheckRun(analyzers: Self.analyzers).run(snapshot, readFile: nil)
            return String(decoding: try CheckFormat.secrets.render(result), as: UTF8.self)
        }
        let moved = try Self.moved()
        #expect(try secrets(moved) == "")
        try CheckTestSupport.expectGolden(try secrets(moved.filter { $0.kind != "Secret" }), "migration/secrets.txt")
        let renamed = try FileSource(paths: [Self.directory + "breakages/secret.yaml"]).objects()
        #expect(try secrets(moved + renamed) == "istio-system/shop-cert-2025\n")
    }
}
