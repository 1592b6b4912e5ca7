import ArgumentParser
import MeshDump
import MeshDumpCore

/// `meshdump diff`: a semantic diff of two trees, files, standard input or clusters.
struct Diff: AsyncParsableCommand, HasExamples {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Compare two trees of Kubernetes objects by meaning, for review.",
        discussion: discussion("""
            OLD and NEW are each a directory (every .yaml, .yml and .json file below it), a file, \
            - for standard input, or cluster: / cluster:CONTEXT for a live cluster. Objects are \
            matched by group, kind, namespace and name, never by file: key order, quoting, JSON \
            or YAML make no difference, and one object at two versions of its group is one \
            object with its apiVersion change shown. A cluster side is listed as export lists \
            it. Both sides are neated as export neats (--no-neat compares raw objects), so a \
            `kubectl get` dump and the tree exported from it compare equal. Exit status: 0 \
            equal, 1 different, 2 error.
            """)
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

    @OptionGroup(title: "What to compare")
    var scope: DiffScopeOptions

    @OptionGroup(title: "Before comparing")
    var preparation: DiffPreparationOptions

    @OptionGroup(title: "Output")
    var output: DiffOutputOptions

    @OptionGroup(title: "Cluster")
    var cluster: ClusterSourceOptions

    func run() async throws {
        let diagnostics = DiagnosticCollector(forwardingTo: StandardErrorDiagnostics())
        let run: DiffRun
        do {
            let request = try DiffRequest(old: old, new: new, ignore: scope.ignore, kinds: scope.kinds, namespaces: scope.namespaces,
                                          rules: preparation.rules, clusterOptions: cluster.given, neat: !preparation.noNeat)
            run = try request.makeRun(resolver: cluster.resolver(diagnostics: diagnostics))
        } catch {
            fail("\(error)", code: 2)
        }
        let result: DiffResult
        var bytes: [UInt8] = []
        do {
            result = try await run.run(diagnostics: diagnostics)
            try output.format.render(result, colored: output.color.isOn(for: .standardOutput), to: &bytes)
        } catch {
            fail("\(error)", code: 2)
        }
        Terminal.standardOutput.write(bytes)
        RunEnd.exit(diagnostics, failed: result.hasDifferences)
    }
}

extension DiffFormat: ExpressibleByArgument {}
