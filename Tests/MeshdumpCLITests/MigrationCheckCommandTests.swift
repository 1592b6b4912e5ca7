import Foundation
import Testing
import TestSupport

/// `meshdump rewrite` then `meshdump check`, as a migration runs them, on
/// `testdata/check/migration` against the new mesh (root namespace istio-config, trust domain
/// mesh.example.com, revision 1-22-0, Istio's CRDs).
struct MigrationCheckCommandTests {
    static let directory = "testdata/check/migration"
    static let target = ["--root-namespace", "istio-config", "--trust-domain", "mesh.example.com", "--revision", "1-22-0",
                         "--crds", "testdata/check/crds/crd-all.gen.yaml"]

    /// The tree `rules.yaml` moves, in a temporary folder.
    static func moved() throws -> String {
        let out = try TestPaths.temporaryDirectory() + "/moved"
        let outcome = try CLI.runInPackage(["rewrite", "--rules", "\(directory)/rules.yaml", "\(directory)/input", "-d", out])
        #expect(outcome.code == 0, "\(outcome.stderr)")
        return out
    }

    /// The exported tree: every hazard of the move, each at its field (text golden).
    @Test func theExportedTreeIsNotReadyForTheNewMesh() throws {
        let outcome = try CLI.runInPackage(["check"] + Self.target + ["\(Self.directory)/input"])
        #expect(outcome.code == 1)
        #expect(outcome.stderr == "")
        #expect(outcome.stdout == (try CLI.read(CLI.testdata("check/migration/before.text"))))
    }

    /// Moved by a correct rules file, the consistent mesh reports nothing, every analyzer running.
    @Test func theMovedTreeReportsNothing() throws {
        let outcome = try CLI.runInPackage(["check"] + Self.target + [try Self.moved()])
        #expect(outcome.code == 0)
        #expect(outcome.stdout == "0 errors, 0 warnings, 0 info in 39 objects (26 analyzers, 0 skipped)\n")
    }

    /// The whole chain on a live mesh: the consistent mesh served by the fixture API server,
    /// exported with what the analyzers need around it, moved by the correct rules file, and
    /// checked: nothing to report, every analyzer running.
    @Test func aConsistentMeshExportedAndMovedReportsNothing() throws {
        let dir = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let server = try FixtureServer(["--fixtures", CLI.testdata("check/migration/input")], in: dir)
        let export = try CLI.runInPackage(["export", "--kubeconfig", server.kubeconfig, "--with-namespaces", "-d", dir + "/data",
                                           "--kinds", "all-istio,pods,services,serviceaccounts,secrets,deployments"])
        #expect(export.code == 0, "\(export.stderr)")
        #expect(export.stderr.hasSuffix("wrote 39 objects in 3 namespaces to \(dir)/data/\n"), "\(export.stderr)")
        let rewrite = try CLI.runInPackage(["rewrite", "--rules", "\(Self.directory)/rules.yaml", dir + "/data", "-d", dir + "/moved"])
        #expect(rewrite.code == 0, "\(rewrite.stderr)")
        let outcome = try CLI.runInPackage(["check"] + Self.target + [dir + "/moved"])
        #expect(outcome.stdout == "0 errors, 0 warnings, 0 info in 39 objects (26 analyzers, 0 skipped)\n")
        #expect(outcome.code == 0)
    }

    /// `-o secrets` for a script: the Secrets an Istio-only export leaves behind.
    @Test func secretsToCopy() throws {
        let moved = try Self.moved()
        for namespace in ["istio-system", "payments"] {
            try FileManager.default.removeItem(atPath: "\(moved)/\(namespace)/secrets")
        }
        let outcome = try CLI.runInPackage(["check", "-o", "secrets"] + Self.target + [moved])
        #expect(outcome.code == 0)
        #expect(outcome.stdout == (try CLI.read(CLI.testdata("check/migration/secrets.txt"))))
    }

    @Test func crdsMustHoldCRDs() throws {
        let services = "\(Self.directory)/input/team-000/services"
        let outcome = try CLI.runInPackage(["check", "--crds", services, "\(Self.directory)/input"])
        #expect(outcome.code == 2)
        #expect(outcome.stdout == "")
        #expect(outcome.stderr == "meshdump: error: --crds \(services): no CustomResourceDefinition in it\n")
    }
}
