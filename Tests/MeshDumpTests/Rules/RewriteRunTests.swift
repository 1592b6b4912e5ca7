import Foundation
import MeshDumpCore
import Testing
import TestSupport
@testable import MeshDump

/// `RewriteRun` over any source: raw dumps are neated first, and the dry run fails wherever the
/// real run would.
struct RewriteRunTests {
    static let dump = TestPaths.root + "/testdata/cluster/istio-dump.json"
    static let header = "apiVersion: meshdump/v1\nkind: Rules\n"

    static func rules(_ text: String) throws -> RuleSet {
        try RuleSet.parse(bytes: Array((header + text).utf8), source: "rules.yaml")
    }

    @Test func aRawDumpIsNeatedBeforeTheRulesAsExportDoes() async throws {
        let dir = try TestPaths.temporaryDirectory()
        let rules = try Self.rules("namespaces: {payments-0: payments}\n")
        let rewrite = DiagnosticCollector()
        let result = try await RewriteRun(source: FileSource(paths: [Self.dump]), rules: rules)
            .run(into: TreeWriter(root: dir + "/rewritten"), diagnostics: rewrite)
        #expect(result.written)
        let export = DiagnosticCollector()
        _ = try await try ExportRun(output: dir + "/exported", stages: StageChain([Neat(), RuleStage(rules: rules, diagnostics: export)]))
            .run([.init(source: FileSource(paths: [Self.dump]))], request: ReadRequest(), diagnostics: export)
        try TreeContents.expectSame(dir + "/rewritten", dir + "/exported")
        // The last-applied annotation is gone before the rules look, so it mentions nothing.
        #expect(rewrite.diagnostics.map(\.description) == export.diagnostics.map(\.description))
        #expect(!rewrite.diagnostics.contains { $0.message.contains("last-applied") })
    }

    @Test func noNeatRewritesRawObjects() async throws {
        let dir = try TestPaths.temporaryDirectory()
        _ = try await RewriteRun(source: FileSource(paths: [Self.dump]), rules: try Self.rules("namespaces: {payments-0: payments}\n"), neat: false)
            .run(into: TreeWriter(root: dir + "/raw"), diagnostics: DiagnosticCollector())
        let file = try #require(try TreeContents.files(in: dir + "/raw").first { $0.hasPrefix("payments/") })
        #expect(try String(contentsOfFile: dir + "/raw/" + file, encoding: .utf8).contains("resourceVersion:"))
    }

    /// Two namespaces moved onto one, each with a VirtualService `x`: both claim one file.
    @Test func theDryRunFindsTheClashTheRealRunFinds() async throws {
        let dir = try TestPaths.temporaryDirectory()
        try """
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata: {name: x, namespace: a}
            ---
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata: {name: x, namespace: b}

            """.write(toFile: dir + "/in.yaml", atomically: true, encoding: .utf8)
        let run = RewriteRun(source: FileSource(paths: [dir + "/in.yaml"]), rules: try Self.rules("namespaces: {a: c, b: c}\n"))
        await #expect { try await run.run(into: TreeWriter(root: dir + "/out"), diagnostics: DiagnosticCollector()) } throws: { "\($0)".contains("c/virtualservices/x.yaml") }
        await #expect { try await run.preview(diagnostics: DiagnosticCollector()) } throws: { error in
            "\(error)" == "\(dir)/in.yaml:5:1: VirtualService c/x would be written to c/virtualservices/x.yaml, which the object at \(dir)/in.yaml:1:1 already took"
        }
        #expect(!FileManager.default.fileExists(atPath: dir + "/out"))
    }
}
