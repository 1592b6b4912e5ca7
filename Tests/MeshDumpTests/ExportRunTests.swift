import Foundation
import MeshDumpCore
import Testing
import TestSupport
@testable import MeshDump

/// The export pipeline without a cluster: sources, filters, stages, the atomic tree and the
/// summary.
struct ExportRunTests {
    /// A source that hands over fixed objects, then reports fixed outcomes.
    struct FixedSource: ExportSource {
        var name: String
        var objects: [Object]
        var reports: [KindReport]

        func export(_ request: ExportRequest, deliver: @escaping @Sendable (Object, String) throws -> Void) async throws -> [KindReport] {
            for object in objects { try deliver(object, TreeLayout().resource(of: object.id)) }
            return reports
        }
    }

    static func vs(_ namespace: String, _ name: String, labels: Value = [:]) throws -> Object {
        try Object(value: ["apiVersion": "networking.istio.io/v1", "kind": "VirtualService",
                           "metadata": ["name": .string(name), "namespace": .string(namespace), "labels": labels,
                                        "resourceVersion": "7"], "spec": ["hosts": ["a"]]],
                   origin: .generated)
    }

    static let exported = KindReport(qualifiedResource: "virtualservices.networking.istio.io", outcome: .exported(version: "v1"))

    @Test func filtersThenNeatsThenWrites() async throws {
        let out = try TestPaths.temporaryDirectory() + "/data"
        let source = FixedSource(name: "dumps", objects: [try Self.vs("a", "one", labels: ["app": "x"]), try Self.vs("b", "two"),
                                                          try Self.vs("kube-system", "three", labels: ["app": "x"])],
                                 reports: [Self.exported])
        let request = ExportRequest(filter: ObjectFilter(excludedNamespaces: [try Glob("kube-*")], labelSelector: try LabelSelector(parsing: "app=x")))
        let report = try await ExportRun(output: out).run([.init(source: source)], request: request)
        #expect(report.committed && report.complete)
        #expect(try TreeContents.files(in: out) == [".meshdump", "a/virtualservices/one.yaml"])
        #expect(try String(contentsOfFile: out + "/a/virtualservices/one.yaml", encoding: .utf8).contains("resourceVersion") == false)
        #expect(report.summary == """
            dumps:
              virtualservices.networking.istio.io  v1        1 objects in 1 namespaces
            wrote 1 objects in 1 namespaces to \(out)/

            """)
    }

    @Test func aFailedKindKeepsTheOldTreeAndSaysSo() async throws {
        let out = try TestPaths.temporaryDirectory() + "/data"
        let ok = FixedSource(name: "east", objects: [try Self.vs("a", "one")], reports: [Self.exported])
        _ = try await ExportRun(output: out).run([.init(source: ok)], request: ExportRequest())
        let failing = FixedSource(name: "east", objects: [try Self.vs("a", "two")], reports: [
            KindReport(qualifiedResource: "virtualservices.networking.istio.io", outcome: .failed(message: "forbidden (HTTP 403)")),
            KindReport(qualifiedResource: "gateways.networking.istio.io", outcome: .skipped(reason: "not served")),
        ])
        let report = try await ExportRun(output: out).run([.init(source: failing)], request: ExportRequest())
        #expect(!report.committed)
        #expect(try TreeContents.files(in: out) == [".meshdump", "a/virtualservices/one.yaml"])
        #expect(report.summary.hasSuffix("""
              virtualservices.networking.istio.io  FAILED: forbidden (HTTP 403)
              gateways.networking.istio.io         skipped: not served
            1 kinds failed; \(out)/ was left as it was (--allow-partial writes what succeeded)

            """))
    }

    @Test func everyKindFailingAlikeIsOneLine() async throws {
        let out = try TestPaths.temporaryDirectory() + "/data"
        let down = FixedSource(name: "prod", objects: [], reports: IstioKinds.defaults.map {
            KindReport(qualifiedResource: $0.qualifiedResource, outcome: .failed(message: "connection refused"))
        })
        let report = try await ExportRun(output: out).run([.init(source: down)], request: ExportRequest())
        #expect(report.summary.hasPrefix("prod:\n  all 11 kinds FAILED: connection refused\n"))
    }

    @Test func strictRejectionKeepsTheOldTree() async throws {
        let out = try TestPaths.temporaryDirectory() + "/data"
        var run = ExportRun(output: out)
        run.finalCheck = { "--strict: rules or entries matched nothing" }
        let source = FixedSource(name: "dumps", objects: [try Self.vs("a", "one")], reports: [Self.exported])
        let report = try await run.run([.init(source: source)], request: ExportRequest())
        #expect(!report.committed && !report.complete)
        #expect(!FileManager.default.fileExists(atPath: out))
        #expect(report.summary.hasSuffix("--strict: rules or entries matched nothing; \(out)/ was left as it was\n"))
    }

    @Test func dumpsAreReadFileByFileAndKindsAreFiltered() async throws {
        let dir = try TestPaths.temporaryDirectory()
        try "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, namespace: a}\n---\napiVersion: networking.istio.io/v1\nkind: Gateway\nmetadata: {name: g, namespace: a}\n"
            .write(toFile: dir + "/dump.yaml", atomically: true, encoding: .utf8)
        let report = try await ExportRun(output: dir + "/data").run([.init(source: DumpSource(paths: [dir + "/dump.yaml"]))],
                                                                     request: ExportRequest())
        #expect(try TreeContents.files(in: dir + "/data") == [".meshdump", "a/gateways/g.yaml"])
        #expect(report.sources[0].kinds.first { $0.qualifiedResource == "gateways.networking.istio.io" }?.outcome == .exported(version: "v1"))
        #expect(report.sources[0].kinds.first { $0.qualifiedResource == "sidecars.networking.istio.io" }?.outcome == .skipped(reason: "not in the dumps"))
    }
}
