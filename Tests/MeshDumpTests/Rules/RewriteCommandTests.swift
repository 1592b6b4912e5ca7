import Foundation
import Testing

/// `meshdump rewrite` as users run it: exit 0 ok, 1 failure (nothing written), 2 bad usage or an
/// invalid rules file (nothing read or written).
struct RewriteCommandTests {
    static let example = "testdata/rewrite/issue-example"

    @Test func writesTheGoldenTreeAndPrintsTheReport() throws {
        let dir = try TemporaryDirectory()
        let outcome = try MeshdumpBinary.run(["rewrite", "--rules", "\(Self.example)/rules.yaml", "\(Self.example)/input", "-o", dir.path + "/out"])
        #expect(outcome.status == 0)
        #expect(outcome.stdout == "")
        // The report as the library renders it; the command prefixes diagnostics with `meshdump: `.
        let report = try String(contentsOfFile: "\(RewriteGoldenTests.packageRoot)/\(Self.example)/report.txt", encoding: .utf8)
        let expected = report.split(separator: "\n").map { $0.hasPrefix("rules:") || $0.hasPrefix("  ") ? String($0) : "meshdump: " + $0 }
        #expect(outcome.stderr == expected.joined(separator: "\n") + "\n")
        try RewriteGoldenTests.expectSameTree(dir.path + "/out", "\(RewriteGoldenTests.packageRoot)/\(Self.example)/expected")
    }

    @Test func dryRunPrintsTheDiffAndWritesNothing() throws {
        let dir = try TemporaryDirectory()
        let outcome = try MeshdumpBinary.run(["rewrite", "--rules", "\(Self.example)/rules.yaml", "\(Self.example)/input", "--dry-run", "-o", dir.path + "/out"])
        #expect(outcome.status == 0)
        #expect(outcome.stdout == (try String(contentsOfFile: "\(RewriteGoldenTests.packageRoot)/\(Self.example)/dry-run.txt", encoding: .utf8)))
        #expect(outcome.stderr.contains("rules: 6 objects in, 5 out, 5 changed, 1 dropped"))
        #expect(!FileManager.default.fileExists(atPath: dir.path + "/out"))
    }

    @Test func anInvalidRulesFileExitsTwoBeforeAnythingIsRead() throws {
        let dir = try TemporaryDirectory()
        try "apiVersion: meshdump/v1\nkind: Rules\nnamespace:\n  a: b\n".write(toFile: dir.path + "/rules.yaml", atomically: true, encoding: .utf8)
        let outcome = try MeshdumpBinary.run(["rewrite", "--rules", dir.path + "/rules.yaml", "/nonexistent", "-o", dir.path + "/out"])
        #expect(outcome.status == 2)
        #expect(outcome.stderr == "meshdump: error: \(dir.path)/rules.yaml:3:1: unknown key \"namespace\"; did you mean \"namespaces\"?\n")
        #expect(!FileManager.default.fileExists(atPath: dir.path + "/out"))
    }

