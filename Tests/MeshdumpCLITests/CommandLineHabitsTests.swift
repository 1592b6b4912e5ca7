import Foundation
import Testing
import TestSupport

/// Issue 9: a command line with kubectl's habits: `-o` is a format everywhere, one error
/// style, help that ends with examples, the rules syntax at hand, and kubectl's plugin name.
struct CommandLineHabitsTests {
    static let dump = CLI.testdata("cluster/istio-dump.json")

    /// `export -o yaml` prints the objects export would write to a tree, one stream, in a
    /// fixed order, so `meshdump export -o yaml | kubectl apply -f -` works.
    @Test func exportAndRewriteStreamWithDashO() throws {
        let yaml = try CLI.run(["export", "--from", Self.dump, "-o", "yaml"])
        #expect(yaml.code == 0, "\(yaml.stderr)")
        #expect(yaml.stderr.hasSuffix("wrote 66 objects in 3 namespaces to standard output\n"))
        let tree = try CLI.run(["neat", "-f", CLI.testdata("export/expected")])
        #expect(yaml.stdout.components(separatedBy: "---\n").sorted() == tree.stdout.components(separatedBy: "---\n").sorted())
        #expect(try CLI.run(["export", "--from", Self.dump, "-o", "yaml"]).stdout == yaml.stdout, "deterministic")

        let json = try CLI.run(["rewrite", "--rules", CLI.testdata("rewrite/issue-example/rules.yaml"), CLI.testdata("rewrite/issue-example/input"), "-o", "json"])
        #expect(json.code == 0, "\(json.stderr)")
        #expect(json.stdout.hasPrefix("{\n    \"apiVersion\""))
    }

    @Test(arguments: [
        (["export", "-o", "data"], "meshdump: error: -o is the output format (yaml or json), as in kubectl; a tree is written with -d: meshdump export -d data\nSee 'meshdump export --help' for usage.\n"),
        (["export", "-o", "-"], "meshdump: error: -o is the output format (yaml or json), as in kubectl; a tree is written with -d: meshdump export -d -\nSee 'meshdump export --help' for usage.\n"),
        (["export", "--bogus"], "meshdump: error: Unknown option '--bogus'\nSee 'meshdump export --help' for usage.\n"),
        (["diff", "a"], "meshdump: error: Missing expected argument '<NEW>'\nSee 'meshdump diff --help' for usage.\n"),
    ])
    func usageErrorsHaveOneStyleAndExitTwo(_ arguments: [String], _ stderr: String) throws {
        let r = try CLI.run(arguments)
        #expect(r.code == 2)
        #expect(r.stderr == stderr)
    }

    static let subcommands = ["export", "neat", "rewrite", "diff", "check", "apply", "version"]

    /// The examples a subcommand's `--help` ends with: each a `# comment` line and the command
    /// lines under it, indented two spaces.
    static func examples(_ help: String) throws -> [[String]] {
        let section = try #require(help.components(separatedBy: "\n\nEXAMPLES:\n").dropFirst().last)
        return section.components(separatedBy: "\n\n").map { $0.split(separator: "\n").map(String.init) }
    }

    /// Two or three, as kubectl's help has them, each a comment and a `meshdump <command>` line.
    @Test(arguments: subcommands)
    func helpEndsWithTwoOrThreeExamples(_ command: String) throws {
        for arguments in [[command, "--help"], ["help", command]] {
            let r = try CLI.run(arguments)
            #expect(r.code == 0)
            #expect(r.stdout.hasSuffix("\n"))
            #expect(!r.stdout.contains("\n\n\n"), "one blank line between sections")
            let examples = try Self.examples(r.stdout)
            #expect((2...3).contains(examples.count), "\(arguments): \(examples.count) examples")
            for example in examples {
                #expect(example.count == 2 && example[0].hasPrefix("  # ") && example[1].hasPrefix("  "), "\(example)")
                #expect(example.last?.contains("meshdump \(command)") == true, "\(example)")
            }
        }
    }

    /// `meshdump help rules` prints the README's rules-file section, word for word.
    @Test func helpRulesIsTheReadmesSection() throws {
        let readme = try CLI.read(TestPaths.root + "/README.md")
        let start = try #require(readme.range(of: "### The rules file\n\n"))
        let end = try #require(readme.range(of: "## `meshdump diff`"))
        let section = String(readme[start.upperBound..<end.lowerBound]).trimmingCharacters(in: .newlines) + "\n"
        let r = try CLI.run(["help", "rules"])
        #expect(r.code == 0)
        #expect(r.stdout == section)
    }

    /// As a kubectl plugin (`kubectl meshdump …` runs `kubectl-meshdump`), usage and errors say
    /// so, as the README promises.
    @Test func asAKubectlPluginItsUsageSaysKubectlMeshdump() throws {
        let dir = try TestPaths.temporaryDirectory()
        try FileManager.default.createSymbolicLink(atPath: dir + "/kubectl-meshdump", withDestinationPath: CLI.binary.path)
        let plugin = URL(fileURLWithPath: dir + "/kubectl-meshdump")
        let r = try ChildProcess.run(plugin, ["diff", "--help"])
        #expect(r.stdout.contains("USAGE: kubectl meshdump diff [<options>] <OLD> <NEW>"))
        #expect(r.stdout.contains("\n  meshdump diff testdata/diff/istio/old"), "examples are shell lines either way")

        let usage = try ChildProcess.run(plugin, ["export", "-o", "data"])
        #expect(usage.code == 2)
        #expect(usage.stderr == "kubectl meshdump: error: -o is the output format (yaml or json), as in kubectl; a tree is written with -d: kubectl meshdump export -d data\nSee 'kubectl meshdump export --help' for usage.\n")
        let runtime = try ChildProcess.run(plugin, ["neat", "-f", dir + "/missing.yaml"])
        #expect(runtime.code == 1)
        #expect(runtime.stderr.hasPrefix("kubectl meshdump: error: "), "\(runtime.stderr)")
        let readme = try CLI.read(TestPaths.root + "/README.md").replacingOccurrences(of: "\n", with: " ")
        #expect(readme.contains("help, usage lines and errors then say `kubectl meshdump` (`kubectl meshdump: error: …`)"))
    }

    @Test func summariesCountInTheRightNumber() throws {
        let dir = try TestPaths.temporaryDirectory()
        let two = try CLI.run(["export", "--from", Self.dump, "-d", dir + "/data", "--kinds", "pa", "-n", "catalog-0"])
        #expect(two.stderr.hasSuffix("peerauthentications.security.istio.io  v1        2 objects in 1 namespace\nwrote 2 objects in 1 namespace to \(dir)/data/\n"))
        try "apiVersion: security.istio.io/v1\nkind: PeerAuthentication\nmetadata: {name: default, namespace: a}\n".write(toFile: dir + "/one.yaml", atomically: true, encoding: .utf8)
        let one = try CLI.run(["export", "--from", dir + "/one.yaml", "-d", dir + "/one", "--kinds", "pa"])
        #expect(one.stderr.hasSuffix("peerauthentications.security.istio.io  v1        1 object in 1 namespace\nwrote 1 object in 1 namespace to \(dir)/one/\n"))
    }
}
