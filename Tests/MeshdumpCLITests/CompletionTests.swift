import Foundation
import Testing
import TestSupport

/// Issue 9: shell completion for bash, zsh and fish names every subcommand and the flags people
/// type most, and completes `--context` with the contexts of the kubeconfig the command line
/// names.
struct CompletionTests {
    static let subcommands = ["export", "neat", "rewrite", "diff", "check", "apply", "version"]
    static let flags = ["kinds", "namespace", "selector", "from", "dir", "output", "rules", "kubeconfig", "context",
                        "all-contexts", "with-secrets", "ignore", "no-neat", "fail-on", "dry-run", "prune", "version"]

    @Test(arguments: ["bash", "zsh", "fish"])
    func scriptsNameEverySubcommandAndKeyFlags(_ shell: String) throws {
        let r = try CLI.run(["--generate-completion-script", shell])
        #expect(r.code == 0, "\(r.stderr)")
        for subcommand in Self.subcommands {
            #expect(r.stdout.contains(shell == "fish" ? "-fa '\(subcommand)'" : subcommand), "\(shell): \(subcommand)")
        }
        for flag in Self.flags {
            // fish spells a long flag `-l 'name'` or `'name='` in its parser's list.
            let spelled = shell == "fish" ? [" -l '\(flag)'", "'\(flag)'", "'\(flag)='", "/\(flag)'", "/\(flag)='"] : ["--\(flag)"]
            #expect(spelled.contains { r.stdout.contains($0) }, "\(shell): --\(flag)")
        }
        if shell == "bash" {
            #expect(r.stdout.components(separatedBy: "'--rules')\n        __meshdump_add_completions -f\n").count == 5, "--rules completes files in export, rewrite, diff and apply")
            #expect(r.stdout.components(separatedBy: "'-d'|'--dir')\n        __meshdump_add_completions -d\n").count == 3, "-d completes folders in export and rewrite")
        }
        // `--context` values come from meshdump itself, as `contextsOfTheKubeconfig` asks for them.
        for subcommand in ["export", "rewrite", "diff", "check", "apply"] {
            #expect(r.stdout.contains("---completion \(subcommand) -- --context"), "\(shell): \(subcommand) --context")
        }
    }

    /// A folder with two kubeconfig files, `ab` (contexts alpha, beta) and `g` (gamma), and a
    /// home folder holding no kubeconfig, so nothing outside the test's folder is read.
    static func kubeconfigs() throws -> (dir: String, ab: String, g: String) {
        let dir = try TestPaths.temporaryDirectory()
        func config(_ contexts: [String]) -> String {
            """
            apiVersion: v1
            kind: Config
            clusters: [{name: c, cluster: {server: "https://127.0.0.1:1"}}]
            users: [{name: u, user: {token: t}}]
            contexts: [\(contexts.map { "{name: \($0), context: {cluster: c, user: u}}" }.joined(separator: ", "))]
            current-context: \(contexts[0])

            """
        }
        try CLI.write(config(["alpha", "beta"]), to: dir + "/ab.yaml")
        try CLI.write(config(["gamma"]), to: dir + "/g.yaml")
        try FileManager.default.createDirectory(atPath: dir + "/home", withIntermediateDirectories: true)
        return (dir, dir + "/ab.yaml", dir + "/g.yaml")
    }

    /// What the completion scripts run for `--context`: `meshdump ---completion SUBCOMMAND --
    /// --context INDEX CURSOR WORDS…`, the words being the command line with the one completed
    /// (here the last, empty) at INDEX.
    static func contexts(_ subcommand: String, _ words: [String], environment: [String: String]) throws -> [String] {
        let line = ["meshdump", subcommand] + words + ["--context", ""]
        let r = try ChildProcess.run(CLI.binary, ["---completion", subcommand, "--", "--context", "\(line.count - 1)", "0"] + line,
                                     environment: environment)
        #expect(r.code == 0, "\(r.stderr)")
        return r.stdout.split(separator: "\n").map(String.init)
    }

    @Test(arguments: ["export", "rewrite", "diff", "check", "apply"])
    func contextsOfTheKubeconfig(_ subcommand: String) throws {
        let (dir, ab, g) = try Self.kubeconfigs()
        let home = ["HOME": dir + "/home", "PATH": "/usr/bin:/bin"]
        #expect(try Self.contexts(subcommand, [], environment: home) == [])
        #expect(try Self.contexts(subcommand, ["--kubeconfig", ab], environment: home) == ["alpha", "beta"])
        #expect(try Self.contexts(subcommand, ["--kubeconfig=\(g)"], environment: home) == ["gamma"])
        #expect(try Self.contexts(subcommand, ["--kubeconfig", "'\(g)'"], environment: home) == ["gamma"], "shell quotes come verbatim")
        #expect(try Self.contexts(subcommand, ["--kubeconfig", "~/../g.yaml"], environment: home) == ["gamma"], "~ is the home folder")
        #expect(try Self.contexts(subcommand, [], environment: home.merging(["KUBECONFIG": "\(ab):\(g)"]) { $1 }) == ["alpha", "beta", "gamma"])
        #expect(try Self.contexts(subcommand, ["--kubeconfig", g], environment: home.merging(["KUBECONFIG": ab]) { $1 }) == ["gamma"],
                "--kubeconfig wins over $KUBECONFIG")
        try FileManager.default.createDirectory(atPath: dir + "/home/.kube", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: ab, toPath: dir + "/home/.kube/config")
        #expect(try Self.contexts(subcommand, [], environment: home) == ["alpha", "beta"], "~/.kube/config without $KUBECONFIG")
    }
}
