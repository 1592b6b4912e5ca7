import Foundation
import MeshDumpCore
import Testing
@testable import MeshDump

/// Golden trees: each `testdata/rewrite/<case>/` holds `input/` (a tree), `rules.yaml`,
/// `expected/` (the tree rewrite must write, byte for byte) and `report.txt` (the diagnostics and
/// the report, as the command prints them). `MESHDUMP_UPDATE_GOLDEN=1 swift test` rewrites the
/// expectations; review them with `git diff` before committing.
struct RewriteGoldenTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path
    static let casesDirectory = packageRoot + "/testdata/rewrite"
    static let update = ProcessInfo.processInfo.environment["MESHDUMP_UPDATE_GOLDEN"] == "1"

    static let cases: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: casesDirectory)) ?? []
        return names.filter { FileManager.default.fileExists(atPath: "\(casesDirectory)/\($0)/input") }.sorted()
    }()

    @Test func casesArePresent() {
        #expect(Self.cases.count >= 15)
    }

    @Test(arguments: cases)
    func golden(_ name: String) throws {
        let directory = "\(Self.casesDirectory)/\(name)"
        let output = try TemporaryDirectory()
        let rules = try RuleSet.load(paths: ["\(directory)/rules.yaml"])
        let diagnostics = DiagnosticCollector()
        let result = try RewriteRun(inputs: ["\(directory)/input"], rules: rules, output: output.path + "/tree")
            .run(diagnostics: diagnostics)
        let report = (diagnostics.diagnostics.map(\.description) + result.report.lines())
            .map { $0.replacingOccurrences(of: Self.packageRoot + "/", with: "") }
            .joined(separator: "\n") + "\n"
        if Self.update {
            try? FileManager.default.removeItem(atPath: "\(directory)/expected")
            if result.written { try FileManager.default.copyItem(atPath: output.path + "/tree", toPath: "\(directory)/expected") }
            try report.write(toFile: "\(directory)/report.txt", atomically: true, encoding: .utf8)
        }
        #expect(try String(contentsOfFile: "\(directory)/report.txt", encoding: .utf8) == report)
        let expectedExists = FileManager.default.fileExists(atPath: "\(directory)/expected")
        #expect(result.written == expectedExists)
        if result.written {
            try Self.expectSameTree(output.path + "/tree", "\(directory)/expected")
        }
    }

    /// Every file in both trees, with the same bytes.
    static func expectSameTree(_ actual: String, _ expected: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let actualFiles = try files(in: actual)
        let expectedFiles = try files(in: expected)
        #expect(actualFiles == expectedFiles, sourceLocation: sourceLocation)
        for file in expectedFiles where actualFiles.contains(file) {
            let a = try Data(contentsOf: URL(fileURLWithPath: "\(actual)/\(file)"))
            let e = try Data(contentsOf: URL(fileURLWithPath: "\(expected)/\(file)"))
            #expect(a == e, "\(file) differs:\n\(String(decoding: a, as: UTF8.self))", sourceLocation: sourceLocation)
        }
    }

    static func files(in root: String) throws -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: root) else { return [] }
        var out: [String] = []
        while let path = walker.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: "\(root)/\(path)", isDirectory: &isDirectory), !isDirectory.boolValue {
                out.append(path)
            }
        }
        return out.sorted()
    }
}

/// A fresh directory removed when the value goes away.
final class TemporaryDirectory {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "meshdump-test-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }
}
