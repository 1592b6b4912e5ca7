import ArgumentParser
import MeshDumpKube

/// `--kubeconfig`, `--context` (repeatable: one tree folder per context), `--all-contexts`,
/// `--request-timeout` and `--chunk-size`, as export takes them.
struct ClusterOptions: ParsableArguments {
    @Option(help: .kubeconfigFile, completion: .file())
    var kubeconfig: String?

    @Option(name: .customLong("context"), help: ArgumentHelp("A kubeconfig context (default: the current one). Repeatable: each into <dir>/<context>/.",
                                                             valueName: "name"), completion: .kubeconfigContexts)
    var contexts: [String] = []

    @Flag(help: "Export every context of the kubeconfig, each into <dir>/<context>/.")
    var allContexts = false

    @Option(help: ArgumentHelp("Kinds listed at once.", valueName: "n"))
    var concurrency = 4

    @OptionGroup
    var requests: ClientRequestOptions

    func validate() throws {
        guard concurrency >= 1 else { throw ValidationError("--concurrency must be at least 1") }
        if allContexts && !contexts.isEmpty { throw ValidationError("--all-contexts and --context cannot be combined") }
    }

    /// Whether any option names a cluster (which `--from` cannot be combined with).
    var given: Bool { allContexts || !contexts.isEmpty || kubeconfig != nil }
}

extension ArgumentHelp {
    /// `--kubeconfig`, the same for every command that talks to a cluster.
    static var kubeconfigFile: ArgumentHelp {
        ArgumentHelp("The kubeconfig file (default: $KUBECONFIG, then ~/.kube/config, then the in-cluster service account).", valueName: "file")
    }
}
