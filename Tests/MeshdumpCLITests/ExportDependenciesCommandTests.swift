import Foundation
import Testing
import TestSupport

/// Issue 12: `meshdump export --with-namespaces --with-secrets` from a dump and from the fixture
/// server it was taken from (`--generate 2x11x1 --with-dependencies`), the golden tree both
/// make, file modes, the summary, and kubectl accepting the tree.
struct ExportDependenciesCommandTests {
    static let folder = CLI.testdata("export/dependencies")
    static let golden = folder + "/expected"
    static let exportArguments = ["--kinds", "gw,dr,gateway-api", "--with-namespaces", "--with-secrets", "--rules", folder + "/rules.yaml"]

    /// The Secret files (mode 0600) and the others (0644) of a tree.
    static func modes(_ root: String) throws -> [String: Int] {
        var modes: [String: Int] = [:]
        for file in try TreeContents.files(in: root) {
            modes[file] = (try FileManager.default.attributesOfItem(atPath: root + "/" + file)[.posixPermissions] as? Int) ?? -1
        }
        return modes
    }

    static func expectGolden(_ tree: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        try TreeContents.expectSame(tree, golden, sourceLocation: sourceLocation)
        for (file, mode) in try modes(tree) {
            #expect(mode == (file.contains("/secrets/") ? 0o600 : 0o644), "\(file): \(String(mode, radix: 8))", sourceLocation: sourceLocation)
        }
    }

    @Test func fromTheDumpWritesTheGoldenTreeAndSaysWhatWasPulledIn() throws {
        let out = try TestPaths.temporaryDirectory() + "/data"
        let r = try CLI.run(["export", "--from", Self.folder + "/dump.yaml", "-d", out] + Self.exportArguments)
        #expect(r.code == 0, "\(r.stderr)")
        #expect(r.stdout == "")
        try Self.expectGolden(out)
        #expect(r.stderr.contains("""
              pulled in: 3 Namespaces, for the objects in them: checkout-0, istio-ingress, payments-0
              pulled in: Secret istio-ingress/reviews-tls, for Gateway checkout-0/reviews and Gateway payments-0/reviews
              pulled in: Secret istio-ingress/shop-tls, for Gateway istio-ingress/public-gw and Gateway.gateway.networking.k8s.io istio-ingress/api-gateway
              pulled in: Secret istio-ingress/shop-tls-cacert, for Gateway istio-ingress/public-gw (the CA certificate Istio reads beside shop-tls)
              pulled in: Secret payments-0/external-api-client, for DestinationRule payments-0/external-api
            wrote 17 objects in 3 namespaces to \(out)/

            """), "\(r.stderr)")
        #expect(r.stderr.contains(": warning: Gateway istio-ingress/public-gw names Secret istio-ingress/retired-tls, which dumps does not have\n"))
        #expect(!r.stderr.contains("Zml4dHVyZSBzZWNyZXQ"), "no Secret value in the summary")
    }

    /// The live server gives the same tree.
    @Test func fromTheClusterTheSameTree() throws {
        let dir = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let server = try FixtureServer(["--generate", "2x11x1", "--with-dependencies"], in: dir)
        let r = try CLI.run(["export", "--kubeconfig", server.kubeconfig, "-d", dir + "/data"] + Self.exportArguments)
        #expect(r.code == 0, "\(r.stderr)")
        try Self.expectGolden(dir + "/data")
        #expect(r.stderr.contains(": warning: Gateway istio-ingress/public-gw names Secret istio-ingress/retired-tls, which fixture does not have\n"))
    }

    /// `meshdump export --with-namespaces --with-secrets --rules …` then `kubectl apply
    /// --dry-run=client -R -f` against the server: kubectl takes every file as it is.
    @Test(.enabled(if: ChildProcess.which("kubectl") != nil, "kubectl is not installed"))
    func kubectlAcceptsTheTree() throws {
        let dir = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let server = try FixtureServer(["--generate", "2x11x1", "--with-dependencies"], in: dir)
        let r = try CLI.run(["export", "--kubeconfig", server.kubeconfig, "-d", dir + "/data"] + Self.exportArguments)
        #expect(r.code == 0, "\(r.stderr)")
        let apply = try CLI.runTool("kubectl", ["--kubeconfig", server.kubeconfig, "apply", "--dry-run=client", "-R", "-f", dir + "/data"])
        #expect(apply.code == 0, "\(apply.stderr)")
        #expect(apply.stderr == "")
        let lines = apply.stdout.split(separator: "\n")
        #expect(lines.count == 17)
        #expect(lines.allSatisfy { $0.hasSuffix(" (dry run)") })
        // What the rules moved is new to the server; the rest is there already.
        #expect(lines.contains("namespace/payments created (dry run)"))
        #expect(lines.contains("secret/external-api-client created (dry run)"))
        #expect(lines.contains("gateway.gateway.networking.k8s.io/api-gateway configured (dry run)"))
        #expect(lines.contains("secret/shop-tls configured (dry run)"))
    }

    @Test func withSecretsRefusesToPrintAStream() throws {
        let r = try CLI.run(["export", "--from", Self.folder + "/dump.yaml", "-o", "yaml", "--with-secrets"])
        #expect(r.code == 2)
        #expect(r.stdout == "")
        #expect(r.stderr.contains("--with-secrets writes Secrets into a tree with -d (files of mode 0600); -o yaml would print their values"))
        let stdin = try CLI.run(["export", "--from", "-", "-d", try TestPaths.temporaryDirectory() + "/d", "--with-namespaces"], stdin: "")
        #expect(stdin.code == 2)
        #expect(stdin.stderr.contains("standard input"))
    }
}
