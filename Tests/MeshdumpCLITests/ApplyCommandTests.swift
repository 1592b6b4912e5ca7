import Foundation
import Testing
import TestSupport

/// `meshdump apply` as people run it: a tree into an empty fixture API server and kept in step
/// with `--prune`, a sync from another cluster run twice, `--dry-run`, `-o json`, and the usage
/// mistakes it refuses before sending anything.
struct ApplyCommandTests {
    static let dump = CLI.testdata("cluster/istio-dump.json")

    /// A server with nothing in it, and a tree exported from the test dump (66 objects in 3 namespaces).
    struct Setup {
        let dir: String
        let server: FixtureServer
        let tree: String

        init() throws {
            dir = try TestPaths.temporaryDirectory()
            server = try FixtureServer(["--generate", "0x0x0"], in: dir)
            tree = dir + "/tree"
            let export = try CLI.run(["export", "--from", ApplyCommandTests.dump, "-d", tree])
            #expect(export.code == 0, "\(export.stderr)")
        }

        func meshdump(_ arguments: [String]) throws -> CLI.Result {
            try CLI.run(arguments + ["--kubeconfig", server.kubeconfig])
        }

        /// The files of the tree, sorted.
        func files() throws -> [String] {
            try TreeContents.files(in: tree).filter { $0.hasSuffix(".yaml") }
        }
    }

    @Test func aTreeIntoAnEmptyClusterThenKeptInStepWithPrune() throws {
        let setup = try Setup()
        let first = try setup.meshdump(["apply", setup.tree, "--prune", "--applyset", "mesh", "--create-namespaces"])
        #expect(first.code == 0, "\(first.stderr)")
        #expect(first.stdout.hasSuffix("\n66 created, 0 configured, 0 unchanged, 0 pruned, 0 failed\n"))
        #expect(first.stderr == "")
        let equal = try setup.meshdump(["diff", setup.tree, "cluster:"])
        #expect(equal.stdout == "0 changed, 0 added, 0 removed, 66 unchanged\n")
        #expect(equal.code == 0)
        // The parent names this meshdump as its tooling, with the version `meshdump version` prints.
        let parent = try setup.meshdump(["export", "--kinds", "secrets", "-n", "istio-system", "-o", "yaml"])
        #expect(parent.stdout.contains("    applyset.kubernetes.io/tooling: meshdump/v0.1.0\n"), "\(parent.stdout)")
        #expect(try CLI.run(["version"]).stdout.hasPrefix("meshdump 0.1.0 "))

        // Change three objects, delete two, add one.
        let files = try setup.files()
        for file in files.prefix(3) {
            let path = setup.tree + "/" + file
            try CLI.write(try CLI.read(path).replacingOccurrences(of: "spec:\n", with: "spec:\n  exportTo:\n  - .\n"), to: path)
        }
        for file in files.suffix(2) { try FileManager.default.removeItem(atPath: setup.tree + "/" + file) }
        try CLI.write("apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: added\n  namespace: \(files[0].split(separator: "/")[0])\nspec:\n  hosts:\n  - added\n",
                      to: setup.tree + "/added.yaml")

        let second = try setup.meshdump(["apply", setup.tree, "--prune", "--applyset", "mesh"])
        #expect(second.code == 0, "\(second.stderr)")
        #expect(second.stdout.hasSuffix("\n1 created, 3 configured, 61 unchanged, 2 pruned, 0 failed\n"))
        #expect(second.stdout.components(separatedBy: "\n").filter { $0.hasPrefix("pruned ") }.count == 2)
        let after = try setup.meshdump(["diff", setup.tree, "cluster:"])
        #expect(after.stdout == "0 changed, 0 added, 0 removed, 65 unchanged\n")
        #expect(after.code == 0, "the cluster equals the tree")
    }

    @Test func dryRunPrintsThePlanAndChangesNothing() throws {
        let setup = try Setup()
        #expect(try setup.meshdump(["apply", setup.tree, "--prune", "--applyset", "mesh", "--create-namespaces"]).code == 0)
        let files = try setup.files()
        try FileManager.default.removeItem(atPath: setup.tree + "/" + files[0])
        let path = setup.tree + "/" + files[1]
        try CLI.write(try CLI.read(path).replacingOccurrences(of: "spec:\n", with: "spec:\n  exportTo:\n  - .\n"), to: path)

        let plan = try setup.meshdump(["apply", setup.tree, "--prune", "--applyset", "mesh", "--dry-run"])
        #expect(plan.code == 0, "\(plan.stderr)")
        let lines = plan.stdout.components(separatedBy: "\n")
        #expect(lines.filter { $0.hasPrefix("- ") }.count == 1)
        #expect(lines.filter { $0.hasPrefix("~ ") }.count == 1)
        #expect(plan.stdout.contains("\n  + spec.exportTo:\n      - .\n"))
        #expect(plan.stdout.hasSuffix("\n1 changed, 0 added, 1 removed, 64 unchanged\n"))
        let diff = try setup.meshdump(["diff", "cluster:", setup.tree, "-o", "stat"])
        #expect(diff.code == 1, "nothing was applied")
        #expect(diff.stdout.hasSuffix("1 changed, 0 added, 1 removed, 64 unchanged\n"))
    }

