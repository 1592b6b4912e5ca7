import ArgumentParser
import MeshDump
import MeshDumpCore
import MeshDumpSources

/// `--kubeconfig`, `--context`, `--request-timeout` and `--chunk-size` for commands whose SOURCE
/// may be `cluster:` (diff, rewrite, check).
struct ClusterSourceOptions: ParsableArguments {
    @Option(help: .kubeconfigFile, completion: .file())
    var kubeconfig: String?

    @Option(help: ArgumentHelp("The kubeconfig context of a bare cluster: SOURCE (default: the current one).", valueName: "name"),
            completion: .kubeconfigContexts)
    var context: String?

    @OptionGroup
    var requests: ClientRequestOptions

    /// Whether either option was given (only a `cluster:` SOURCE can use them).
    var given: Bool { kubeconfig != nil || context != nil }

    func validate() throws {
        if context?.isEmpty == true { throw ValidationError("--context names no context") }
    }

    /// Makes each SOURCE's source: files as files, `cluster:` through the kubeconfig.
    func resolver(diagnostics: any DiagnosticSink) throws -> any SourceResolver {
        ClusterSourceResolver(kubeconfig: kubeconfig, context: context, options: try requests.clientOptions(), diagnostics: diagnostics)
    }
}
