import Foundation
import MeshDumpCore
import Testing
import TestSupport
@testable import MeshDump

/// Files, folders and dumps as a source: the order objects come in, the filter, and the report.
struct FileSourceTests {
    static let tree = TestPaths.root + "/testdata/export/expected"
    static let dump = TestPaths.root + "/testdata/cluster/istio-dump.json"

    /// Objects delivered by `read` (decoded on every core) in the order they came.
    static func delivered(_ source: FileSource, _ request: ReadRequest = ReadRequest()) async throws -> (ids: [ObjectID], reports: [KindReport]) {
        let box = Box()
        let reports = try await source.read(request) { box.append($0.id) }
        return (box.ids, reports)
    }

    final class Box: @unchecked Sendable {
        private let lock = NSLock()
        private var stored: [ObjectID] = []
        func append(_ id: ObjectID) { lock.withLock { stored.append(id) } }
        var ids: [ObjectID] { lock.withLock { stored } }
    }

    @Test func aTreeDecodedInParallelComesInPathOrder() async throws {
        let source = FileSource(paths: [Self.tree])
        let sequential = try source.objects().map(\.id)
        #expect(sequential.count > 64, "enough files for several decoding tasks")
        #expect(try await Self.delivered(source).ids == sequential)
    }

    @Test func theFilterSelectsAsAClusterWould() async throws {
        let filter = ObjectFilter(kinds: try KindSelection(parsing: ["vs,wasmplugins"]), namespaces: ["payments-0"])
        let (ids, reports) = try await Self.delivered(FileSource(paths: [Self.tree], name: "tree"), ReadRequest(filter: filter))
        #expect(!ids.isEmpty)
        #expect(ids.allSatisfy { $0.kind == "VirtualService" && $0.namespace == "payments-0" })
        #expect(reports == [
            KindReport(kind: IstioKinds.named("vs")!, outcome: .listed(version: "v1")),
            KindReport(kind: IstioKinds.named("wasmplugins")!, outcome: .skipped(reason: "not in tree")),
        ])
    }

    @Test func kindsNotAskedForAreReportedAfterTheAskedOnes() async throws {
        let dir = try TestPaths.temporaryDirectory()
        try "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, namespace: a}\n---\napiVersion: networking.istio.io/v1beta1\nkind: Gateway\nmetadata: {name: g, namespace: a}\n"
            .write(toFile: dir + "/dump.yaml", atomically: true, encoding: .utf8)
        let (ids, reports) = try await Self.delivered(FileSource(paths: [dir + "/dump.yaml"]))
        #expect(ids.map(\.name) == ["c", "g"])
        #expect(reports.map(\.qualifiedResource) == ["configmaps", "gateways.networking.istio.io"])
        #expect(reports[1].outcome == .listed(version: "v1beta1"))
    }

    @Test func aMalformedFileInATreeFailsTheWholeSourceNamingIt() async throws {
        let dir = try TestPaths.temporaryDirectory()
        for i in 0..<40 {
            try "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c\(i), namespace: a}\n".write(toFile: dir + "/c\(i).yaml", atomically: true, encoding: .utf8)
        }
        try "apiVersion: v1\nkind: [\n".write(toFile: dir + "/c7.yaml", atomically: true, encoding: .utf8)
        await #expect { try await Self.delivered(FileSource(paths: [dir])) } throws: { error in
            "\(error)".hasPrefix(dir + "/c7.yaml:")
        }
    }

    @Test func theResolverMakesFilesAndRefusesClusters() throws {
        #expect(try FileSourceResolver().source(for: .path(Self.dump)).name == Self.dump)
        #expect(throws: UsageError("cluster:prod: no cluster can be reached here")) {
            try FileSourceResolver().source(for: .cluster(context: "prod"))
        }
    }
}