    /// Objects the server's admission refuses: every refusal said with its file, exit 1, and no
    /// object in the cluster (the namespaces --create-namespaces made before the dry run aside).
    @Test func aRejectionAtTheDryRunIsExitOneWithNothingApplied() throws {
        let dir = try TestPaths.temporaryDirectory()
        let server = try FixtureServer(["--generate", "0x0x0", "--fault", "reject=400,resource=virtualservices,name=reviews,method=PATCH"], in: dir)
        let tree = dir + "/tree"
        #expect(try CLI.run(["export", "--from", Self.dump, "-d", tree]).code == 0)
        let refused = try CLI.run(["apply", tree, "--prune", "--applyset", "mesh", "--create-namespaces", "--kubeconfig", server.kubeconfig])
        #expect(refused.code == 1)
        #expect(refused.stdout == "")
        let rejections = refused.stderr.split(separator: "\n").filter { $0.contains(": rejected by the dry run: ") }
        #expect(rejections.count == 3, "\(refused.stderr)")
        #expect(rejections.contains("meshdump: \(tree)/catalog-0/virtualservices/reviews.yaml:1:1: error: VirtualService catalog-0/reviews: rejected by the dry run: admission webhook \"fixture-apiserver\" denied the request: rejected by --fault"))
        #expect(refused.stderr.hasSuffix("meshdump: error: 3 objects rejected by the dry run\nmeshdump: error: nothing was applied to fixture but the namespaces --create-namespaces created (catalog-0, checkout-0, istio-system, payments-0)\n"),
                "\(refused.stderr)")
        let diff = try CLI.run(["diff", tree, "cluster:", "--kubeconfig", server.kubeconfig, "-o", "stat"])
        #expect(diff.stdout.hasSuffix("0 changed, 0 added, 66 removed, 0 unchanged\n"), "not one object, not the ApplySet parent")
        let json = try CLI.run(["apply", tree, "--prune", "--applyset", "mesh", "--kubeconfig", server.kubeconfig, "-o", "json"])
        #expect(json.code == 1)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(report["result"] as? String == "refused")
        #expect((report["objects"] as? [[String: Any]])?.count == 3)
    }

    /// The issue's sync: `apply cluster:old --rules r.yaml --context new --prune`, twice.
    @Test func aSyncFromTheOldClusterTwiceFindsEverythingUnchangedTheSecondTime() throws {
        let dir = try TestPaths.temporaryDirectory()
        for side in ["old", "new"] { try FileManager.default.createDirectory(atPath: dir + "/" + side, withIntermediateDirectories: true) }
        let old = try FixtureServer(["--generate", "2x11x2"], in: dir + "/old")
        let new = try FixtureServer(["--generate", "0x0x0"], in: dir + "/new")
        let kubeconfig = dir + "/kubeconfig"
        try CLI.write(try Self.kubeconfig(["old": try Self.server(old), "new": try Self.server(new)]), to: kubeconfig)
        try CLI.write("apiVersion: meshdump/v1\nkind: Rules\nnamespaces: {payments-0: payments}\n", to: dir + "/r.yaml")
        let sync = ["apply", "cluster:old", "--rules", dir + "/r.yaml", "--context", "new", "--prune", "--applyset", "mesh",
                    "--create-namespaces", "--kubeconfig", kubeconfig, "-o", "json"]

        let first = try CLI.run(sync)
        #expect(first.code == 0, "\(first.stderr)")
        #expect(first.stdout.contains("\"created\": 44,"))
        let second = try CLI.run(sync)
        #expect(second.code == 0, "\(second.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(second.stdout.utf8)) as? [String: Any])
        #expect(report["result"] as? String == "applied")
        #expect(report["counts"] as? [String: Int] == ["created": 0, "configured": 0, "unchanged": 44, "pruned": 0, "failed": 0])
        let objects = try #require(report["objects"] as? [[String: Any]])
        #expect(objects.count == 44 && objects.allSatisfy { $0["outcome"] as? String == "unchanged" })
        #expect(objects.contains { $0["namespace"] as? String == "payments" }, "the rules ran")

        let itself = try CLI.run(["apply", "cluster:new", "--context", "new", "--kubeconfig", kubeconfig])
        #expect(itself.code == 2)
        #expect(itself.stderr.contains("is the target"))
        _ = (old, new)
    }

    @Test func jsonReportsEveryObject() throws {
        let dir = try TestPaths.temporaryDirectory()
        let server = try FixtureServer(["--generate", "0x0x0"], in: dir)
        try CLI.write("""
            apiVersion: networking.istio.io/v1
            kind: Gateway
            metadata: {name: ingress, namespace: istio-system}
            spec: {selector: {istio: ingressgateway}}
            ---
            apiVersion: v1
            kind: Namespace
            metadata: {name: istio-system}

            """, to: dir + "/mesh.yaml")
        let r = try CLI.run(["apply", dir + "/mesh.yaml", "--kubeconfig", server.kubeconfig, "--create-namespaces", "-o", "json"])
        #expect(r.code == 0, "\(r.stderr)")
        #expect(r.stdout == """
            {
                "apiVersion": "meshdump/v1",
                "applySet": null,
                "counts": {
                    "configured": 0,
                    "created": 2,
                    "failed": 0,
                    "pruned": 0,
                    "unchanged": 0
                },
                "createdNamespaces": [
                    "istio-system"
                ],
                "dryRun": false,
                "kind": "ApplyReport",
                "objects": [
                    {
                        "apiVersion": "v1",
                        "kind": "Namespace",
                        "name": "istio-system",
                        "outcome": "created",
                        "source": "\(dir)/mesh.yaml:6:1"
                    },
                    {
                        "apiVersion": "networking.istio.io/v1",
                        "kind": "Gateway",
                        "name": "ingress",
                        "namespace": "istio-system",
                        "outcome": "created",
                        "source": "\(dir)/mesh.yaml:1:1"
                    }
                ],
                "result": "applied",
                "source": "\(dir)/mesh.yaml",
                "target": "fixture"
            }

            """)
    }

    @Test(arguments: [
        (["--prune"], "--prune needs --applyset <name>: the set whose members may be deleted"),
        (["--applyset", "mesh"], "--applyset names the set to prune: give --prune too"),
        (["--prune", "--applyset", "mesh", "-n", "team-a"], "--prune needs the whole set: with --kinds, -n, --exclude-namespace or -l the objects left out would be pruned"),
        (["--concurrency", "0"], "--concurrency must be at least 1"),
    ])
    func usageMistakesExitTwo(_ arguments: [String], _ message: String) throws {
        let r = try CLI.run(["apply", Self.dump] + arguments)
        #expect(r.code == 2)
        #expect(r.stderr == "meshdump: error: \(message)\nSee 'meshdump apply --help' for usage.\n")
    }

    /// A malformed file is exit 2 before any request: the target here does not even listen.
    @Test func anUnreadableSourceIsExitTwoBeforeAnyRequest() throws {
        let dir = try TestPaths.temporaryDirectory()
        try CLI.write(try Self.kubeconfig(["nowhere": "http://127.0.0.1:9"]), to: dir + "/kubeconfig")
        try CLI.write("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x\n", to: dir + "/bad.yaml")
        let r = try CLI.run(["apply", dir + "/bad.yaml", "--kubeconfig", dir + "/kubeconfig"])
        #expect(r.code == 2)
        #expect(r.stderr.hasPrefix("meshdump: error: \(dir)/bad.yaml:"))
    }

    /// The server URL a fixture server's kubeconfig names.
    static func server(_ fixture: FixtureServer) throws -> String {
        let text = try CLI.read(fixture.kubeconfig)
        let line = try #require(text.split(separator: "\n").first { $0.contains("server:") })
        return String(line.split(separator: " ").last!)
    }

    /// A kubeconfig with one context per server, named as given; the first is current.
    static func kubeconfig(_ servers: KeyValuePairs<String, String>) throws -> String {
        var text = "apiVersion: v1\nkind: Config\ncurrent-context: \(servers.first!.key)\nclusters:\n"
        for (name, url) in servers { text += "- name: \(name)\n  cluster: {server: \"\(url)\"}\n" }
        text += "users:\n- name: u\n  user: {}\ncontexts:\n"
        for (name, _) in servers { text += "- name: \(name)\n  context: {cluster: \(name), user: u}\n" }
        return text
    }
}
