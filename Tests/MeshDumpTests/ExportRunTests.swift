import Foundation
import MeshDumpCore
import Testing
import TestSupport
@testable import MeshDump

/// The export pipeline without a cluster: sources, filters, stages, the atomic tree and the
/// summary.
struct ExportRunTests {
    /// A source that hands over fixed objects (those the request selects, as every source
    /// must), then reports fixed outcomes.
    struct FixedSource: ObjectSource {
        var name: String
        var objects: [Object]
        var reports: [KindReport]

        func read(_ request: ReadRequest, deliver: @escaping @Sendable (Object) throws -> Void) async throws -> [KindReport] {
            for object in objects where request.filter.includes(object) { try deliver(object) }
            return reports
        }
    }

    /// A stage that lets everything through and reports an error at the end.
    struct FailsAtFinish: ObjectStage {
        let diagnostics: DiagnosticSink
        func apply(_ object: Object) -> Object? { object }
        func finish() { diagnostics.report(Diagnostic(.error, "rule \"x\" matched nothing")) }
    }

    static func vs(_ namespace: String, _ name: String, labels: Value = [:]) throws -> Object {
        try Object(value: ["apiVersion": "networking.istio.io/v1", "kind": "VirtualService",
                           "metadata": ["name": .string(name), "namespace": .string(namespace), "labels": labels,
                                        "resourceVersion": "7"], "spec": ["hosts": ["a"]]],
                   origin: .generated)
    }

    static let exported = KindReport(kind: IstioKinds.named("vs")!, outcome: .listed(version: "v1"))

