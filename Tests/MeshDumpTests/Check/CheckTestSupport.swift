import Foundation
import MeshDumpCore
import Testing
@testable import MeshDump
import TestSupport

/// Snapshots from YAML text or files, and goldens, for the check tests.
enum CheckTestSupport {
    /// 2025-06-01T00:00:00Z: certificates are judged at this time, so tests never expire.
    static let now: Int64 = 1_748_736_000

    static func testdata(_ path: String) -> String { TestPaths.root + "/testdata/" + path }

    /// The objects of YAML `text`, as if read from `path`.
    static func objects(_ text: String, path: String = "test.yaml") throws -> [Object] {
        let decoder = ObjectDecoder(InputBytes(Array(text.utf8), source: path))
        var objects: [Object] = []
        while let object = try decoder.next() { objects.append(object) }
        return objects
    }

    /// A snapshot of the objects in YAML `text`.
    static func snapshot(_ text: String, path: String = "test.yaml", defaultNamespace: String = "default",
                         listedKinds: Set<GroupKind> = [], mesh: MeshSettings = MeshSettings()) throws -> MeshSnapshot {
        MeshSnapshot(objects: try objects(text, path: path), defaultNamespace: defaultNamespace, listedKinds: listedKinds,
                     mesh: mesh, now: now)
    }

    /// Runs `analyzers` over `snapshot`; findings are located in files read from `files`
    /// (path → text) rather than the disk.
    static func run(_ analyzers: [any Analyzer], _ snapshot: MeshSnapshot, files: [String: String] = [:],
                    disabled: [String] = []) throws -> CheckResult {
        try CheckRun(analyzers: analyzers, disabled: disabled).run(snapshot, readFile: { path in files[path].map { Array($0.utf8) } })
    }

    /// `Name Kind ns/name` of each finding, the form istio's tests compare.
    static func summary(_ result: CheckResult) -> [String] {
        result.findings.map { "\($0.name) \($0.object)" }
    }

    /// Compares `actual` with the golden under testdata/check/ byte for byte; with
    /// MESHDUMP_UPDATE_GOLDENS=1 it writes the golden instead (review it before committing).
    static func expectGolden(_ actual: String, _ golden: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let path = testdata("check/" + golden)
        if ProcessInfo.processInfo.environment["MESHDUMP_UPDATE_GOLDENS"] == "1" {
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try actual.write(toFile: path, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOfFile: path, encoding: .utf8)
        #expect(actual == expected, "\(golden) differs:\n\(DiffTestSupport.firstDifference(expected, actual))", sourceLocation: sourceLocation)
    }
}
