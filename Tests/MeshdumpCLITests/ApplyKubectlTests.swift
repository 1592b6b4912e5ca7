import Foundation
import Testing
import TestSupport

/// `meshdump apply` beside the real `kubectl apply --server-side` on one fixture API server:
/// what kubectl applied, meshdump finds equal to the tree and takes over field by field without
/// a conflict; and each tool refuses the other's ApplySet, kubectl's id label being the one
/// meshdump computes for the same parent (KEP-3659).
@Suite(.serialized, .enabled(if: Tools.installed("kubectl"), "kubectl is not installed"))
struct ApplyKubectlTests {
    /// apply's empty server and the test dump's tree (66 objects in catalog-0, checkout-0,
    /// payments-0), with those namespaces created by kubectl.
    func setup() throws -> ApplyCommandTests.Setup {
        let setup = try ApplyCommandTests.Setup()
        for namespace in ["catalog-0", "checkout-0", "payments-0"] {
            let created = try setup.kubectl(["create", "namespace", namespace])
            #expect(created.code == 0, "\(created.stderr)")
        }
        return setup
    }

    @Test func whatKubectlAppliedMeshdumpFindsEqualAndTakesOverWithoutConflict() throws {
        let setup = try setup()
        let kubectl = try setup.kubectl(["apply", "--server-side", "-R", "-f", setup.tree])
        #expect(kubectl.code == 0, "\(kubectl.stderr)")
        #expect(kubectl.stdout.split(separator: "\n").count == 66)
        let diff = try setup.meshdump(["diff", setup.tree, "cluster:"])
        #expect(diff.code == 0 && diff.stdout == "0 changed, 0 added, 0 removed, 66 unchanged\n", "\(diff.stdout)\(diff.stderr)")

        // Same values under another manager: shared ownership, no conflict.
        let first = try setup.meshdump(["apply", setup.tree])
        #expect(first.code == 0, "\(first.stderr)")
        #expect(first.stdout.hasSuffix("\n0 created, 66 configured, 0 unchanged, 0 pruned, 0 failed\n"))
        let second = try setup.meshdump(["apply", setup.tree])
        #expect(second.stdout == "0 created, 0 configured, 66 unchanged, 0 pruned, 0 failed\n")
        let managers = try setup.kubectl(["get", "virtualservices", "-A", "--show-managed-fields", "-o",
                                          "jsonpath={range .items[*]}{.metadata.managedFields[*].manager}{\"\\n\"}{end}"])
        let lines = managers.stdout.split(separator: "\n")
        #expect(!lines.isEmpty && lines.allSatisfy { $0 == "kubectl meshdump" }, "\(managers.stdout)")
    }

    @Test func eachToolRefusesTheOthersApplySet() throws {
        let setup = try setup()
        let theirs = try setup.kubectl(["apply", "--server-side", "--prune", "--applyset=mesh", "-n", "checkout-0", "-R", "-f", setup.tree + "/checkout-0"],
                                       applySets: true)
        #expect(theirs.code == 0, "\(theirs.stderr)")
        let label = try setup.kubectl(["get", "secret", "mesh", "-n", "checkout-0", "-o", "jsonpath={.metadata.labels.applyset\\.kubernetes\\.io/id}"])

        let refused = try setup.meshdump(["apply", setup.tree + "/checkout-0", "--prune", "--applyset", "mesh", "--applyset-namespace", "checkout-0", "-o", "json"])
        #expect(refused.code == 1)
        #expect(refused.stderr.contains("meshdump: error: ApplySet parent Secret checkout-0/mesh already exists and is managed by tooling \"kubectl\" instead of \"meshdump\"\n"))
        let report = try #require(try JSONSerialization.jsonObject(with: Data(refused.stdout.utf8)) as? [String: Any])
        #expect(report["result"] as? String == "refused")
        #expect((report["applySet"] as? [String: Any])?["id"] as? String == label.stdout, "kubectl and meshdump compute one id")

        let ours = try setup.meshdump(["apply", setup.tree + "/payments-0", "--prune", "--applyset", "mesh", "--applyset-namespace", "payments-0"])
        #expect(ours.code == 0, "\(ours.stderr)")
        let kubectl = try setup.kubectl(["apply", "--server-side", "--prune", "--applyset=mesh", "-n", "payments-0", "-R", "-f", setup.tree + "/payments-0"],
                                        applySets: true)
        #expect(kubectl.code != 0)
        #expect(kubectl.stderr.contains("is managed by tooling \"meshdump\" instead of \"kubectl\""), "\(kubectl.stderr)")
    }
}

extension ApplyCommandTests.Setup {
    /// kubectl with HOME and its cache in the test's folder; `applySets` turns on its
    /// ApplySet support (alpha: `KUBECTL_APPLYSET=true`).
    func kubectl(_ arguments: [String], applySets: Bool = false) throws -> CLI.Result {
        var environment = ["HOME": dir, "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"]
        if applySets { environment["KUBECTL_APPLYSET"] = "true" }
        return try ChildProcess.runTool("kubectl", ["--kubeconfig", server.kubeconfig, "--cache-dir", dir + "/cache"] + arguments,
                                        cwd: dir, environment: environment)
    }
}
