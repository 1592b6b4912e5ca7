import Foundation
import Testing
import TestSupport

/// `meshdump rewrite` as users run it: exit 0 ok, 1 failure (nothing written), 2 bad usage or an
/// invalid rules file (nothing read or written).
struct RewriteCommandTests {
    static let example = "testdata/rewrite/issue-example"

    @Test func writesTheGoldenTreeAndPrintsTheReport() throws {
        let dir = try TestPaths.temporaryDirectory()
        let outcome = try CLI.runInPackage(["rewrite", "--rules", "\(Self.example)/rules.yaml", "\(Self.example)/input", "-d", dir + "/out"])
        #expect(outcome.code == 0)
        #expect(outcome.stdout == "")
        // The report as the library renders it; the command prefixes diagnostics with `meshdump: `.
        let report = try String(contentsOfFile: "\(TestPaths.root)/\(Self.example)/report.txt", encoding: .utf8)
        let expected = report.split(separator: "\n").map { $0.hasPrefix("rules:") || $0.hasPrefix("  ") ? String($0) : "meshdump: " + $0 }
        #expect(outcome.stderr == expected.joined(separator: "\n") + "\n")
        try TreeContents.expectSame(dir + "/out", "\(TestPaths.root)/\(Self.example)/expected")
    }

    @Test func dryRunPrintsTheDiffAndWritesNothing() throws {
        let dir = try TestPaths.temporaryDirectory()
        let outcome = try CLI.runInPackage(["rewrite", "--rules", "\(Self.example)/rules.yaml", "\(Self.example)/input", "--dry-run"])
        #expect(outcome.code == 0)
        #expect(outcome.stdout == (try String(contentsOfFile: "\(TestPaths.root)/\(Self.example)/dry-run.txt", encoding: .utf8)))
        #expect(outcome.stderr.contains("rules: 6 objects in, 5 out, 5 changed, 1 dropped"))
        #expect(!FileManager.default.fileExists(atPath: dir + "/out"))
    }

    @Test func anInvalidRulesFileExitsTwoBeforeAnythingIsRead() throws {
        let dir = try TestPaths.temporaryDirectory()
        try "apiVersion: meshdump/v1\nkind: Rules\nnamespace:\n  a: b\n".write(toFile: dir + "/rules.yaml", atomically: true, encoding: .utf8)
        let outcome = try CLI.runInPackage(["rewrite", "--rules", dir + "/rules.yaml", "/nonexistent", "-d", dir + "/out"])
        #expect(outcome.code == 2)
        #expect(outcome.stderr == "meshdump: error: \(dir)/rules.yaml:3:1: unknown key \"namespace\"; did you mean \"namespaces\"?\n")
        #expect(!FileManager.default.fileExists(atPath: dir + "/out"))
    }

    @Test(arguments: [
        (["rewrite", "--rules", "r.yaml", "src"], "give -d <dir>, -o yaml|json, --in-place or --dry-run"),
        (["rewrite", "src", "-d", "out"], "give at least one --rules <file>"),
        (["rewrite", "--rules", "r.yaml", "src", "-d", "out", "--in-place"], "-d, -o, --in-place and --dry-run are exclusive"),
        (["rewrite", "--rules", "r.yaml", "src", "-o", "out"], "-o is the output format (yaml or json), as in kubectl; a tree is written with -d: meshdump rewrite -d out"),
        (["rewrite", "--rules", "r.yaml", "testdata/rewrite/issue-example/rules.yaml", "--in-place"],
         "--in-place needs SRC to be a tree (a directory), not a file"),
    ])
    func usageMistakesExitTwo(_ arguments: [String], _ message: String) throws {
        let outcome = try CLI.runInPackage(arguments)
        #expect(outcome.code == 2)
        #expect(outcome.stderr.contains(message))
    }

    @Test func anUnmatchedEntryWarnsAndStrictMakesItAnError() throws {
        let dir = try TestPaths.temporaryDirectory()
        let rules = dir + "/rules.yaml"
        try "apiVersion: meshdump/v1\nkind: Rules\nnamespaces:\n  team-00: payments\n".write(toFile: rules, atomically: true, encoding: .utf8)
        let lenient = try CLI.runInPackage(["rewrite", "--rules", rules, "\(Self.example)/input", "-d", dir + "/out"])
        #expect(lenient.code == 0)
        #expect(lenient.stderr.hasPrefix("meshdump: \(rules):4:3: warning: namespaces team-00 → payments matched nothing\n"))
        #expect(FileManager.default.fileExists(atPath: dir + "/out/team-000/virtualservices/checkout.yaml"))

        let strict = try CLI.runInPackage(["rewrite", "--rules", rules, "--strict", "\(Self.example)/input", "-d", dir + "/strict"])
        #expect(strict.code == 1)
        #expect(strict.stderr.hasPrefix("meshdump: \(rules):4:3: error: namespaces team-00 → payments matched nothing\n"))
        #expect(strict.stderr.hasSuffix("meshdump: error: nothing was written: fix the errors above\n"))
        #expect(!FileManager.default.fileExists(atPath: dir + "/strict"))
    }