    @Test func filtersThenNeatsThenWrites() async throws {
        let out = try TestPaths.temporaryDirectory() + "/data"
        let source = FixedSource(name: "dumps", objects: [try Self.vs("a", "one", labels: ["app": "x"]), try Self.vs("b", "two"),
                                                          try Self.vs("kube-system", "three", labels: ["app": "x"])],
                                 reports: [Self.exported])
        let request = ReadRequest(filter: ObjectFilter(excludedNamespaces: [try Glob("kube-*")], labelSelector: try LabelSelector(parsing: "app=x")))
        let report = try await try ExportRun(output: out).run([.init(source: source)], request: request)
        #expect(report.committed && report.complete)
        #expect(try TreeContents.files(in: out) == [".meshdump", "a/virtualservices/one.yaml"])
        #expect(try String(contentsOfFile: out + "/a/virtualservices/one.yaml", encoding: .utf8).contains("resourceVersion") == false)
        #expect(report.summary == """
            dumps:
              virtualservices.networking.istio.io  v1        1 object in 1 namespace
            wrote 1 object in 1 namespace to \(out)/

            """)
    }

    @Test func aFailedKindKeepsTheOldTreeAndSaysSo() async throws {
        let out = try TestPaths.temporaryDirectory() + "/data"
        let ok = FixedSource(name: "east", objects: [try Self.vs("a", "one")], reports: [Self.exported])
        _ = try await try ExportRun(output: out).run([.init(source: ok)], request: ReadRequest())
        let failing = FixedSource(name: "east", objects: [try Self.vs("a", "two")], reports: [
            KindReport(kind: IstioKinds.named("vs")!, outcome: .failed(message: "forbidden (HTTP 403)")),
            KindReport(kind: IstioKinds.named("gw")!, outcome: .skipped(reason: "not served")),
        ])
        let report = try await try ExportRun(output: out).run([.init(source: failing)], request: ReadRequest())
        #expect(!report.committed)
        #expect(try TreeContents.files(in: out) == [".meshdump", "a/virtualservices/one.yaml"])
        #expect(report.summary.hasSuffix("""
              virtualservices.networking.istio.io  FAILED: forbidden (HTTP 403)
              gateways.networking.istio.io         skipped: not served
            1 kind failed; \(out)/ was left as it was (--allow-partial writes what succeeded)

            """))
    }

    @Test func everyKindFailingAlikeIsOneLine() async throws {
        let out = try TestPaths.temporaryDirectory() + "/data"
        let down = FixedSource(name: "prod", objects: [], reports: IstioKinds.defaults.map {
            KindReport(kind: $0, outcome: .failed(message: "connection refused"))
        })
        let report = try await try ExportRun(output: out).run([.init(source: down)], request: ReadRequest())
        #expect(report.summary.hasPrefix("prod:\n  all 11 kinds FAILED: connection refused\n"))
    }

    @Test func anErrorReportedByAStageKeepsTheOldTree() async throws {
        let out = try TestPaths.temporaryDirectory() + "/data"
        let diagnostics = DiagnosticCollector()
        let run = try ExportRun(output: out, allowPartial: true, stages: StageChain([Neat(), FailsAtFinish(diagnostics: diagnostics)]))
        let source = FixedSource(name: "dumps", objects: [try Self.vs("a", "one")], reports: [Self.exported])
        let report = try await run.run([.init(source: source)], request: ReadRequest(), diagnostics: diagnostics)
        #expect(!report.committed && !report.complete)
        #expect(!FileManager.default.fileExists(atPath: out))
        #expect(report.summary.hasSuffix("errors were reported; \(out)/ was left as it was\n"))
    }

    @Test func dumpsAreReadFileByFileAndKindsAreFiltered() async throws {
        let dir = try TestPaths.temporaryDirectory()
        try "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, namespace: a}\n---\napiVersion: networking.istio.io/v1\nkind: Gateway\nmetadata: {name: g, namespace: a}\n"
            .write(toFile: dir + "/dump.yaml", atomically: true, encoding: .utf8)
        let report = try await try ExportRun(output: dir + "/data").run([.init(source: FileSource(paths: [dir + "/dump.yaml"], name: "dumps"))],
                                                                     request: ReadRequest(filter: ObjectFilter(kinds: KindSelection())))
        #expect(try TreeContents.files(in: dir + "/data") == [".meshdump", "a/gateways/g.yaml"])
        #expect(report.sources[0].kinds.first { $0.qualifiedResource == "gateways.networking.istio.io" }?.outcome == .listed(version: "v1"))
        #expect(report.sources[0].kinds.first { $0.qualifiedResource == "sidecars.networking.istio.io" }?.outcome == .skipped(reason: "not in dumps"))
    }

    /// Issue 11: a context that serves none of the asked kinds replaced a full tree with an
    /// empty one and exited 0.
    @Test func aSourceServingNoAskedKindDoesNotEmptyATree() async throws {
        let out = try TestPaths.temporaryDirectory() + "/data"
        _ = try await try ExportRun(output: out).run([.init(source: FixedSource(name: "prod", objects: [try Self.vs("a", "one")], reports: [Self.exported]))],
                                                 request: ReadRequest())
        let wrong = FixedSource(name: "kind-local", objects: [], reports: IstioKinds.defaults.map { KindReport(kind: $0, outcome: .skipped(reason: "not served")) })
        let refused = try await try ExportRun(output: out).run([.init(source: wrong)], request: ReadRequest())
        #expect(!refused.committed && !refused.complete)
        #expect(refused.summary.hasSuffix("no kind asked for is served by kind-local (the wrong context?), so the tree would be emptied; --force empties it; \(out)/ was left as it was\n"))
        #expect(try TreeContents.files(in: out).contains("a/virtualservices/one.yaml"))
        let forced = try await try ExportRun(output: out, force: true).run([.init(source: wrong)], request: ReadRequest())
        #expect(forced.committed)
        #expect(try TreeContents.files(in: out) == [".meshdump"])
    }

    /// Issue 11: `export -n` with a misspelt namespace said "0 objects" and nothing else.
    @Test func aNamespaceWithNoObjectsIsAWarning() async throws {
        let out = try TestPaths.temporaryDirectory() + "/data"
        let diagnostics = DiagnosticCollector()
        let source = FixedSource(name: "prod", objects: [try Self.vs("a", "one")], reports: [Self.exported])
        _ = try await try ExportRun(output: out).run([.init(source: source)], request: ReadRequest(filter: ObjectFilter(namespaces: ["a", "paymnets"])),
                                                 diagnostics: diagnostics)
        #expect(diagnostics.diagnostics == [Diagnostic(.warning, "no objects in namespace \"paymnets\" (-n paymnets)")])
    }

    /// Issue 11: `--allow-partial` into an existing tree dropped the kinds that failed this time.
    @Test func aPartialExportKeepsTheOldFilesOfFailedKinds() async throws {
        let out = try TestPaths.temporaryDirectory() + "/data"
        var gateway = try Self.vs("a", "gw")
        gateway.value["kind"] = "Gateway"
        _ = try await try ExportRun(output: out).run([.init(source: FixedSource(name: "prod", objects: [try Self.vs("a", "one"), gateway], reports: [Self.exported]))],
                                                 request: ReadRequest())
        let failing = FixedSource(name: "prod", objects: [try Self.vs("a", "two")], reports: [
            Self.exported, KindReport(kind: IstioKinds.named("gw")!, outcome: .failed(message: "HTTP 500")),
        ])
        let report = try await try ExportRun(output: out, allowPartial: true).run([.init(source: failing)], request: ReadRequest())
        #expect(report.committed && !report.complete)
        #expect(try TreeContents.files(in: out) == [".meshdump", "a/gateways/gw.yaml", "a/virtualservices/two.yaml"])
    }
}