    @Test(arguments: [
        (["rewrite", "--rules", "r.yaml", "src"], "give -o DST, --in-place or --dry-run"),
        (["rewrite", "src", "-o", "out"], "give at least one --rules FILE"),
        (["rewrite", "--rules", "r.yaml", "src", "-o", "out", "--in-place"], "--in-place and -o are exclusive"),
        (["rewrite", "--rules", "r.yaml", "testdata/rewrite/issue-example/rules.yaml", "--in-place"],
         "--in-place needs SRC to be a tree (a directory), not a file"),
    ])
    func usageMistakesExitTwo(_ arguments: [String], _ message: String) throws {
        let outcome = try MeshdumpBinary.run(arguments)
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains(message))
    }

    @Test func anUnmatchedEntryWarnsAndStrictMakesItAnError() throws {
        let dir = try TemporaryDirectory()
        let rules = dir.path + "/rules.yaml"
        try "apiVersion: meshdump/v1\nkind: Rules\nnamespaces:\n  team-00: payments\n".write(toFile: rules, atomically: true, encoding: .utf8)
        let lenient = try MeshdumpBinary.run(["rewrite", "--rules", rules, "\(Self.example)/input", "-o", dir.path + "/out"])
        #expect(lenient.status == 0)
        #expect(lenient.stderr.hasPrefix("meshdump: \(rules):4:3: warning: namespaces team-00 → payments matched nothing\n"))
        #expect(FileManager.default.fileExists(atPath: dir.path + "/out/team-000/virtualservices/checkout.yaml"))

        let strict = try MeshdumpBinary.run(["rewrite", "--rules", rules, "--strict", "\(Self.example)/input", "-o", dir.path + "/strict"])
        #expect(strict.status == 1)
        #expect(strict.stderr.hasPrefix("meshdump: \(rules):4:3: error: namespaces team-00 → payments matched nothing\n"))
        #expect(strict.stderr.hasSuffix("meshdump: error: nothing was written: fix the errors above\n"))
        #expect(!FileManager.default.fileExists(atPath: dir.path + "/strict"))
    }

    @Test func aFailingPatchIsAnErrorAndNothingIsWritten() throws {
        let dir = try TemporaryDirectory()
        let rules = dir.path + "/rules.yaml"
        try """
            apiVersion: meshdump/v1
            kind: Rules
            rules:
              - name: needs a load balancer
                match: {kinds: [vs]}
                patch: [{op: replace, path: /spec/trafficPolicy, value: {}}]
            """.write(toFile: rules, atomically: true, encoding: .utf8)
        let outcome = try MeshdumpBinary.run(["rewrite", "--rules", rules, "\(Self.example)/input", "-o", dir.path + "/out"])
        #expect(outcome.status == 1)
        #expect(outcome.stderr.hasPrefix("meshdump: \(Self.example)/input/team-000/virtualservices/checkout.yaml:1:1: error: VirtualService team-000/checkout: rule \"needs a load balancer\": patch operation 0: /spec/trafficPolicy does not exist; the rule was not applied\n"))
        #expect(!FileManager.default.fileExists(atPath: dir.path + "/out"))
    }

    @Test func inPlaceReplacesAMeshdumpTreeAtomically() throws {
        let dir = try TemporaryDirectory()
        let tree = dir.path + "/tree"
        try FileManager.default.copyItem(atPath: "\(RewriteGoldenTests.packageRoot)/\(Self.example)/input", toPath: tree)
        let outcome = try MeshdumpBinary.run(["rewrite", "--rules", "\(Self.example)/rules.yaml", tree, "--in-place"])
        #expect(outcome.status == 0)
        try RewriteGoldenTests.expectSameTree(tree, "\(RewriteGoldenTests.packageRoot)/\(Self.example)/expected")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["tree"])
    }

    @Test func inPlaceRefusesAFolderMeshdumpDidNotWrite() throws {
        let dir = try TemporaryDirectory()
        let tree = dir.path + "/data"
        try FileManager.default.copyItem(atPath: "\(RewriteGoldenTests.packageRoot)/\(Self.example)/input", toPath: tree)
        try FileManager.default.removeItem(atPath: tree + "/.meshdump")
        try "notes\n".write(toFile: tree + "/README", atomically: true, encoding: .utf8)
        let outcome = try MeshdumpBinary.run(["rewrite", "--rules", "\(Self.example)/rules.yaml", tree, "--in-place"])
        #expect(outcome.status == 1)
        #expect(outcome.stderr == "meshdump: error: \(tree) is a non-empty directory that meshdump did not write; choose another folder or pass --force to replace it\n")
        #expect(FileManager.default.fileExists(atPath: tree + "/README"))
        #expect(FileManager.default.fileExists(atPath: tree + "/team-000/virtualservices/checkout.yaml"))
    }

    @Test func readsStandardInput() throws {
        let dir = try TemporaryDirectory()
        let input = """
            {"apiVersion": "networking.istio.io/v1", "kind": "VirtualService",
             "metadata": {"name": "a", "namespace": "team-000"}, "spec": {"hosts": ["a.team-000.svc.cluster.local"]}}
            """
        let outcome = try MeshdumpBinary.run(["rewrite", "--rules", "\(Self.example)/rules.yaml", "-", "-o", dir.path + "/out"], stdin: input)
        #expect(outcome.status == 0)
        let written = try String(contentsOfFile: dir.path + "/out/payments/virtualservices/a.yaml", encoding: .utf8)
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
        let dir = try TemporaryDirectory()
        try "apiVersion: v1\nkind: [\n".write(toFile: dir.path + "/bad.yaml", atomically: true, encoding: .utf8)
        let outcome = try MeshdumpBinary.run(["rewrite", "--rules", "\(Self.example)/rules.yaml", dir.path + "/bad.yaml", "-o", dir.path + "/out"])
        #expect(outcome.status == 1)
        #expect(outcome.stderr.hasPrefix("meshdump: error: \(dir.path)/bad.yaml:3:1: "))
        #expect(!FileManager.default.fileExists(atPath: dir.path + "/out"))
    }

    @Test func twoObjectsMovedOntoOneIdentityIsAnError() throws {
        let dir = try TemporaryDirectory()
        let input = """
            apiVersion: v1
            kind: Service
            metadata: {name: api, namespace: a}
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: api, namespace: b}
            """
        try "apiVersion: meshdump/v1\nkind: Rules\nnamespaces: {a: c, b: c}\n".write(toFile: dir.path + "/rules.yaml", atomically: true, encoding: .utf8)
        let outcome = try MeshdumpBinary.run(["rewrite", "--rules", dir.path + "/rules.yaml", "-", "-o", dir.path + "/out"], stdin: input)
        #expect(outcome.status == 1)
        #expect(outcome.stderr == "meshdump: error: <stdin>:5:1: Service c/api would be written to c/services/api.yaml, which Service c/api (<stdin>:1:1) already took\n")
        #expect(!FileManager.default.fileExists(atPath: dir.path + "/out"))
    }
}