    @Test func aFailingPatchIsAnErrorAndNothingIsWritten() throws {
        let dir = try TestPaths.temporaryDirectory()
        let rules = dir + "/rules.yaml"
        try """
            apiVersion: meshdump/v1
            kind: Rules
            rules:
              - name: needs a load balancer
                match: {kinds: [vs]}
                patch: [{op: replace, path: /spec/trafficPolicy, value: {}}]
            """.write(toFile: rules, atomically: true, encoding: .utf8)
        let outcome = try CLI.runInPackage(["rewrite", "--rules", rules, "\(Self.example)/input", "-d", dir + "/out"])
        #expect(outcome.code == 1)
        #expect(outcome.stderr.hasPrefix("meshdump: \(Self.example)/input/team-000/virtualservices/checkout.yaml:1:1: error: VirtualService team-000/checkout: rule \"needs a load balancer\": patch operation 0: /spec/trafficPolicy does not exist; the rule was not applied\n"))
        #expect(!FileManager.default.fileExists(atPath: dir + "/out"))
    }

    @Test func inPlaceReplacesAMeshdumpTreeAtomically() throws {
        let dir = try TestPaths.temporaryDirectory()
        let tree = dir + "/tree"
        try FileManager.default.copyItem(atPath: "\(TestPaths.root)/\(Self.example)/input", toPath: tree)
        let outcome = try CLI.runInPackage(["rewrite", "--rules", "\(Self.example)/rules.yaml", tree, "--in-place"])
        #expect(outcome.code == 0)
        try TreeContents.expectSame(tree, "\(TestPaths.root)/\(Self.example)/expected")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["tree"])
    }

    @Test func inPlaceRefusesAFolderMeshdumpDidNotWrite() throws {
        let dir = try TestPaths.temporaryDirectory()
        let tree = dir + "/data"
        try FileManager.default.copyItem(atPath: "\(TestPaths.root)/\(Self.example)/input", toPath: tree)
        try FileManager.default.removeItem(atPath: tree + "/.meshdump")
        try "notes\n".write(toFile: tree + "/README", atomically: true, encoding: .utf8)
        let outcome = try CLI.runInPackage(["rewrite", "--rules", "\(Self.example)/rules.yaml", tree, "--in-place"])
        #expect(outcome.code == 2)
        #expect(outcome.stderr == "meshdump: error: \(tree) is a non-empty directory that meshdump did not write; choose another folder or pass --force to replace it\n")
        #expect(FileManager.default.fileExists(atPath: tree + "/README"))
        #expect(FileManager.default.fileExists(atPath: tree + "/team-000/virtualservices/checkout.yaml"))
    }

    @Test func readsStandardInput() throws {
        let dir = try TestPaths.temporaryDirectory()
        let input = """
            {"apiVersion": "networking.istio.io/v1", "kind": "VirtualService",
             "metadata": {"name": "a", "namespace": "team-000"}, "spec": {"hosts": ["a.team-000.svc.cluster.local"]}}
            """
        let outcome = try CLI.runInPackage(["rewrite", "--rules", "\(Self.example)/rules.yaml", "-", "-d", dir + "/out"], stdin: input)
        #expect(outcome.code == 0)
        let written = try String(contentsOfFile: dir + "/out/payments/virtualservices/a.yaml", encoding: .utf8)
        #expect(written == """
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata:
              name: a
              namespace: payments
            spec:
              hosts:
              - a.payments.svc.cluster.local

            """)
    }

    @Test func unreadableInputExitsOneAndWritesNothing() throws {
        let dir = try TestPaths.temporaryDirectory()
        try "apiVersion: v1\nkind: [\n".write(toFile: dir + "/bad.yaml", atomically: true, encoding: .utf8)
        let outcome = try CLI.runInPackage(["rewrite", "--rules", "\(Self.example)/rules.yaml", dir + "/bad.yaml", "-d", dir + "/out"])
        #expect(outcome.code == 1)
        #expect(outcome.stderr.hasPrefix("meshdump: error: \(dir)/bad.yaml:3:1: "))
        #expect(!FileManager.default.fileExists(atPath: dir + "/out"))
    }

    @Test func twoObjectsMovedOntoOneIdentityIsAnError() throws {
        let dir = try TestPaths.temporaryDirectory()
        let input = """
            apiVersion: v1
            kind: Service
            metadata: {name: api, namespace: a}
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: api, namespace: b}
            """
        try "apiVersion: meshdump/v1\nkind: Rules\nnamespaces: {a: c, b: c}\n".write(toFile: dir + "/rules.yaml", atomically: true, encoding: .utf8)
        let outcome = try CLI.runInPackage(["rewrite", "--rules", dir + "/rules.yaml", "-", "-d", dir + "/out"], stdin: input)
        #expect(outcome.code == 1)
        #expect(outcome.stderr == "meshdump: error: <stdin>:5:1: Service c/api would be written to c/services/api.yaml, which Service c/api (<stdin>:1:1) already took\n")
        #expect(!FileManager.default.fileExists(atPath: dir + "/out"))
    }
}
