#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ArgumentParser
import MeshDump
import MeshDumpCore

/// `meshdump diff`: a semantic diff of two trees, files, standard input or clusters.
struct Diff: AsyncParsableCommand, HasExamples {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Compare two trees of Kubernetes objects by meaning, for review.",
        discussion: """
            OLD and NEW are each a directory (every .yaml, .yml and .json file below it), a file, \
            - for standard input, or cluster: / cluster:CONTEXT for a live cluster. Objects are \
            matched by group, kind, namespace and name, never by file: key order, quoting, JSON \
            or YAML make no difference, and one object at two versions of its group is one \
            object with its apiVersion change shown. A cluster side is listed as export lists \
            it. Both sides are neated as export neats (--no-neat compares raw objects), so a \
            `kubectl get` dump and the tree exported from it compare equal. Exit status: 0 \
            equal, 1 different, 2 error.
            """
    )

    static let examples = """
          # Two trees, for review
          meshdump diff testdata/diff/istio/old testdata/diff/istio/new

          # A tree against the live cluster it should match, one line per object
          meshdump diff data/ cluster: -o stat

          # Only two kinds of one namespace, annotations left out
          meshdump diff old.yaml new.json --kinds vs,dr -n payments --ignore 'metadata.annotations.*'
        """

    @Argument(help: ArgumentHelp("The old side: a directory, a file, - or cluster:[CONTEXT].", valueName: "OLD"), completion: .file())
    var old: String

    @Argument(help: ArgumentHelp("The new side: a directory, a file, - or cluster:[CONTEXT].", valueName: "NEW"), completion: .file())
    var new: String

    @Option(name: .shortAndLong, help: ArgumentHelp("Output format: text, json, unified or stat.", valueName: "format"))
    var output: DiffFormat = .text

    @Option(help: ArgumentHelp("Leave out fields matching this path (* wildcards: metadata.annotations.*, spec.http[*].timeout). Repeatable.",
                               valueName: "path"))
    var ignore: [String] = []

    @Option(help: ArgumentHelp("Compare only these kinds (vs,gw,DestinationRule).", valueName: "kind,..."))
    var kinds: String?

    @Option(name: [.customShort("n"), .customLong("namespace")], help: ArgumentHelp("Compare only this namespace. Repeatable.", valueName: "namespace"))
    var namespaces: [String] = []

    @Option(help: ArgumentHelp("Colour: auto (when standard output is a terminal), always or never.", valueName: "when"))
    var color: ColorMode = .auto

    @Option(help: ArgumentHelp("Compare OLD as the mappings of these rules files (namespaces, hosts, gateways, …) would rewrite it. Repeatable.",
                               valueName: "file"))
    var rules: [String] = []

    @Flag(help: "Compare objects as they are, without neating them first.")
    var noNeat = false

    @OptionGroup(title: "Cluster")
    var cluster: ClusterSourceOptions

    func validate() throws {
        try NamespaceNames.validate(namespaces)
    }

    func run() async throws {
        let diagnostics = DiagnosticCollector(forwardingTo: StandardErrorDiagnostics())
        let run: DiffRun
        do {
            let request = try DiffRequest(old: old, new: new, ignore: ignore, kinds: kinds, namespaces: namespaces, rules: rules,
                                          clusterOptions: cluster.given, neat: !noNeat)
            run = try request.makeRun(resolver: cluster.resolver(diagnostics: diagnostics))
        } catch {
            fail("\(error)", code: 2)
        }
        let result: DiffResult
        var bytes: [UInt8] = []
        do {
            result = try await run.run(diagnostics: diagnostics)
            try output.render(result, colored: color.isOn(for: .standardOutput), to: &bytes)
        } catch {
            fail("\(error)", code: 2)
        }
        Terminal.standardOutput.write(bytes)
        RunEnd.exit(diagnostics, failed: result.hasDifferences)
    }
}

/// `--color`: whether output is coloured.
enum ColorMode: String, ExpressibleByArgument, CaseIterable {
    case auto, always, never

    /// On for `always`; for `auto`, when the stream is a terminal, `TERM` is not `dumb` and
    /// `NO_COLOR` is not set.
    func isOn(for terminal: Terminal) -> Bool {
        switch self {
        case .always: return true
        case .never: return false
        case .auto:
            if getenv("NO_COLOR").map({ $0.pointee != 0 }) ?? false { return false }
            if let term = getenv("TERM"), String(cString: term) == "dumb" { return false }
            return terminal.isTTY
        }
    }
}

extension DiffFormat: ExpressibleByArgument {}
