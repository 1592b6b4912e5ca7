import ArgumentParser
import MeshDump
import MeshDumpCore
import MeshDumpKube
import MeshDumpSources

/// `--kubeconfig`, `--context`, `--request-timeout` and `--chunk-size` for a command that writes
/// to a cluster (apply): the context is the target's; a `cluster:` SOURCE names its own.
struct TargetClusterOptions: ParsableArguments {
    @Option(help: .kubeconfigFile, completion: .file())
    var kubeconfig: String?

    @Option(help: ArgumentHelp("The kubeconfig context to apply to (default: the current one).", valueName: "name"),
            completion: .kubeconfigContexts)
    var context: String?

    @OptionGroup
    var requests: ClientRequestOptions

    func validate() throws {
        if context?.isEmpty == true { throw ValidationError("--context names no context") }
    }

    /// The target's connection.
    func connection() throws -> ClusterConnection {
        try ClusterConnection.load(kubeconfig: kubeconfig, context: context)
    }

    /// How the client talks to the API servers (the target's, and a `cluster:` SOURCE's).
    func clientOptions() throws -> ClientOptions {
        try requests.clientOptions()
    }

    /// Makes the SOURCE's source: files as files, `cluster:` through the same kubeconfig (a bare
    /// `cluster:` is the current context, not `--context`).
    func sourceResolver(diagnostics: any DiagnosticSink) throws -> any SourceResolver {
        ClusterSourceResolver(kubeconfig: kubeconfig, context: nil, options: try clientOptions(), diagnostics: diagnostics)
    }
}
