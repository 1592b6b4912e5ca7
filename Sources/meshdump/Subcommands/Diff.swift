#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ArgumentParser
import MeshDump
import MeshDumpCore
import MeshDumpKube

/// `meshdump diff`: a semantic diff of two trees, files, standard input or clusters.
struct Diff: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Compare two trees of Kubernetes objects by meaning, for review.",
        discussion: """
            OLD and NEW are each a directory (every .yaml, .yml and .json file below it), a file, \
            - for standard input, or cluster: / cluster:CONTEXT for a live cluster. Objects are \
            matched by group, kind, namespace and name, never by file: key order, quoting, JSON \
            or YAML make no difference, and one object at two versions of its group is one \
            object with its apiVersion change shown. A cluster side is listed as export lists \
            it, neat applied. Exit status: 0 equal, 1 different, 2 error.
            """
    )

    @Argument(help: "The old side: a directory, a file, - or cluster:[CONTEXT].")
    var old: String

    @Argument(help: "The new side: a directory, a file, - or cluster:[CONTEXT].")
    var new: String

    @Option(name: .shortAndLong, help: "Output format: text, json, unified or stat.")
    var output: DiffFormat = .text

    @Option(help: "Leave out fields matching this path (* wildcards: metadata.annotations.*, spec.http[*].timeout). Repeatable.")
    var ignore: [String] = []

    @Option(help: "Compare only these kinds (comma-separated: vs,gw,DestinationRule).")
    var kinds: String?

    @Option(name: [.customShort("n"), .customLong("namespace")], help: "Compare only this namespace. Repeatable.")
    var namespaces: [String] = []

    @Option(help: "Colour: auto (when standard output is a terminal), always or never.")
    var color: ColorMode = .auto

    @Option(help: "The kubeconfig context for a bare cluster: side.")
    var context: String?

    @Option(help: "The kubeconfig file (default: $KUBECONFIG, then ~/.kube/config).")
    var kubeconfig: String?

    func validate() throws {
        try NamespaceNames.validate(namespaces)
    }

    func run() async throws {
        let run: DiffRun
        do {
            let request = try DiffRequest(old: old, new: new, ignore: ignore, kinds: kinds, namespaces: namespaces,
                                          context: context, kubeconfig: kubeconfig)
            run = try request.makeRun(clusterSource: Self.clusterSource)
        } catch {
            fail("\(error)", code: 2)
        }
        let result: DiffResult
        var bytes: [UInt8] = []
        do {
            result = try await run.run(diagnostics: StandardErrorDiagnostics())
            try output.render(result, colored: color.isOn(for: .standardOutput), to: &bytes)
        } catch {
            fail("\(error)", code: 2)
        }
        Terminal.standardOutput.write(bytes)
        Terminal.exit(result.hasDifferences ? 1 : 0)
    }

    /// The source of a `cluster:` side: the cluster's objects, neat as export writes them.
    private static func clusterSource(_ listing: ClusterListing) throws -> any DiffSource {
        NeatedDiffSource(try ClusterDiffSource(listing, diagnostics: StandardErrorDiagnostics()))
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
