import Foundation
import Testing
import TestSupport

/// `meshdump neat` end to end: what it prints, on which stream, with which exit code.
struct NeatCommandTests {
    let empties = CLI.testdata("neat/meaningful-empties")

    @Test func keepsMeaningfulEmpties() throws {
        let r = try CLI.run(["neat", "-f", empties + "/input.yaml"])
        #expect(r.code == 0)
        #expect(r.stderr == "")
        #expect(r.stdout == (try CLI.read(empties + "/expected.yaml")))
    }

    @Test func readsStandardInputByDefault() throws {
        let r = try CLI.run(["neat"], stdin: try CLI.read(empties + "/input.yaml"))
        #expect(r.code == 0)
        #expect(r.stdout == (try CLI.read(empties + "/expected.yaml")))
    }

    @Test func jsonInGivesJSONOut() throws {
        let r = try CLI.run(["neat", "-f", CLI.testdata("kubectl-neat/list1-raw.json")])
        #expect(r.code == 0)
        #expect(r.stdout.hasPrefix("{\n    \"apiVersion\": \"v1\",\n    \"kind\": \"Pod\","))
        #expect(r.stdout.components(separatedBy: "\n}\n").count == 3)  // two objects
    }

    @Test func outputFormatFlag() throws {
        let r = try CLI.run(["neat", "-o", "json", "-f", empties + "/input.yaml"])
        #expect(r.code == 0)
        #expect(r.stdout.contains("\"rules\": [\n            {}\n        ]"))
    }

    @Test func directoriesAreReadRecursivelyInOrder() throws {
        let dir = try TestPaths.temporaryDirectory()
        try FileManager.default.createDirectory(atPath: dir + "/b/c", withIntermediateDirectories: true)
        try "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: second}\n".write(toFile: dir + "/b/c/x.yaml", atomically: true, encoding: .utf8)
        try "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: first}\n".write(toFile: dir + "/a.yml", atomically: true, encoding: .utf8)
        try "not yaml: [".write(toFile: dir + "/notes.txt", atomically: true, encoding: .utf8)
        let r = try CLI.run(["neat", "-f", dir])
        #expect(r.code == 0)
        #expect(r.stdout == "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: first\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: second\n")
    }

    @Test func badInputWritesNothingAndNamesThePlace() throws {
        let dir = try TestPaths.temporaryDirectory()
        try "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: good}\n".write(toFile: dir + "/a.yaml", atomically: true, encoding: .utf8)
        try "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: bad\n  labels: [\n".write(toFile: dir + "/b.yaml", atomically: true, encoding: .utf8)
        let r = try CLI.run(["neat", "-f", dir])
        #expect(r.code == 1)
        #expect(r.stdout == "")
        #expect(r.stderr == "meshdump: error: \(dir)/b.yaml:6:1: did not find expected node content (while parsing a flow node at line 6, column 1)\n")
    }

    @Test func notAnObjectIsAnError() throws {
        let r = try CLI.run(["neat"], stdin: "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n---\nfoo: bar\n")
        #expect(r.code == 1)
        #expect(r.stdout == "")
        #expect(r.stderr == "meshdump: error: <stdin>:5:1: not a Kubernetes object: it has no apiVersion\n")
    }

    @Test func missingFile() throws {
        let r = try CLI.run(["neat", "-f", "/nonexistent/x.yaml"])
        #expect(r.code == 1)
        #expect(r.stderr == "meshdump: error: /nonexistent/x.yaml: no such file or directory\n")
    }

    @Test func usageErrorExitsTwo() throws {
        let r = try CLI.run(["neat", "-o", "xml"])
        #expect(r.code == 2)
        #expect(r.stderr.contains("xml"))
    }
}
