import Foundation
import Testing
import TestSupport

/// `meshdump export` end to end: from dumps and from a live cluster (the fixture API server,
/// checked against the real kubectl), the tree it writes byte for byte, exit codes and errors.
struct ExportCommandTests {
    static let golden = CLI.testdata("export/expected")
    static let dump = CLI.testdata("cluster")

    /// Every file below `root` with its content.
    static func tree(_ root: String) throws -> [String: String] {
        var files: [String: String] = [:]
        for path in try TreeContents.files(in: root) { files[path] = try CLI.read(root + "/" + path) }
        return files
    }

    @Test func fromDumpsWritesTheGoldenTree() throws {
        let out = try TestPaths.temporaryDirectory() + "/data"
        let r = try CLI.run(["export", "--from", Self.dump, "-d", out])
        #expect(r.code == 0, "\(r.stderr)")
        #expect(r.stdout == "")
        #expect(r.stderr.hasSuffix("wrote 66 objects in 3 namespaces to \(out)/\n"))
        try TreeContents.expectSame(out, Self.golden)
    }

    /// The cluster the dump was taken from (`kubectl get … -A -o json` against
    /// `fixture-apiserver --generate 3x11x2`) exports to the same tree, and each file is what
    /// kubedump.sh's `kubectl get -o yaml RESOURCE NAME | neat` makes of that object.
    @Test(.enabled(if: Tools.installed("kubectl"), "kubectl is not installed"))
    func fromAClusterMatchesKubectlObjectByObject() throws {
        let dir = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let server = try FixtureServer(["--generate", "3x11x2"], in: dir)
        let r = try CLI.run(["export", "--kubeconfig", server.kubeconfig, "-d", dir + "/data"])
        #expect(r.code == 0, "\(r.stderr)")
        try TreeContents.expectSame(dir + "/data", Self.golden)
        for path in try Self.tree(dir + "/data").keys.sorted() where path.hasSuffix("/ratings.yaml") {
            let parts = path.split(separator: "/").map(String.init)
            let kubectl = try CLI.runTool("kubectl", ["--kubeconfig", server.kubeconfig, "-n", parts[0], "get", "-o", "yaml", parts[1], "ratings"])
            #expect(kubectl.code == 0, "\(kubectl.stderr)")
            let neat = try CLI.run(["neat"], stdin: kubectl.stdout)
            #expect(neat.stdout == (try CLI.read(dir + "/data/" + path)), "\(path)")
        }
    }

    @Test func reexportReplacesAndForeignFoldersAreRefused() throws {
        let dir = try TestPaths.temporaryDirectory()
        let out = dir + "/data"
        #expect(try CLI.run(["export", "--from", Self.dump, "-d", out]).code == 0)
        let narrower = try CLI.run(["export", "--from", Self.dump, "-d", out, "--kinds", "vs", "-n", "catalog-0"])
        #expect(narrower.code == 0)
        #expect(try Self.tree(out).keys.sorted() == [".meshdump", "catalog-0/virtualservices/ratings.yaml", "catalog-0/virtualservices/reviews.yaml"])

        try CLI.write("mine\n", to: dir + "/notes/README")
        let refused = try CLI.run(["export", "--from", Self.dump, "-d", dir + "/notes"])
        #expect(refused.code == 2)
        #expect(refused.stderr == "meshdump: error: \(dir)/notes is a non-empty directory that meshdump did not write; choose another folder or pass --force to replace it\n")
        #expect(try Self.tree(dir + "/notes") == ["README": "mine\n"])
        #expect(try CLI.run(["export", "--from", Self.dump, "-d", dir + "/notes", "--force"]).code == 0)
    }

    @Test func filtersByLabelAndNamespaceGlob() throws {
        let out = try TestPaths.temporaryDirectory() + "/data"
        let r = try CLI.run(["export", "--from", Self.dump, "-d", out, "-l", "app=ratings,version!=v1", "--exclude-namespace", "c*"])
        #expect(r.code == 0, "\(r.stderr)")
        let paths = try Self.tree(out).keys.filter { $0 != ".meshdump" }
        #expect(!paths.isEmpty)
        #expect(paths.allSatisfy { $0.hasSuffix("/ratings.yaml") && !$0.hasPrefix("c") })
    }

    @Test func rulesRunBetweenNeatAndWrite() throws {
        let dir = try TestPaths.temporaryDirectory()
        try CLI.write("""
            apiVersion: meshdump/v1
            kind: Rules
            namespaces:
              catalog-0: shop
            """, to: dir + "/rules.yaml")
        let r = try CLI.run(["export", "--from", Self.dump, "-d", dir + "/data", "--rules", dir + "/rules.yaml"])
        #expect(r.code == 0, "\(r.stderr)")
        let paths = try Self.tree(dir + "/data").keys
        #expect(paths.contains("shop/virtualservices/ratings.yaml"))
        #expect(!paths.contains { $0.hasPrefix("catalog-0/") })

        try CLI.write("apiVersion: meshdump/v1\nkind: Rules\nnamespaces:\n  catalg-0: shop\n", to: dir + "/typo.yaml")
        let before = try Self.tree(dir + "/data")
        let strict = try CLI.run(["export", "--from", Self.dump, "-d", dir + "/data", "--rules", dir + "/typo.yaml", "--strict"])
        #expect(strict.code == 1)
        #expect(strict.stderr.contains("catalg-0"))
        #expect(try Self.tree(dir + "/data") == before, "the old tree stays when --strict rejects the new one")
    }

    /// Issue 11: a failing patch was printed, the tree swapped in anyway and exit 0.
    @Test func aFailingPatchKeepsTheOldTreeAndExitsOne() throws {
        let dir = try TestPaths.temporaryDirectory()
        try CLI.write("""
            apiVersion: meshdump/v1
            kind: Rules
            rules:
              - name: retarget
                match: {kinds: [DestinationRule]}
                patch: [{op: replace, path: /spec/no/such/field, value: 1}]
            """, to: dir + "/rules.yaml")
        let r = try CLI.run(["export", "--from", Self.dump, "-d", dir + "/data", "--rules", dir + "/rules.yaml"])
        #expect(r.code == 1)
        #expect(r.stderr.contains("rule \"retarget\""))
        #expect(r.stderr.hasSuffix("errors were reported; \(dir)/data/ was left as it was\n"))
        #expect(!FileManager.default.fileExists(atPath: dir + "/data"))
    }

    @Test(arguments: [
        (["--kinds", "vs,nope"], "unknown kind \"nope\" in --kinds"),
        (["--exclude-namespace", "team-[a"], "invalid glob \"team-[a\""),
        (["-l", "app in (a"], "invalid label selector"),
        (["--from", "/nonexistent"], "--from /nonexistent: no such file or directory"),
        (["--context", "x"], "--from reads dumps, not a cluster"),
        (["--concurrency", "0"], "--concurrency must be at least 1"),
    ])
    func usageErrorsExitTwo(_ extra: [String], _ message: String) throws {
        let out = try TestPaths.temporaryDirectory() + "/data"
        let r = try CLI.run(["export", "--from", Self.dump, "-d", out] + extra)
        #expect(r.code == 2)
        #expect(r.stderr.contains(message), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test func noKubeconfigIsAConfigurationError() throws {
        let dir = try TestPaths.temporaryDirectory()
        let r = try CLI.run(["export", "--kubeconfig", dir + "/missing", "-d", dir + "/data"])
        #expect(r.code == 2)
        #expect(r.stderr.contains(dir + "/missing"))
    }
}
