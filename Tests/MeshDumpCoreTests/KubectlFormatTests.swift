import Foundation
import Testing
@testable import MeshDumpCore
import TestSupport

/// The writers print exactly what kubectl prints. The goldens in testdata/kubectl-format/cases
/// were made by the real kubectl (`make-goldens.sh`: `kubectl label --local -f CASE.json
/// absent-label- -o yaml|json`, which prints through the printers `kubectl get` uses).
struct KubectlFormatTests {
    static let directory = TestPaths.testdata("kubectl-format/cases")

    /// Cases where kubectl's YAML is lossy or quirky and meshdump keeps the meaning instead.
    static let meaningOverBytes: Set<String> = ["exotic-line-breaks"]

    static let cases: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasSuffix(".json") && !$0.hasSuffix(".kubectl.json") }
            .map { String($0.dropLast(5)) }.sorted()
    }()

    static func object(_ name: String) throws -> Object {
        let decoder = ObjectDecoder(InputBytes(try TestPaths.bytes(directory.appendingPathComponent(name + ".json")), source: name))
        return try #require(try decoder.next())
    }

    static func golden(_ file: String) throws -> String {
        String(decoding: try TestPaths.bytes(directory.appendingPathComponent(file)), as: UTF8.self)
    }

    @Test func casesArePresent() {
        #expect(Self.cases.count == 18)
    }

    @Test(arguments: cases.filter { !meaningOverBytes.contains($0) })
    func yamlIsByteIdentical(_ name: String) throws {
        let yaml = try YAMLWriter.string(try Self.object(name).value)
        #expect(yaml == (try Self.golden(name + ".yaml")))
    }

    @Test(arguments: cases)
    func jsonIsByteIdentical(_ name: String) throws {
        let json = try JSONWriter.string(try Self.object(name).value)
        #expect(json == (try Self.golden(name + ".kubectl.json")))
    }

    @Test(arguments: cases)
    func yamlReadsBackEqual(_ name: String) throws {
        let value = try Self.object(name).value
        let yaml = try YAMLWriter.string(value)
        #expect(try YAMLReader(bytes: Array(yaml.utf8), source: name).next()?.value == value)
    }

    /// kubectl's own YAML of the exotic case does not mean what the object means: NEL became a
    /// space, and the plain `<<` key reads back as a merge key. meshdump's does.
    @Test func kubectlYAMLOfExoticCaseLosesMeaning() throws {
        let kubectlYAML = try Self.golden("exotic-line-breaks.yaml")
        #expect(kubectlYAML.contains("  e00: nel x\n"))
        #expect(throws: ReadError.self) { try YAMLReader(bytes: Array(kubectlYAML.utf8), source: "kubectl").next() }
        let ours = try YAMLWriter.string(try Self.object("exotic-line-breaks").value)
        #expect(ours.contains("  e00: \"nel\\Nx\"\n"))
        #expect(ours.contains("  \"<<\": not a merge key\n"))
    }

    /// The committed goldens are what this machine's kubectl prints (skipped only where kubectl
    /// is not installed).
    @Test(.enabled(if: Kubectl.path != nil, "kubectl is not installed"), arguments: cases)
    func goldensMatchLiveKubectl(_ name: String) throws {
        let file = Self.directory.appendingPathComponent(name + ".json").path
        let yaml = try Kubectl.run(["label", "--local", "-f", file, "absent-label-", "-o", "yaml"])
        #expect(yaml == (try Self.golden(name + ".yaml")))
    }
}

/// The kubectl binary on this machine.
enum Kubectl {
    static let path = ChildProcess.which("kubectl")

    static func run(_ arguments: [String]) throws -> String {
        try ChildProcess.run(URL(fileURLWithPath: try #require(path)), arguments).stdout
    }
}
