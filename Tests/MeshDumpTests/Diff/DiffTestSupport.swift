import Foundation
import MeshDumpCore
import Testing
@testable import MeshDump
import TestSupport

/// Paths and helpers the diff tests share.
enum DiffTestSupport {
    static func testdata(_ path: String) -> String { TestPaths.root + "/testdata/diff/" + path }

    /// Runs a diff the way the CLI does (files only) and renders it; paths in the output are
    /// made relative to the package root so goldens do not depend on where the repository is.
    static func render(old: String, new: String, format: DiffFormat, ignore: [String] = [], kinds: String? = nil,
                       namespaces: [String] = [], rules: [String] = [], colored: Bool = false) async throws -> String {
        let request = try DiffRequest(old: old, new: new, ignore: ignore, kinds: kinds, namespaces: namespaces, rules: rules)
        let run = try request.makeRun(resolver: FileSourceResolver())
        let result = try await run.run()
        let bytes = try format.render(result, colored: colored)
        return String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: TestPaths.root + "/", with: "")
    }

    /// Compares `actual` with the golden file byte for byte. With MESHDUMP_UPDATE_GOLDENS=1 in
    /// the environment it writes the golden instead (review the change before committing it).
    static func expectGolden(_ actual: String, _ golden: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let path = testdata(golden)
        if ProcessInfo.processInfo.environment["MESHDUMP_UPDATE_GOLDENS"] == "1" {
            try actual.write(toFile: path, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOfFile: path, encoding: .utf8)
        #expect(actual == expected, "\(golden) differs:\n\(firstDifference(expected, actual))", sourceLocation: sourceLocation)
    }

    /// The first line where two texts differ, for failure messages.
    static func firstDifference(_ expected: String, _ actual: String) -> String {
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
        for i in 0..<max(e.count, a.count) where (i < e.count ? e[i] : nil) != (i < a.count ? a[i] : nil) {
            return "line \(i + 1):\n  expected: \(i < e.count ? String(e[i]) : "<end>")\n  actual:   \(i < a.count ? String(a[i]) : "<end>")"
        }
        return "(same lines)"
    }

    /// An object made from a value, as if read from `path`.
    static func object(_ value: Value, path: String = "test.yaml", line: Int = 1) throws -> Object {
        try Object(value: value, origin: .file(path: path, document: 0, mark: Mark(line: line, column: 1)))
    }

    /// A temporary directory, removed when `body` returns.
    static func withTemporaryDirectory<T>(_ body: (String) async throws -> T) async throws -> T {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("meshdump-diff-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        return try await body(dir)
    }

    static func write(_ text: String, to path: String) throws {
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }
}
