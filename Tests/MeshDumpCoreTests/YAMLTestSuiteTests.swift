import Foundation
import Testing
@testable import MeshDumpCore
import TestSupport

/// The YAML test suite (testdata/yaml-test-suite, from github.com/yaml/yaml-test-suite): every case with an `in.json` reads to
/// that data (except where YAML 1.1, which kubectl follows, differs from 1.2), every value written
/// back reads back equal, and the cases a parser must reject are rejected (except those libyaml
/// accepts, pinned below).
struct YAMLTestSuiteTests {
    struct Case: CustomStringConvertible, Sendable {
        let id: String
        let directory: URL
        var description: String { id }
    }

    static let cases: [Case] = {
        let root = TestPaths.testdata("yaml-test-suite")
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else { return [] }
        var found: [Case] = []
        for case let url as URL in walker where url.lastPathComponent == "in.yaml" {
            let dir = url.deletingLastPathComponent()
            let id = String(dir.path.dropFirst(root.path.count + 1))
            found.append(Case(id: id, directory: dir))
        }
        return found.sorted { $0.id < $1.id }
    }()

    static func documents(_ c: Case) throws -> [Value] {
        let reader = YAMLReader(bytes: try TestPaths.bytes(c.directory.appendingPathComponent("in.yaml")), source: c.id)
        var values: [Value] = []
        while let d = try reader.next() { values.append(d.value) }
        return values
    }

    static func has(_ c: Case, _ file: String) -> Bool {
        FileManager.default.fileExists(atPath: c.directory.appendingPathComponent(file).path)
    }

    /// Valid YAML 1.2 that libyaml 0.2.5 (a YAML 1.1 parser) refuses: directives it does not
    /// know, flow-collection and tab corner cases, streams with only `...`.
    static let refusedByLibyaml: Set<String> = [
        "2LFX", "2SXE", "4MUZ/00", "4MUZ/01", "4MUZ/02", "58MP", "5MUD", "5T43", "6BCT", "6CA3", "6LVF", "7Z25",
        "8XYN", "96NN/00", "96NN/01", "9SA2", "A2M4", "BEC7", "DBG4", "DK3J", "DK95/00", "DK95/03", "DK95/04",
        "FP8R", "HM87/00", "HWV9", "K3WX", "M7A3", "MUS6/05", "MUS6/06", "NJ66", "Q5MG", "QT73", "R4YG", "UT92",
        "VJP3/01", "W4TN", "W5VH", "Y79Y/001", "Y79Y/010",
    ]

    /// Cases whose data differs from `in.json`, and why.
    static let differences: [String: String] = [
        "C4HZ": "YAML 1.1, as kubectl reads it: the key `y` is the boolean true (key \"true\")",
        "652Z": "libyaml reads `?foo` in a flow mapping as an explicit key",
        "HM87/01": "libyaml reads `[?x]` as a flow pair",
        "JEF9/02": "libyaml drops a trailing whitespace-only line of a `|+` block",
        "L24T/01": "libyaml drops a trailing whitespace-only line of a `|` block",
        "Y2GN": "libyaml ends an anchor name at `:`",
    ]

    /// Invalid YAML that libyaml 0.2.5 accepts anyway.
    static let acceptedByLibyaml: Set<String> = [
        "9C9N", "9HCY", "9JBA", "CVW2", "DK95/01", "EB22", "G5U8", "MUS6/00", "MUS6/01", "QB6E", "RHX7", "S98Z",
        "SU5Z", "X4QW", "Y79Y/003", "YJV2",
    ]

    @Test func suiteIsPresent() {
        #expect(Self.cases.count > 300, "expected the YAML test suite at testdata/yaml-test-suite")
    }

    static var dataCases: [Case] { cases.filter { has($0, "in.json") && !has($0, "error") } }

    @Test(arguments: dataCases)
    func readsAsInJSON(_ c: Case) throws {
        if Self.refusedByLibyaml.contains(c.id) {
            #expect(throws: ReadError.self) { try Self.documents(c) }
            return
        }
        let docs = try Self.documents(c)
        let expected = try JSONReader.values(try TestPaths.bytes(c.directory.appendingPathComponent("in.json")), source: "in.json")
        if Self.differences[c.id] != nil {
            #expect(docs != expected, "pinned as different but now equal: unpin \(c.id)")
        } else {
            #expect(docs == expected)
        }
    }

    @Test(arguments: dataCases.filter { !refusedByLibyaml.contains($0.id) })
    func roundTrips(_ c: Case) throws {
        for document in try Self.documents(c) {
            let yaml = try YAMLWriter.string(document)
            let back = YAMLReader(bytes: Array(yaml.utf8), source: "written")
            #expect(try back.next()?.value == document, "\(yaml)")
            if case .mapping = document, let json = try? JSONWriter.string(document) {
                #expect(try JSONReader.values(Array(json.utf8), source: "json") == [document])
            }
        }
    }

    @Test func errorCasesAreRejected() {
        let errorCases = Self.cases.filter { Self.has($0, "error") }
        let accepted = Set(errorCases.filter { (try? Self.documents($0)) != nil }.map(\.id))
        #expect(accepted == Self.acceptedByLibyaml)
        #expect(errorCases.count - accepted.count == 78)
    }
}
