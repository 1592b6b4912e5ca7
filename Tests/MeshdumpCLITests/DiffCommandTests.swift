import Foundation
import Testing
import TestSupport

/// `meshdump diff` as users run it: exit 0 equal, 1 different, 2 error (like diff(1)), output
/// on standard output, errors on standard error.
struct DiffCommandTests {
    /// Runs meshdump in the package root, so paths in messages are the relative ones given.
    static func meshdump(_ arguments: [String], stdin: String? = nil) throws -> CLI.Result {
        try CLI.runInPackage(arguments, stdin: stdin)
    }

    static func golden(_ name: String) throws -> String { try CLI.read(CLI.testdata("diff/istio/" + name)) }

    static let old = "testdata/diff/istio/old"
    static let new = "testdata/diff/istio/new"

    @Test func differentTreesExitOneWithTheGoldenText() throws {
        let outcome = try Self.meshdump(["diff", Self.old, Self.new])
        #expect(outcome.code == 1)
        #expect(outcome.stderr == "")
        #expect(outcome.stdout == (try Self.golden("expected.text")))
    }

    @Test(arguments: ["text", "json", "unified", "stat"])
    func everyFormatMatchesItsGolden(format: String) throws {
        let outcome = try Self.meshdump(["diff", "--output", format, Self.old, Self.new])
        #expect(outcome.code == 1)
        #expect(outcome.stdout == (try Self.golden("expected.\(format)")))
    }

    @Test func equalTreesExitZero() throws {
        let outcome = try Self.meshdump(["diff", Self.new, Self.new])
        #expect(outcome.code == 0)
        #expect(outcome.stdout == "0 changed, 0 added, 0 removed, 24 unchanged\n")
    }

    @Test func ignoringEveryDifferenceExitsZero() throws {
        let outcome = try Self.meshdump(["diff", "-o", "stat", Self.old, Self.new, "--kinds", "gw", "--ignore", "spec.servers[port.number=80].hosts"])
        #expect(outcome.code == 0)
        #expect(outcome.stdout == "0 changed, 0 added, 0 removed, 1 unchanged\n")
    }

    @Test func standardInputIsOneSide() throws {
        let text = try CLI.read(CLI.testdata("diff/istio/new/bookinfo/virtualservices/ratings.yaml"))
        let outcome = try Self.meshdump(["diff", "-", Self.new + "/bookinfo/virtualservices/ratings.yaml"], stdin: text.replacingOccurrences(of: "v1beta1", with: "v1"))
        #expect(outcome.code == 1)
        #expect(outcome.stdout == """
            ~ VirtualService ratings
              ~ apiVersion: networking.istio.io/v1 → networking.istio.io/v1beta1
            1 changed, 0 added, 0 removed, 0 unchanged

            """)
    }

    @Test(arguments: [
        (["diff", "testdata/diff/istio/old", "no/such/dir"], "meshdump: error: no/such/dir: no such file or directory\n"),
        (["diff", "testdata/istio-configs", "testdata/diff/istio/new"],
         "meshdump: error: VirtualService foo/productpage is defined twice in testdata/istio-configs: at testdata/istio-configs/istio__pkg__config__analysis__analyzers__testdata__deprecation.yaml:15:1 and at testdata/istio-configs/istio__pkg__config__analysis__analyzers__testdata__virtualservice_conflictingmeshgatewayhosts.yaml:1:1\n"),
        (["diff", "-", "-"], "meshdump: error: OLD and NEW cannot both be standard input\n"),
        (["diff", "a", "b", "--ignore", "spec[x"], "meshdump: error: invalid --ignore pattern \"spec[x\": '[' at offset 4 is not closed\n"),
        (["diff", "a", "b", "--kubeconfig", "k"], "meshdump: error: --context and --kubeconfig apply to a cluster: side, and neither OLD nor NEW is one\n"),
    ])
    func errorsExitTwoNamingTheProblem(arguments: [String], message: String) throws {
        let outcome = try Self.meshdump(arguments)
        #expect(outcome.code == 2)
        #expect(outcome.stdout == "")
        #expect(outcome.stderr == message)
    }

    /// A cluster side whose kubeconfig names no such context, or that has no kubeconfig, is an
    /// error (exit 2) naming the problem; nothing is printed on standard output.
    @Test func unreachableClusterSideIsAnError() throws {
        let dir = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        do {
            try CLI.write("""
                apiVersion: v1
                kind: Config
                clusters:
                - name: nowhere
                  cluster: {server: "http://127.0.0.1:9"}
                contexts:
                - name: nowhere
                  context: {cluster: nowhere}
                current-context: nowhere

                """, to: dir + "/kubeconfig")
            let missing = try Self.meshdump(["diff", "cluster:prod", Self.new, "--kubeconfig", dir + "/kubeconfig"])
            #expect(missing.code == 2)
            #expect(missing.stdout == "")
            #expect(missing.stderr == "meshdump: error: context \"prod\" does not exist in \(dir)/kubeconfig\n")
            let noCurrent = try Self.meshdump(["diff", Self.new, "cluster:", "--kubeconfig", dir + "/none.yaml"])
            #expect(noCurrent.code == 2)
            #expect(noCurrent.stderr.hasPrefix("meshdump: error: "))
            #expect(noCurrent.stderr.contains("none.yaml"))
        }
    }

    @Test func badOutputFormatIsAUsageError() throws {
        let outcome = try Self.meshdump(["diff", "-o", "html", Self.old, Self.new])
        #expect(outcome.code == 2)
        #expect(outcome.stderr.contains("'html' is invalid for '-o <format>'"))
    }

    @Test func colourIsOffInAPipeUnlessAsked() throws {
        let auto = try Self.meshdump(["diff", Self.old, Self.new])
        #expect(!auto.stdout.contains("\u{1B}["))
        let always = try Self.meshdump(["diff", "--color", "always", Self.old, Self.new])
        #expect(always.stdout == (try Self.golden("expected-color.text")))
        let never = try Self.meshdump(["diff", "--color", "never", Self.old, Self.new])
        #expect(never.stdout == auto.stdout)
    }

    /// `--rules`: old objects go through the rules' mappings first, so a namespace move is a list
    /// of renames and only the hand edits are changes. A rules file that does not load is a
    /// usage error naming its place.
    @Test func rulesMapTheOldSide() throws {
        let outcome = try Self.meshdump(["diff", "--rules", "testdata/diff/renames/rules.yaml", "testdata/diff/renames/old", "testdata/diff/renames/new"])
        #expect(outcome.code == 1)
        #expect(outcome.stderr == "")
        #expect(outcome.stdout == (try CLI.read(CLI.testdata("diff/renames/expected-rules.text"))))
        let dir = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try CLI.write("apiVersion: meshdump/v1\nkind: Rules\nnamespace: {a: b}\n", to: dir + "/bad.yaml")
        let bad = try Self.meshdump(["diff", "--rules", dir + "/bad.yaml", "testdata/diff/renames/old", "testdata/diff/renames/new"])
        #expect(bad.code == 2)
        #expect(bad.stdout == "")
        #expect(bad.stderr == "meshdump: error: \(dir)/bad.yaml:3:1: unknown key \"namespace\"; did you mean \"namespaces\"?\n")
    }
}
