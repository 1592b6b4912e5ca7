import Foundation
import MeshDumpCore
import Testing
@testable import MeshDump
import TestSupport

/// Golden trees: each `testdata/rewrite/<case>/` holds `input/` (a tree), `rules.yaml`,
/// `expected/` (the tree rewrite must write, byte for byte) and `report.txt` (the diagnostics and
/// the report, as the command prints them). `MESHDUMP_UPDATE_GOLDEN=1 swift test` rewrites the
/// expectations; review them with `git diff` before committing.
struct RewriteGoldenTests {
    static let casesDirectory = TestPaths.root + "/testdata/rewrite"
    static let update = ProcessInfo.processInfo.environment["MESHDUMP_UPDATE_GOLDEN"] == "1"

    static let cases: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: casesDirectory)) ?? []
        return names.filter { FileManager.default.fileExists(atPath: "\(casesDirectory)/\($0)/input") }.sorted()
    }()

    @Test func casesArePresent() {
        #expect(Self.cases.count >= 15)
    }

    @Test(arguments: cases)
    func golden(_ name: String) async throws {
        let directory = "\(Self.casesDirectory)/\(name)"
        let output = try TestPaths.temporaryDirectory()
        let rules = try RuleSet.load(paths: ["\(directory)/rules.yaml"])
        let diagnostics = DiagnosticCollector()
        let result = try await RewriteRun(source: FileSource(paths: ["\(directory)/input"]), rules: rules)
            .run(into: TreeWriter(root: output + "/tree"), diagnostics: diagnostics)
        let report = (diagnostics.diagnostics.map(\.description) + result.report.lines())
            .map { $0.replacingOccurrences(of: TestPaths.root + "/", with: "") }
            .joined(separator: "\n") + "\n"
        if Self.update {
            try? FileManager.default.removeItem(atPath: "\(directory)/expected")
            if result.written { try FileManager.default.copyItem(atPath: output + "/tree", toPath: "\(directory)/expected") }
            try report.write(toFile: "\(directory)/report.txt", atomically: true, encoding: .utf8)
        }
        #expect(try String(contentsOfFile: "\(directory)/report.txt", encoding: .utf8) == report)
        let expectedExists = FileManager.default.fileExists(atPath: "\(directory)/expected")
        #expect(result.written == expectedExists)
        if result.written {
            try TreeContents.expectSame(output + "/tree", "\(directory)/expected")
        }
    }
}
